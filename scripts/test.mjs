// The unit suite and the type check at once: Jest's workers leave a core idle while they wait on
// the covenant processes and PDFs their tests start, and the type check, at the lowest priority,
// fills it. Jest's output
// streams as it runs; the type checker's is printed after it, and either failing fails the run.
// Arguments go to Jest (`npm test -- test/pdf.test.ts`).
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;

/** A child's exit code, its output collected when `quiet`, which also makes it yield the CPU to the others. */
function run(args, quiet) {
  return new Promise((resolve) => {
    const child = spawn(node, args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (quiet) {
      try {
        // The lowest priority: the type check takes what Jest leaves idle, and never slows a test.
        setPriority(child.pid, 19);
      } catch {
        // A system that will not lower it runs it as it is.
      }
    }
    let output = '';
    if (quiet) for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const typecheck = run(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit', '--incremental',
  '--tsBuildInfoFile', 'node_modules/.cache/covenant/typecheck.tsbuildinfo'], true);
const jest = run(['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', ...process.argv.slice(2)], false);
const [types, tests] = await Promise.all([typecheck, jest]);
if (types.code !== 0) process.stdout.write(`\nType check (tsc) failed:\n${types.output}`);
else process.stdout.write('Type check (tsc): no errors\n');
process.exitCode = types.code !== 0 ? types.code : tests.code;
