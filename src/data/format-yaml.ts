// The canonical layout of a data file, for clean git diffs: keys in schema order, two-space indent,
// lists indented under their key, block collections, long or multi-line text as literal `|` blocks
// and never folded, other strings plain unless they must be quoted. Comments, blank lines and
// values are kept; aliases are written out in full; the result is parsed again and compared so a
// value can never change.
import { isDeepStrictEqual } from 'node:util';
import { isCollection, isMap, isPair, isScalar, isSeq, Scalar, visit, type Document, type Node, type Pair } from 'yaml';
import type { Problem } from '../problems.js';
import { parseYaml } from './load.js';
import type { SourceFile } from './source.js';
import { Shape } from './schema-shape.js';
import type { FileKind } from './schemas.js';

/** Longer single-line strings are written as literal blocks, as data/ writes commitments and quotes. */
export const BLOCK_OVER = 100;

export const LAYOUT = { indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0 } as const;

function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function styleScalar(scalar: Scalar): void {
  if (typeof scalar.value !== 'string') return;
  const block = scalar.value.includes('\n') || scalar.value.length > BLOCK_OVER;
  // PLAIN falls back to quotes when the text would otherwise read as something else ("2019", "yes: no").
  scalar.type = block ? Scalar.BLOCK_LITERAL : Scalar.PLAIN;
}

/** Sorts a mapping's pairs into schema order; unknown keys keep their order after the known ones. */
function sortPairs(items: Pair[], order: readonly string[]): void {
  const rank = (pair: Pair) => {
    const index = order.indexOf(keyName(pair) ?? '');
    return index === -1 ? order.length : index;
  };
  const first = items[0];
  const sorted = items.map((pair, i) => ({ pair, i })).sort((a, b) => rank(a.pair) - rank(b.pair) || a.i - b.i).map((x) => x.pair);
  // A comment above a mapping's first key belongs to the mapping (a file's schema line): it stays on top.
  const lead = sorted[0];
  if (first && lead && lead !== first && isScalar(first.key) && isScalar(lead.key) && first.key.commentBefore) {
    lead.key.commentBefore = [first.key.commentBefore, lead.key.commentBefore].filter(Boolean).join('\n');
    first.key.commentBefore = undefined;
  }
  items.splice(0, items.length, ...sorted);
}

function canonical(node: unknown, shape: Shape): void {
  if (isScalar(node)) return styleScalar(node);
  if (!isCollection(node)) return;
  // Block style, except an empty list or mapping, which only flow style can write ([] or {}).
  node.flow = node.items.length === 0;
  if (isMap(node)) {
    sortPairs(node.items, shape.keys());
    for (const pair of node.items) {
      if (isScalar(pair.key)) pair.key.type = Scalar.PLAIN;
      canonical(pair.value, shape.property(keyName(pair) ?? ''));
    }
  } else if (isSeq(node)) {
    for (const item of node.items) canonical(isPair(item) ? item.value : item, shape.items());
  }
}

/**
 * Writes each alias (`*name`) out as a copy of what its anchor (`&name`) marks, and drops the
 * anchors. Keys in schema order could put an alias above its anchor, which YAML does not allow;
 * and a value written where it is used reads better in a diff.
 */
function expandAliases(doc: Document): void {
  visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      // The copy is visited in turn, so aliases inside it are written out too.
      return target ? (target.clone() as Node) : undefined;
    },
  });
  visit(doc, {
    Node(_, node) {
      if (isScalar(node) || isCollection(node)) node.anchor = undefined;
    },
  });
}

/** Puts a parsed document in the canonical layout, in place; `doc.toString(LAYOUT)` then writes it. */
export function canonicalise(doc: Document, kind: FileKind): void {
  expandAliases(doc);
  canonical(doc.contents, Shape.of(kind));
}

export interface Formatted {
  /** The file in canonical layout; absent when it could not be read. */
  text?: string;
  problems: Problem[];
  /** The file as read, for the problems' code frames. */
  source?: SourceFile;
}

/** The canonical layout of one file's text; `path` is only for the problems' file names. */
export function formatYaml(text: string, kind: FileKind, path: string): Formatted {
  const loaded = parseYaml(text, path);
  if (!loaded.source || loaded.problems.length > 0) return { problems: loaded.problems, ...(loaded.source ? { source: loaded.source } : {}) };
  const { doc, value } = loaded.source;
  canonicalise(doc, kind);
  const out = doc.toString(LAYOUT);
  const again = parseYaml(out, path);
  if (again.problems.length > 0 || !isDeepStrictEqual(again.source?.value, value)) {
    return { problems: [{ file: path, line: 1, column: 1, severity: 'error', rule: 'fmt-unsafe',
      message: 'the canonical layout would change a value in this file, so it was left as it is',
      hint: 'this is a bug in covenant fmt: please report it with the file' }] };
  }
  return { text: out, problems: [] };
}
