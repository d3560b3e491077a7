// A new year's files made from the year before: the report's metadata carried and its narrative
// left to write; each department's pledges and statuses kept, progress and next steps cleared with
// last year's text kept as a comment above them, figures kept (marked as last year's). The source's
// comments survive because the files are edited as YAML documents, not rewritten from values.
import { isCollection, isMap, isScalar, isSeq, Pair, Scalar, type Document, type YAMLMap } from 'yaml';
import type { Problem } from '../problems.js';
import { canonicalise, expandAliases, LAYOUT } from './format-yaml.js';
import { parseYaml } from './load.js';

export const SCHEMA_LINES = {
  report: '# yaml-language-server: $schema=../../schemas/report.schema.json',
  department: '# yaml-language-server: $schema=../../../schemas/department.schema.json',
} as const;

/** The report's narrative, written afresh each year; everything else in report.yaml is carried. */
export const NARRATIVE_KEYS = ['date', 'reference', 'foreword', 'introduction', 'sections', 'conclusion', 'feedback'] as const;

/** Comment lines are wrapped to this many characters (after the indentation and the "# "). */
const COMMENT_WIDTH = 90;

export interface Scaffolded {
  text?: string;
  problems: Problem[];
}

/** Word-wraps Markdown into comment lines; a blank line stays (as a lone "#"), list indents are kept. */
export function commentLines(text: string, width = COMMENT_WIDTH): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/\r/g, '').trimEnd().split('\n')) {
    const indent = /^\s*/.exec(raw)![0];
    const words = raw.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      out.push('');
      continue;
    }
    let line = indent;
    for (const word of words) {
      if (line.trim() !== '' && line.length + 1 + word.length > width) {
        out.push(line);
        line = indent;
      }
      line += line.trim() === '' ? word : ` ${word}`;
    }
    out.push(line);
  }
  return out;
}

/** A YAML comment body from lines: yaml writes " text" as "# text" and a lone " " as "#". */
const asComment = (lines: readonly string[]) => lines.map((l) => ` ${l}`).join('\n');

/**
 * Adds comment lines above `node`. A comment a scaffold left there before, found by `earlier` at
 * its first line, gives way: from that line to the key (where new-year wrote it) it is replaced,
 * so carried text does not pile up year on year. A comment of the user's own above it stays.
 */
function addComment(node: Scalar, lines: readonly string[], earlier: RegExp, previousYear: string): void {
  const kept = (node.commentBefore ?? '').split('\n');
  // Only a note about a year before last year's is new-year's: "2015: ask DfE" in 2015's file is the user's.
  const from = kept.findIndex((line) => Number(earlier.exec(line)?.[1] ?? previousYear) < Number(previousYear));
  node.commentBefore = [...(from === -1 ? kept : kept.slice(0, from)), asComment(lines)].filter(Boolean).join('\n');
}

/** The first line of last year's text carried as a comment ("2014: …"), and of the figures' note. */
const CARRIED_TEXT = /^ ?(\d{4}): /;
const CARRIED_FIGURES = /^ ?Figures carried from (\d{4}): /;

const pairOf = (map: YAMLMap, key: string) =>
  map.items.find((p): p is Pair<Scalar, unknown> => isScalar(p.key) && p.key.value === key);

/** Empties a Markdown field, keeping last year's text above it as a comment. */
function clear(map: YAMLMap, key: string, previousYear: string, insertAfter: readonly string[], always: boolean): void {
  const pair = pairOf(map, key);
  const old = pair && isScalar(pair.value) && typeof pair.value.value === 'string' ? pair.value.value : '';
  if (!pair) {
    if (!always) return;
    const at = Math.max(...insertAfter.map((k) => map.items.findIndex((p) => isScalar(p.key) && p.key.value === k))) + 1;
    map.items.splice(at, 0, new Pair(new Scalar(key), new Scalar('')));
    return;
  }
  if (old.trim() !== '') {
    addComment(pair.key, commentLines(`${previousYear}: ${old.trimStart()}`), CARRIED_TEXT, previousYear);
  }
  // A comment written after the value (`progress: Done. # TODO ask DfE`) is the user's: it stays.
  const cleared = new Scalar('');
  if (isScalar(pair.value) || isCollection(pair.value)) cleared.comment = pair.value.comment;
  pair.value = cleared;
}

