// Reading one YAML file: strict UTF-8, parsed with positions kept, every syntax problem located.
import { readFile, stat } from 'node:fs/promises';
import { isAlias, isScalar, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { Problem } from '../problems.js';

/** Larger files are refused before they are read: no real department file comes near it. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** How many times aliases may be expanded in one file (a "billion laughs" guard). */
export const MAX_ALIAS_COUNT = 100;
/** How deeply collections may nest; the schemas need five levels. */
export const MAX_DEPTH = 64;

export interface SourceFile {
  /** Display path, relative to the working directory. */
  path: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain JavaScript value: only set when the file parsed without errors. */
  value: unknown;
}

export interface Loaded {
  source?: SourceFile;
  problems: Problem[];
}

function problemAt(path: string, line: number, column: number, rule: string, message: string, hint?: string): Problem {
  return { file: path, line, column, severity: 'error', rule, message, ...(hint ? { hint } : {}) };
}

/** Decodes UTF-8 strictly; on a bad byte, says where it is. */
function decode(bytes: Buffer, path: string): { text?: string; problem?: Problem } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    // Re-encoding the lenient decoding changes the bytes first where the input was invalid.
    const lenient = Buffer.from(new TextDecoder('utf-8').decode(bytes), 'utf8');
    let offset = 0;
    while (offset < bytes.length && bytes[offset] === lenient[offset]) offset++;
    const before = bytes.subarray(0, offset);
    const line = before.filter((b) => b === 0x0a).length + 1;
    const lineStart = before.lastIndexOf(0x0a) + 1;
    const column = Buffer.from(before.subarray(lineStart)).toString('utf8').length + 1;
    const hex = bytes[offset]?.toString(16).padStart(2, '0') ?? '';
    return {
      problem: problemAt(path, line, column, 'encoding', `the file is not valid UTF-8 (byte 0x${hex} at line ${line})`,
        'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)'),
    };
  }
}

const YAML_MESSAGES: Record<string, (m: string) => string> = {
  DUPLICATE_KEY: () => 'this key is already set earlier in the same mapping; keep one',
  TAB_AS_INDENT: () => 'tabs are not allowed for indentation in YAML; indent with spaces',
  BAD_INDENT: (m) => `wrong indentation: ${m.charAt(0).toLowerCase()}${m.slice(1)}`,
  MULTIPLE_DOCS: () => 'the file holds more than one YAML document (a second "---"); keep one',
  MISSING_CHAR: (m) => {
    const quote = UNCLOSED_QUOTE.exec(m)?.[1];
    return quote ? `the quote ${quote} that opens this text is never closed; add the closing ${quote} where the text ends` : m;
  },
};

