// From a place in the data (a JSON pointer's segments) back to a line and column in the YAML,
// through the places the reading recorded (read-yaml.ts).
import type { PlaceNode } from './read-yaml.js';
import type { Places, Position, Segment } from './source.js';

/** Offsets to lines and columns: the start of each line, found once, searched by halves. */
export function lineStarts(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

function child(node: PlaceNode, segment: Segment): PlaceNode | undefined {
  if (node.pairs) return node.pairs.get(String(segment));
  if (node.items && typeof segment === 'number') return node.items[segment];
  return undefined;
}

/** The node at `segments`, or the deepest ancestor that exists. */
function nodeAt(root: PlaceNode, segments: readonly Segment[]): PlaceNode {
  let node = root;
  for (const segment of segments) {
    const next = child(node, segment);
    if (!next) break;
    node = next;
  }
  return node;
}

/** Where the nodes of a file are written, from the root of its places. */
export function placesIn(root: PlaceNode | undefined, text: string): Places {
  let locate: ReturnType<typeof lineStarts> | undefined;
  const positionOf = (node: PlaceNode | undefined): Position => {
    if (!node) return { line: 1, column: 1, length: 1 };
    locate ??= lineStarts(text);
    const { line, column } = locate(node.start);
    const lineEnd = text.indexOf('\n', node.start);
    let end = Math.min(node.end, lineEnd === -1 ? text.length : lineEnd);
    // Not the spaces (or the CR of a CRLF) between a value and a comment or the line's end.
    while (end > node.start + 1 && /[ \t\r]/.test(text[end - 1]!)) end--;
    return { line, column, length: Math.max(1, end - node.start) };
  };
  return {
    at: (segments, key) => {
      if (!root) return positionOf(undefined);
      if (key === undefined) return positionOf(nodeAt(root, segments));
      const map = nodeAt(root, segments);
      return positionOf(map.pairs?.get(key)?.key ?? map);
    },
  };
}
