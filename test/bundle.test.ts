// The command people run is bin/covenant.js, which loads the bundle in dist/bundle/ (built by
// `npm run build`, which `npm test` runs first). The other suites run the code in src/ in-process;
// this one holds the bundle to the same results for every command, on good data and bad, so a
// library the bundle leaves out or a path it breaks is found here. The bundle answers the commands
// in one process of its own (helpers/bundle-driver.js), as run.ts runs the source; bin/covenant.js
// itself writes every format, as people run it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fixturesDir, repoRoot } from './helpers/fixtures.js';
import { run, type RunResult } from './helpers/run.js';
import { has } from './helpers/system.js';

const bin = join(repoRoot, 'bin/covenant.js');

/** A process's exit code and output. It runs beside the source's in-process runs, on another core. */
function child(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { cwd, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ...output }));
  });
}

const commands: [string, string[], string][] = [
  ['validate, valid data', ['validate', '--data', 'data'], repoRoot],
  ['validate, invalid data', ['validate', '--data', 'invalid', '--format', 'json'], fixturesDir],
  ['validate, stylish with code frames', ['validate', '--data', 'invalid'], fixturesDir],
  ['report with custom templates (the compiler)', ['report', '2019', '--data', 'valid', '--format', 'md', '--templates', 'templates/unknown-field', '-o', '-'], fixturesDir],
  ['diff', ['diff', '2013', '2014', '--data', 'data', '--format', 'json'], repoRoot],
  ['export csv', ['export', '2014', '--data', 'data', '--format', 'csv'], repoRoot],
  ['history', ['history', '--data', 'data', '--format', 'json'], repoRoot],
  ['diff csv', ['diff', '2013', '2014', '--data', 'data', '--format', 'csv'], repoRoot],
  ['fmt --check', ['fmt', '--check', '--data', 'data'], repoRoot],
  ['schema', ['schema', 'department'], repoRoot],
  ['a usage error', ['report', '20x4'], repoRoot],
  ['help', ['--help'], repoRoot],
];

describe('the bundle answers as the source does', () => {
  let bundled: Promise<RunResult[]>;
  beforeAll(() => {
    bundled = child([join(repoRoot, 'test/helpers/bundle-driver.js'), JSON.stringify(commands.map(([, argv, cwd]) => [argv, cwd]))], repoRoot)
      .then(({ code, stdout, stderr }) => {
        if (code !== 0) throw new Error(`the bundle's run of the commands failed (exit ${code}): ${stderr}`);
        return JSON.parse(stdout) as RunResult[];
      });
    // A failure is the tests' to report, when they await it.
    bundled.catch(() => {});
  });

  test.each(commands.map((command, i) => [...command, i] as const))('%s', async (_name, argv, cwd, i) => {
    const expected = await run(argv, { cwd });
    expect((await bundled)[i]).toStrictEqual(expected);
  });
});

// The shipped data, and the PDF fixture: tables, links, footnotes, scripts beyond Latin, and a
// Chinese character that only an installed font has (fonts-noto-cjk).
test.each([['data', '2014'], ['test/fixtures/pdf', '2024']])('the shipped command writes the same file in every format from %s, byte for byte', async (data, year) => {
  const dirs = [mkdtempSync(join(tmpdir(), 'covenant-bundle-')), mkdtempSync(join(tmpdir(), 'covenant-source-'))];
  try {
    const argv = (dir: string) => ['report', year, '--data', data, '--out', dir];
    const [bundled, source] = await Promise.all([child([bin, ...argv(dirs[0]!)], repoRoot), run(argv(dirs[1]!), { cwd: repoRoot })]);
    expect(bundled.code).toBe(0);
    expect(source.code).toBe(0);
    // "wrote ../../tmp/covenant-bundle-x/…": the two folders' names differ, and nothing else may.
    expect(bundled.stderr.replaceAll(basename(dirs[0]!), 'OUT')).toBe(source.stderr.replaceAll(basename(dirs[1]!), 'OUT'));
    // Its Chinese character drawn from an installed font, through the bundle's fontconfig lookup.
    if (year === '2024' && has('fonts-noto-cjk')) expect(bundled.stderr).not.toContain('missing-glyph');
    const names = readdirSync(dirs[0]!).sort();
    expect(names).toStrictEqual([`covenant-${year}.docx`, `covenant-${year}.html`, `covenant-${year}.md`, `covenant-${year}.pdf`]);
    expect(readdirSync(dirs[1]!).sort()).toStrictEqual(names);
    for (const name of names) expect({ name, same: readFileSync(join(dirs[0]!, name)).equals(readFileSync(join(dirs[1]!, name))) }).toStrictEqual({ name, same: true });
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  // Two whole runs of every format, PDF included: more than jest's 5 s on a busy machine. Speed is the benchmark's business.
}, 120_000);
