// The one reading of a data file's YAML: js-yaml builds the values, and its listener, told where
// each node opens and closes, records where every node is written, for the problems that need it.
//
// Measured on a year of 10,000 pledges (8.8 MB): the `yaml` package's document API read it in
// about 1.5 s; js-yaml with this listener in about 0.2 s, whatever the layout. One parser then
// gives both the values and their places, so they cannot disagree. Values follow the YAML 1.2
// core schema (CORE below), as the `yaml` package would read them; positions are offsets into the
// text, turned into lines and columns only for the few problems that need one (locate.ts).
import jsyaml from 'js-yaml';
import { MAX_DEPTH } from './source.js';

/** Where one node is written: its text from `start` to `end`, and its children's places. */
export interface PlaceNode {
  start: number;
  end: number;
  /** A mapping's values by key (the first, when a key is set twice). */
  pairs?: Map<string, PlaceNode>;
  /** For a mapping's value, its key. */
  key?: PlaceNode;
  /** A list's items, by index; undefined for an item written as nothing ("-" alone). */
  items?: readonly (PlaceNode | undefined)[];
}

/** A key set twice in one mapping: where, and where it was set first. */
export interface RepeatedKey {
  key: string;
  at: number;
  first: number;
}

export type Parsed =
  | { ok: true; value: unknown; root: PlaceNode | undefined; repeated: RepeatedKey[]; aliases: { copies: number; first: number } | undefined }
  | { ok: false; tooDeep: number }
  | { ok: false; reason: string; offset: number; line: number; column: number; opened: number | undefined };

/**
 * The YAML 1.2 core schema's plain scalars (spec 10.3.2): null, bool, int (octal, decimal,
 * hexadecimal), float (infinity and NaN, with an exponent, without). Anything else is a string:
 * `yes`, `no`, `on` and `off` (YAML 1.1 booleans) and dates like 2019-10-01 stay text, and `<<`
 * is a key like any other, not a merge.
 */
const CORE: [name: string, first: RegExp, forms: [RegExp, (text: string) => unknown][]][] = [
  ['null', /^(?:[~nN]|$)/, [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]],
  ['bool', /^[tTfF]/, [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T']]],
  ['int', /^[-+0-9]/, [
    [/^0o[0-7]+$/, (text) => parseInt(text.slice(2), 8)],
    [/^[-+]?[0-9]+$/, (text) => parseInt(text, 10)],
    [/^0x[0-9a-fA-F]+$/, (text) => parseInt(text.slice(2), 16)],
  ]],
  ['float', /^[-+.0-9]/, [
    [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (text) => (/nan$/i.test(text) ? NaN : text[0] === '-' ? -Infinity : Infinity)],
    [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (text) => parseFloat(text)],
    [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (text) => parseFloat(text)],
  ]],
];

/** One core tag as a js-yaml type; `first` turns away most text at its first character, as each plain scalar is tried against every tag. */
function coreType(name: string, first: RegExp, forms: readonly [RegExp, (text: string) => unknown][]): jsyaml.Type {
  const find = (data: unknown) => (typeof data === 'string' && first.test(data) ? forms.find(([test]) => test.test(data)) : undefined);
  return new jsyaml.Type(`tag:yaml.org,2002:${name}`, {
    kind: 'scalar',
    resolve: (data: unknown) => find(data) !== undefined,
    construct: (data: string) => find(data)![1](data),
  });
}

const coreSchema = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: CORE.map(([name, first, forms]) => coreType(name, first, forms)) });

/** Past spaces, tabs, line breaks and comments: where a node's own text starts. */
function contentFrom(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < to && text.charCodeAt(i) !== 10) i++;
    } else break;
  }
  return i;
}

/** Whether the next thing after `end` (spaces and, in flow, line breaks skipped) is a colon: `end` closes a key. */
function beforeColon(text: string, end: number): boolean {
  let i = end;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return text.charCodeAt(i) === 58;
}

/** A node as closed: its place, its value, and how many copies aliases make within it. */
interface Closed extends PlaceNode {
  result: unknown;
  copies: number;
  /** True for an alias (*name). */
  alias?: boolean;
}

/** The copies aliases make inside each collection, so that an alias to it counts them again. */
type Copies = WeakMap<object, number>;

/** A mapping's values by key, from its children in order: a child before a colon is a key, the next one its value. */
function pairsOf(text: string, children: readonly Closed[], repeated: RepeatedKey[]): Map<string, PlaceNode> {
  const pairs = new Map<string, PlaceNode>();
  let key: Closed | undefined;
  const store = (value: Closed | undefined) => {
    if (!key) return;
    const name = typeof key.result === 'object' && key.result !== null ? '[object Object]' : String(key.result);
    const earlier = pairs.get(name);
    if (earlier) repeated.push({ key: name, at: key.start, first: earlier.key!.start });
    else {
      const node: PlaceNode = value ?? { start: key.end, end: key.end };
      node.key = key;
      pairs.set(name, node);
    }
    key = undefined;
  };
  for (const child of children) {
    if (beforeColon(text, child.end)) {
      store(undefined);
      key = child;
    } else store(child);
  }
  store(undefined);
  return pairs;
}

