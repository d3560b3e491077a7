// Pledge histories as CSV for spreadsheets: one row a pledge a year, from the year it was made to the
// last year on record (a gap is a row with no status), written as the export writes its CSV.
import { asText, csvText } from '../export/csv.js';
import type { History, PledgeHistory } from './model.js';

/** As the export writes wording: the final line break of a YAML `|` block is layout, not text. */
const wording = (value: string | undefined): string => (value ?? '').replace(/\s+$/, '');

export const HISTORY_COLUMNS = ['department', 'department_name', 'pledge', 'year', 'first_year', 'status', 'theme', 'commitment', 'changes', 'regression'] as const;

function rows(history: History, pledge: PledgeHistory, metricIds: readonly string[]): string[][] {
  const made = history.years.indexOf(pledge.firstYear);
  return history.years.slice(made).map((year, k) => {
    const i = made + k;
    const entry = pledge.years[i];
    const changes = pledge.changes.filter((c) => c.year === year);
    const figures = new Map(pledge.metrics.map((m) => [m.id, m.values[i]]));
    return [
      pledge.department, asText(pledge.departmentName), pledge.pledge, year, pledge.firstYear,
      entry?.status ?? '', entry?.theme ?? '', asText(wording(entry?.commitment)),
      changes.map((c) => c.kind).join(';'), String(changes.some((c) => c.regression)),
      ...metricIds.map((id) => {
        const value = figures.get(id);
        return value === undefined || value === null ? '' : String(value);
      }),
    ];
  });
}

export function csv(history: History): string {
  const metricIds = [...new Set(history.pledges.flatMap((p) => p.metrics.map((m) => m.id)))].sort();
  const header = [...HISTORY_COLUMNS, ...metricIds.map((id) => `metric:${id}`)];
  return csvText([header, ...history.pledges.flatMap((p) => rows(history, p, metricIds))]);
}
