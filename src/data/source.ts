// A data file as read from disk: its text decoded strictly as UTF-8, or why it could not be had;
// the limits on what is read; and what the rest of the loader knows a file by.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Problem } from '../problems.js';

/**
 * Larger files are refused before they are read. The largest real file (2014's report) is 34 KB;
 * a department with 10,000 pledges is about 5 MB.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** How many times aliases may be expanded in one file (a "billion laughs" guard). */
export const MAX_ALIAS_COUNT = 100;
/** How deeply collections may nest; the schemas need five levels. */
export const MAX_DEPTH = 64;
/** A file with more YAML errors than this is not read further: it is unlikely to be YAML at all. */
export const MAX_YAML_ERRORS = 100;
/**
 * How many times a file with syntax errors is read again, mended where the slips found say how,
 * to find the problems past them. Each reading is of the whole file: this bounds what junk costs.
 */
export const MAX_READINGS = 8;

/** A file as read: its display path (relative to the working directory) and its text. */
export interface SourceText {
  path: string;
  text: string;
}

export interface SourceFile extends SourceText {
  /**
   * The plain JavaScript value; undefined when the file could not be read to the end. After a
   * slip that was mended (load.ts), the value as the file was meant, though the file is invalid.
   */
  value: unknown;
  /** Where the values are written (locate.ts): always there, for any value the file holds. */
  places: Places;
}

/** A step down into the data: a key, or an index in a list. */
export type Segment = string | number;

export interface Position {
  line: number;
  column: number;
  length: number;
}

/** Where things are in a file read with positions. */
export interface Places {
  /**
   * The value at `segments` (or its deepest ancestor that exists); with `key`, the key of that name
   * in the mapping there (where an unknown key is written).
   */
  at(segments: readonly Segment[], key?: string): Position;
}

export interface Loaded {
  source?: SourceFile;
  problems: Problem[];
  /** Lines whose value was read as nothing past a syntax error: the checks say nothing more there. */
  silent?: ReadonlySet<number>;
}

/** A JSON pointer ("/pledges/2/id"), as ajv reports a place, as segments. */
export function pointerToSegments(pointer: string): Segment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function problemAt(path: string, line: number, column: number, rule: string, message: string, hint?: string): Problem {
  return { file: path, line, column, severity: 'error', rule, message, ...(hint ? { hint } : {}) };
}

/** UTF-16, by its byte order mark, or by the zero byte beside every Latin letter (one in three bytes or more). */
function isUtf16(bytes: Buffer): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 512);
  return sample.length >= 4 && sample.filter((b) => b === 0).length * 3 >= sample.length;
}

const SAVE_AS_UTF8 = 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)';

/** Decodes UTF-8 strictly; on a bad byte, says where it is. */
function decode(bytes: Buffer, path: string): { text?: string; problem?: Problem } {
  if (isUtf16(bytes)) return { problem: problemAt(path, 1, 1, 'encoding', 'the file is UTF-16, not UTF-8', SAVE_AS_UTF8) };
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
      problem: problemAt(path, line, column, 'encoding', `the file is not valid UTF-8 (byte 0x${hex} at line ${line})`, SAVE_AS_UTF8),
    };
  }
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
