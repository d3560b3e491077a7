// Runs the CLI in-process with captured streams, as a user would run it from `cwd`.
import { main } from '../../src/cli/main.js';
import { capture, type RunOptions, type RunResult } from './capture.js';

export type { RunResult };

export function run(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  return capture(main, argv, options);
}
