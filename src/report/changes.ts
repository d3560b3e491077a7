// Year over year: what changed between two years' pledges, shared by `covenant diff` and the
// report's "since last year". Pure and deterministic: the same two years give the same changes.
import type { Department, Metric, Pledge, Status, Year } from '../data/model.js';

export type ChangeKind = 'added' | 'removed' | 'status' | 'theme' | 'commitment' | 'metric' | 'department-added' | 'department-removed';

/** Every kind, in the order counts are listed. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'removed', 'status', 'theme', 'commitment', 'metric', 'department-added', 'department-removed'];

/**
 * One change, in the shape `diff --format json` prints (the brief's contract). `regression` is on
 * every change so scripts can filter on it without a missing-key case; only a status move can be true.
 */
export type Change =
  | { kind: 'department-added'; department: string; from: null; to: string; regression: false }
  | { kind: 'department-removed'; department: string; from: string; to: null; regression: false }
  | { kind: 'added'; department: string; pledge: string; from: null; to: Status; regression: false }
  | { kind: 'removed'; department: string; pledge: string; from: Status; to: null; regression: false }
  | { kind: 'status'; department: string; pledge: string; from: Status; to: Status; regression: boolean }
  /** The pledge moved to another theme (section of the report): theme ids. Beyond the brief's kinds. */
  | { kind: 'theme'; department: string; pledge: string; from: string; to: string; regression: false }
  | { kind: 'commitment'; department: string; pledge: string; from: string; to: string; regression: false }
  | { kind: 'metric'; department: string; pledge: string; metric: string; from: number | null; to: number | null; regression: false };

export interface StatusMove {
  from: Status;
  to: Status;
  regression: boolean;
}

/** A pledge as it stood in the earlier year. */
export interface PreviousPledge {
  status: Status;
  /** Last year's figure of each metric, by metric id. */
  metrics: ReadonlyMap<string, number>;
}

export interface MetricLabel {
  label: string;
  unit?: string;
}

export interface ChangeSet {
  from: string;
  to: string;
  changes: readonly Change[];
  /** Name of every department of either year, by id (the later year's name when both have one). */
  departmentNames: ReadonlyMap<string, string>;
  /** Label and unit of every metric named in a change, by `department/pledge/metric`. */
  metricLabels: ReadonlyMap<string, MetricLabel>;
  /** Every pledge of the later year that the earlier year had too, by `department/pledge`. */
  previous: ReadonlyMap<string, PreviousPledge>;
}

const GOES_BADLY: ReadonlySet<Status> = new Set<Status>(['delayed', 'not-met', 'withdrawn']);

/** The brief's rule: a move to delayed, not-met or withdrawn, or away from met. */
export function isRegression(from: Status, to: Status): boolean {
  return from !== to && (GOES_BADLY.has(to) || from === 'met');
}

export function pledgeKey(department: string, pledge: string): string {
  return `${department}/${pledge}`;
}

/** Re-wrapping a line, or a trailing newline from a YAML block, is not a change of wording. */
export function sameWording(a: string, b: string): boolean {
  const normal = (s: string) => s.replace(/\s+/g, ' ').trim();
  return normal(a) === normal(b);
}

const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> => new Map(items.map((item) => [item.id, item]));
const sortedById = (departments: readonly Department[]) => [...departments].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

function metricChanges(department: string, before: Pledge, after: Pledge, labels: Map<string, MetricLabel>): Change[] {
  const was = byId<Metric>(before.metrics ?? []);
  const now = byId<Metric>(after.metrics ?? []);
  const changes: Change[] = [];
  const note = (m: Metric) => labels.set(`${department}/${after.id}/${m.id}`, { label: m.label, ...(m.unit ? { unit: m.unit } : {}) });
  for (const metric of after.metrics ?? []) {
    const old = was.get(metric.id);
    if (old && old.value === metric.value) continue;
    note(metric);
    changes.push({ kind: 'metric', department, pledge: after.id, metric: metric.id, from: old ? old.value : null, to: metric.value, regression: false });
  }
  for (const metric of before.metrics ?? []) {
    if (now.has(metric.id)) continue;
    note(metric);
    changes.push({ kind: 'metric', department, pledge: after.id, metric: metric.id, from: metric.value, to: null, regression: false });
  }
  return changes;
}

