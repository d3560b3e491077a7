import type { main as Main } from '../../src/cli/main.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  tty?: boolean;
}

export function capture(main: typeof Main, argv: string[], options?: RunOptions): Promise<RunResult>;
