// After new-year, what is still last year's is said: every empty progress (a pledge still
// `pledged` too), a title or subtitle naming another year, a report with no date. Warnings while
// the year is drafted; errors with `report --final`. And the -o and export options around them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './helpers/run.js';
import { copyToTemp, removeTemp } from './helpers/temp-data.js';

const years = fileURLToPath(new URL('./fixtures/years/', import.meta.url));

describe('a new year, before it is written', () => {
  let dir: string;
  beforeAll(async () => {
    dir = copyToTemp(years);
    expect((await run(['new-year', '2022'], { cwd: dir })).code).toBe(0);
  });
  afterAll(() => removeTemp(dir));

  test('validate warns of every empty progress, a pledge still `pledged` included', async () => {
    const result = await run(['validate', '2022', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const problems = JSON.parse(result.stdout) as { rule: string; severity: string; message: string }[];
    expect(problems.filter((p) => p.rule === 'empty-progress')).toHaveLength(8);
    expect(problems.map((p) => p.severity)).toEqual(Array(10).fill('warning'));
    expect(problems).toContainEqual({
      file: 'data/2022/departments/dwp.yaml', line: 73, column: 15, severity: 'warning', rule: 'empty-progress',
      message: 'progress of pledge "new-pledge" is still empty', hint: 'write what happened this year, or remove the key',
    });
  });

  test('validate warns of the subtitle carried from last year and of the missing date', async () => {
    const result = await run(['validate', '2022'], { cwd: dir });
    expect(result.stdout).toContain([
      'data/2022/report.yaml:3:1  warning  the report has no date: its cover and the PDF say when it was published  missing-date',
      '  3 | title: Test covenant',
      '    | ^^^^^^^^^^^^^^^^^^^^',
      '  hint: add date: YYYY-MM-DD, the day it is published',
      '',
      'data/2022/report.yaml:4:11  warning  the subtitle names 2021, but this is the 2022 report  other-year',
      '  4 | subtitle: Progress in 2021',
      '    |           ^^^^^^^^^^^^^^^^',
      '  hint: new-year carries the subtitle from the year before: write this year\'s, or leave it if that year is meant',
      '',
      '! 10 problems in 4 files (10 warnings)',
    ].join('\n'));
  });

  test('report --final makes them errors and writes nothing; without it, the report is written', async () => {
    const final = await run(['report', '2022', '--final', '--format', 'md', '-o', 'final.md'], { cwd: dir });
    expect(final.code).toBe(1);
    expect(final.stderr).toContain('data/2022/report.yaml:4:11  error  the subtitle names 2021, but this is the 2022 report  other-year');
    expect(final.stderr).toContain('data/2022/departments/dwp.yaml:73:15  error  progress of pledge "new-pledge" is still empty  empty-progress');
    expect(final.stderr).toContain('✖ 10 problems in 4 files (10 errors)');
    expect(existsSync(join(dir, 'final.md'))).toBe(false);
    const draft = await run(['report', '2022', '--format', 'md', '-o', 'draft.md'], { cwd: dir });
    expect(draft.code).toBe(0);
    expect(existsSync(join(dir, 'draft.md'))).toBe(true);
  });

  test('report --final --draft is a usage error: a final report is for publication, a draft is not', async () => {
    const both = await run(['report', '2022', '--final', '--draft', '--format', 'md', '-o', 'both.md'], { cwd: dir });
    expect(both).toMatchObject({ code: 2, stdout: '' });
    expect(both.stderr).toContain('--final and --draft contradict each other: a final report is for publication, a draft is not');
    expect(existsSync(join(dir, 'both.md'))).toBe(false);
  });

  test('a title naming this year among others, or no year, is not warned about', async () => {
    const path = join(dir, 'data/2022/report.yaml');
    const before = readFileSync(path, 'utf8');
    try {
      writeFileSync(path, before.replace('subtitle: Progress in 2021', 'subtitle: Progress from 2021 to 2022').replace('title: Test covenant', 'title: Test covenant\ndate: 2022-10-01'));
      const result = await run(['validate', '2022', '--format', 'json'], { cwd: dir });
      expect((JSON.parse(result.stdout) as { rule: string }[]).filter((p) => p.rule !== 'empty-progress')).toEqual([]);
    } finally {
      writeFileSync(path, before);
    }
  });
});

describe('report -o and export --format', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyToTemp(years);
  });
  afterEach(() => removeTemp(dir));

  test('-o newdir/ writes newdir/covenant-<year>.<ext>', async () => {
    const result = await run(['report', '2021', '--format', 'md', '-o', 'newdir/'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('wrote newdir/covenant-2021.md\n');
    expect(readFileSync(join(dir, 'newdir/covenant-2021.md'), 'utf8')).toContain('# Test covenant');
  });

  test('-o naming an existing folder writes into it too, every format', async () => {
    await run(['report', '2021', '--format', 'md', '-o', 'out/'], { cwd: dir });
    const result = await run(['report', '2021', '--format', 'all', '-o', 'out'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('wrote out/covenant-2021.html\n');
  });

  test('-o with no name is a usage error (exit 2)', async () => {
    const result = await run(['report', '2021', '--format', 'md', '-o', ''], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('covenant: -o needs a file name (or - for standard output)\nUsage: covenant report [options] <year>\n(run covenant report --help for more)\n');
  });

  test('export without --format writes CSV, and --help says so', async () => {
    const plain = await run(['export', '2021'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe((await run(['export', '2021', '--format', 'csv'], { cwd: dir })).stdout);
    const help = await run(['export', '--help'], { cwd: dir });
    expect(help.stdout).toContain('  --format <format>    csv for spreadsheets, json for scripts (choices: "csv",\n                       "json", default: "csv")\n');
  });
});
