// Where the fixture data folders are, and how to validate one the way a user would.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run, type RunResult } from './run.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const invalidDir = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url));

/** One problem as `--format json` prints it. */
export interface JsonProblem {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
  hint?: string;
}

/** `covenant validate --data <folder> [args] --format json`, run from `cwd`, its output parsed. */
export async function validateJson(cwd: string, folder: string, args: string[] = []): Promise<RunResult & { problems: JsonProblem[] }> {
  const result = await run(['validate', '--data', folder, ...args, '--format', 'json'], { cwd });
  return { ...result, problems: JSON.parse(result.stdout) as JsonProblem[] };
}

/** The text of line `line` (1-based) of a fixture file, without its line ending or a BOM. */
export function fixtureLine(cwd: string, file: string, line: number): string {
  const text = readFileSync(`${cwd}/${file}`, 'utf8').replace(/^\ufeff/, '');
  const lines = text.split(/\r?\n/);
  if (line < 1 || line > lines.length) throw new Error(`${file} has no line ${line}`);
  return lines[line - 1]!;
}

/** No line of a Node stack trace ("    at fn (file:1:2)") in the text. */
export const STACK_LINE = /^\s+at .+/m;
