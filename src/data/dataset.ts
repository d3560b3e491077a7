// Loading a data folder: programme.yaml and the years asked for, every file checked, every
// problem collected; the domain model only when nothing is wrong.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { displayPath, isError, sortProblems, type Problem } from '../problems.js';
import { checkFile, type CheckedFile, type FileJob } from './check-file.js';
import { cannotRead, type SourceText } from './source.js';
import { sortDepartments, type Dataset, type Department, type Year } from './model.js';
import { readLogo, type Logo } from './logo.js';
import { programmeIds, type ProgrammeIds } from './rules.js';
import { distance } from './suggest.js';
import type { DepartmentFile, ProgrammeFile, ReportFile } from './schema-types.js';

export const YEAR_PATTERN = /^\d{4}$/;

export interface LoadOptions {
  /** Absolute path of the data folder. */
  dataDir: string;
  /** Working directory: paths in problems are shown relative to it. */
  cwd: string;
  /** The years to load; all that exist when omitted. */
  years?: readonly string[];
  /** Told each time a file has been read and checked: for a progress line on long runs. */
  onFile?: (filesRead: number) => void;
  /**
   * Keep where each value is written (each file's places) on the model, for a report whose writer
   * warns at the data (the PDF's missing characters). Off, the places are let go with the parse:
   * on ten thousand pledges they hold the heap a few per cent larger through the whole render.
   */
  keepPlaces?: boolean;
  /** Reads and checks one file: checkFile, or a cache in front of it (a preview re-reads only what changed). */
  check?: typeof checkFile;
}

export interface LoadResult {
  /** Present when no file had an error (warnings allowed). */
  dataset?: Dataset;
  problems: Problem[];
  /** Every file read, by display path: for code frames. */
  sources: Map<string, SourceText>;
  /** Number of files read. */
  fileCount: number;
}

// The folders and files are read synchronously: see readText in source.ts.
function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** A folder's entries; none when it does not exist; the error when it exists but cannot be read. */
export function entriesOf(path: string): { entries: Dirent[] } | { error: unknown } {
  try {
    return { entries: readdirSync(path, { withFileTypes: true }) };
  } catch (error) {
    return (error as { code?: unknown } | null)?.code === 'ENOENT' ? { entries: [] } : { error };
  }
}

const yearsIn = (entries: readonly Dirent[]) => entries.filter((e) => e.isDirectory() && YEAR_PATTERN.test(e.name)).map((e) => e.name).sort();

export function listYears(dataDir: string): string[] {
  const listed = entriesOf(dataDir);
  return 'entries' in listed ? yearsIn(listed.entries) : [];
}

/** What reading a year needs from loadDataset: its file reading, where problems go, how paths show. */
interface Reading {
  read<T>(path: string, kind: FileJob['kind']): Promise<{ checked: CheckedFile; value: T | undefined }>;
  problems: Problem[];
  display(path: string): string;
  ignored(path: string, message: string, hint: string): void;
  keepPlaces: boolean;
}

/** A year's report.yaml, its logo and its department files, read and checked; undefined without a valid report.yaml. */
async function readYear(year: string, yearDir: string, { read, problems, display, ignored, keepPlaces }: Reading): Promise<Year | undefined> {
  const reportFile = join(yearDir, 'report.yaml');
  const { checked: reportChecked, value: report } = await read<ReportFile>(reportFile, 'report');
  let logo: Logo | undefined;
  if (report?.logo) {
    const found = await readLogo(yearDir, report.logo.file, reportChecked.source!);
    if ('problem' in found) problems.push(found.problem);
    else logo = found.logo;
  }

  const departmentsDir = join(yearDir, 'departments');
  // A misspelt departments/ folder would leave the year with no departments, and say only that.
  const inYear = entriesOf(yearDir);
  for (const entry of 'entries' in inYear ? inYear.entries : []) {
    if (entry.isDirectory() && entry.name !== 'departments' && distance(entry.name.toLowerCase(), 'departments') <= 3) {
      ignored(join(yearDir, entry.name), 'this folder is ignored: a year\'s department files go in departments/', `rename it to ${display(departmentsDir)}`);
    }
  }
  const listedDepartments = entriesOf(departmentsDir);
  if ('error' in listedDepartments) problems.push(cannotRead(display(departmentsDir), listedDepartments.error, 'folder'));
  const names = ('entries' in listedDepartments ? listedDepartments.entries.map((e) => e.name) : []).sort();
  for (const name of names.filter((n) => /\.ya?ml$/i.test(n) && !n.endsWith('.yaml'))) {
    problems.push({ file: display(join(departmentsDir, name)), line: 0, column: 0, severity: 'warning', rule: 'ignored-file',
      message: 'this file is ignored: department files end in .yaml', hint: `rename it to ${name.replace(/\.ya?ml$/i, '.yaml')}` });
  }
  const departments: Department[] = [];
  for (const name of names.filter((n) => n.endsWith('.yaml'))) {
    const file = join(departmentsDir, name);
    const { checked, value: department } = await read<DepartmentFile>(file, 'department');
    if (department) departments.push({ ...department, file: display(file), ...(keepPlaces ? { places: checked.source!.places } : {}) });
  }
  if (names.length === 0 && 'entries' in listedDepartments) {
    problems.push({ file: display(departmentsDir), line: 0, column: 0, severity: 'warning', rule: 'no-departments',
      message: `${year} has no department files`, hint: `add one file a department, e.g. ${display(join(departmentsDir, 'dwp.yaml'))}` });
  }
  return report ? { year, report, reportFile: display(reportFile), ...(keepPlaces ? { reportPlaces: reportChecked.source!.places } : {}), departments: sortDepartments(departments), ...(logo ? { logo } : {}) } : undefined;
}

