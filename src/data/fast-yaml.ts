// A quick first reading of a data file, for the common case of a file with nothing wrong in it.
//
// The `yaml` package's document API keeps every node's position, which the problems need, and
// costs for it: a year of 10,000 pledges took over a second to parse, most of a run. js-yaml reads
// the same data ten times faster, without positions. So a file is read with js-yaml first; when
// that succeeds and every check passes, its value is used and no position is ever needed. Any
// problem, any doubt, and the file is read again the careful way (load.ts), which finds and
// places every problem. The two readings must agree on every value they both accept: plain
// scalars are resolved here by the YAML 1.2 core schema, as the `yaml` package resolves them, and
// what js-yaml would read differently (anchors, tags, lines held to a different indentation…) is
// left to the careful one. test/fast-yaml.test.ts holds the two to the same values on random and
// on real files. Nothing here loads the `yaml` package: a run whose files all read quickly never does.
import jsyaml from 'js-yaml';
import { MAX_DEPTH } from './source.js';

/** Thrown to leave a file to the careful reading. */
class Careful extends Error {}

const careful = (): never => {
  throw new Careful();
};

/**
 * The YAML 1.2 core schema's plain scalars (spec 10.3.2), tag by tag in the order the `yaml`
 * package tries them: null, bool, int (octal, decimal, hexadecimal), float (infinity and NaN, with
 * an exponent, without). A plain scalar none of them matches is a string.
 */
const CORE: [name: string, forms: [RegExp, (text: string) => unknown][]][] = [
  ['null', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]],
  ['bool', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => text[0] === 't' || text[0] === 'T']]],
  ['int', [
    [/^0o[0-7]+$/, (text) => parseInt(text.slice(2), 8)],
    [/^[-+]?[0-9]+$/, (text) => parseInt(text, 10)],
    [/^0x[0-9a-fA-F]+$/, (text) => parseInt(text.slice(2), 16)],
  ]],
  ['float', [
    [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (text) => (/nan$/i.test(text) ? NaN : text[0] === '-' ? -Infinity : Infinity)],
    [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (text) => parseFloat(text)],
    [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (text) => parseFloat(text)],
  ]],
];

/** One js-yaml type for one core tag. */
function coreType(name: string, forms: readonly [RegExp, (text: string) => unknown][]): jsyaml.Type {
  const find = (data: string) => forms.find(([test]) => test.test(data));
  return new jsyaml.Type(name, {
    kind: 'scalar',
    // js-yaml passes the tag only for an explicit one (!!int "3"), whose handling differs.
    resolve: (data: unknown, explicit?: unknown) => (explicit !== undefined ? careful() : typeof data === 'string' && find(data) !== undefined),
    construct: (data: string) => find(data)![1](data),
  });
}

const coreSchema = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: CORE.map(([name, forms]) => coreType(name, forms)) });

/**
 * Text that js-yaml 4 reads otherwise than the yaml package, found by test/fast-yaml.test.ts and
 * not caught by plainLayout below: a document marker followed by anything but a space or the line's
 * end ("----" is "---" and "-" to js-yaml, "---\tx" is one scalar), a carriage return not part
 * of CRLF (a line break only to YAML 1.2), a byte-order mark within the text (yaml skips it,
 * js-yaml keeps it).
 */
const DIFFERENT = [/^(?:---|\.\.\.)(?![ \n]|\r\n|(?![\s\S]))/m, /\r(?!\n)/, /\uFEFF/];

