// Pledge histories as Markdown, for a pull request or a wiki: the statuses counted a year, then for
// each department a table of statuses a year and a table of its figures.
import { cell } from '../diff/md.js';
import type { History, PledgeHistory } from './model.js';
import { byDepartment, changeDetail, countLine, figureCells, span, statusCells, statusesSeen } from './shared.js';

const code = (id: string) => `\`${id}\``;
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
/** The delimiter row: text columns left-aligned, counts and figures right-aligned. */
const rule = (text: number, numbers: number) => row([...Array<string>(text).fill('---'), ...Array<string>(numbers).fill('---:')]);

function counts(history: History): string[] {
  return [
    '### Pledges by status', '',
    row(['Status', ...history.years]), rule(1, history.years.length),
    ...statusesSeen(history).map((s) => row([s, ...history.statusCounts.map((y) => String(y.counts[s]))])),
    row(['**Total**', ...history.statusCounts.map((y) => `**${y.total}**`)]),
    '',
  ];
}

/** "2014: pledged → met; 2016: met → ongoing ⚠️ **regression**". */
function changes(pledge: PledgeHistory): string {
  return pledge.changes.map((c) => {
    const detail = c.kind === 'commitment' ? changeDetail(c) : c.kind === 'theme' ? `theme ${code(c.from)} → ${code(c.to)}` : changeDetail(c);
    return `${c.year}: ${detail}${c.regression ? ' ⚠️ **regression**' : ''}`;
  }).join('; ');
}

function department(history: History, pledges: PledgeHistory[]): string[] {
  const first = pledges[0]!;
  const out = [`### ${cell(first.departmentName)} (${code(first.department)})`, '',
    row(['Pledge', 'Made', ...history.years, 'Changes']), rule(3 + history.years.length, 0)];
  for (const p of pledges) out.push(row([code(p.pledge), p.firstYear, ...statusCells(history, p), changes(p)]));
  out.push('');
  const figures = pledges.flatMap((p) => p.metrics.map((m) => row([code(p.pledge), `${cell(m.label)} (${code(m.id)})`, ...figureCells(history, p, m)])));
  if (figures.length) out.push(row(['Pledge', 'Figure', ...history.years]), rule(2, history.years.length), ...figures, '');
  return out;
}

export function md(history: History): string {
  if (history.years.length === 0) return 'No years on record: there is no history to show.\n';
  const title = `## Pledge histories, ${span(history)}`;
  if (history.pledges.length === 0) return `${title}\n\nNo pledges on record.\n`;
  const out = [title, '', `${countLine(history)}.`, '', ...counts(history)];
  for (const pledges of byDepartment(history)) out.push(...department(history, pledges));
  return out.join('\n');
}
