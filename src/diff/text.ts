// The change set for a terminal: grouped by department, one line a change, a closing count.
// Colour comes from the chalk instance the CLI made (none unless standard output is a terminal).
import type { ChalkInstance } from 'chalk';
import type { Change, ChangeSet } from '../report/changes.js';
import { countLine, groupByDepartment } from './group.js';
import { describeMove } from './numbers.js';

interface Line {
  mark: string;
  pledge: string;
  kind: string;
  detail: string;
}

function line(change: Change, set: ChangeSet, c: ChalkInstance): Line {
  const arrow = c.dim('→');
  switch (change.kind) {
    case 'department-added':
      return { mark: c.green('+'), pledge: '(department)', kind: 'added', detail: 'new this year' };
    case 'department-removed':
      return { mark: c.red('-'), pledge: '(department)', kind: 'removed', detail: 'no longer reported' };
    case 'added':
      return { mark: c.green('+'), pledge: change.pledge, kind: 'added', detail: change.to };
    case 'removed':
      return { mark: c.red('-'), pledge: change.pledge, kind: 'removed', detail: `no longer reported (was ${change.from})` };
    case 'status':
      return change.regression
        ? { mark: c.red.bold('!'), pledge: change.pledge, kind: 'status', detail: `${change.from} ${arrow} ${change.to}  ${c.red.bold('regression')}` }
        : { mark: c.yellow('~'), pledge: change.pledge, kind: 'status', detail: `${change.from} ${arrow} ${change.to}` };
    case 'theme':
      return { mark: c.yellow('~'), pledge: change.pledge, kind: 'theme', detail: `${change.from} ${arrow} ${change.to}` };
    case 'commitment':
      return { mark: c.yellow('~'), pledge: change.pledge, kind: 'commitment', detail: 'wording changed' };
    case 'metric': {
      const unit = set.metricLabels.get(`${change.department}/${change.pledge}/${change.metric}`)?.unit;
      return { mark: c.yellow('~'), pledge: change.pledge, kind: 'metric', detail: `${change.metric}: ${describeMove(change.from, change.to, unit, arrow)}` };
    }
  }
}

export function text(set: ChangeSet, c: ChalkInstance): string {
  const out: string[] = [c.bold(`Changes from ${set.from} to ${set.to}`), ''];
  if (set.changes.length === 0) return `${out[0]}\n\nNo changes: every pledge, status, theme, commitment and figure is the same.\n`;
  for (const group of groupByDepartment(set)) {
    out.push(`${c.bold(group.name)} ${c.dim(`(${group.id})`)}`);
    const lines = group.changes.map((change) => line(change, set, c));
    const pledgeWidth = Math.max(...lines.map((l) => l.pledge.length));
    const kindWidth = Math.max(...lines.map((l) => l.kind.length));
    for (const l of lines) out.push(`  ${l.mark} ${l.pledge.padEnd(pledgeWidth)}  ${l.kind.padEnd(kindWidth)}  ${l.detail}`);
    out.push('');
  }
  out.push(countLine(set));
  return out.join('\n') + '\n';
}
