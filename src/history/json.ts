// Pledge histories as JSON for scripts: keys in a fixed order, every year on record in each pledge's
// `status` (null for a year it was not reported), figures likewise. The README documents the shape.
import type { History, HistoryChange, MetricHistory, PledgeHistory } from './model.js';

/** `{ "2013": x, "2014": y }`: four-digit keys, which JSON.stringify writes in ascending order. */
function byYear<T>(history: History, values: readonly T[]): Record<string, T> {
  return Object.fromEntries(history.years.map((year, i) => [year, values[i]!]));
}

function change(c: HistoryChange): Record<string, unknown> {
  return { year: c.year, kind: c.kind, from: c.from, to: c.to, regression: c.regression };
}

function metric(history: History, m: MetricHistory): Record<string, unknown> {
  return { metric: m.id, label: m.label, unit: m.unit ?? null, values: byYear(history, m.values) };
}

function pledge(history: History, p: PledgeHistory): Record<string, unknown> {
  return {
    department: p.department,
    department_name: p.departmentName,
    pledge: p.pledge,
    theme: p.theme,
    commitment: p.commitment,
    first_year: p.firstYear,
    last_year: p.lastYear,
    status: byYear(history, p.years.map((entry) => entry?.status ?? null)),
    changes: p.changes.map(change),
    regression: p.regression,
    metrics: p.metrics.map((m) => metric(history, m)),
  };
}

export function json(history: History): string {
  return JSON.stringify({
    years: history.years,
    status_counts: history.statusCounts.map((y) => ({ year: y.year, total: y.total, counts: y.counts })),
    pledges: history.pledges.map((p) => pledge(history, p)),
  }, null, 2) + '\n';
}
