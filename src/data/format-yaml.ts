// The canonical layout of a data file, for clean git diffs: keys in schema order, two-space indent,
// lists indented under their key, block collections, long or multi-line text as literal `|` blocks
// and never folded, other strings plain unless they must be quoted. Comments, blank lines and
// values are kept; aliases are written out in full; the result is parsed again and compared so a
// value can never change.
import { isDeepStrictEqual } from 'node:util';
import { isCollection, isMap, isPair, isScalar, isSeq, Scalar, visit, type Document, type Node, type Pair, type ScalarTag, type YAMLMap } from 'yaml';
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

/**
 * Text that YAML 1.1 readers (PyYAML, Go's yaml.v2, many editors) take for a boolean, a null, a
 * number or a date, though YAML 1.2 reads it as text: written in quotes, it stays in quotes, so
 * that every reader of the data sees the same text.
 */
const OTHER_READERS = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:~|null|Null|NULL|<<|=)$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$/,
];

const quoted = (scalar: Scalar) => scalar.type === Scalar.QUOTE_DOUBLE || scalar.type === Scalar.QUOTE_SINGLE;

/** A figure as it was written: what the verbatim tag below writes back. */
class Written {
  constructor(readonly text: string) {}
}

/**
 * Figures are written back with the very text they were written with. Written out from the number
 * they read as, 12345678901234567890 would become 12345678901234567000 (a JavaScript number has
 * 17 digits), and 0xFF 0xff: each plain figure read back reads as it did.
 */
const VERBATIM: ScalarTag = {
  tag: 'tag:yaml.org,2002:int',
  default: true,
  identify: (value) => value instanceof Written,
  resolve: (text) => text,
  stringify: (item) => ((item as Scalar).value as Written).text,
};

function keepFigure(scalar: Scalar): void {
  const text = scalar.source;
  if ((typeof scalar.value === 'number' || typeof scalar.value === 'bigint') && scalar.type === Scalar.PLAIN && !scalar.tag && text) {
    scalar.value = new Written(text);
  }
}

function styleScalar(scalar: Scalar): void {
  keepFigure(scalar);
  if (typeof scalar.value !== 'string') return;
  if (quoted(scalar) && OTHER_READERS.some((pattern) => pattern.test(scalar.value as string))) {
    scalar.type = Scalar.QUOTE_DOUBLE;
    return;
  }
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

/**
 * A comment or blank line above a list item's first key (`- # note` once the keys are sorted) is
 * written above its dash, where the next reading puts it: so a second run changes nothing more.
 */
function hoistFirstComment(map: YAMLMap): void {
  const key = map.items[0]?.key;
  if (!isScalar(key)) return;
  if (key.commentBefore) {
    map.commentBefore = [map.commentBefore, key.commentBefore].filter(Boolean).join('\n');
    key.commentBefore = undefined;
  }
  if (key.spaceBefore) {
    map.spaceBefore = true;
    key.spaceBefore = false;
  }
}

/**
 * Takes the comments that end a list or mapping: its own and those that end its last entry, in
 * the order they are written. Read back, comment lines between two entries belong to the one
 * below, whatever their indent: so they are written above it.
 */
function takeTrailing(node: unknown): string[] {
  // An empty list or mapping is written `[]` or `{}`: a comment after it is on its line, and stays.
  if (!isCollection(node) || node.items.length === 0) return [];
  const last = node.items[node.items.length - 1];
  const taken = takeTrailing(isPair(last) ? last.value : last);
  if (node.comment) taken.push(node.comment);
  node.comment = undefined;
  return taken;
}

function moveTrailing(from: unknown, to: unknown): void {
  if (!isScalar(to) && !isCollection(to)) return;
  const moved = [...takeTrailing(from), to.commentBefore].filter(Boolean).join('\n');
  if (moved) to.commentBefore = moved;
}

function canonical(node: unknown, shape: Shape): void {
  if (isScalar(node)) return styleScalar(node);
  if (!isCollection(node)) return;
  // Block style, except an empty list or mapping, which only flow style can write ([] or {}).
  node.flow = node.items.length === 0;
  if (isMap(node)) {
    sortPairs(node.items, shape.keys());
    for (const pair of node.items) {
      if (isScalar(pair.key)) pair.key.type = quoted(pair.key) && OTHER_READERS.some((p) => p.test(String((pair.key as Scalar).value))) ? Scalar.QUOTE_DOUBLE : Scalar.PLAIN;
      canonical(pair.value, shape.property(keyName(pair) ?? ''));
    }
    node.items.forEach((pair, i) => moveTrailing(pair.value, node.items[i + 1]?.key));
  } else if (isSeq(node)) {
    for (const item of node.items) {
      canonical(isPair(item) ? item.value : item, shape.items());
      if (isMap(item)) hoistFirstComment(item);
    }
    node.items.forEach((item, i) => moveTrailing(item, node.items[i + 1]));
    // A blank line between a key and its list's first item is not read back as one.
    const first = node.items[0];
    if (isScalar(first) || isCollection(first)) first.spaceBefore = false;
  }
}

/**
 * Writes each alias (`*name`) out as a copy of what its anchor (`&name`) marks, and drops the
 * anchors. Keys in schema order could put an alias above its anchor, which YAML does not allow;
 * and a value written where it is used reads better in a diff.
 */
export function expandAliases(doc: Document): void {
  visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      if (!target) return undefined;
      // The copy is visited in turn, so aliases inside it are written out too. The comments
      // written around the alias (`progress: *c # to do`) are the user's: they stay with the copy.
      const copy = target.clone() as Node;
      copy.comment = alias.comment;
      copy.commentBefore = alias.commentBefore;
      copy.spaceBefore = alias.spaceBefore;
      return copy;
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
  if (!doc.schema.tags.includes(VERBATIM)) doc.schema.tags.unshift(VERBATIM);
  canonical(doc.contents, Shape.of(kind));
  // Comments that end the data end the file.
  const trailing = [...takeTrailing(doc.contents), doc.comment].filter(Boolean).join('\n');
  doc.comment = trailing || null;
  // A blank line above the file's first key (once the keys are sorted) is not read back as one.
  const first = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  if (isScalar(first)) first.spaceBefore = false;
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
