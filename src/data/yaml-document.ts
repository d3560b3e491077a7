// YAML text to one document with positions, within limits: nesting depth and the number of
// errors are checked as the parser goes, and repeated keys are found in one pass.
import { Composer, isScalar, Lexer, Parser, visit, YAMLParseError, type CST, type Document, type ErrorCode, type LineCounter, type YAMLError } from 'yaml';
import { MAX_DEPTH, MAX_TOKENS, MAX_YAML_ERRORS } from './source.js';

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

type Tokens = { tokens: CST.Token[] } | { tooDeep: number } | { tooMany: number } | { errors: YAMLError[] };

/**
 * The parser's tokens; or the offset of the collection that nests past MAX_DEPTH; or, past
 * MAX_YAML_ERRORS stray tokens, those errors. The lexer and parser keep their own stack, but the
 * composer after them recurses once per level: very deep input overflows the call stack there, and
 * near the stack's end V8 may abort the whole process rather than throw. So the depth is measured
 * on the parser's stack, token by token, and deep input never reaches the composer; stopping early
 * also bounds the time and memory junk takes.
 */
function tokens(text: string, lineCounter: LineCounter): Tokens {
  const parser = new Parser(lineCounter.addNewLine);
  const out: CST.Token[] = [];
  const stray: YAMLError[] = [];
  const take = (token: CST.Token): boolean => {
    out.push(token);
    if (token.type !== 'error') return true;
    // The composer adds these to the document's errors without its error callback: counted here.
    const message = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
    stray.push(new YAMLParseError(errorRange(token), 'UNEXPECTED_TOKEN', message));
    return stray.length <= MAX_YAML_ERRORS;
  };
  lineCounter.addNewLine(0);
  let count = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (++count > MAX_TOKENS) return { tooMany: parser.offset };
    for (const token of parser.next(lexeme)) if (!take(token)) return { errors: stray.slice(0, MAX_YAML_ERRORS) };
    // The stack also holds the document and the scalar being read: only count when it could be too deep.
    if (parser.stack.length > MAX_DEPTH) {
      const open = parser.stack.filter((token) => COLLECTIONS.has(token.type));
      if (open.length > MAX_DEPTH) return { tooDeep: open[MAX_DEPTH]!.offset };
    }
  }
  for (const token of parser.end()) if (!take(token)) return { errors: stray.slice(0, MAX_YAML_ERRORS) };
  return { tokens: out };
}

/** Where the composer says an error is: an offset, a range, or a token. */
type ErrorSource = number | [number, number] | { offset: number; source?: string };

function errorRange(source: ErrorSource): [number, number] {
  if (typeof source === 'number') return [source, source + 1];
  if (Array.isArray(source)) return source;
  return [source.offset, source.offset + (typeof source.source === 'string' ? Math.max(1, source.source.length) : 1)];
}

class TooManyErrors extends Error {}

/**
 * One YAML document with positions, as parseDocument makes it, from tokens known to be shallow; or,
 * past MAX_YAML_ERRORS, the errors so far. Junk makes an error every few bytes, each a sizeable
 * object: a megabyte of it would take a minute and gigabytes to compose in full. The composer has
 * no option to stop, so its error callback (an instance property) is wrapped to stop it.
 */
function compose(cst: CST.Token[], length: number): { doc: Document.Parsed } | { errors: YAMLError[] } {
  // logLevel 'error': the parser's warnings would go to the process's stderr, past the CLI.
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false, merge: false, strict: true, logLevel: 'error' });
  const hooked = composer as unknown as { onError?: (source: ErrorSource, code: ErrorCode, message: string, warning?: boolean) => void };
  const report = hooked.onError;
  const errors: YAMLError[] = [];
  // Should a release of yaml rename it, composing goes on uncapped (test/limits.test.ts notices).
  if (typeof report === 'function') {
    hooked.onError = (source, code, message, warning) => {
      if (!warning) {
        if (errors.length >= MAX_YAML_ERRORS) throw new TooManyErrors();
        errors.push(new YAMLParseError(errorRange(source), code, message));
      }
      report(source, code, message, warning);
    };
  }
  let doc: Document.Parsed | undefined;
  try {
    for (const next of composer.compose(cst, true, length)) {
      if (!doc) {
        doc = next;
        continue;
      }
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  } catch (error) {
    if (error instanceof TooManyErrors) return { errors };
    throw error;
  }
  return { doc: doc! };
}

/**
 * Keys set twice in one mapping: "key "name" is already set on line 2". The composer's own check
 * (uniqueKeys) compares each key with every earlier one, which takes minutes on a mapping of a
 * hundred thousand keys; this one remembers the keys it has seen. Keys compare as the composer's
 * do: scalars by value (1 and "1" differ), other keys never.
 */
function duplicateKeys(doc: Document.Parsed, lineCounter: LineCounter): YAMLError[] {
  const errors: YAMLError[] = [];
  visit(doc, {
    Map(_key, map) {
      const first = new Map<unknown, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const at = pair.key.range[0];
        const earlier = first.get(pair.key.value);
        if (earlier === undefined) first.set(pair.key.value, at);
        else {
          errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY',
            `key "${String(pair.key.value)}" is already set on line ${lineCounter.linePos(earlier).line} in the same mapping; keep one`));
        }
      }
    },
  });
  return errors;
}

/**
 * The document (its errors include repeated keys); or where the nesting passes MAX_DEPTH; or where
 * the file passes MAX_TOKENS; or the first MAX_YAML_ERRORS errors, when there are more.
 */
export function parseWithin(text: string, lineCounter: LineCounter): { doc: Document.Parsed } | { tooDeep: number } | { tooMany: number } | { errors: YAMLError[] } {
  const parsed = tokens(text, lineCounter);
  if (!('tokens' in parsed)) return parsed;
  const composed = compose(parsed.tokens, text.length);
  if ('doc' in composed) composed.doc.errors.push(...duplicateKeys(composed.doc, lineCounter));
  return composed;
}
