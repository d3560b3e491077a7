// Reading one data file: its value and where each value is written, from one parser
// (read-yaml.ts), and every syntax problem, said in plain words at its line. A file with slips
// the line-by-line reading names (yaml-lines.ts) is read again as they say it was meant, so that
// its other problems are found in the same run; the file stays invalid until the slips are fixed.
import type { Problem } from '../problems.js';
import { lineStarts, placesIn } from './locate.js';
import { parseYaml12, type Parsed } from './read-yaml.js';
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_READINGS, MAX_YAML_ERRORS, problemAt, type Loaded } from './source.js';
import { lineSlips } from './yaml-lines.js';

type Failed = Extract<Parsed, { reason: string }>;

const TAB = 'tabs are not allowed for indentation in YAML; indent with spaces';

/** js-yaml's words for an error it reports where the slip is, and ours. */
const MESSAGES: [RegExp, string][] = [
  [/^tab characters must not be used in indentation/, TAB],
  [/^bad indentation of a (?:mapping|sequence) entry/, 'this line is indented out of step with the lines around it'],
  [/^missed comma between flow collection entries/, 'a comma is missing between two items in [ ] or { }'],
  [/^can not read an implicit mapping pair; a colon is missed/, 'a key here has no colon after it'],
  [/^can not read a block mapping entry; a multiline key may not be an implicit key/, 'a key must be on one line, with its colon after it'],
  [/^end of the stream or a document separator is expected/, 'this line cannot be read as part of the data above it: check its indentation, and put text holding ": " or " #" in double quotes'],
  [/^unexpected end of the stream within a flow collection/, 'a bracket [ or { is never closed'],
  [/^unknown tag !<(.*)>/, 'the tag $1 is not one YAML reads here; remove it'],
];

/** The problem behind one js-yaml error, and the text read on past it when that is safe. */
function described(failed: Failed, text: string, path: string): { problem: Problem; mended?: string } {
  const at = (offset: number) => lineStarts(text)(offset);
  const quote = /^unexpected end of the stream within a (single|double) quoted scalar/.exec(failed.reason);
  if (quote && failed.opened !== undefined) {
    const mark = quote[1] === 'single' ? "'" : '"';
    const { line, column } = at(failed.opened);
    return { problem: problemAt(path, line, column, 'yaml-missing-char', `the quote ${mark} that opens this text is never closed; add the closing ${mark} where the text ends`) };
  }
  const alias = /^unidentified alias "(.*)"$/.exec(failed.reason);
  if (alias) {
    const start = failed.offset - alias[1]!.length - 1;
    const { line, column } = at(start);
    // Read on with the alias as nothing: its own line has this problem already.
    const mended = `${text.slice(0, start)}~${' '.repeat(alias[1]!.length)}${text.slice(failed.offset)}`;
    return {
      problem: problemAt(path, line, column, 'yaml-unknown-alias', `the alias *${alias[1]} is not defined: no anchor &${alias[1]} is written above it`,
        `write the value out here, or put &${alias[1]} in front of the value it should copy`),
      mended,
    };
  }
  if (/^expected a single document in the stream/.test(failed.reason)) {
    const second = secondDocument(text);
    const { line, column } = at(second);
    // Read on with the first document alone.
    return {
      problem: problemAt(path, line, column, 'yaml-multiple-docs', 'the file holds more than one YAML document (a second "---"); keep one'),
      mended: text.slice(0, second) + text.slice(second).replace(/[^\n]/g, ' '),
    };
  }
  if (/^null byte is not allowed/.test(failed.reason)) {
    const { line, column } = at(failed.offset);
    return { problem: problemAt(path, line, column, 'yaml-nul', 'the file holds a NUL character (a zero byte), which a text file has not',
      'remove it: it comes from a file saved in another encoding, or from text pasted from another program') };
  }
  const known = MESSAGES.find(([pattern]) => pattern.test(failed.reason));
  const message = known ? failed.reason.replace(known[0], known[1]) : `YAML cannot read this: ${failed.reason}`;
  const rule = known?.[1] === TAB ? 'yaml-tab-as-indent' : 'yaml-syntax';
  // At the end of the file, js-yaml counts a line after the last: the last line is where it ends.
  const { line, column } = failed.offset >= text.length ? at(Math.max(0, text.length - 1)) : { line: failed.line, column: failed.column };
  return { problem: problemAt(path, line, column, rule, message) };
}

