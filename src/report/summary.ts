// The summary of pledges by status, overall and per department, with what each status means.
import { STATUS_LABELS, STATUSES, type Department, type Status } from '../data/model.js';
import type { DepartmentRef, Summary } from './model.js';

/** The methodology note: what each status means, in the words the report prints. */
export const STATUS_DEFINITIONS: Record<Status, string> = {
  pledged: 'The commitment has been made; there is no progress to report yet.',
  'on-track': 'Work is under way and is expected to be delivered as planned.',
  ongoing: 'A continuing commitment with no end date: the work goes on year after year.',
  delayed: 'Work is under way but behind the timetable that was set.',
  met: 'The commitment has been delivered, or continues to be delivered in full.',
  'not-met': 'The commitment was not delivered as pledged.',
  withdrawn: 'The commitment is no longer being pursued.',
};

export function departmentRef(department: Department): DepartmentRef {
  return { id: department.id, name: department.name, shortName: department.short_name ?? department.name };
}

/** Whole per cents by the largest-remainder method, so they add up to 100. */
export function percentages(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const result = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = 100 - result.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) result[order[k]![1]]! += 1;
  return result;
}

export function summarise(departments: readonly Department[]): Summary {
  const tally = (statuses: readonly Status[]) => STATUSES.map((s) => statuses.filter((x) => x === s).length);
  const all = departments.flatMap((d) => d.pledges.map((p) => p.status));
  const counts = tally(all);
  const percents = percentages(counts);
  const present = STATUSES.filter((_, i) => counts[i]! > 0);
  /** Departments with at least one pledge: those the pledges are from. */
  const pledging = departments.filter((d) => d.pledges.length > 0).length;
  const byStatus = STATUSES.map((status, i) => ({
    status, label: STATUS_LABELS[status], count: counts[i]!, percent: percents[i]!, definition: STATUS_DEFINITIONS[status],
  }));
  const described = byStatus.filter((s) => s.count > 0).map((s) => `${s.label}: ${s.count} (${s.percent}%)`);
  return {
    total: all.length,
    departmentCount: departments.length,
    byStatus,
    statuses: present.map((status) => ({ status, label: STATUS_LABELS[status] })),
    present: byStatus.filter((s) => s.count > 0),
    pledgingDepartments: pledging,
    byDepartment: departments.map((d) => {
      const own = tally(d.pledges.map((p) => p.status));
      return {
        department: departmentRef(d),
        counts: present.map((status) => ({ status, count: own[STATUSES.indexOf(status)]! })),
        total: d.pledges.length,
      };
    }),
    description: all.length === 0
      ? 'No pledges are recorded for this year.'
      : `${all.length} ${all.length === 1 ? 'pledge' : 'pledges'} from ${pledging} ${pledging === 1 ? 'department' : 'departments'} by status. ${described.join('; ')}.`,
  };
}
