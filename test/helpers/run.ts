// Runs the CLI in-process with captured streams, as a user would run it from `cwd`.
import { main } from '../../src/cli/main.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const stream = (append: (s: string) => void) => ({
    isTTY: options.tty ?? false,
    write(chunk: string | Uint8Array) {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    },
  });
  const code = await main({
    argv,
    stdout: stream((s) => (stdout += s)),
    stderr: stream((s) => (stderr += s)),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr };
}
