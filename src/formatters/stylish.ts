// The default problem report: compiler-style lines, a code frame with a caret, a closing count.
import type { ChalkInstance } from 'chalk';
import { visible, type Problem } from '../problems.js';
import type { ProblemReport } from './index.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** How much of a line a frame shows: a file of one long line (minified, pasted) would print whole once a problem. */
const FRAME_WIDTH = 120;

function frame(lines: readonly string[] | undefined, p: Problem, c: ChalkInstance): string[] {
  if (!lines || p.line < 1) return [];
  const source = lines[p.line - 1];
  if (source === undefined) return [];
  const gutter = String(p.line).length;
  // Tabs would move the caret: show them as single spaces in the frame.
  let shown = visible(source.replace(/\t/g, ' '));
  let column = p.column;
  if (shown.length > FRAME_WIDTH) {
    const start = Math.max(0, Math.min(column - 1 - FRAME_WIDTH / 3, shown.length - FRAME_WIDTH));
    shown = `${start > 0 ? '…' : ''}${shown.slice(start, start + FRAME_WIDTH)}${start + FRAME_WIDTH < shown.length ? '…' : ''}`;
    column = column - start + (start > 0 ? 1 : 0);
  }
  const caretLength = Math.max(1, Math.min(p.length ?? 1, shown.length - column + 1));
  return [
    c.dim(`  ${String(p.line).padStart(gutter)} | `) + shown,
    c.dim(`  ${' '.repeat(gutter)} | `) + ' '.repeat(Math.max(0, column - 1)) + c.red('^'.repeat(caretLength)),
  ];
}

export function stylish({ problems, sources, fileCount }: ProblemReport, c: ChalkInstance): string {
  if (problems.length === 0) return `${c.green('✓')} ${plural(fileCount, 'file')} checked, no problems\n`;
  const out: string[] = [];
  // Each file split into lines once, not once a problem.
  const lines = new Map<string, string[] | undefined>();
  const linesOf = (file: string) => {
    if (!lines.has(file)) lines.set(file, sources.get(file)?.text.split(/\r?\n/));
    return lines.get(file);
  };
  for (const p of problems) {
    const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
    const severity = p.severity === 'error' ? c.red('error') : c.yellow('warning');
    out.push(`${c.bold(visible(where))}  ${severity}  ${visible(p.message)}  ${c.dim(p.rule)}`);
    out.push(...frame(linesOf(p.file), p, c));
    if (p.hint) out.push(`  ${c.cyan('hint:')} ${visible(p.hint)}`);
    out.push('');
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const files = new Set(problems.map((p) => p.file)).size;
  const counts = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(' and ');
  const mark = errors ? c.red('✖') : c.yellow('!');
  out.push(`${mark} ${plural(problems.length, 'problem')} in ${plural(files, 'file')} (${counts})`);
  return out.join('\n') + '\n';
}
