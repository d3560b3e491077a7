// Node run as a child process, for the tests that run the shipped code as people do.
import { spawn } from 'node:child_process';
import type { RunResult } from './run.js';

/** Node's exit code and output, running `args` in `cwd` with no environment but PATH. The test's own work goes on meanwhile, on another core. */
export function runNode(args: string[], cwd: string): Promise<Omit<RunResult, 'code'> & { code: number | null }> {
  const child = spawn(process.execPath, args, { cwd, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ...output }));
  });
}
