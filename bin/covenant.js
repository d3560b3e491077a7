#!/usr/bin/env node
import { main } from '../dist/cli/main.js';
import { exitCleanlyOnSignals } from '../dist/cli/signals.js';

// A reader that stops early (`covenant report 2019 -o - | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
exitCleanlyOnSignals(process.stderr);

process.exitCode = await main({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
