// "Progress since <first year>": the history of every year up to the report's, as the report shows it:
// statuses counted each year, and the figures reported in two or more years.
import { STATUSES, type Department, type Status } from '../data/model.js';
import type { History } from '../history/model.js';
import type { DepartmentRef, ProgressSince } from './model.js';
import { departmentRef, percentages } from './summary.js';

/**
 * The part's data from the history. `departments` are the report year's: a figure of a department
 * no longer reporting is named by the name it last had, which is then its short name too.
 */
export function progressSince(history: History, departments: readonly Department[]): ProgressSince {
  const refs = new Map(departments.map((d) => [d.id, departmentRef(d)]));
  const ref = (id: string, name: string): DepartmentRef => refs.get(id) ?? { id, name, shortName: name };
  const statuses = STATUSES.filter((s) => history.statusCounts.some((year) => year.counts[s] > 0));
  const byYear = history.statusCounts.map((year) => {
    const percents = percentages(statuses.map((s) => year.counts[s]));
    const counts = statuses.map((status: Status, i) => ({ status, count: year.counts[status], percent: percents[i]! }));
    return { year: year.year, total: year.total, counts, present: counts.filter((c) => c.count > 0) };
  });
  const figures = history.trends.map((trend) => ({
    // Ids are kebab-case without "--": the double hyphens keep "a-b"+"c" and "a"+"b-c" apart.
    id: `progress--${trend.department}--${trend.pledge}--${trend.metric}`,
    department: ref(trend.department, trend.departmentName),
    pledge: trend.pledge,
    label: trend.label,
    unit: trend.unit ?? null,
    points: trend.points,
  }));
  return { firstYear: history.years[0]!, lastYear: history.years[history.years.length - 1]!, years: history.years, statuses: statuses.map((status) => ({ status })), byYear, figures };
}
