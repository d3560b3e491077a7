// What the text and Markdown formatters share: changes grouped by department, and the closing count.
import { CHANGE_KINDS, countChanges, type Change, type ChangeSet } from '../report/changes.js';

export interface DepartmentGroup {
  id: string;
  name: string;
  changes: Change[];
}

const byName = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Changes grouped by department, the groups in order of department name, changes in set order. */
export function groupByDepartment(set: ChangeSet): DepartmentGroup[] {
  const groups = new Map<string, DepartmentGroup>();
  for (const change of set.changes) {
    const id = change.department;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { id, name: set.departmentNames.get(id) ?? id, changes: [] }));
    group.changes.push(change);
  }
  return [...groups.values()].sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/** "12 changes: 3 added, 1 removed, 7 status (2 regressions), 1 metric": kinds with none left out. */
export function countLine(set: ChangeSet): string {
  const counts = countChanges(set);
  const parts = CHANGE_KINDS.filter((kind) => counts.byKind[kind] > 0).map((kind) =>
    kind === 'status' ? `${counts.byKind.status} status (${plural(counts.regressions, 'regression')})` : `${counts.byKind[kind]} ${kind}`);
  return `${plural(set.changes.length, 'change')}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
