// From a place in the data (a JSON pointer's segments) back to a line and column in the YAML.
import { isMap, isNode, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { SourceFile } from './load.js';

export type Segment = string | number;

export interface Position {
  line: number;
  column: number;
  length: number;
}

export function pointerToSegments(pointer: string): Segment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Each mapping's pairs by key (the first, when a key repeats), made once: a file with a problem on
 * each of thousands of keys would otherwise search the mapping once a problem.
 */
const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let pairs = pairsByKey.get(map);
  if (!pairs) {
    pairs = new Map();
    for (const pair of map.items) {
      if (isPair(pair) && isScalar(pair.key) && !pairs.has(String(pair.key.value))) pairs.set(String(pair.key.value), pair);
    }
    pairsByKey.set(map, pairs);
  }
  return pairs.get(key);
}

function child(node: unknown, segment: Segment): unknown {
  if (isMap(node)) return pairOf(node, String(segment))?.value;
  if (isSeq(node) && typeof segment === 'number') return node.items[segment];
  return undefined;
}

/** The node at `segments`, or the deepest ancestor that exists. */
export function nodeAt(source: SourceFile, segments: readonly Segment[]): Node | undefined {
  let node: unknown = source.doc.contents;
  for (const segment of segments) {
    const next = child(node, segment);
    if (!isNode(next)) break;
    node = next;
  }
  return isNode(node) ? node : undefined;
}

/** The key of `key` in the mapping at `segments`: where an unknown key is written. */
export function keyAt(source: SourceFile, segments: readonly Segment[], key: string): Node | undefined {
  const map = nodeAt(source, segments);
  if (!isMap(map)) return undefined;
  const pair = pairOf(map, key);
  return isNode(pair?.key) ? pair.key : undefined;
}

export function positionOf(source: SourceFile, node: Node | undefined): Position {
  const range = node?.range;
  if (!range) return { line: 1, column: 1, length: 1 };
  const { line, col } = source.lineCounter.linePos(range[0]);
  const lineEnd = source.text.indexOf('\n', range[0]);
  const end = Math.min(range[1], lineEnd === -1 ? source.text.length : lineEnd);
  return { line, column: col, length: Math.max(1, end - range[0]) };
}

/** The line of the key `segments` points at, e.g. for "first used on line 12". */
export function lineOf(source: SourceFile, segments: readonly Segment[]): number {
  return positionOf(source, nodeAt(source, segments)).line;
}
