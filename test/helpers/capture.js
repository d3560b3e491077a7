// covenant's `main` run with its output captured, as a user would run it from `cwd`: the source's
// in Jest (run.ts), and the bundle's in a process of its own (bundle-driver.js), alike.

/**
 * @param {(io: object) => Promise<number>} main
 * @param {string[]} argv
 * @param {{ cwd?: string; env?: Record<string, string>; tty?: boolean }} [options]
 */
export async function capture(main, argv, options = {}) {
  let stdout = '';
  let stderr = '';
  const stream = (append) => ({
    isTTY: options.tty ?? false,
    write(chunk) {
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
