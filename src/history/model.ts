// Every year in view: each pledge across every year on record, the statuses counted per year and the
// figures reported in more than one year. Pure data to data, shared by `covenant history` and the report.
import { sortDepartments, STATUSES, type Department, type Pledge, type Status, type Year } from '../data/model.js';
import { isRegression, pledgeKey, sameWording } from '../report/changes.js';

/** A pledge as one year's file has it. */
export interface PledgeYear {
  status: Status;
  theme: string;
  commitment: string;
}

/**
 * A change from the last year the pledge was reported (a gap is skipped over, so met in 2014, not
 * reported in 2015 and ongoing in 2016 is a move in 2016), in diff's vocabulary and by its rules.
 */
export type HistoryChange =
  | { year: string; kind: 'status'; from: Status; to: Status; regression: boolean }
  | { year: string; kind: 'theme'; from: string; to: string; regression: false }
  | { year: string; kind: 'commitment'; from: string; to: string; regression: false };

/** One step of a pledge's status history: the year first made, then each year its status moved. */
export interface StatusStep {
  year: string;
  status: Status;
  regression: boolean;
}

export interface MetricHistory {
  id: string;
  /** Label and unit as the latest year that reports the figure has them. */
  label: string;
  unit?: string;
  /** The figure each year, in the order of History.years; null for a year without it. */
  values: (number | null)[];
}

export interface PledgeHistory {
  department: string;
  /** The department's name in the latest year it was reported. */
  departmentName: string;
  pledge: string;
  /** Theme id and wording as the latest year that reports the pledge has them. */
  theme: string;
  commitment: string;
  firstYear: string;
  lastYear: string;
  /** The pledge each year, in the order of History.years; null for a year it was not reported. */
  years: (PledgeYear | null)[];
  changes: HistoryChange[];
  /** "Pledged 2013 → On track 2014 → Met 2016": the first year's status, then every move. */
  steps: StatusStep[];
  metrics: MetricHistory[];
  /** Whether any status move was a regression. */
  regression: boolean;
}

export interface StatusCount {
  year: string;
  /** Pledges of each status that year, every status present (0 when none), in STATUSES order. */
  counts: Record<Status, number>;
  total: number;
}

/** A figure reported in two or more years: a chart's points, gaps left out. */
export interface MetricTrend {
  department: string;
  departmentName: string;
  pledge: string;
  metric: string;
  label: string;
  unit?: string;
  points: { year: string; value: number }[];
}

export interface History {
  /** Every year given, ascending. */
  years: string[];
  /** By department name (then id); within one, the latest file's order, then pledges no longer reported. */
  pledges: PledgeHistory[];
  statusCounts: StatusCount[];
  trends: MetricTrend[];
}

export interface HistoryFilter {
  department?: string;
  pledge?: string;
}

interface Draft {
  department: string;
  pledge: string;
  years: (PledgeYear | null)[];
  metrics: Map<string, MetricHistory>;
}

/** Each pledge's record, year by year. Walked from the latest year back, so the latest label and order win. */
function collect(years: readonly Year[], filter: HistoryFilter): { drafts: Draft[]; departments: Map<string, Department> } {
  const drafts = new Map<string, Draft>();
  const departments = new Map<string, Department>();
  const blank = <T>(): (T | null)[] => years.map(() => null);
  for (let i = years.length - 1; i >= 0; i--) {
    for (const department of years[i]!.departments) {
      if (filter.department !== undefined && department.id !== filter.department) continue;
      if (!departments.has(department.id)) departments.set(department.id, department);
      for (const pledge of department.pledges) {
        if (filter.pledge !== undefined && pledge.id !== filter.pledge) continue;
        const key = pledgeKey(department.id, pledge.id);
        let draft = drafts.get(key);
        if (!draft) drafts.set(key, (draft = { department: department.id, pledge: pledge.id, years: blank(), metrics: new Map() }));
        draft.years[i] = { status: pledge.status, theme: pledge.theme, commitment: pledge.commitment };
        noteMetrics(draft, pledge, i, blank);
      }
    }
  }
  return { drafts: [...drafts.values()], departments };
}

function noteMetrics(draft: Draft, pledge: Pledge, year: number, blank: () => (number | null)[]): void {
  for (const metric of pledge.metrics ?? []) {
    let history = draft.metrics.get(metric.id);
    if (!history) draft.metrics.set(metric.id, (history = { id: metric.id, label: metric.label, ...(metric.unit ? { unit: metric.unit } : {}), values: blank() }));
    history.values[year] = metric.value;
  }
}

