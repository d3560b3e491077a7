// Output appears whole or not at all: a run stopped mid-PDF (Ctrl-C, SIGTERM, even SIGKILL)
// leaves the earlier report exactly as it was, and the catchable signals leave no temporary file.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBigData } from '../scripts/synth.mjs';

const bin = join(process.cwd(), 'bin/covenant.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'covenant-interrupt-'));
  // Large enough that the PDF is still being written a second after its temporary file appears
  // (here, 0.6 s to the file and 1.7 s in all): time to interrupt it mid-write.
  writeBigData(join(dir, 'data'), { pledges: 600, departments: 30 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts a PDF run over an earlier report, sends `signal` once the temporary file exists. */
async function interrupt(signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string; files: string[]; earlier: string }> {
  const out = join(dir, `out-${signal}`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'covenant-2030.pdf'), 'the earlier report');
  const child = spawn(process.execPath, [bin, 'report', '2030', '--format', 'pdf', '--out', out, '--data', join(dir, 'data')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // The status a shell sees: covenant ends itself with the signal it was sent, as a Unix tool does (128 + its number).
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, sent) => resolve(code ?? (sent ? 128 + constants.signals[sent] : null))));
  const deadline = Date.now() + 60_000;
  while (!readdirSync(out).some((f) => f.endsWith('.tmp'))) {
    if (Date.now() > deadline) throw new Error(`no temporary file appeared; stderr: ${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill(signal);
  const code = await exited;
  return { code, stderr, files: readdirSync(out).sort(), earlier: readFileSync(join(out, 'covenant-2030.pdf'), 'utf8') };
}

test('Ctrl-C: exit 130, the earlier report untouched, no temporary file left', async () => {
  const { code, stderr, files, earlier } = await interrupt('SIGINT');
  expect(code).toBe(130);
  expect(stderr).toContain('stopped by SIGINT; no file was changed');
  expect(earlier).toBe('the earlier report');
  expect(files).toEqual(['covenant-2030.pdf']);
});

test('SIGTERM: exit 143, the same', async () => {
  const { code, files, earlier } = await interrupt('SIGTERM');
  expect(code).toBe(143);
  expect(earlier).toBe('the earlier report');
  expect(files).toEqual(['covenant-2030.pdf']);
});

test('SIGKILL cannot be caught, but the earlier report is still the earlier report', async () => {
  const { earlier, files } = await interrupt('SIGKILL');
  expect(earlier).toBe('the earlier report');
  expect(files).toContain('covenant-2030.pdf');
});

describe('what the message after a signal says of the files', () => {
  test('none changed, or which were already in place (fmt and --format all write several)', async () => {
    const { changedFiles } = await import('../src/cli/signals.js');
    expect(changedFiles([], '/repo')).toBe('no file was changed');
    expect(changedFiles(['/repo/data/2019/report.yaml'], '/repo')).toBe('this file was already written: data/2019/report.yaml; nothing else was changed');
    const seven = Array.from({ length: 7 }, (_, i) => `/repo/out/f${i}.yaml`);
    expect(changedFiles(seven, '/repo')).toBe('these 7 files were already written: out/f0.yaml, out/f1.yaml, out/f2.yaml, out/f3.yaml, out/f4.yaml and 2 more; nothing else was changed');
  });
});

// A read that never ends (a pipe no one writes to) keeps Node's own exit waiting for it: the
// handler must end the process all the same.
test('a signal ends the run even while a read of a pipe is waiting', async () => {
  const fifo = join(dir, 'never-written');
  if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo here: nothing to test
  const script = `const { exitCleanlyOnSignals } = await import(${JSON.stringify(join(process.cwd(), 'dist/bundle/signals.js'))});
exitCleanlyOnSignals(process.stderr);
import('node:fs/promises').then((fs) => fs.readFile(${JSON.stringify(fifo)}));
process.stderr.write('waiting\\n');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, sent) => resolve(sent)));
  while (!stderr.includes('waiting')) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 100));
  child.kill('SIGTERM');
  expect(await exited).toBe('SIGTERM');
  expect(stderr).toContain('covenant: stopped by SIGTERM; no file was changed');
});
