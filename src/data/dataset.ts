// Loading a data folder: programme.yaml and the years asked for, every file checked, every
// problem collected; the domain model only when nothing is wrong.
import { readdir, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { isError, sortProblems, type Problem } from '../problems.js';
import { cannotRead, loadYaml, type SourceFile } from './load.js';
import { sortDepartments, type Dataset, type Department, type Year } from './model.js';
import { checkSchema } from './check-schema.js';
import { checkDepartment, checkProgramme, checkReport, programmeIds, type ProgrammeIds } from './rules.js';
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
}

export interface LoadResult {
  /** Present when no file had an error (warnings allowed). */
  dataset?: Dataset;
  problems: Problem[];
  /** Every file read, by display path: for code frames. */
  sources: Map<string, SourceFile>;
  /** Number of files read. */
  fileCount: number;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

/** A folder's entries; none when it does not exist; the error when it exists but cannot be read. */
async function entriesOf(path: string): Promise<{ entries: Dirent[] } | { error: unknown }> {
  try {
    return { entries: await readdir(path, { withFileTypes: true }) };
  } catch (error) {
    return (error as { code?: unknown } | null)?.code === 'ENOENT' ? { entries: [] } : { error };
  }
}

const yearsIn = (entries: readonly Dirent[]) => entries.filter((e) => e.isDirectory() && YEAR_PATTERN.test(e.name)).map((e) => e.name).sort();

export async function listYears(dataDir: string): Promise<string[]> {
  const listed = await entriesOf(dataDir);
  return 'entries' in listed ? yearsIn(listed.entries) : [];
}

export async function loadDataset(options: LoadOptions): Promise<LoadResult> {
  const { dataDir, cwd } = options;
  const display = (path: string) => relative(cwd, path) || '.';
  const problems: Problem[] = [];
  const sources = new Map<string, SourceFile>();
  let fileCount = 0;

  if (!(await isDirectory(dataDir))) {
    return {
      problems: [{ file: display(dataDir), line: 0, column: 0, severity: 'error', rule: 'missing-data',
        message: 'the data folder does not exist', hint: 'run covenant where data/ is, or pass --data DIR (or set COVENANT_DATA)' }],
      sources, fileCount,
    };
  }

  /** Reads, parses and schema-checks one file; its value only when all of that passed. */
  async function read<T>(path: string, kind: 'programme' | 'report' | 'department'): Promise<{ source: SourceFile; value: T; valid: boolean } | undefined> {
    options.onFile?.(++fileCount);
    const loaded = await loadYaml(path, display(path));
    problems.push(...loaded.problems);
    if (!loaded.source || loaded.problems.length > 0) {
      if (loaded.source) sources.set(loaded.source.path, loaded.source);
      return undefined;
    }
    const source = loaded.source;
    sources.set(source.path, source);
    if (source.doc.contents === null || source.value === null || source.value === undefined) {
      problems.push({ file: source.path, line: 1, column: 1, severity: 'error', rule: 'empty-file',
        message: `the file is empty: a ${kind} file needs at least ${kind === 'department' ? 'id, name and pledges' : kind === 'report' ? 'a title' : 'name and themes'}` });
      return undefined;
    }
    const schemaProblems = checkSchema(kind, source);
    problems.push(...schemaProblems);
    return { source, value: source.value as T, valid: schemaProblems.length === 0 };
  }

  const programmeFile = join(dataDir, 'programme.yaml');
  const programme = await read<ProgrammeFile>(programmeFile, 'programme');
  let ids: ProgrammeIds | undefined;
  if (programme) {
    problems.push(...checkProgramme(programme.source));
    ids = programmeIds(programme.value);
  }

  const listed = await entriesOf(dataDir);
  if ('error' in listed) return { problems: [cannotRead(display(dataDir), listed.error, 'data folder')], sources, fileCount };
  const available = yearsIn(listed.entries);
  const wanted = options.years ?? available;
  const years = new Map<string, Year>();
  for (const year of wanted) {
    const yearDir = join(dataDir, year);
    if (!available.includes(year)) {
      problems.push({ file: display(yearDir), line: 0, column: 0, severity: 'error', rule: 'missing-year',
        message: `there is no folder for ${year}`,
        hint: available.length ? `years in ${display(dataDir)}: ${available.join(', ')}` : `${display(dataDir)} has no year folders yet` });
      continue;
    }
    const report = await read<ReportFile>(join(yearDir, 'report.yaml'), 'report');
    if (report) problems.push(...checkReport(report.source, ids));

    const departmentsDir = join(yearDir, 'departments');
    const listedDepartments = await entriesOf(departmentsDir);
    if ('error' in listedDepartments) problems.push(cannotRead(display(departmentsDir), listedDepartments.error, 'folder'));
    const names = ('entries' in listedDepartments ? listedDepartments.entries.map((e) => e.name) : []).sort();
    for (const name of names.filter((n) => /\.ya?ml$/.test(n) && !n.endsWith('.yaml'))) {
      problems.push({ file: display(join(departmentsDir, name)), line: 0, column: 0, severity: 'warning', rule: 'ignored-file',
        message: 'this file is ignored: department files end in .yaml', hint: `rename it to ${name.replace(/\.yml$/, '.yaml')}` });
    }
    const departments: Department[] = [];
    for (const name of names.filter((n) => n.endsWith('.yaml'))) {
      const department = await read<DepartmentFile>(join(departmentsDir, name), 'department');
      if (!department) continue;
      problems.push(...checkDepartment(department.source, ids));
      if (department.valid) departments.push({ ...department.value, file: department.source.path });
    }
    if (names.length === 0 && 'entries' in listedDepartments) {
      problems.push({ file: display(departmentsDir), line: 0, column: 0, severity: 'warning', rule: 'no-departments',
        message: `${year} has no department files`, hint: `add one file a department, e.g. ${display(join(departmentsDir, 'dwp.yaml'))}` });
    }
    if (report?.valid) years.set(year, { year, report: report.value, reportFile: report.source.path, departments: sortDepartments(departments) });
  }

  const sorted = sortProblems(problems);
  const ok = programme?.valid === true && !sorted.some(isError);
  return {
    ...(ok ? { dataset: { programme: programme.value, programmeFile: programme.source.path, years, available } } : {}),
    problems: sorted,
    sources,
    fileCount,
  };
}
