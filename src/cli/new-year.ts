// `covenant new-year <year>`: create data/<year>/ from the year before it, all at once or not at all.
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeFolderAtomic } from '../data/atomic.js';
import { listYears, loadDataset } from '../data/dataset.js';
import { scaffoldDepartment, scaffoldReport, type Scaffolded } from '../data/scaffold.js';
import { displayPath, isError, type Problem } from '../problems.js';
import { checkYear, dataDir, EXIT, UsageError, type Io } from './io.js';
import { cannotWrite, writeProblems } from './failures.js';

export interface NewYearOptions {
  data?: string;
  /** The year to start from; the year before by default. */
  from?: string;
}

/** The year a new year is made from: --from, else the year before it. */
function sourceYear(year: string, from: string | undefined): string {
  if (from === undefined) {
    if (Number(year) === 0) throw new UsageError('there is no year before 0000 to make 0000 from');
    return String(Number(year) - 1).padStart(4, '0');
  }
  checkYear(from);
  if (Number(from) >= Number(year)) throw new UsageError(`--from must be a year before ${year}, not ${from}`);
  return from;
}

export async function newYear(io: Io, year: string, options: NewYearOptions): Promise<number> {
  checkYear(year);
  const previous = sourceYear(year, options.from);
  const root = dataDir(io, options.data);
  const target = join(root, year);
  const shown = displayPath(io.cwd, target);
  if (await stat(target).then(() => true, () => false)) {
    throw new UsageError(`${shown} already exists: new-year never overwrites a year (rename or delete the folder first)`);
  }
  // A year to start from that is not there is one problem, said once, with the ways on.
  const years = listYears(root);
  const hasData = await stat(root).then((info) => info.isDirectory(), () => false);
  if (hasData && !years.includes(previous)) {
    const from = displayPath(io.cwd, join(root, previous));
    const latest = years.filter((y) => Number(y) < Number(year)).pop();
    const ways = [
      ...(options.from === undefined ? [`make ${previous} first (covenant new-year ${previous})`] : []),
      ...(latest ? [`start from ${latest} (covenant new-year ${year} --from ${latest})`] : []),
    ];
    io.stderr.write(`covenant: new-year ${year} is made from ${previous}${options.from === undefined ? ', the year before it' : ''}, and there is no ${from}` +
      ` (${years.length ? `years in ${displayPath(io.cwd, root)}: ${years.join(', ')}` : `${displayPath(io.cwd, root)} has no year folders yet`})` +
      `${ways.length ? `: ${ways.join(', or ')}` : ''}\n`);
    return EXIT.invalidData;
  }

  // The year to start from must be valid.
  const result = await loadDataset({ dataDir: root, cwd: io.cwd, years: [previous] });
  const last = result.dataset?.years.get(previous);
  if (!last || result.problems.some(isError)) {
    await writeProblems(io, result);
    return EXIT.invalidData;
  }

  const files = new Map<string, string>();
  const problems: Problem[] = [];
  const add = (name: string, made: Scaffolded) => {
    problems.push(...made.problems);
    if (made.text !== undefined) files.set(name, made.text);
  };
  const textOf = (path: string) => result.sources.get(path)?.text ?? '';
  add('report.yaml', scaffoldReport(textOf(last.reportFile), last.reportFile, previous, year));
  for (const department of last.departments) {
    add(join('departments', basename(department.file)), scaffoldDepartment(textOf(department.file), department.file, previous));
  }
  if (problems.length > 0) {
    await writeProblems(io, { problems, sources: result.sources, fileCount: files.size });
    return EXIT.invalidData;
  }

  const failure = await writeFolderAtomic(target, files).then(() => undefined, (error: unknown) => error);
  if (failure !== undefined) return cannotWrite(io, shown, failure);
  const departments = files.size - 1;
  io.stdout.write(
    `created ${shown} from ${previous}: report.yaml and ${departments} department file${departments === 1 ? '' : 's'}\n` +
    `next: write the report's narrative and each pledge's progress; covenant validate ${year} lists the empty ones\n`,
  );
  return EXIT.ok;
}
