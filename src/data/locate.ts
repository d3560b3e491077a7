// From a place in the data (a JSON pointer's segments) back to a line and column in the YAML.
import { isMap, isNode, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Places, Position, Segment } from './source.js';

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
function nodeAt(doc: Document.Parsed, segments: readonly Segment[]): Node | undefined {
  let node: unknown = doc.contents;
  for (const segment of segments) {
    const next = child(node, segment);
    if (!isNode(next)) break;
    node = next;
  }
  return isNode(node) ? node : undefined;
}

/** The key of `key` in the mapping at `segments`: where an unknown key is written. */
function keyAt(doc: Document.Parsed, segments: readonly Segment[], key: string): Node | undefined {
  const map = nodeAt(doc, segments);
  if (!isMap(map)) return undefined;
  const pair = pairOf(map, key);
  return isNode(pair?.key) ? pair.key : undefined;
}

/** Where the nodes of a parsed document are written in its text. */
export function placesIn(doc: Document.Parsed, lineCounter: LineCounter, text: string): Places {
  const positionOf = (node: Node | undefined): Position => {
    const range = node?.range;
    if (!range) return { line: 1, column: 1, length: 1 };
    const { line, col } = lineCounter.linePos(range[0]);
    const lineEnd = text.indexOf('\n', range[0]);
    const end = Math.min(range[1], lineEnd === -1 ? text.length : lineEnd);
    return { line, column: col, length: Math.max(1, end - range[0]) };
  };
  return {
    at: (segments, key) => positionOf(key === undefined ? nodeAt(doc, segments) : keyAt(doc, segments, key)),
  };
}
