// The change set as Markdown for a pull request comment: a table a department, then the count.
import type { Change, ChangeSet } from '../report/changes.js';
import { countLine, groupByDepartment } from './group.js';
import { formatDelta, withUnit } from './numbers.js';

/** Text for a table cell: one line, `|` escaped, raw HTML shown as text (as the brief requires). */
export function cell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const code = (id: string) => `\`${id}\``;
/** What a cell holds when there is nothing on that side: a pledge new this year has no "from". */
const NONE = '—';

function row(change: Change, set: ChangeSet): [string, string, string, string] {
  switch (change.kind) {
    case 'department-added':
      return ['(department)', 'added', NONE, cell(change.to)];
    case 'department-removed':
      return ['(department)', 'removed', cell(change.from), NONE];
    case 'added':
      return [code(change.pledge), 'added', NONE, change.to];
    case 'removed':
      return [code(change.pledge), 'removed', change.from, NONE];
    case 'status':
      return [code(change.pledge), change.regression ? 'status ⚠️ **regression**' : 'status', change.from, change.to];
    case 'theme':
      return [code(change.pledge), 'theme', code(change.from), code(change.to)];
    case 'commitment':
      return [code(change.pledge), 'commitment', cell(change.from), cell(change.to)];
    case 'metric': {
      const label = set.metricLabels.get(`${change.department}/${change.pledge}/${change.metric}`);
      const value = (v: number | null) => (v === null ? NONE : withUnit(v, label?.unit));
      const delta = change.from === null ? ' (new)' : change.to === null ? ' (removed)' : ` (${formatDelta(change.from, change.to)})`;
      const what = label ? `metric: ${cell(label.label)} (${code(change.metric)})` : `metric ${code(change.metric)}`;
      return [code(change.pledge), what, value(change.from), `${value(change.to)}${delta}`];
    }
  }
}

export function md(set: ChangeSet): string {
  const out: string[] = [`## Changes from ${set.from} to ${set.to}`, ''];
  if (set.changes.length === 0) return `${out[0]}\n\nNo changes.\n`;
  out.push(`${countLine(set)}.`, '');
  for (const group of groupByDepartment(set)) {
    out.push(`### ${cell(group.name)} (${code(group.id)})`, '', '| Pledge | Change | From | To |', '| --- | --- | --- | --- |');
    for (const change of group.changes) out.push(`| ${row(change, set).join(' | ')} |`);
    out.push('');
  }
  return out.join('\n');
}
