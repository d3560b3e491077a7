// The rules no schema can express: ids that must exist elsewhere, be unique, or match a file name.
// They also run on files that failed the schema, so one run reports every problem: hence the
// defensive reading of values whose shape is not yet known to be right.
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import type { Problem } from '../problems.js';
import type { Segment, SourceFile } from './source.js';
import { didYouMean, kebab } from './suggest.js';

type Loose = Record<string, unknown>;

const record = (value: unknown): Loose | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : undefined;
const records = (value: unknown): (Loose | undefined)[] => (Array.isArray(value) ? value.map(record) : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function at(source: SourceFile, segments: Segment[], rule: string, message: string, hint?: string): Problem {
  const { line, column, length } = source.places.at(segments);
  return { file: source.path, line, column, length, severity: 'error', rule, message, ...(hint ? { hint } : {}) };
}

/** Reports the second and later uses of each id in the list at `base`. */
function duplicates(source: SourceFile, list: unknown, base: Segment[], what: string): Problem[] {
  const first = new Map<string, number>();
  const problems: Problem[] = [];
  records(list).forEach((item, index) => {
    const id = text(item?.id);
    if (id === undefined) return;
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, index);
      return;
    }
    problems.push(at(source, [...base, index, 'id'], 'duplicate-id',
      `${what} id "${id}" is already used on line ${source.places.at([...base, earlier, 'id']).line}`,
      'ids must be unique: give this one its own id'));
  });
  return problems;
}

export interface ProgrammeIds {
  /** Undefined when programme.yaml's list is not a list of { id, title }: nothing is checked against it. */
  themes: string[] | undefined;
  outcomes: string[] | undefined;
}

/**
 * The theme and outcome ids other files may name; undefined when programme.yaml is unusable. A
 * list written wrongly (`- employment` for `- id: employment`) is reported in programme.yaml
 * itself, not as every other file naming a theme it "does not have".
 */
export function programmeIds(programme: unknown): ProgrammeIds | undefined {
  const root = record(programme);
  if (!root || !Array.isArray(root.themes)) return undefined;
  const ids = (list: unknown): string[] | undefined => {
    if (list === undefined) return [];
    if (!Array.isArray(list)) return undefined;
    const found = list.map((item) => text(record(item)?.id));
    return found.every((id): id is string => id !== undefined) ? found : undefined;
  };
  return { themes: ids(root.themes), outcomes: ids(root.outcomes) };
}

/** C0 control characters but tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Text holding a control character (a NUL, an escape, a bell: "\0" or "\e" in double quotes, or
 * pasted from another program), which no report can show and which would reach the HTML as it is.
 * (Which characters a format's fonts have is its writer's business: the PDF writer warns of them.)
 */