/** A list's items from its children, matched to the values (an item written as nothing has no node). */
function itemsOf(text: string, children: readonly Closed[], values: readonly unknown[], repeated: RepeatedKey[]): readonly (PlaceNode | undefined)[] {
  // One node an item, as in nearly every list: the children as they are (a list of their own, spliced off the stack).
  if (children.length === values.length) return children;
  const items: (PlaceNode | undefined)[] = [];
  let k = 0;
  for (let j = 0; j < values.length; j++) {
    const child = children[k];
    // A pair in a flow list ([a: 1]) is a mapping of one key, from two nodes.
    if (child && beforeColon(text, child.end) && typeof values[j] === 'object' && values[j] !== null && children.length > values.length) {
      const value = children[k + 1];
      items.push({ start: child.start, end: value?.end ?? child.end, pairs: pairsOf(text, value ? [child, value] : [child], repeated) });
      k += value ? 2 : 1;
    } else if (child && (Object.is(child.result, values[j]) || values[j] !== null)) {
      items.push(child);
      k++;
    } else items.push(undefined);
  }
  return items;
}

/**
 * Parses `text` (no byte-order mark) as one YAML document: its value and where each node is; or
 * where it nests past MAX_DEPTH; or js-yaml's first error, with the start of the node being read.
 * Keys set twice are read (the last wins) and listed; aliases are counted as the copies they make.
 */
export function parseYaml12(text: string): Parsed {
  // Where each open node opens, and where its children begin in `closed`: kept in flat arrays, as
  // a year of data opens hundreds of thousands of nodes, and each object made is garbage to collect.
  const opens: number[] = [];
  const marks: number[] = [];
  const closed: Closed[] = [];
  const repeated: RepeatedKey[] = [];
  const copies: Copies = new WeakMap();
  let firstAlias: number | undefined;
  let tooDeep: number | undefined;
  /**
   * Where each open node's text starts, and its level. A node that starts where its parent does
   * (a scalar or a collection first tried as a key) is at its parent's level. Counted only when
   * more than MAX_DEPTH nodes are open, which data files never have.
   */
  const levelsOpen = () => {
    const starts = opens.map((open) => contentFrom(text, open, text.length));
    const levels: number[] = [];
    starts.forEach((start, i) => levels.push(i === 0 ? 1 : start === starts[i - 1] ? levels[i - 1]! : levels[i - 1]! + 1));
    return { starts, levels };
  };
  const listener = (event: jsyaml.EventType, state: jsyaml.State) => {
    if (event === 'open') {
      opens.push(state.position);
      marks.push(closed.length);
      return;
    }
    const level = opens.length > MAX_DEPTH ? levelsOpen().levels[opens.length - 1]! : 0;
    const open = opens.pop()!;
    const mark = marks.pop()!;
    const children = mark === closed.length ? NONE : closed.splice(mark);
    const done = close(text, open, state, children, repeated, copies);
    if (done.alias) firstAlias ??= done.start;
    // The first collection past MAX_DEPTH levels, where the nesting goes too far.
    if (level === MAX_DEPTH + 1 && (done.pairs || done.items) && (tooDeep === undefined || done.start < tooDeep)) tooDeep = done.start;
    closed.push(done);
  };
  let value: unknown;
  try {
    // json: a key set twice is read, the last value winning, and reported below rather than thrown.
    // maxDepth (js-yaml 4.1.1 on, not yet in its types) stops a file nested a hundred thousand deep
    // before the parser's recursion overflows the stack.
    value = jsyaml.load(text, { schema: coreSchema, json: true, listener, maxDepth: MAX_DEPTH + 4 } as jsyaml.LoadOptions);
  } catch (error) {
    if (!(error instanceof jsyaml.YAMLException)) throw error;
    const reason = error.reason ?? error.message;
    if (/^nesting exceeded maxDepth/.test(reason)) {
      const { starts, levels } = levelsOpen();
      return { ok: false, tooDeep: starts[levels.indexOf(MAX_DEPTH + 1)] ?? starts[starts.length - 1] ?? 0 };
    }
    const mark = error.mark as { position?: number; line?: number; column?: number } | undefined;
    const top = opens[opens.length - 1];
    return {
      ok: false, reason, offset: mark?.position ?? 0, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1,
      opened: top === undefined ? undefined : contentFrom(text, top, text.length),
    };
  }
  if (tooDeep !== undefined) return { ok: false, tooDeep };
  const root = closed[closed.length - 1];
  return { ok: true, value, root, repeated, aliases: firstAlias === undefined ? undefined : { copies: root?.copies ?? 0, first: firstAlias } };
}

const NONE: readonly Closed[] = [];

/** A node closed: its place, its children's places matched to its value, and the copies its aliases make. */
function close(text: string, open: number, state: jsyaml.State, children: readonly Closed[], repeated: RepeatedKey[], copies: Copies): Closed {
  const { kind, result } = state as jsyaml.State & { kind: string | null };
  if (kind === null && result === null) {
    // Nothing written: placed where it would be, just after its key's colon or its dash.
    return { start: open, end: open, result, copies: 0 };
  }
  const start = contentFrom(text, open, state.position);
  if (text.charCodeAt(start) === 42 /* * */) {
    let end = start + 1;
    while (end < text.length && !/[\s,[\]{}]/.test(text[end]!)) end++;
    const inside = typeof result === 'object' && result !== null ? copies.get(result) ?? 0 : 0;
    return { start, end, result, copies: 1 + inside, alias: true };
  }
  // A compact collection or a scalar read first as a key that was not one: the same node, once.
  if (children.length === 1 && Object.is(children[0]!.result, result) && (kind !== 'scalar' || children[0]!.start === start)) return children[0]!;
  const node: Closed = { start, end: Math.max(start, state.position), result, copies: 0 };
  let made = 0;
  if (kind === 'mapping' || kind === 'sequence') {
    for (const child of children) made += child.copies;
    if (kind === 'mapping') node.pairs = pairsOf(text, children, repeated);
    else node.items = itemsOf(text, children, result as unknown[], repeated);
    if (made > 0) copies.set(result as object, made);
  }
  node.copies = made;
  return node;
}
