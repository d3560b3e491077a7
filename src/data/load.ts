// Reading one YAML file: strict UTF-8, parsed with positions kept, every syntax problem located.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { LineCounter, visit, type Document, type YAMLError } from 'yaml';
import type { Problem } from '../problems.js';
import { MAX_DEPTH, MAX_TOKENS, MAX_YAML_ERRORS, parseWithin } from './yaml-document.js';

export { MAX_DEPTH, MAX_TOKENS, MAX_YAML_ERRORS };

/**
 * Larger files are refused before they are read. The largest real file (2014's report) is 34 KB;
 * a department with 10,000 pledges is about 5 MB. MAX_TOKENS bounds what a smaller file of junk costs.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** How many times aliases may be expanded in one file (a "billion laughs" guard). */
export const MAX_ALIAS_COUNT = 100;

/** A file as read: its display path (relative to the working directory) and its text. */
export interface SourceText {
  path: string;
  text: string;
}

export interface SourceFile extends SourceText {
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
  TAB_AS_INDENT: () => 'tabs are not allowed for indentation in YAML; indent with spaces',
  BAD_INDENT: (m) => `wrong indentation: ${m.charAt(0).toLowerCase()}${m.slice(1)}`,
  MULTIPLE_DOCS: () => 'the file holds more than one YAML document (a second "---"); keep one',
  MISSING_CHAR: (m) => {
    const quote = UNCLOSED_QUOTE.exec(m)?.[1];
    return quote ? `the quote ${quote} that opens this text is never closed; add the closing ${quote} where the text ends` : m;
  },
};