function pledgeChanges(department: string, before: Pledge, after: Pledge, labels: Map<string, MetricLabel>): Change[] {
  const changes: Change[] = [];
  const pledge = after.id;
  if (before.status !== after.status) {
    changes.push({ kind: 'status', department, pledge, from: before.status, to: after.status, regression: isRegression(before.status, after.status) });
  }
  if (before.theme !== after.theme) {
    changes.push({ kind: 'theme', department, pledge, from: before.theme, to: after.theme, regression: false });
  }
  if (!sameWording(before.commitment, after.commitment)) {
    changes.push({ kind: 'commitment', department, pledge, from: before.commitment, to: after.commitment, regression: false });
  }
  return [...changes, ...metricChanges(department, before, after, labels)];
}

/**
 * The changes from one year to a later one. Departments are matched by id and pledges by
 * (department id, pledge id). Order: the later year's departments by id, then the departments it
 * no longer has; within a department, its pledges in the later file's order, then the ones it no
 * longer reports in the earlier file's order. A department added or removed is followed by each of
 * its pledges as added or removed, so pledge counts never depend on whether the department is new.
 */
export function compareYears(from: Year, to: Year): ChangeSet {
  const changes: Change[] = [];
  const departmentNames = new Map<string, string>();
  const metricLabels = new Map<string, MetricLabel>();
  const previous = new Map<string, PreviousPledge>();
  const earlier = byId(from.departments);
  const later = byId(to.departments);
  for (const d of from.departments) departmentNames.set(d.id, d.name);
  for (const d of to.departments) departmentNames.set(d.id, d.name);

  for (const department of sortedById(to.departments)) {
    const id = department.id;
    const old = earlier.get(id);
    if (!old) changes.push({ kind: 'department-added', department: id, from: null, to: department.name, regression: false });
    const oldPledges = byId(old?.pledges ?? []);
    for (const pledge of department.pledges) {
      const before = oldPledges.get(pledge.id);
      if (!before) {
        changes.push({ kind: 'added', department: id, pledge: pledge.id, from: null, to: pledge.status, regression: false });
        continue;
      }
      previous.set(pledgeKey(id, pledge.id), { status: before.status, metrics: new Map((before.metrics ?? []).map((m) => [m.id, m.value])) });
      changes.push(...pledgeChanges(id, before, pledge, metricLabels));
    }
    const kept = byId(department.pledges);
    for (const pledge of old?.pledges ?? []) {
      if (!kept.has(pledge.id)) changes.push({ kind: 'removed', department: id, pledge: pledge.id, from: pledge.status, to: null, regression: false });
    }
  }
  for (const department of sortedById(from.departments)) {
    if (later.has(department.id)) continue;
    changes.push({ kind: 'department-removed', department: department.id, from: department.name, to: null, regression: false });
    for (const pledge of department.pledges) {
      changes.push({ kind: 'removed', department: department.id, pledge: pledge.id, from: pledge.status, to: null, regression: false });
    }
  }
  return { from: from.year, to: to.year, changes, departmentNames, metricLabels, previous };
}

/** The pledge as it stood in the earlier year; undefined when it is new (or its department is). */
export function previousOf(set: ChangeSet, department: string, pledge: string): PreviousPledge | undefined {
  return set.previous.get(pledgeKey(department, pledge));
}

/** The status move of one pledge, when its status changed. */
export function statusMoveOf(set: ChangeSet, department: string, pledge: string): StatusMove | undefined {
  const change = set.changes.find((c) => c.kind === 'status' && c.department === department && c.pledge === pledge);
  return change?.kind === 'status' ? { from: change.from, to: change.to, regression: change.regression } : undefined;
}

/** `department/pledge` of every pledge new in the later year. */
export function addedPledges(set: ChangeSet): ReadonlySet<string> {
  return new Set(set.changes.flatMap((c) => (c.kind === 'added' ? [pledgeKey(c.department, c.pledge)] : [])));
}

export interface ChangeCounts {
  /** Changes of each kind. */
  byKind: Record<ChangeKind, number>;
  /** Status moves to met. */
  metSinceLastYear: number;
  /** Status moves that are regressions. */
  regressions: number;
  /** Pledges new in the later year. */
  added: number;
  /** Pledges the later year no longer reports. */
  removed: number;
}

export function countChanges(set: ChangeSet): ChangeCounts {
  const byKind = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as Record<ChangeKind, number>;
  for (const change of set.changes) byKind[change.kind]++;
  return {
    byKind,
    metSinceLastYear: set.changes.filter((c) => c.kind === 'status' && c.to === 'met').length,
    regressions: set.changes.filter((c) => c.regression).length,
    added: byKind.added,
    removed: byKind.removed,
  };
}