/**
 * Puts the schema line first. Last year's own line is kept when it has one: every year's files sit
 * at the same depth, so its relative path is as right for this year; otherwise `fallback`.
 */
function withSchemaLine(text: string, original: string, fallback: string): string {
  const isSchemaLine = (line: string) => /^#\s*yaml-language-server:/.test(line);
  const line = original.split('\n').find(isSchemaLine)?.trimEnd() ?? fallback;
  const lines = text.split('\n');
  let start = 0;
  while (start < lines.length && (lines[start]!.trim() === '' || isSchemaLine(lines[start]!))) start++;
  return [line, ...lines.slice(start)].join('\n');
}

function parse(text: string, path: string): { doc?: Document.Parsed; map?: YAMLMap; problems: Problem[] } {
  const loaded = parseYaml(text, path);
  if (!loaded.source || loaded.problems.length > 0) return { problems: loaded.problems };
  const doc = loaded.source.doc;
  // Written out first: clearing a value that an anchor marks would leave its aliases pointing nowhere.
  expandAliases(doc);
  if (!isMap(doc.contents)) {
    return { problems: [{ file: path, line: 1, column: 1, severity: 'error', rule: 'type', message: 'the file is not a mapping (key: value lines)' }] };
  }
  return { doc, map: doc.contents, problems: [] };
}

/** This year's department file from last year's. */
export function scaffoldDepartment(text: string, path: string, previousYear: string): Scaffolded {
  const { doc, map, problems } = parse(text, path);
  if (!doc || !map) return { problems };
  const pledges = pairOf(map, 'pledges')?.value;
  for (const pledge of isSeq(pledges) ? pledges.items : []) {
    if (!isMap(pledge)) continue;
    // Every pledge gets `progress: ""`, so `validate` points at each one still to write.
    clear(pledge, 'progress', previousYear, ['id', 'theme', 'outcomes', 'commitment', 'status'], true);
    clear(pledge, 'next_steps', previousYear, [], false);
    const metrics = pairOf(pledge, 'metrics');
    if (metrics && isSeq(metrics.value) && metrics.value.items.length > 0) {
      addComment(metrics.key, [`Figures carried from ${previousYear}: update each value (or remove a figure no longer measured).`], CARRIED_FIGURES, previousYear);
    }
  }
  canonicalise(doc, 'department');
  return { text: withSchemaLine(doc.toString(LAYOUT), text, SCHEMA_LINES.department), problems: [] };
}

/** This year's report file from last year's: metadata carried, narrative left to write. */
export function scaffoldReport(text: string, path: string, previousYear: string, year: string): Scaffolded {
  const { doc, map, problems } = parse(text, path);
  if (!doc || !map) return { problems };
  map.items = map.items.filter((p) => !(isScalar(p.key) && (NARRATIVE_KEYS as readonly unknown[]).includes(p.key.value)));
  canonicalise(doc, 'report');
  // Last year's note (when last year was scaffolded too) gives way to this year's.
  const kept = doc.comment?.replace(/^ ?\d{4}: write this year's report here\.[\s\S]*?conclusion and feedback\.$/m, '').replace(/^\n+|\n+$/g, '');
  doc.comment = [
    kept,
    asComment([
      `${year}: write this year's report here. Last year's narrative is in ../${previousYear}/report.yaml.`,
      'Add what applies: date (YYYY-MM-DD), reference, foreword (body, signed_by: name, role),',
      'introduction, sections (one a theme: theme, body, case_studies, quotes, next_steps),',
      'conclusion and feedback.',
    ]),
  ].filter(Boolean).join('\n');
  return { text: withSchemaLine(doc.toString(LAYOUT), text, SCHEMA_LINES.report), problems: [] };
}