/** The changes and status steps of one pledge, each year compared with the last year it was reported. */
function changesOf(years: readonly Year[], record: readonly (PledgeYear | null)[]): { changes: HistoryChange[]; steps: StatusStep[] } {
  const changes: HistoryChange[] = [];
  const steps: StatusStep[] = [];
  let before: PledgeYear | undefined;
  record.forEach((now, i) => {
    if (!now) return;
    const year = years[i]!.year;
    if (!before) steps.push({ year, status: now.status, regression: false });
    else {
      if (before.status !== now.status) {
        const regression = isRegression(before.status, now.status);
        changes.push({ year, kind: 'status', from: before.status, to: now.status, regression });
        steps.push({ year, status: now.status, regression });
      }
      if (before.theme !== now.theme) changes.push({ year, kind: 'theme', from: before.theme, to: now.theme, regression: false });
      // Most wordings are the same string from year to year: compare before normalising.
      if (before.commitment !== now.commitment && !sameWording(before.commitment, now.commitment)) changes.push({ year, kind: 'commitment', from: before.commitment, to: now.commitment, regression: false });
    }
    before = now;
  });
  return { changes, steps };
}

function finish(years: readonly Year[], draft: Draft, departmentName: string): PledgeHistory {
  const reported = draft.years.flatMap((entry, i) => (entry ? [i] : []));
  const first = reported[0]!;
  const last = reported[reported.length - 1]!;
  const latest = draft.years[last]!;
  const { changes, steps } = changesOf(years, draft.years);
  return {
    department: draft.department,
    departmentName,
    pledge: draft.pledge,
    theme: latest.theme,
    commitment: latest.commitment,
    firstYear: years[first]!.year,
    lastYear: years[last]!.year,
    years: draft.years,
    changes,
    steps,
    metrics: [...draft.metrics.values()],
    regression: changes.some((c) => c.regression),
  };
}

function countStatuses(years: readonly Year[], pledges: readonly PledgeHistory[]): StatusCount[] {
  return years.map((year, i) => {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    let total = 0;
    for (const pledge of pledges) {
      const entry = pledge.years[i];
      if (!entry) continue;
      counts[entry.status]++;
      total++;
    }
    return { year: year.year, counts, total };
  });
}

function trendsOf(years: readonly Year[], pledges: readonly PledgeHistory[]): MetricTrend[] {
  return pledges.flatMap((p) => p.metrics.flatMap((m) => {
    const points = m.values.flatMap((value, i) => (value === null ? [] : [{ year: years[i]!.year, value }]));
    if (points.length < 2) return [];
    return [{ department: p.department, departmentName: p.departmentName, pledge: p.pledge, metric: m.id, label: m.label, ...(m.unit ? { unit: m.unit } : {}), points }];
  }));
}

/**
 * The history of every pledge in `years` (any order; each year once), matched as diff matches them:
 * by department id and pledge id, whatever its theme or wording. `filter` keeps one department's
 * pledges, or one pledge id's, or both; the counts and trends are then of those pledges only.
 */
export function buildHistory(years: readonly Year[], filter: HistoryFilter = {}): History {
  const sorted = [...years].sort((a, b) => (a.year < b.year ? -1 : a.year > b.year ? 1 : 0));
  const { drafts, departments } = collect(sorted, filter);
  const order = new Map(sortDepartments([...departments.values()]).map((d, i) => [d.id, i]));
  // A stable sort: within a department the order collect() found them in stays.
  const pledges = drafts
    .sort((a, b) => order.get(a.department)! - order.get(b.department)!)
    .map((draft) => finish(sorted, draft, departments.get(draft.department)!.name));
  return { years: sorted.map((y) => y.year), pledges, statusCounts: countStatuses(sorted, pledges), trends: trendsOf(sorted, pledges) };
}

/** Each pledge's status steps by `department/pledge` (pledgeKey): for a pledge's line in the report's annex. */
export function stepsByPledge(history: History): ReadonlyMap<string, readonly StatusStep[]> {
  return new Map(history.pledges.map((p) => [pledgeKey(p.department, p.pledge), p.steps]));
}

/** The fewest years a report shows progress over: two are what "since last year" already shows. */
export const HISTORY_MINIMUM = 3;

/**
 * The history for a report on `year`: the years up to it, when there are at least `minimum` of
 * them; undefined otherwise.
 */
export function historyUpTo(years: readonly Year[], year: string, minimum = HISTORY_MINIMUM): History | undefined {
  const upTo = years.filter((y) => y.year <= year);
  return upTo.length >= minimum ? buildHistory(upTo) : undefined;
}