/** Where the second document starts: the first "---" or "..." line with content above it. */
function secondDocument(text: string): number {
  const marker = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  for (let match = marker.exec(text); match; match = marker.exec(text)) {
    if (/^[ \t]*[^\s#]/m.test(text.slice(0, match.index).replace(/^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm, ''))) return match.index;
  }
  return 0;
}

/**
 * The problems of a file the parser stopped in, and its text mended to read on: the slips the
 * lines show, each said once, when there are any on lines not yet reported; otherwise the
 * parser's own error, said plainly.
 */
function explain(failed: Failed, text: string, path: string, reported: Set<number>): { problems: Problem[]; mended?: string } {
  const slips = lineSlips(text).filter((slip) => !reported.has(slip.line));
  if (slips.length > 0) {
    const lines = text.split('\n');
    for (const slip of slips) {
      if (slip.mend !== undefined) lines[slip.line - 1] = slip.mend + (lines[slip.line - 1]!.endsWith('\r') ? '\r' : '');
    }
    const problems = slips.map((slip) => problemAt(path, slip.line, slip.column, slip.rule ?? 'yaml-layout', slip.message, slip.hint));
    return { problems, ...(slips.some((slip) => slip.mend !== undefined) ? { mended: lines.join('\n') } : {}) };
  }
  const { problem, mended } = described(failed, text, path);
  // The parser still stopped on a line whose slip was reported and mended: that is said already.
  if (reported.has(problem.line)) return { problems: [] };
  return { problems: [problem], ...(mended !== undefined ? { mended } : {}) };
}

/** What a file read to its end holds beside its value: keys set twice, and aliases past the limit. */
function afterReading(parsed: Extract<Parsed, { ok: true }>, text: string, path: string): { problems: Problem[]; tooManyCopies: boolean } {
  const at = lineStarts(text);
  const problems = parsed.repeated.map(({ key, at: offset, first }) => {
    const { line, column } = at(offset);
    return problemAt(path, line, column, 'yaml-duplicate-key', `key "${key}" is already set on line ${at(first).line} in the same mapping; keep one`);
  });
  const aliases = parsed.aliases;
  if (aliases && aliases.copies > MAX_ALIAS_COUNT) {
    const { line, column } = at(aliases.first);
    problems.push(problemAt(path, line, column, 'yaml-alias-limit',
      `aliases expand to too much data (more than ${MAX_ALIAS_COUNT} copies); write the values out instead of using * aliases`));
    return { problems, tooManyCopies: true };
  }
  return { problems, tooManyCopies: false };
}

/**
 * A data file's value and places, and its syntax problems. After a syntax error the file is read
 * again as mended, up to MAX_READINGS times; its value is then the file as it was meant, so that
 * the schema and the rules can run on it, and `problems` says why the file is invalid.
 */
export function readData(text: string, path: string): Loaded {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // A carriage return alone ends a line in YAML 1.2, not to js-yaml; a line feed in its place keeps
  // every offset, and the code frames count the lines as the problems do.
  const normal = /\r(?!\n)/.test(body) ? body.replace(/\r(?!\n)/g, '\n') : body;
  let current = normal;
  let parsed = parseYaml12(current);
  const problems: Problem[] = [];
  const reported = new Set<number>();
  for (let reading = 1; !parsed.ok && 'reason' in parsed && reading <= MAX_READINGS; reading++) {
    const { problems: found, mended } = explain(parsed, current, path, reported);
    for (const problem of found) reported.add(problem.line);
    problems.push(...found);
    if (mended === undefined || problems.length > MAX_YAML_ERRORS) break;
    current = mended;
    parsed = parseYaml12(current);
  }
  const unread = { path, text: normal, value: undefined, places: placesIn(undefined, normal) };
  if (problems.length > MAX_YAML_ERRORS) {
    const last = problems[MAX_YAML_ERRORS - 1]!;
    return {
      source: unread,
      problems: [...problems.slice(0, MAX_YAML_ERRORS), problemAt(path, last.line, last.column, 'yaml-too-many-errors',
        `the file has more than ${MAX_YAML_ERRORS} YAML errors; it was not read past here`, 'check that this is the data file you meant; fix the first errors and validate again')],
    };
  }
  if (!parsed.ok && 'tooDeep' in parsed) {
    const { line, column } = lineStarts(current)(parsed.tooDeep);
    return { source: unread, problems: [...problems, problemAt(path, line, column, 'too-deep', `the data nests more than ${MAX_DEPTH} levels deep`,
      'a data file needs five or six levels; look for brackets [ { that are never closed, or lines indented ever further')] };
  }
  if (!parsed.ok) return { source: unread, problems };
  const after = afterReading(parsed, current, path);
  problems.push(...after.problems);
  if (after.tooManyCopies) return { source: unread, problems };
  // A line read as mended (or as nothing, for an unknown alias) has its problem already: what the
  // checks would say of the value guessed there is not said too.
  return { source: { path, text: normal, value: parsed.value, places: placesIn(parsed.root, current) }, problems, ...(reported.size > 0 ? { silent: reported } : {}) };
}