/** A block scalar header both read alike: none that keeps trailing lines (|+) or sets an indentation (|2). */
const BLOCK_HEADER = /^[|>]-?(?: +#.*)?$/;
/** A plain scalar on one line: it starts with no indicator, and holds no ": " or tab. */
const PLAIN = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=\S))(?:(?!: |:$)[^\t])*$/;
/** A quoted scalar that ends on its own line, and what may follow it: spaces and a comment. */
const QUOTED = /^(?:"(?:[^"\\\t]|\\[^\t])*"|'(?:[^'\t]|'')*')(?: +#.*)? *$/;
/** A key that is the core schema's null: `~:`, `null:` (the empty key has no plain form). */
const NULL_KEY = /^(?:~|[Nn]ull|NULL) *:$/;
/** A plain key and its colon: no indicator first, and no ": ", " #", tab or quote in it. */
const KEY = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=[^\s:]))(?:(?!: | #)[^\t:"'])*:(?= |$)/;

/**
 * True when every line of the text is in the plain layout hands write, which the two parsers read
 * alike: block mappings and sequences; on each line a plain key and a plain or quoted scalar that
 * ends there; block scalars with a plain header (| > |- >-) whose lines are all indented at least
 * as far as their first; comments; a "---" before anything else. Anything else (anchors,
 * aliases, tags, directives, flow collections, explicit "?" keys, a scalar over several lines, a
 * tab outside a block scalar or at the start of its lines, a key over 1,000 characters or one
 * written as null, a second document) sends the file to the careful reading. test/fast-yaml.test.ts found why each is
 * needed: js-yaml does not hold the lines of a multi-line scalar to the indentation yaml
 * requires, for one, and counts a tab in indentation where yaml refuses it.
 */
function plainLayout(text: string): boolean {
  /** Inside a block scalar: the column its parent starts at, and its lines' indentation once known. */
  let block: { parent: number; indent: number | undefined } | undefined;
  let started = false;
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to === -1) to = text.length;
    const line = text.charCodeAt(to - 1) === 13 ? text.slice(from, to - 1) : text.slice(from, to);
    from = to + 1;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    const blank = indent === line.length;
    if (block) {
      if (blank) {
        // Spaces before the scalar's first line might be more than its indentation: an error to yaml.
        if (block.indent === undefined && indent > 0) return false;
        continue;
      }
      if (indent > block.parent) {
        block.indent ??= indent;
        // A line less indented than the first, or starting with a tab: the two end the scalar differently.
        if (indent < block.indent || line.charCodeAt(indent) === 9) return false;
        continue;
      }
      block = undefined;
    }
    if (blank || line.charCodeAt(indent) === 35) continue;
    if (line.includes('\t')) return false;
    // A document marker: only "---", and only before anything else.
    if (indent === 0 && (line.startsWith('---') || line.startsWith('...'))) {
      if (started || !/^--- *$/.test(line)) return false;
      started = true;
      continue;
    }
    started = true;
    // Sequence entries ("- "), each opening a column; then a key, and a value or nothing.
    let at = indent;
    let parent = indent;
    while (line.charCodeAt(at) === 45 && (at + 1 === line.length || line.charCodeAt(at + 1) === 32)) {
      parent = at;
      at++;
      while (line.charCodeAt(at) === 32) at++;
    }
    let rest = line.slice(at);
    const key = KEY.exec(rest);
    if (key) {
      // A key over 1,000 characters, or one the core schema reads as null: js-yaml names the latter "null", yaml "".
      if (key[0].length > 1000 || NULL_KEY.test(key[0])) return false;
      parent = at;
      rest = rest.slice(key[0].length).trimStart();
    }
    if (rest === '' || rest.startsWith('#')) continue;
    // A value with neither key nor "- " before it carries on the line above: a multi-line scalar.
    if (!key && at === indent) return false;
    if (BLOCK_HEADER.test(rest)) {
      block = { parent, indent: undefined };
      continue;
    }
    if (!(PLAIN.test(rest.replace(/ +#.*$/, '').trimEnd()) || QUOTED.test(rest))) return false;
  }
  return true;
}

/**
 * False when a mapping has a key that was a collection: js-yaml names it "[object Object]" or
 * "a,b", yaml "{ a: 1 }" or "[ a, b ]". (No valid file has one: its keys are the schemas' words.)
 */
function plainKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(plainKeys);
  if (value === null || typeof value !== 'object') return true;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes(',') || key.includes('[object ') || !plainKeys(item)) return false;
  }
  return true;
}

/**
 * The value of a YAML text (without its byte-order mark), when it can be read quickly and surely;
 * undefined when it should be read the careful way: a syntax error, nesting past the limit, a
 * file that is not a mapping, or anything the two might read differently (DIFFERENT, plainLayout,
 * plainKeys).
 */
export function quickRead(text: string): unknown {
  if (DIFFERENT.some((pattern) => pattern.test(text)) || !plainLayout(text)) return undefined;
  try {
    // maxDepth is js-yaml 4.3's guard against deep nesting; its types do not have it yet.
    const options: jsyaml.LoadOptions & { maxDepth: number } = { schema: coreSchema, json: false, maxDepth: MAX_DEPTH, onWarning: careful };
    const value = jsyaml.load(text, options);
    // Every data file is a mapping: anything else is a problem the careful reading will place.
    return typeof value !== 'object' || value === null || Array.isArray(value) || !plainKeys(value) ? undefined : value;
  } catch {
    // A syntax error, or something left to the careful reading: either way, it reads the file.
    return undefined;
  }
}