export function characterProblems(source: SourceFile): Problem[] {
  const problems: Problem[] = [];
  const walk = (value: unknown, path: Segment[]): void => {
    if (typeof value === 'string') {
      const found = CONTROL.exec(value);
      if (found) {
        const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        problems.push(at(source, path, 'control-character', `the text holds the control character U+${code}, which a report cannot show`,
          'remove it: it is written \\0, \\e or \\x.. inside double quotes, or came unseen with text pasted from another program'));
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
    } else if (record(value)) {
      for (const [key, item] of Object.entries(value as Loose)) walk(item, [...path, key]);
    }
  };
  walk(source.value, []);
  return [...problems, ...nestingProblems(source)];
}

export function checkProgramme(source: SourceFile): Problem[] {
  const root = record(source.value);
  return [
    ...duplicates(source, root?.themes, ['themes'], 'theme'),
    ...duplicates(source, root?.outcomes, ['outcomes'], 'outcome'),
  ];
}

function checkKnown(source: SourceFile, segments: Segment[], kind: 'theme' | 'outcome', value: unknown, known: readonly string[] | undefined): Problem[] {
  if (known === undefined || typeof value !== 'string' || known.includes(value)) return [];
  const hint = didYouMean(value, known) ?? (known.length ? `${kind}s in programme.yaml: ${known.join(', ')}` : undefined);
  return [at(source, segments, `unknown-${kind}`, `${kind} "${value}" is not one of the ${kind}s in programme.yaml`, hint)];
}

const SCHEME = /^(https?:\/\/[^/?#\s]|mailto:\S)/i;

export function checkDepartment(source: SourceFile, ids: ProgrammeIds | undefined): Problem[] {
  const root = record(source.value);
  if (!root) return [];
  const problems: Problem[] = [];
  const expected = basename(source.path).replace(/\.yaml$/, '');
  const id = text(root.id);
  // Only a valid id is offered: lower-case kebab-case, like the file name must then be.
  const fits = (name: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name);
  if (id !== undefined && id === expected && !fits(expected)) {
    // The schema says the id is not one; the fix is in the file name too.
    problems.push(at(source, ['id'], 'id-matches-file', `the file name ${basename(source.path)} is not a valid department id`,
      `rename the file to ${kebab(expected) || 'dwp'}.yaml and write id: ${kebab(expected) || 'dwp'}`));
  }
  if (id !== undefined && id !== expected) {
    const fixes = [...(fits(expected) ? [`write id: ${expected}`] : []), ...(fits(id) ? [`rename the file to ${id}.yaml`] : [])];
    const hint = fixes.length ? fixes.join(', or ') : `rename the file to a lower-case id, like ${kebab(expected) || 'dwp'}.yaml, and write that id`;
    problems.push(at(source, ['id'], 'id-matches-file', `id "${id}" does not match the file name ${basename(source.path)}`, hint));
  }
  problems.push(...duplicates(source, root.pledges, ['pledges'], 'pledge'));
  records(root.pledges).forEach((pledge, i) => {
    if (!pledge) return;
    problems.push(...duplicates(source, pledge.metrics, ['pledges', i, 'metrics'], 'metric'));
    if (ids) {
      problems.push(...checkKnown(source, ['pledges', i, 'theme'], 'theme', pledge.theme, ids.themes));
      if (Array.isArray(pledge.outcomes)) {
        pledge.outcomes.forEach((outcome, j) =>
          problems.push(...checkKnown(source, ['pledges', i, 'outcomes', j], 'outcome', outcome, ids.outcomes)));
      }
    }
    records(pledge.links).forEach((link, j) => {
      // The schema's pattern checks the shape; a browser's own parser checks the rest ("http://[::1").
      const url = text(link?.url);
      if (url !== undefined && SCHEME.test(url) && !/[\s"<>]/.test(url) && !URL.canParse(url)) {
        problems.push(at(source, ['pledges', i, 'links', j, 'url'], 'link', `url is not a valid web address: "${url.length > 60 ? `${url.slice(0, 60)}…` : url}"`));
      }
    });
    const progress = text(pledge.progress);
    // Even a pledge still `pledged`: an empty progress is one new-year left for this year's words.
    if (progress !== undefined && progress.trim() === '') {
      problems.push({
        ...at(source, ['pledges', i, 'progress'], 'empty-progress', `progress of pledge "${String(pledge.id)}" is still empty`,
          'write what happened this year, or remove the key'),
        severity: 'warning',
      });
    }
  });
  return problems;
}

export function checkReport(source: SourceFile, ids: ProgrammeIds | undefined): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  records(record(source.value)?.sections).forEach((section, i) => {
    const theme = text(section?.theme);
    if (theme === undefined) return;
    if (ids) problems.push(...checkKnown(source, ['sections', i, 'theme'], 'theme', theme, ids.themes));
    const earlier = seen.get(theme);
    if (earlier === undefined) {
      seen.set(theme, i);
      return;
    }
    problems.push(at(source, ['sections', i, 'theme'], 'duplicate-section',
      `theme "${theme}" already has a section on line ${source.places.at(['sections', earlier, 'theme']).line}`,
      'merge the two sections into one'));
  });
  problems.push(...checkReportYear(source), ...checkColour(source));
  return problems;
}

/** WCAG's relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The report's colour carries white text (the cover's title): WCAG 2.2 AA asks 4.5:1 for it. */
export function checkColour(source: SourceFile): Problem[] {
  const colour = text(record(source.value)?.colour);
  if (colour === undefined || !/^#[0-9a-fA-F]{6}$/.test(colour)) return [];
  const contrast = 1.05 / (luminance(colour) + 0.05);
  if (contrast >= 4.5) return [];
  return [at(source, ['colour'], 'colour-contrast',
    `colour ${colour} is too light for the white text set on it: its contrast is ${contrast.toFixed(2)}:1, and WCAG 2.2 AA asks for at least 4.5:1`,
    'choose a darker colour: GOV.UK blue (#1d70b8) has 5.17:1')];
}

/** Rules about a year not yet written up: warnings while it is drafted, errors for `report --final`. */
export const UNFINISHED = new Set(['empty-progress', 'other-year', 'missing-date']);

/** The problems with UNFINISHED warnings made errors: a final report must have none. */
export function asFinal<T extends Pick<Problem, 'rule' | 'severity'>>(problems: readonly T[]): T[] {
  return problems.map((p) => (p.severity === 'warning' && UNFINISHED.has(p.rule) ? { ...p, severity: 'error' } : p));
}

/**
 * What new-year carries over and a person must then update: a title or subtitle that names a year,
 * none of them this report's ("Progress in 2021" in 2022's report), and a report with no date.
 * The year is the folder's name (data/<year>/report.yaml).
 */
export function checkReportYear(source: SourceFile): Problem[] {
  const root = record(source.value);
  const year = /(?:^|[/\\])(\d{4})[/\\]report\.yaml$/.exec(source.path)?.[1];
  if (!root || year === undefined) return [];
  const problems: Problem[] = [];
  for (const key of ['title', 'subtitle'] as const) {
    const named = [...(text(root[key]) ?? '').matchAll(/(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)/g)].map((m) => m[1]!);
    if (named.length === 0 || named.includes(year)) continue;
    problems.push({
      ...at(source, [key], 'other-year', `the ${key} names ${named.join(' and ')}, but this is the ${year} report`,
        `new-year carries the ${key} from the year before: write this year's, or leave it if ${named.length === 1 ? 'that year is' : 'those years are'} meant`),
      severity: 'warning',
    });
  }
  if (root.date === undefined) {
    problems.push({
      ...at(source, [], 'missing-date', 'the report has no date: its cover and the PDF say when it was published',
        'add date: YYYY-MM-DD, the day it is published'),
      severity: 'warning',
    });
  }
  return problems;
}

/**
 * How deeply lists and quotes may nest in Markdown text. Real text nests two or three; past about
 * forty, the Markdown reader stops and drops the rest of the field, and the PDF runs off the page.
 */
export const MAX_LIST_DEPTH = 10;

/** Text that might nest that deep: a line indented past where the tenth list would start, or ten markers in a row. */
const MAYBE_DEEP = /^[ \t]{9,}(?:[-*+>]|\d{1,9}[.)])|^[ \t]*(?:(?:[-*+>]|\d{1,9}[.)])[ \t]*){10}/m;

let markdown: { parse(text: string, env: object): { type: string }[] } | undefined;

/** The deepest nesting of lists and quotes in `text`, as the report's Markdown reader sees it. */
function listDepth(text: string): number {
  // Loaded only for text that looks deep: most runs never need it.
  markdown ??= new (createRequire(import.meta.url)('markdown-it') as new () => NonNullable<typeof markdown>)();
  let depth = 0;
  let deepest = 0;
  for (const token of markdown.parse(text, {})) {
    if (/^(bullet_list|ordered_list|blockquote)_open$/.test(token.type)) deepest = Math.max(deepest, ++depth);
    else if (/^(bullet_list|ordered_list|blockquote)_close$/.test(token.type)) depth--;
  }
  return deepest;
}

/** Markdown text whose lists or quotes nest deeper than MAX_LIST_DEPTH: an error, as no report could show it all. */
export function nestingProblems(source: SourceFile): Problem[] {
  const problems: Problem[] = [];
  const walk = (value: unknown, path: Segment[]): void => {
    if (typeof value === 'string') {
      if (!MAYBE_DEEP.test(value)) return;
      const depth = listDepth(value);
      if (depth > MAX_LIST_DEPTH) {
        problems.push(at(source, path, 'list-depth', `lists or quotes here nest ${depth} deep; at most ${MAX_LIST_DEPTH} can be shown`,
          'indent fewer levels: a list inside a list inside a list is as deep as a reader can follow'));
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
    } else if (record(value)) {
      for (const [key, item] of Object.entries(value as Loose)) walk(item, [...path, key]);
    }
  };
  walk(source.value, []);
  return problems;
}
