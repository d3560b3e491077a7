// The change set as JSON for scripts: exactly the brief's shape, keys in a fixed order.
import type { Change, ChangeSet } from '../report/changes.js';

function row(change: Change): Record<string, unknown> {
  return {
    kind: change.kind,
    department: change.department,
    ...('pledge' in change ? { pledge: change.pledge } : {}),
    ...('metric' in change ? { metric: change.metric } : {}),
    from: change.from,
    to: change.to,
    regression: change.regression,
  };
}

export function json(set: ChangeSet): string {
  return JSON.stringify({ from: set.from, to: set.to, changes: set.changes.map(row) }, null, 2) + '\n';
}
