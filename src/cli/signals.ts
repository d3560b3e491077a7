// Ctrl-C and SIGTERM during a run: remove the temporary files being written, so the earlier
// report (or data) stays exactly as it was, and exit as a shell expects (130, 143).
// A run that writes several files one after another (fmt, report --format all) says which were
// already in place when it was stopped.
import { displayPath } from '../problems.js';
import { removePendingSync, writtenSoFar } from '../data/atomic.js';

/** What the message after a signal says of the files: none changed, or which were. */
export function changedFiles(written: readonly string[], cwd: string): string {
  if (written.length === 0) return 'no file was changed';
  const shown = written.map((path) => displayPath(cwd, path));
  const list = shown.length > 5 ? `${shown.slice(0, 5).join(', ')} and ${shown.length - 5} more` : shown.join(', ');
  return `${written.length === 1 ? 'this file was' : `these ${written.length} files were`} already written: ${list}; nothing else was changed`;
}

let stopper: ((signal: NodeJS.Signals) => void) | undefined;

/**
 * For a command that runs until it is stopped (preview): the next Ctrl-C or SIGTERM resolves this,
 * for the command to close what it opened and return, instead of exiting at once. A second one exits.
 */
export function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    stopper = resolve;
  });
}

export function exitCleanlyOnSignals(stderr: { write(s: string): unknown }): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      if (stopper) {
        stopper(signal);
        stopper = undefined;
        return;
      }
      removePendingSync();
      stderr.write(`\ncovenant: stopped by ${signal}; ${changedFiles(writtenSoFar(), process.cwd())}\n`);
      // The handler is gone (once), so the signal sent again ends the process as the system does,
      // at once: process.exit() waits for a read that never ends (a pipe) and can hang with it.
      process.kill(process.pid, signal);
      process.exit(code);
    });
  }
}
