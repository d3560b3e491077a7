// bin/covenant.js, as people run it, writes every format byte for byte as the source does in-process
// (bundle.test.ts holds the bundle to the source's answers for every command).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { repoRoot } from './helpers/fixtures.js';
import { runNode } from './helpers/node-process.js';
import { run } from './helpers/run.js';
import { has } from './helpers/system.js';

const bin = join(repoRoot, 'bin/covenant.js');

// The shipped data, and the PDF fixture: tables, links, footnotes, scripts beyond Latin, and a
// Chinese character that only an installed font has (fonts-noto-cjk).
test.each([['data', '2014'], ['test/fixtures/pdf', '2024']])('the shipped command writes the same file in every format from %s, byte for byte', async (data, year) => {
  const dirs = [mkdtempSync(join(tmpdir(), 'covenant-bundle-')), mkdtempSync(join(tmpdir(), 'covenant-source-'))];
  try {
    const argv = (dir: string) => ['report', year, '--data', data, '--out', dir];
    const [bundled, source] = await Promise.all([runNode([bin, ...argv(dirs[0]!)], repoRoot), run(argv(dirs[1]!), { cwd: repoRoot })]);
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