const UNCLOSED_QUOTE = /^Missing closing (["'])quote$/;

/**
 * Where each quoted text starts, by where it ends: an unclosed quote is reported where it opens.
 * Gathered in one walk when first asked for, so a file with many errors costs no more than one.
 */
function quoteStarts(doc: Document.Parsed | undefined) {
  let quotes: Map<number, number> | undefined;
  return (end: number): number | undefined => {
    if (!doc) return undefined;
    if (!quotes) {
      const found = new Map<number, number>();
      visit(doc, {
        Scalar(_key, node) {
          if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) found.set(node.range[1], node.range[0]);
        },
      });
      quotes = found;
    }
    return quotes.get(end);
  };
}

/**
 * Where a person should look for a parser error. The parser puts some where they help nobody: an
 * unclosed quote at the end of the file, a wrongly indented line at the start of its indentation,
 * and a tab in front of a key after a `|` block as "block scalar lines must not be less indented"
 * (it reads the line as part of the block). Any error on a line indented with a tab is that tab.
 */
function place(error: YAMLError, message: string, quoteStart: (end: number) => number | undefined, text: string, lineCounter: LineCounter): { offset: number; length: number; code: string } {
  const offset = error.pos[0];
  const lineStart = lineCounter.lineStarts[lineCounter.linePos(offset).line - 1] ?? 0;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const tab = indent.indexOf('\t');
  if (tab >= 0) return { offset: lineStart + tab, length: indent.length - tab, code: 'TAB_AS_INDENT' };
  if (error.code === 'BAD_INDENT' && offset < lineStart + indent.length) return { offset: lineStart + indent.length, length: 1, code: error.code };
  const quote = error.code === 'MISSING_CHAR' && UNCLOSED_QUOTE.test(message) ? quoteStart(offset) : undefined;
  if (quote !== undefined) return { offset: quote, length: 1, code: error.code };
  return { offset, length: Math.max(1, Math.min(error.pos[1] - offset, 80)), code: error.code };
}

function yamlProblems(errors: readonly YAMLError[], doc: Document.Parsed | undefined, lineCounter: LineCounter, text: string, path: string): Problem[] {
  const quoteStart = quoteStarts(doc);
  return errors.map((error) => {
    const raw = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
    const { offset, length, code } = place(error, raw, quoteStart, text, lineCounter);
    const { line, col } = lineCounter.linePos(offset);
    const describe = YAML_MESSAGES[code];
    const message = describe ? describe(raw) : raw;
    return { ...problemAt(path, line, col, `yaml-${code.toLowerCase().replace(/_/g, '-')}`, message), length };
  });
}

/** The offset of the first alias: where a too-large expansion is reported. */
function firstAlias(doc: Document.Parsed): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

export function parseYaml(text: string, path: string): Loaded {
  const lineCounter = new LineCounter();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseWithin(body, lineCounter);
  if ('tooDeep' in parsed) {
    const { line, col } = lineCounter.linePos(parsed.tooDeep);
    return { problems: [problemAt(path, line, col, 'too-deep', `the data nests more than ${MAX_DEPTH} levels deep`,
      'a data file needs five or six levels; look for brackets [ { that are never closed, or lines indented ever further')] };
  }
  if ('tooMany' in parsed) {
    const { line, col } = lineCounter.linePos(parsed.tooMany);
    return { problems: [problemAt(path, line, col, 'file-too-large', `the file holds more than ${MAX_TOKENS.toLocaleString('en-GB')} YAML tokens; it was not read past here`,
      'split a department into smaller files, or check the file is the one you meant')] };
  }
  if ('errors' in parsed) {
    const problems = yamlProblems(parsed.errors, undefined, lineCounter, body, path);
    const last = problems[problems.length - 1]!;
    return {
      problems: [...problems, problemAt(path, last.line, last.column, 'yaml-too-many-errors',
        `the file has more than ${MAX_YAML_ERRORS} YAML errors; it was not read past here`,
        'check that this is the data file you meant; fix the first errors and validate again')],
    };
  }
  const { doc } = parsed;
  const source: SourceFile = { path, text: body, doc, lineCounter, value: undefined };
  const problems = yamlProblems(doc.errors, doc, lineCounter, body, path);
  if (problems.length > 0) return { source, problems };
  try {
    source.value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const { line, col } = lineCounter.linePos(firstAlias(doc) ?? 0);
    const message = error instanceof Error && /alias/i.test(error.message)
      ? `aliases expand to too much data (more than ${MAX_ALIAS_COUNT} copies); write the values out instead of using * aliases`
      : `the YAML could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { source, problems: [problemAt(path, line, col, 'yaml-alias-limit', message)] };
  }
  return { source, problems: [] };
}

/** Why the system would not give a file's bytes, in words; the code as Node gives it otherwise. */
const READ_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a symbolic link that leads back to itself',
  EIO: 'an input/output error',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EMFILE: 'too many files open',
};

/** A file or folder the system would not read: a problem with the data, not a bug (exit 1, not 70). */
export function cannotRead(path: string, error: unknown, what = 'file'): Problem {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? `${READ_ERRORS[code] ?? code} (${code})` : error instanceof Error ? error.message : String(error);
  const permission = code === 'EACCES' || code === 'EPERM';
  return problemAt(path, 0, 0, 'cannot-read', `the ${what} cannot be read: ${reason}`,
    permission ? `let the user running covenant read it (check its permissions and owner)` : undefined);
}

/**
 * A data file's text, decoded strictly as UTF-8; or why it cannot be had. The file is read
 * synchronously: a run reads a few dozen small files, and a round trip through the thread pool for
 * each step of each one cost more than the reading. It is opened without blocking, so a pipe put
 * where a data file should be is reported rather than waited on.
 */
export function readText(absolutePath: string, path: string): { text: string } | { problems: Problem[] } {
  let fd: number;
  try {
    fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ENOENT') return { problems: [problemAt(path, 0, 0, 'missing-file', 'the file does not exist')] };
    if (code === 'EISDIR') return { problems: [notAFile(path, true)] };
    return { problems: [cannotRead(path, error)] };
  }
  let bytes: Buffer;
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { problems: [notAFile(path, true)] };
    // A pipe or a device would be read until it ends, which may be never.
    if (!info.isFile()) return { problems: [notAFile(path, false)] };
    if (info.size > MAX_FILE_BYTES) {
      return {
        problems: [problemAt(path, 0, 0, 'file-too-large',
          `the file is ${(info.size / 1024 / 1024).toFixed(1)} MB; files over ${MAX_FILE_BYTES / 1024 / 1024} MB are not read`,
          'split a department into smaller files, or check the file is the one you meant')],
      };
    }
    bytes = readFileSync(fd);
  } catch (error) {
    return { problems: [cannotRead(path, error)] };
  } finally {
    closeSync(fd);
  }
  const { text, problem } = decode(bytes, path);
  if (problem || text === undefined) return { problems: problem ? [problem] : [] };
  return { text };
}

function notAFile(path: string, folder: boolean): Problem {
  return folder
    ? problemAt(path, 0, 0, 'not-a-file', 'this is a folder, not a file', 'data files are YAML files; rename or move this folder')
    : problemAt(path, 0, 0, 'not-a-file', 'this is not a file but a pipe, socket or device', 'data files are YAML files; remove or rename this one');
}

/** Thrown by a source read without positions when a problem needs one: the file is then read again with them. */
export class NeedsPositions extends Error {}

/** A file read quickly (fast-yaml.ts): its value and text, but no document to place problems in. */
export function withoutPositions(path: string, text: string, value: unknown): SourceFile {
  const missing = (): never => {
    throw new NeedsPositions(path);
  };
  return { path, text, value, get doc() { return missing(); }, get lineCounter() { return missing(); } };
}
