#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';

// `covenant --version` alone is answered before the command line's modules are loaded: it is the
// check scripts and people run most, and it should cost no more than starting Node.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else if (!existsSync(new URL('../dist/bundle/main.js', import.meta.url))) {
  // A clone installed without its dev dependencies (npm ci --omit=dev) has no build to run.
  process.stderr.write('covenant: this copy is not built: run `npm install` in its folder (the build needs the dev dependencies), or install the package that `npm pack` makes\n');
  process.exitCode = 70;
} else {
  // --debug shows stack traces of internal errors: at the lines of src/, not of the bundle.
  if (args.includes('--debug')) process.setSourceMapsEnabled(true);
  const { main } = await import('../dist/bundle/main.js');
  const { exitCleanlyOnSignals } = await import('../dist/bundle/signals.js');

  // A reader that stops early (`covenant report 2019 -o - | head`) is not an error. Any other
  // failure to write the output (a full disk) is said plainly, with exit 70, as for -o FILE.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`covenant: could not write to standard output (${error.code ?? error.message})\n`);
    if (args.includes('--debug')) process.stderr.write(`${error.stack}\n`);
    process.exit(70);
  });
  exitCleanlyOnSignals(process.stderr);

  process.exitCode = await main({
    argv: args,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
}