const UNCLOSED_QUOTE = /^Missing closing (["'])quote$/;

/** The start of the quoted scalar that ends at `end`. */
function quoteStart(doc: Document.Parsed, end: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === end) {
        start = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return start;
}

/**
 * Where a person should look for a parser error. The parser puts some where they help nobody: an
 * unclosed quote at the end of the file, a wrongly indented line at the start of its indentation,
 * and a tab in front of a key after a `|` block as "block scalar lines must not be less indented"
 * (it reads the line as part of the block). Any error on a line indented with a tab is that tab.
 */
function place(error: YAMLError, message: string, doc: Document.Parsed, text: string): { offset: number; length: number; code: string } {
  const offset = error.pos[0];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const tab = indent.indexOf('\t');
  if (tab >= 0) return { offset: lineStart + tab, length: indent.length - tab, code: 'TAB_AS_INDENT' };
  if (error.code === 'BAD_INDENT' && offset < lineStart + indent.length) return { offset: lineStart + indent.length, length: 1, code: error.code };
  const quote = error.code === 'MISSING_CHAR' && UNCLOSED_QUOTE.test(message) ? quoteStart(doc, offset) : undefined;
  if (quote !== undefined) return { offset: quote, length: 1, code: error.code };
  return { offset, length: Math.max(1, Math.min(error.pos[1] - offset, 80)), code: error.code };
}

/** "key "name" is already set on line 2": the repeated key and where it was first set. */
function duplicateKey(doc: Document.Parsed, lineCounter: LineCounter, offset: number): string {
  let message = YAML_MESSAGES.DUPLICATE_KEY!('');
  visit(doc, {
    Map(_key, map) {
      const repeated = map.items.find((pair) => isScalar(pair.key) && pair.key.range?.[0] === offset);
      if (!repeated || !isScalar(repeated.key)) return undefined;
      const name = String(repeated.key.value);
      const first = map.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === name && pair !== repeated);
      const line = isScalar(first?.key) && first.key.range ? lineCounter.linePos(first.key.range[0]).line : undefined;
      message = `key "${name}" is already set${line ? ` on line ${line}` : ''} in the same mapping; keep one`;
      return visit.BREAK;
    },
  });
  return message;
}

function yamlProblems(doc: Document.Parsed, lineCounter: LineCounter, text: string, path: string): Problem[] {
  return doc.errors.map((error) => {
    const raw = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
    const { offset, length, code } = place(error, raw, doc, text);
    const { line, col } = lineCounter.linePos(offset);
    const describe = YAML_MESSAGES[code];
    const message = code === 'DUPLICATE_KEY' ? duplicateKey(doc, lineCounter, offset) : describe ? describe(raw) : raw;
    return { ...problemAt(path, line, col, `yaml-${code.toLowerCase().replace(/_/g, '-')}`, message), length };
  });
}

/** Collections nested deeper than MAX_DEPTH, and the first alias, found in one walk. */
function inspect(doc: Document.Parsed): { tooDeep?: number; firstAlias?: number } {
  const found: { tooDeep?: number; firstAlias?: number } = {};
  visit(doc, (_key, node, path) => {
    if (isAlias(node) && found.firstAlias === undefined) found.firstAlias = node.range?.[0] ?? 0;
    if (path.length > MAX_DEPTH * 2 && found.tooDeep === undefined) {
      found.tooDeep = (node as { range?: [number] }).range?.[0] ?? 0;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

export function parseYaml(text: string, path: string): Loaded {
  const lineCounter = new LineCounter();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let doc: Document.Parsed;
  try {
    doc = parseDocument(body, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false, strict: true });
  } catch {
    // The parser recurses once per nesting level: input nested thousands deep exhausts the stack.
    return { problems: [problemAt(path, 1, 1, 'too-deep', `the data nests too deeply to read (over ${MAX_DEPTH} levels)`)] };
  }
  const source: SourceFile = { path, text: body, doc, lineCounter, value: undefined };
  const problems = yamlProblems(doc, lineCounter, body, path);
  if (problems.length > 0) return { source, problems };

  const { tooDeep, firstAlias } = inspect(doc);
  if (tooDeep !== undefined) {
    const { line, col } = lineCounter.linePos(tooDeep);
    return { source, problems: [problemAt(path, line, col, 'too-deep', `the data nests more than ${MAX_DEPTH} levels deep`)] };
  }
  try {
    source.value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const { line, col } = lineCounter.linePos(firstAlias ?? 0);
    const message = error instanceof Error && /alias/i.test(error.message)
      ? `aliases expand to too much data (more than ${MAX_ALIAS_COUNT} copies); write the values out instead of using * aliases`
      : `the YAML could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { source, problems: [problemAt(path, line, col, 'yaml-alias-limit', message)] };
  }
  return { source, problems: [] };
}

export async function loadYaml(absolutePath: string, path: string): Promise<Loaded> {
  let size: number;
  try {
    const info = await stat(absolutePath);
    if (info.isDirectory()) return { problems: [problemAt(path, 0, 0, 'not-a-file', 'this is a folder, not a file', 'data files are YAML files; rename or move this folder')] };
    size = info.size;
  } catch {
    return { problems: [problemAt(path, 0, 0, 'missing-file', 'the file does not exist')] };
  }
  if (size > MAX_FILE_BYTES) {
    return {
      problems: [problemAt(path, 0, 0, 'file-too-large',
        `the file is ${(size / 1024 / 1024).toFixed(1)} MB; files over ${MAX_FILE_BYTES / 1024 / 1024} MB are not read`,
        'split a department into smaller files, or check the file is the one you meant')],
    };
  }
  const bytes = await readFile(absolutePath);
  const { text, problem } = decode(bytes, path);
  if (problem || text === undefined) return { problems: problem ? [problem] : [] };
  return parseYaml(text, path);
}
