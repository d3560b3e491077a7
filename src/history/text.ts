// Pledge histories for a terminal: the statuses counted a year, then a table a department (a row a
// pledge, its figures under it, then each change on a line). Colour only from the CLI's chalk.
import type { ChalkInstance } from 'chalk';
import type { History, PledgeHistory } from './model.js';
import { byDepartment, changeDetail, countLine, figureCells, span, statusCells, statusesSeen } from './shared.js';

/**
 * Cells padded to their column's width, left-aligned (statuses and figures with units are words to
 * read across), or after the first column right-aligned when `right` (counts, to compare down).
 */
function layout(rows: string[][], right = false): string[] {
  // A fold, not Math.max(...): one department may have more rows than a call may have arguments.
  const widths = rows[0]!.map((_, k) => rows.reduce((width, r) => Math.max(width, r[k]!.length), 0));
  return rows.map((r) => r.map((cell, k) => (right && k > 0 ? cell.padStart(widths[k]!) : cell.padEnd(widths[k]!))).join('  ').trimEnd());
}

function counts(history: History, c: ChalkInstance): string[] {
  const rows = [
    ['Pledges by status', ...history.years],
    ...statusesSeen(history).map((s) => [`  ${s}`, ...history.statusCounts.map((y) => String(y.counts[s]))]),
    ['  total', ...history.statusCounts.map((y) => String(y.total))],
  ];
  const [head, ...body] = layout(rows, true);
  return [c.bold(head!), ...body, ''];
}

function mark(pledge: PledgeHistory, c: ChalkInstance): string {
  return pledge.regression ? c.red.bold('!') : pledge.changes.length > 0 ? c.yellow('~') : ' ';
}

function department(history: History, pledges: PledgeHistory[], c: ChalkInstance): string[] {
  const rows: string[][] = [['pledge', 'made', ...history.years]];
  for (const p of pledges) {
    rows.push([p.pledge, p.firstYear, ...statusCells(history, p)]);
    for (const m of p.metrics) rows.push([`  ${m.id}`, '', ...figureCells(history, p, m)]);
  }
  const lines = layout(rows);
  const out = [`${c.bold(pledges[0]!.departmentName)} ${c.dim(`(${pledges[0]!.department})`)}`, `    ${c.dim(lines[0]!)}`];
  let row = 1;
  for (const p of pledges) {
    out.push(`  ${mark(p, c)} ${lines[row++]}`);
    for (let k = 0; k < p.metrics.length; k++) out.push(`    ${lines[row++]}`);
    const kindWidth = Math.max(0, ...p.changes.map((change) => change.kind.length));
    for (const change of p.changes) {
      const flag = change.regression ? `  ${c.red.bold('regression')}` : '';
      out.push(`      ${change.year}  ${change.kind.padEnd(kindWidth)}  ${changeDetail(change, c.dim('→'))}${flag}`);
    }
  }
  return [...out, ''];
}

export function text(history: History, c: ChalkInstance): string {
  if (history.years.length === 0) return 'No years on record: there is no history to show.\n';
  const title = c.bold(`Pledge histories, ${span(history)}`);
  if (history.pledges.length === 0) return `${title}\n\nNo pledges on record.\n`;
  const out = [title, '', ...counts(history, c)];
  for (const pledges of byDepartment(history)) out.push(...department(history, pledges, c));
  out.push(countLine(history));
  return out.join('\n') + '\n';
}
