// The progress line: on a terminal only, never in CI or through a pipe, and cleared at the end.
import { progress } from '../src/cli/progress.js';
import type { Io } from '../src/cli/io.js';

function io(isTTY: boolean, env: Record<string, string> = {}): { io: Io; written: () => string } {
  let out = '';
  const stream = { isTTY, write: (s: string | Uint8Array) => ((out += String(s)), true) };
  return { io: { argv: [], stdout: stream, stderr: stream, env, cwd: '/' }, written: () => out };
}

test('a terminal sees the line, rewritten in place, then cleared', () => {
  const { io: terminal, written } = io(true);
  const line = progress(terminal, 0);
  line.update('read 12 files');
  line.done();
  expect(written()).toBe('\r\x1b[2Kread 12 files\r\x1b[2K');
});

test('nothing when stderr is piped, in CI, or before a second has passed', () => {
  for (const [tty, env, delay] of [[false, {}, 0], [true, { CI: 'true' }, 0], [true, {}, 60_000]] as const) {
    const { io: quiet, written } = io(tty, env);
    const line = progress(quiet, delay);
    line.update('read 12 files');
    line.done();
    expect(written()).toBe('');
  }
});
