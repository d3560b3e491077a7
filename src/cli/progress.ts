// A progress line on stderr for long runs ("read 120 files", "laid out 800 pages"): only on a
// terminal, never in CI or when stderr is piped, and only once a run has taken over a second.
import type { Io } from './io.js';

export interface Progress {
  update(text: string): void;
  /** Clears the line, if one was shown. */
  done(): void;
}

const QUIET: Progress = { update: () => undefined, done: () => undefined };

export function progress(io: Io, delayMs = 1000): Progress {
  if (!io.stderr.isTTY || io.env.CI || io.env.TERM === 'dumb') return QUIET;
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    update(text) {
      const now = Date.now();
      // At most ten repaints a second: a terminal is slow to write to.
      if (now - started < delayMs || now - last < 100) return;
      last = now;
      shown = true;
      io.stderr.write(`\r\x1b[2K${text}`);
    },
    done() {
      if (shown) io.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}
