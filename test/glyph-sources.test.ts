// A character no font has, in the data's texts: `report --format pdf` warns at the file, line and
// column where it is written and names the field, from positions the document's nodes carry, so
// no data file is read a second time (locate-warning.ts, which parses again, is never loaded).
import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const actual = await import('node:fs');
const opened = new Map<string, number>();
const count = (path: unknown) => {
  // The data's files only: the shipped catalogues are YAML too.
  if (String(path).includes('glyph-sources') && String(path).endsWith('.yaml')) opened.set(String(path), (opened.get(String(path)) ?? 0) + 1);
};
jest.unstable_mockModule('node:fs', () => ({
  ...actual,
  openSync: (path: Parameters<typeof actual.openSync>[0], ...rest: [never]) => {
    count(path);
    return actual.openSync(path, ...rest);
  },
  readFileSync: (path: Parameters<typeof actual.readFileSync>[0], ...rest: [never]) => {
    count(path);
    return actual.readFileSync(path, ...rest);
  },
}));
let searched = false;
jest.unstable_mockModule('../src/cli/locate-warning.js', () => {
  searched = true;
  return { locateWarning: () => [] };
});

const { run } = await import('./helpers/run.js');
const { fixturesDir } = await import('./helpers/fixtures.js');

// U+E000, a private-use character: no font on the system has it (fc-list ':charset=e000' lists none).
const PUA = '\ue000';
const shown = (file: string, line: number, column: number, field: string) =>
  `${file}:${line}:${column}  warning  ${field}: "${PUA}" (U+E000) is in none of the PDF's fonts: the PDF shows \ufffd in its place  missing-glyph`;

test('each text with the character is warned about at its file:line:column and field, the data read once', async () => {
  const out = mkdtempSync(join(tmpdir(), 'covenant-glyphs-'));
  try {
    const result = await run(['report', '2019', '--data', 'glyph-sources', '--format', 'pdf', '-o', join(out, 'report.pdf')],
      { cwd: fixturesDir, env: { NO_COLOR: '1' } });
    expect(result.code).toBe(0);
    const lines = result.stderr.split('\n').filter((l) => l.includes('missing-glyph'));
    expect(lines).toEqual([
      // The department's name, a plain scalar.
      shown('glyph-sources/2019/departments/dfe.yaml', 2, 22, 'name'),
      // The commitment, a block scalar: the character on its second line, not the field's first.
      shown('glyph-sources/2019/departments/dfe.yaml', 8, 23, 'pledges[0].commitment'),
      shown('glyph-sources/2019/departments/dfe.yaml', 12, 24, 'pledges[0].metrics[0].label'),
      // A quoted scalar in report.yaml.
      shown('glyph-sources/2019/report.yaml', 9, 35, 'sections[0].quotes[0].attribution'),
    ]);
    expect(result.stderr).toContain('! 4 problems in 2 files (4 warnings)');
    expect(searched).toBe(false);
    expect([...opened.keys()].map((p) => p.slice(p.indexOf('glyph-sources'))).sort()).toEqual([
      'glyph-sources/2019/departments/dfe.yaml', 'glyph-sources/2019/report.yaml', 'glyph-sources/programme.yaml',
    ]);
    expect([...opened.values()]).toEqual([1, 1, 1]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
