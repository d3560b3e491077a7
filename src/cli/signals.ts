// Ctrl-C and SIGTERM during a run: remove the temporary files being written, so the earlier
// report (or data) stays exactly as it was, and exit as a shell expects (130, 143).
import { removePendingSync } from '../data/atomic.js';

export function exitCleanlyOnSignals(stderr: { write(s: string): unknown }): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      removePendingSync();
      stderr.write(`\ncovenant: stopped by ${signal}; no file was changed\n`);
      process.exit(code);
    });
  }
}
