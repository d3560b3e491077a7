// What the history formatters share: the cells of a pledge's row and of its figures' rows, and the count.
import { plural } from '../diff/group.js';
import { withUnit } from '../diff/numbers.js';
import { STATUSES, type Status } from '../data/model.js';
import type { History, HistoryChange, MetricHistory, PledgeHistory } from './model.js';

/** A year with nothing reported after the pledge was first made: a gap. Before it, the cell is empty. */
export const GAP = '—';

/** The pledge's status each year: "" before it was made, GAP for a year it was not reported. */
export function statusCells(history: History, pledge: PledgeHistory): string[] {
  const made = history.years.indexOf(pledge.firstYear);
  return pledge.years.map((entry, i) => (entry ? entry.status : i < made ? '' : GAP));
}

/** A figure each year, with its unit: "" before the pledge was made, GAP for a year without it. */
export function figureCells(history: History, pledge: PledgeHistory, metric: MetricHistory): string[] {
  const made = history.years.indexOf(pledge.firstYear);
  return metric.values.map((value, i) => (value !== null ? withUnit(value, metric.unit) : i < made ? '' : GAP));
}

/** The statuses that any year has, in the order reports list them. */
export function statusesSeen(history: History): Status[] {
  return STATUSES.filter((s) => history.statusCounts.some((c) => c.counts[s] > 0));
}

/** "on-track → met"; for wording, "wording changed". */
export function changeDetail(change: HistoryChange, arrow = '→'): string {
  return change.kind === 'commitment' ? 'wording changed' : `${change.from} ${arrow} ${change.to}`;
}

/** "2013 to 2016", or the one year. */
export function span(history: History): string {
  const { years } = history;
  return years.length === 1 ? years[0]! : `${years[0]} to ${years[years.length - 1]}`;
}

/** "9 pledges over 4 years: 7 changed status (4 with a regression), 2 moved theme, 1 reworded". */
export function countLine(history: History): string {
  const some = (kind: HistoryChange['kind']) => history.pledges.filter((p) => p.changes.some((c) => c.kind === kind)).length;
  const regressed = history.pledges.filter((p) => p.regression).length;
  return `${plural(history.pledges.length, 'pledge')} over ${plural(history.years.length, 'year')}: ` +
    `${some('status')} changed status (${regressed} with a regression), ${some('theme')} moved theme, ${some('commitment')} reworded`;
}

/** Pledges in runs of one department, in history order. */
export function byDepartment(history: History): PledgeHistory[][] {
  const runs: PledgeHistory[][] = [];
  for (const pledge of history.pledges) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.department === pledge.department) last.push(pledge);
    else runs.push([pledge]);
  }
  return runs;
}
