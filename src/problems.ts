// Problems found in the data: values with a file, a position and a rule, never thrown.
import { isAbsolute, relative } from 'node:path';

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Path as the user would type it, relative to the working directory. */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file or folder. */
  line: number;
  column: number;
  /** Length of the offending text on that line, for the caret under it (at least 1). */
  length?: number;
  severity: Severity;
  /** A stable kebab-case code, e.g. `enum`, `unknown-key`, `yaml-duplicate-key`. */
  rule: string;
  message: string;
  /** What would be right, e.g. `did you mean "met"?`. */
  hint?: string;
}

export function isError(p: Problem): boolean {
  return p.severity === 'error';
}

/** Sorted by file, then line and column; identical reports (one node failing two ways) once. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.file}\0${p.line}\0${p.column}\0${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/**
 * Text from a data file as a terminal may safely show it: control characters (an escape that
 * would clear the screen, a bell, a NUL) written as \u{1b} and the like, so they are seen, not obeyed.
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/** A path as messages show it: from the working folder when it is inside it, else in full (never ../../). */
export function displayPath(cwd: string, path: string): string {
  const inside = relative(cwd, path);
  return inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}
