// The change set as CSV for spreadsheets: one row a change, the same changes as the JSON, written as
// the export writes its CSV (byte order mark, CRLF, text that looks like a formula made text).
import { asText, csvText } from '../export/csv.js';
import type { Change, ChangeSet } from '../report/changes.js';

export const DIFF_COLUMNS = ['kind', 'department', 'department_name', 'pledge', 'metric', 'metric_label', 'unit', 'from', 'to', 'regression'] as const;

/**
 * A value of `from` or `to`: a status, a theme id, a name, a wording or a figure; empty for none.
 * As in the export, the final line break of a YAML `|` block is layout, not text.
 */
function value(v: string | number | null): string {
  return v === null ? '' : typeof v === 'number' ? String(v) : asText(v.replace(/\s+$/, ''));
}

function row(change: Change, set: ChangeSet): string[] {
  const pledge = 'pledge' in change ? change.pledge : '';
  const metric = 'metric' in change ? change.metric : '';
  const label = metric ? set.metricLabels.get(`${change.department}/${pledge}/${metric}`) : undefined;
  return [
    change.kind, change.department, asText(set.departmentNames.get(change.department) ?? ''), pledge, metric,
    asText(label?.label ?? ''), asText(label?.unit ?? ''), value(change.from), value(change.to), String(change.regression),
  ];
}

export function csv(set: ChangeSet): string {
  return csvText([[...DIFF_COLUMNS], ...set.changes.map((change) => row(change, set))]);
}
