// `covenant history`: every pledge across every year on record, for analysts and readers.
import { loadDataset } from '../data/dataset.js';
import type { Year } from '../data/model.js';
import { didYouMean } from '../data/suggest.js';
import { historyFormatters, type HistoryFormat } from '../history/index.js';
import { buildHistory, type HistoryFilter } from '../history/model.js';
import { isError } from '../problems.js';
import { progress } from './progress.js';
import { chalkFor, dataDir, EXIT, UsageError, type Io } from './io.js';
import { writeProblems } from './failures.js';

export interface HistoryOptions {
  data?: string;
  format: HistoryFormat;
  department?: string;
  pledge?: string;
}

/** Up to this many ids are listed when none is close to what was written. */
const LISTED = 12;

const sortedIds = (ids: Iterable<string>) => [...new Set(ids)].sort();

/** "no department "dwpp" in any year: did you mean "dwp"?", else the ids there are when they are few. */
function unknown(what: string, id: string, ids: readonly string[], idsAre: string): UsageError {
  const hint = didYouMean(id, ids);
  const listed = ids.length && ids.length <= LISTED ? `; ${idsAre} ${ids.join(', ')}` : '';
  return new UsageError(`no ${what} in any year${hint ? `: ${hint}` : listed}`);
}

/** A --department or --pledge that no year has is a wrong command line: say what is there. */
function checkFilter(years: readonly Year[], filter: HistoryFilter): void {
  const departments = years.flatMap((y) => y.departments);
  const { department, pledge } = filter;
  if (department !== undefined && !departments.some((d) => d.id === department)) {
    throw unknown(`department "${department}"`, department, sortedIds(departments.map((d) => d.id)), 'the departments are');
  }
  if (pledge === undefined) return;
  const inScope = departments.filter((d) => department === undefined || d.id === department);
  if (inScope.some((d) => d.pledges.some((p) => p.id === pledge))) return;
  // The id is right but the department is not: name the departments that have it.
  const owners = sortedIds(departments.filter((d) => d.pledges.some((p) => p.id === pledge)).map((d) => d.id));
  if (owners.length) throw new UsageError(`no pledge "${pledge}" of department "${department}" in any year: ${owners.join(', ')} ${owners.length === 1 ? 'has' : 'have'} one`);
  const ids = sortedIds(inScope.flatMap((d) => d.pledges.map((p) => p.id)));
  throw department === undefined
    ? unknown(`pledge "${pledge}"`, pledge, ids, 'the pledges are')
    : unknown(`pledge "${pledge}" of department "${department}"`, pledge, ids, `${department}'s pledges are`);
}

export async function history(io: Io, options: HistoryOptions): Promise<number> {
  const reading = progress(io);
  const result = await loadDataset({ dataDir: dataDir(io, options.data), cwd: io.cwd, onFile: (n) => reading.update(`read ${n} files`) });
  reading.done();
  // Every year is validated first; warnings are `validate`'s to show.
  if (!result.dataset || result.problems.some(isError)) {
    await writeProblems(io, result);
    return EXIT.invalidData;
  }
  const years = [...result.dataset.years.values()];
  const filter: HistoryFilter = {
    ...(options.department !== undefined ? { department: options.department } : {}),
    ...(options.pledge !== undefined ? { pledge: options.pledge } : {}),
  };
  checkFilter(years, filter);
  const chalk = await chalkFor(io.stdout, io.env);
  io.stdout.write(historyFormatters[options.format](buildHistory(years, filter), chalk));
  return EXIT.ok;
}