/**
 * Warnings about the data folder's year folders: one meant as a year ("2020-draft", "2020 copy")
 * that covenant will never read, and, when every year is read, there being none.
 */
function yearFolderSlips(dataDir: string, entries: readonly Dirent[], everyYear: boolean, { display, ignored }: Pick<Reading, 'display' | 'ignored'>): void {
  for (const entry of entries) {
    if (entry.isDirectory() && /^\d{4}./.test(entry.name) && !YEAR_PATTERN.test(entry.name)) {
      ignored(join(dataDir, entry.name), 'this folder is ignored: a year\'s folder is named with its four digits alone',
        `rename it to ${entry.name.slice(0, 4)} if it is that year's data, or move it out of ${display(dataDir)}`);
    }
  }
  if (everyYear && yearsIn(entries).length === 0) {
    ignored(dataDir, 'there are no year folders: only programme.yaml was checked', `add one, e.g. ${display(join(dataDir, '2019'))}, with covenant new-year or by hand`);
  }
}

/** A year asked for that the data folder has no folder for. */
function missingYear(year: string, yearDir: string, dataDir: string, available: readonly string[], display: (path: string) => string): Problem {
  return { file: display(yearDir), line: 0, column: 0, severity: 'error', rule: 'missing-year', message: `there is no folder for ${year}`,
    hint: available.length ? `years in ${display(dataDir)}: ${available.join(', ')}` : `${display(dataDir)} has no year folders yet` };
}

export async function loadDataset(options: LoadOptions): Promise<LoadResult> {
  const { dataDir, cwd } = options;
  const display = (path: string) => displayPath(cwd, path);
  const problems: Problem[] = [];
  const sources = new Map<string, SourceText>();
  let fileCount = 0;

  if (!isDirectory(dataDir)) {
    return {
      problems: [{ file: display(dataDir), line: 0, column: 0, severity: 'error', rule: 'missing-data',
        message: 'the data folder does not exist', hint: 'run covenant where data/ is, or pass --data DIR (or set COVENANT_DATA)' }],
      sources, fileCount,
    };
  }

  let ids: ProgrammeIds | undefined;
  /** Checks one file, keeping its problems and its text; its value only when it met its schema. */
  const read = async <T>(path: string, kind: FileJob['kind']): Promise<{ checked: CheckedFile; value: T | undefined }> => {
    const checked = await (options.check ?? checkFile)({ path, display: display(path), kind }, ids);
    options.onFile?.(++fileCount);
    problems.push(...checked.problems);
    // The text only: a file's parsed document is let go as soon as it has been checked.
    if (checked.source) sources.set(checked.source.path, { path: checked.source.path, text: checked.source.text });
    return { checked, value: checked.valid ? (checked.source!.value as T) : undefined };
  };

  // programme.yaml first: the other files are checked against its ids.
  const programmeFile = join(dataDir, 'programme.yaml');
  const { checked: programmeChecked, value: programme } = await read<ProgrammeFile>(programmeFile, 'programme');
  if (programmeChecked.read) ids = programmeIds(programmeChecked.source!.value);

  const listed = entriesOf(dataDir);
  if ('error' in listed) return { problems: [cannotRead(display(dataDir), listed.error, 'data folder')], sources, fileCount };
  const available = yearsIn(listed.entries);
  const wanted = options.years ?? available;
  const ignored = (path: string, message: string, hint: string) =>
    problems.push({ file: display(path), line: 0, column: 0, severity: 'warning', rule: 'ignored-folder', message, hint });
  yearFolderSlips(dataDir, listed.entries, options.years === undefined, { display, ignored });

  const years = new Map<string, Year>();
  const reading: Reading = { read, problems, display, ignored, keepPlaces: options.keepPlaces ?? false };
  for (const year of wanted) {
    const yearDir = join(dataDir, year);
    if (!available.includes(year)) {
      problems.push(missingYear(year, yearDir, dataDir, available, display));
      continue;
    }
    const loaded = await readYear(year, yearDir, reading);
    if (loaded) years.set(year, loaded);
  }

  const sorted = sortProblems(problems);
  const ok = programme !== undefined && !sorted.some(isError);
  return {
    ...(ok ? { dataset: { programme, programmeFile: display(programmeFile), ...(options.keepPlaces ? { programmePlaces: programmeChecked.source!.places } : {}), years, available } } : {}),
    problems: sorted,
    sources,
    fileCount,
  };
}
