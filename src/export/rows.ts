// A year's pledges as flat records, one a pledge, for spreadsheets and open data.
import type { Year } from '../data/model.js';

export interface PledgeRow {
  department: string;
  department_name: string;
  pledge: string;
  theme: string;
  outcomes: string[];
  status: string;
  commitment: string;
  progress: string | null;
  next_steps: string | null;
  /** Figures by metric id. */
  metrics: Record<string, number>;
  /** What each figure is, by metric id: its label, and its unit when it has one. */
  metric_labels: Record<string, { label: string; unit?: string }>;
}

export interface ExportTable {
  rows: PledgeRow[];
  /** Every metric id of the year, sorted: one column each in the CSV. */
  metricIds: string[];
}

/** The final line break a YAML `|` block adds is layout, not text: a spreadsheet cell should not end in one. */
const text = (value: string | undefined): string | null => (value === undefined ? null : value.replace(/\s+$/, ''));

/** Departments by id, then pledges in file order: the same order every run. */
export function exportTable(year: Year): ExportTable {
  const departments = [...year.departments].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = departments.flatMap((d) =>
    d.pledges.map((p): PledgeRow => ({
      department: d.id,
      department_name: d.name,
      pledge: p.id,
      theme: p.theme,
      outcomes: p.outcomes ?? [],
      status: p.status,
      commitment: text(p.commitment) ?? '',
      progress: text(p.progress),
      next_steps: text(p.next_steps),
      metrics: Object.fromEntries((p.metrics ?? []).map((m) => [m.id, m.value])),
      metric_labels: Object.fromEntries((p.metrics ?? []).map((m) => [m.id, { label: m.label, ...(m.unit ? { unit: m.unit } : {}) }])),
    })));
  const metricIds = [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))].sort();
  return { rows, metricIds };
}
