// Parsing one YAML file with positions kept, every syntax problem located: the careful reading,
// for files with a problem to place (see fast-yaml.ts for the quick one).
import { LineCounter, visit, type Document, type YAMLError } from 'yaml';
import type { Problem } from '../problems.js';
import { placesIn } from './locate.js';
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_TOKENS, MAX_YAML_ERRORS, problemAt, type Loaded, type SourceFile } from './source.js';
import { parseWithin } from './yaml-document.js';
import { lineSlips } from './yaml-lines.js';

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

/** Parser errors with a message of their own, which stand beside the slips yaml-lines.ts finds. */
const STANDS_ALONE = new Set(['yaml-tab-as-indent', 'yaml-duplicate-key', 'yaml-multiple-docs']);

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

/** The slips in a file's layout (yaml-lines.ts) as problems. */
function layoutProblems(text: string, path: string): Problem[] {
  return lineSlips(text).map((slip) => problemAt(path, slip.line, slip.column, 'yaml-layout', slip.message, slip.hint));
}

/**
 * The problems of a file the parser read to the end. Its account of a slip in the layout is in its
 * own terms, often a line early, and then once for each line it could no longer read: the slips as
 * a person would put them (yaml-lines.ts) replace it. Without such a slip, one problem a line.
 */
function explained(problems: Problem[], text: string, path: string): Problem[] {
  const alone = (p: Problem) => STANDS_ALONE.has(p.rule) || (p.rule === 'yaml-missing-char' && p.message.startsWith('the quote '));
  const seen = new Set<number>();
  const onePerLine = (list: Problem[]) => list.filter((p) => !seen.has(p.line) && seen.add(p.line));
  if (problems.every(alone)) return problems;
  // A tab throws the line-by-line reading out: the parser's account, one problem a line.
  if (problems.some((p) => p.rule === 'yaml-tab-as-indent')) return onePerLine(problems);
  const slips = layoutProblems(text, path);
  if (slips.length > 0) return [...slips, ...problems.filter(alone)];
  return onePerLine(problems);
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
    // So many errors come from one slip near the top more often than from a hundred mistakes.
    const slips = layoutProblems(body, path);
    if (slips.length > 0) return { problems: slips };
    const problems = yamlProblems(parsed.errors, undefined, lineCounter, body, path);
    const last = problems[problems.length - 1]!;
    return {
      problems: [...problems, problemAt(path, last.line, last.column, 'yaml-too-many-errors',
        `the file has more than ${MAX_YAML_ERRORS} YAML errors; it was not read past here`,
        'check that this is the data file you meant; fix the first errors and validate again')],
    };
  }
  const { doc } = parsed;
  const source: SourceFile = { path, text: body, doc, lineCounter, value: undefined, places: placesIn(doc, lineCounter, body) };
  const problems = explained(yamlProblems(doc.errors, doc, lineCounter, body, path), body, path);
  // A key set twice leaves a document that reads one way (the last wins): it is still read, so
  // its other problems are found in the same run. After any other syntax error it is not.
  if (problems.some((p) => p.rule !== 'yaml-duplicate-key')) return { source, problems };
  try {
    source.value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const { line, col } = lineCounter.linePos(firstAlias(doc) ?? 0);
    const message = error instanceof Error && /alias/i.test(error.message)
      ? `aliases expand to too much data (more than ${MAX_ALIAS_COUNT} copies); write the values out instead of using * aliases`
      : `the YAML could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { source, problems: [problemAt(path, line, col, 'yaml-alias-limit', message)] };
  }
  return { source, problems };
}

