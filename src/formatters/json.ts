// Problems as a JSON array, for scripts.
import type { ProblemReport } from './index.js';

export function json({ problems }: ProblemReport): string {
  const rows = problems.map(({ file, line, column, severity, rule, message, hint }) => ({
    file, line, column, severity, rule, message, ...(hint ? { hint } : {}),
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}
