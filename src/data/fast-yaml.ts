// A quick first reading of a data file, for the common case of a file with nothing wrong in it.
//
// The `yaml` package's document API keeps every node's position, which the problems need, and
// costs for it: a year of 10,000 pledges took over a second to parse, most of a run. js-yaml reads
// the same data ten times faster, without positions. So a file is read with js-yaml first; when
// that succeeds and every check passes, its value is used and no position is ever needed. Any
// problem, any doubt, and the file is read again the careful way (load.ts), which finds and
// places every problem. The two readings must agree on every value they both accept: scalars
// are resolved here by the `yaml` package's own core-schema tags, and what js-yaml would read
// differently (anchors, tags, lines held to a different indentation…) is left to the careful one.
// test/fast-yaml.test.ts holds the two to the same values on random and on real files.
import jsyaml from 'js-yaml';
import { CST, Document, isScalar, Lexer } from 'yaml';
import { MAX_DEPTH } from './yaml-document.js';

/** Thrown to leave a file to the careful reading. */
class Careful extends Error {}

interface YamlTag {
  tag: string;
  default?: unknown;
  test?: RegExp;
  resolve(value: string, onError: (message: string) => void, options: object): unknown;
}

const careful = (): never => {
  throw new Careful();
};

/** One js-yaml type a core-schema tag name (int, float…), resolving a plain scalar as `yaml` does. */
function coreType(name: string, tags: readonly YamlTag[]): jsyaml.Type {
  const find = (data: string) => tags.find((t) => t.test!.test(data));
  return new jsyaml.Type(name, {
    kind: 'scalar',
    // js-yaml passes the tag only for an explicit one (!!int "3"), whose handling differs.
    resolve: (data: unknown, explicit?: unknown) => (explicit !== undefined ? careful() : typeof data === 'string' && find(data) !== undefined),
    // Some tags resolve to a Scalar node (to keep how a number was written): its value is the datum.
    construct: (data: string) => {
      const resolved = find(data)!.resolve(data, careful, { intAsBigInt: false });
      return isScalar(resolved) ? resolved.value : resolved;
    },
  });
}

let schema: jsyaml.Schema | undefined;

/** The core schema's plain-scalar tags, in the order `yaml` tries them. */
function coreSchema(): jsyaml.Schema {
  if (schema) return schema;
  const tags = (new Document(null).schema.tags as YamlTag[]).filter((t) => t.default === true && t.test instanceof RegExp);
  const names = [...new Set(tags.map((t) => t.tag))];
  schema = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: names.map((name) => coreType(name, tags.filter((t) => t.tag === name))) });
  return schema;
}

/**
 * Text that js-yaml 4 reads otherwise than the yaml package, found by test/fast-yaml.test.ts and
 * not seen by the lexer below: a document marker followed by anything but a space or the line's
 * end ("----" is "---" and "-" to js-yaml, "---\tx" is one scalar), a carriage return not part
 * of CRLF (a line break only to YAML 1.2), a byte-order mark within the text (yaml skips it,
 * js-yaml keeps it).
 */
const DIFFERENT = [/^(?:---|\.\.\.)(?![ \n]|\r\n|(?![\s\S]))/m, /\r(?!\n)/, /\uFEFF/];

/** Block scalar headers read alike: none that keeps trailing lines (|+) or sets an indentation (|2). */
const PLAIN_HEADER = /^[|>]-?$/;

/**
 * False when the text uses what the two read differently, as the yaml package's own lexer sees it:
 * anchors, aliases, tags, directives, an explicit (?) or empty key, more than one document; a
 * quoted scalar, plain scalar or flow collection over more than one line (js-yaml does not hold
 * their lines to the indentation yaml requires); a tab in a line's indentation, or at the start
 * of a block scalar's line; a key over 1,000
 * characters; a block scalar header with indicators. Each is rare in hand-written data, and each
 * only sends the file to the careful reading.
 */
function readsAlike(text: string): boolean {
  let flow = 0;
  let lineStart = true;
  /** The SCALAR marker was seen: the next lexeme is a scalar's source; `block` when a block scalar's. */
  let scalar: 'plain' | 'block' | undefined;
  let blockHeader = false;
  /** What came last, for ":" (a key must come just before it) and "---" (only first). */
  let last: 'none' | 'key' | 'other' = 'none';
  let keyLength = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (scalar) {
      const kind = scalar;
      scalar = undefined;
      if (kind === 'block') {
        // A tab at the start of a line of the scalar: the two end the scalar differently.
        if (/(?:^|\n) *\t/.test(lexeme)) return false;
        lineStart = true;
        last = 'other';
        continue;
      }
      if (/[\n\r]/.test(lexeme)) return false;
      keyLength = lexeme.length;
      lineStart = false;
      last = 'key';
      continue;
    }
    const type = CST.tokenType(lexeme);
    switch (type) {
      case 'doc-mode':
      case 'comment':
        continue;
      case 'scalar':
        scalar = blockHeader ? 'block' : 'plain';
        blockHeader = false;
        continue;
      case 'space':
        if (lineStart && lexeme.includes('\t')) return false;
        // yaml counts a key's 1,024 characters to its ":", spaces and tabs included.
        keyLength += lexeme.length;
        lineStart = false;
        continue;
      case 'newline':
        if (flow > 0) return false;
        lineStart = true;
        if (last === 'key') last = 'other';
        continue;
      case 'doc-start':
        if (last !== 'none') return false;
        last = 'other';
        continue;
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        if (/[\n\r]/.test(lexeme)) return false;
        keyLength = lexeme.length;
        last = 'key';
        lineStart = false;
        continue;
      case 'flow-map-start':
      case 'flow-seq-start':
        flow++;
        last = 'other';
        lineStart = false;
        continue;
      case 'flow-map-end':
      case 'flow-seq-end':
        flow--;
        // A flow collection may be a key: plainKeys() sees to those.
        keyLength = 0;
        last = 'key';
        continue;
      case 'map-value-ind':
        if (last !== 'key' || keyLength > 1000) return false;
        last = 'other';
        lineStart = false;
        continue;
      case 'comma':
      case 'seq-item-ind':
        last = 'other';
        lineStart = false;
        continue;
      case 'block-scalar-header':
        if (!PLAIN_HEADER.test(lexeme)) return false;
        blockHeader = true;
        last = 'other';
        lineStart = false;
        continue;
      default:
        // Anchors, aliases, tags, directives, "?", "...", a byte-order mark, a flow error.
        return false;
    }
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
 * file that is not a mapping, or anything the two might read differently (DIFFERENT, readsAlike,
 * plainKeys).
 */
export function quickRead(text: string): unknown {
  if (DIFFERENT.some((pattern) => pattern.test(text)) || !readsAlike(text)) return undefined;
  try {
    // maxDepth is js-yaml 4.3's guard against deep nesting; its types do not have it yet.
    const options: jsyaml.LoadOptions & { maxDepth: number } = { schema: coreSchema(), json: false, maxDepth: MAX_DEPTH, onWarning: careful };
    const value = jsyaml.load(text, options);
    // Every data file is a mapping: anything else is a problem the careful reading will place.
    return typeof value !== 'object' || value === null || Array.isArray(value) || !plainKeys(value) ? undefined : value;
  } catch {
    // A syntax error, or something left to the careful reading: either way, it reads the file.
    return undefined;
  }
}
