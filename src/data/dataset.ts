// Loading a data folder: programme.yaml and the years asked for, every file checked, every
// problem collected; the domain model only when nothing is wrong.
import { readdir, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { isError, sortProblems, type Problem } from '../problems.js';
import { checkFile, type CheckedFile, type FileJob } from './check-file.js';
import { cannotRead, type SourceText } from './load.js';
import { sortDepartments, type Dataset, type Department, type Year } from './model.js';
import { programmeIds, type ProgrammeIds } from './rules.js';
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
  sources: Map<string, SourceText>;
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

/** A year's files to check, and what its folders said before any file was read. */
interface YearPlan {
  year: string;
  /** Index in the jobs of report.yaml, then of each department file. */
  report: number;
  departments: number[];
  /** Problems of the folders themselves: before and after the files' own, as they are listed. */
  before: Problem[];
  after: Problem[];
}

export async function loadDataset(options: LoadOptions): Promise<LoadResult> {
  const { dataDir, cwd } = options;
  const display = (path: string) => relative(cwd, path) || '.';
  const problems: Problem[] = [];
  const sources = new Map<string, SourceText>();
  let fileCount = 0;
  const counted = () => options.onFile?.(++fileCount);

  if (!(await isDirectory(dataDir))) {
    return {
      problems: [{ file: display(dataDir), line: 0, column: 0, severity: 'error', rule: 'missing-data',
        message: 'the data folder does not exist', hint: 'run covenant where data/ is, or pass --data DIR (or set COVENANT_DATA)' }],
      sources, fileCount,
    };
  }

  /** Keeps what a checked file says; its value only when it met its schema. */
  const keep = <T>(job: FileJob, checked: CheckedFile): T | undefined => {
    problems.push(...checked.problems);
    // The text only: a file's parsed document is let go as soon as it has been checked.
    if (checked.source) sources.set(job.display, { path: job.display, text: checked.source.text });
    return checked.valid ? (checked.source!.value as T) : undefined;
  };
  const check = async (job: FileJob) => {
    const checked = await checkFile(job, ids);
    counted();
    return checked;
  };

  // programme.yaml first: the other files are checked against its ids.
  const programmeFile = join(dataDir, 'programme.yaml');
  const programmeJob: FileJob = { path: programmeFile, display: display(programmeFile), kind: 'programme' };
  let ids: ProgrammeIds | undefined;
  const programmeChecked = await check(programmeJob);
  const programme = keep<ProgrammeFile>(programmeJob, programmeChecked);
  if (programmeChecked.read) ids = programmeIds(programmeChecked.source!.value);

  const listed = await entriesOf(dataDir);
  if ('error' in listed) return { problems: [cannotRead(display(dataDir), listed.error, 'data folder')], sources, fileCount };
  const available = yearsIn(listed.entries);
  const wanted = options.years ?? available;

  const jobs: FileJob[] = [];
  const add = (path: string, kind: FileJob['kind']) => jobs.push({ path, display: display(path), kind }) - 1;
  const plans: YearPlan[] = [];
  for (const year of wanted) {
    const yearDir = join(dataDir, year);
    if (!available.includes(year)) {
      problems.push({ file: display(yearDir), line: 0, column: 0, severity: 'error', rule: 'missing-year',
        message: `there is no folder for ${year}`,
        hint: available.length ? `years in ${display(dataDir)}: ${available.join(', ')}` : `${display(dataDir)} has no year folders yet` });
      continue;
    }
    const plan: YearPlan = { year, report: add(join(yearDir, 'report.yaml'), 'report'), departments: [], before: [], after: [] };
    const departmentsDir = join(yearDir, 'departments');
    const listedDepartments = await entriesOf(departmentsDir);
    if ('error' in listedDepartments) plan.before.push(cannotRead(display(departmentsDir), listedDepartments.error, 'folder'));
    const names = ('entries' in listedDepartments ? listedDepartments.entries.map((e) => e.name) : []).sort();
    for (const name of names.filter((n) => /\.ya?ml$/.test(n) && !n.endsWith('.yaml'))) {
      plan.before.push({ file: display(join(departmentsDir, name)), line: 0, column: 0, severity: 'warning', rule: 'ignored-file',
        message: 'this file is ignored: department files end in .yaml', hint: `rename it to ${name.replace(/\.yml$/, '.yaml')}` });
    }
    for (const name of names.filter((n) => n.endsWith('.yaml'))) plan.departments.push(add(join(departmentsDir, name), 'department'));
    if (names.length === 0 && 'entries' in listedDepartments) {
      plan.after.push({ file: display(departmentsDir), line: 0, column: 0, severity: 'warning', rule: 'no-departments',
        message: `${year} has no department files`, hint: `add one file a department, e.g. ${display(join(departmentsDir, 'dwp.yaml'))}` });
    }
    plans.push(plan);
  }

  const outcomes: CheckedFile[] = [];
  for (const job of jobs) outcomes.push(await check(job));
  const years = new Map<string, Year>();
  for (const plan of plans) {
    const report = keep<ReportFile>(jobs[plan.report]!, outcomes[plan.report]!);
    problems.push(...plan.before);
    const departments: Department[] = [];
    for (const index of plan.departments) {
      const department = keep<DepartmentFile>(jobs[index]!, outcomes[index]!);
      if (department) departments.push({ ...department, file: jobs[index]!.display });
    }
    problems.push(...plan.after);
    if (report) years.set(plan.year, { year: plan.year, report, reportFile: jobs[plan.report]!.display, departments: sortDepartments(departments) });
  }

  const sorted = sortProblems(problems);
  const ok = programme !== undefined && !sorted.some(isError);
  return {
    ...(ok ? { dataset: { programme, programmeFile: programmeJob.display, years, available } } : {}),
    problems: sorted,
    sources,
    fileCount,
  };
}
