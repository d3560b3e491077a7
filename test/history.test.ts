// `covenant history` and the history model it shares with the report, on four made-up years: a
// department missing a year, one new in the second, one gone in the last, a theme renamed, a pledge
// moved to another theme, a withdrawn pledge, and a figure over three years.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBigData } from '../scripts/synth.mjs';
import { loadDataset } from '../src/data/dataset.js';
import { STATUSES, type Department, type Pledge, type Year } from '../src/data/model.js';
import { historyFormatters } from '../src/history/index.js';
import { compareYears, isRegression } from '../src/report/changes.js';
import { buildHistory, historyUpTo, stepsByPledge, type History, type PledgeHistory } from '../src/history/model.js';
import { readCsv } from './helpers/csv.js';
import { golden } from './helpers/golden.js';
import { propertyParams } from './helpers/property.js';
import { run } from './helpers/run.js';
import { copyToTemp, removeTemp } from './helpers/temp-data.js';

const fixture = fileURLToPath(new URL('./fixtures/history/', import.meta.url));
const root = fileURLToPath(new URL('../', import.meta.url));
const data = ['--data', 'test/fixtures/history'];

async function loadYears(): Promise<Year[]> {
  const result = await loadDataset({ dataDir: fixture, cwd: root });
  if (!result.dataset) throw new Error(`fixture invalid: ${JSON.stringify(result.problems)}`);
  return [...result.dataset.years.values()];
}

describe('buildHistory', () => {
  let years: Year[];
  let history: History;
  const pledge = (department: string, id: string): PledgeHistory => history.pledges.find((p) => p.department === department && p.pledge === id)!;
  const statuses = (p: PledgeHistory) => p.years.map((entry) => entry?.status ?? null);
  beforeAll(async () => {
    years = await loadYears();
    history = buildHistory(years);
  });

  test('every year, ascending; every pledge once, by department name, the latest file\'s order first', () => {
    expect(history.years).toEqual(['2013', '2014', '2015', '2016']);
    expect(history.pledges.map((p) => `${p.department}/${p.pledge}`)).toEqual([
      'dfe/staying-put', 'dfe/bursary', 'dfe/virtual-school-heads',
      'dwp/care-leaver-marker', 'dwp/budgeting-support',
      // The Home Office has no file in 2016: its 2015 file's order.
      'ho/national-group', 'ho/asylum-support',
      'moj/youth-justice-review', 'moj/housing-on-release',
    ]);
  });

  test('the year first made, the last year reported, and a gap as null', () => {
    const marker = pledge('dwp', 'care-leaver-marker');
    // DWP sent no file in 2015.
    expect(statuses(marker)).toEqual(['pledged', 'on-track', null, 'met']);
    expect([marker.firstYear, marker.lastYear]).toEqual(['2013', '2016']);
    expect(statuses(pledge('moj', 'youth-justice-review'))).toEqual([null, 'pledged', 'delayed', 'not-met']);
    expect(pledge('moj', 'youth-justice-review').firstYear).toBe('2014');
    // The Home Office reported asylum-support in 2013 and 2015, not in 2014.
    expect(statuses(pledge('ho', 'asylum-support'))).toEqual(['on-track', null, 'met', null]);
    expect(pledge('ho', 'asylum-support').lastYear).toBe('2015');
  });

  test('across a gap a pledge is compared with the last year it was reported', () => {
    expect(pledge('dwp', 'budgeting-support').changes).toEqual([
      { year: '2014', kind: 'status', from: 'on-track', to: 'delayed', regression: true },
      { year: '2016', kind: 'status', from: 'delayed', to: 'on-track', regression: false },
      { year: '2016', kind: 'theme', from: 'jobs', to: 'employment', regression: false },
    ]);
    expect(pledge('ho', 'asylum-support').changes).toEqual([{ year: '2015', kind: 'status', from: 'on-track', to: 'met', regression: false }]);
  });

  test('a renamed theme, a pledge moved to another theme or reworded is still one pledge', () => {
    const moved = pledge('moj', 'housing-on-release');
    expect(moved.theme).toBe('housing');
    expect(moved.changes.filter((c) => c.kind === 'theme')).toEqual([{ year: '2015', kind: 'theme', from: 'justice', to: 'housing', regression: false }]);
    const bursary = pledge('dfe', 'bursary');
    expect(bursary.changes.map((c) => `${c.year} ${c.kind}`)).toEqual(['2014 status', '2015 commitment', '2016 status']);
    expect(bursary.commitment).toBe('DfE will pay a bursary of £2,000 to each care leaver in higher education.\n');
    // Re-wrapped in 2016, not reworded.
    expect(pledge('dwp', 'budgeting-support').changes.some((c) => c.kind === 'commitment')).toBe(false);
  });

  test('a regression by diff\'s rule: to delayed, not-met or withdrawn, or away from met', () => {
    const regressed = history.pledges.filter((p) => p.regression).map((p) => p.pledge);
    expect(regressed).toEqual(['bursary', 'budgeting-support', 'national-group', 'youth-justice-review']);
    expect(pledge('ho', 'national-group').changes.at(-1)).toEqual({ year: '2015', kind: 'status', from: 'ongoing', to: 'withdrawn', regression: true });
    // Back from delayed to on-track is not a regression; having had one still marks the pledge.
    expect(pledge('dwp', 'budgeting-support').regression).toBe(true);
    expect(pledge('dfe', 'virtual-school-heads')).toMatchObject({ changes: [], regression: false });
  });

  test('the status steps: the first year\'s status, then each move', () => {
    expect(pledge('dfe', 'staying-put').steps).toEqual([
      { year: '2013', status: 'pledged', regression: false },
      { year: '2014', status: 'on-track', regression: false },
      { year: '2016', status: 'met', regression: false },
    ]);
    expect(pledge('moj', 'youth-justice-review').steps.map((s) => [s.year, s.status, s.regression])).toEqual([
      ['2014', 'pledged', false], ['2015', 'delayed', true], ['2016', 'not-met', true],
    ]);
    expect(pledge('dfe', 'virtual-school-heads').steps).toEqual([{ year: '2015', status: 'on-track', regression: false }]);
    const steps = stepsByPledge(history);
    expect(steps.size).toBe(9);
    expect(steps.get('ho/national-group')?.map((s) => `${s.status} ${s.year}`)).toEqual(['pledged 2013', 'ongoing 2014', 'withdrawn 2015']);
  });

  test('figures each year, with the latest label and unit', () => {
    expect(pledge('dfe', 'staying-put').metrics).toEqual([{ id: 'young-people-staying', label: 'Young people staying put', values: [null, 1480, 1950, 2410] }]);
    expect(pledge('moj', 'housing-on-release').metrics).toEqual([{ id: 'housed-on-release', label: 'Care leavers housed on release', unit: '%', values: [null, null, 61.5, 72] }]);
  });

  test('status counts a year, every status present', () => {
    expect(history.statusCounts.map((y) => [y.year, y.total])).toEqual([['2013', 6], ['2014', 7], ['2015', 7], ['2016', 7]]);
    expect(history.statusCounts[2]!.counts).toEqual({ pledged: 0, 'on-track': 3, ongoing: 0, delayed: 1, met: 2, 'not-met': 0, withdrawn: 1 });
    for (const year of history.statusCounts) expect(Object.values(year.counts).reduce((a, b) => a + b, 0)).toBe(year.total);
  });

  test('trends: each figure with values in two or more years, gaps left out', () => {
    expect(history.trends.map((t) => [t.department, t.pledge, t.metric, t.points.map((p) => `${p.year}:${p.value}`).join(' ')])).toEqual([
      ['dfe', 'staying-put', 'young-people-staying', '2014:1480 2015:1950 2016:2410'],
      ['dfe', 'bursary', 'bursary-spend', '2014:2500000 2016:3100000'],
      ['dwp', 'care-leaver-marker', 'care-leavers-identified', '2014:2761 2016:3162'],
      ['moj', 'housing-on-release', 'housed-on-release', '2015:61.5 2016:72'],
    ]);
    expect(history.trends[1]).toMatchObject({ departmentName: 'Department for Education', label: 'Bursary paid', unit: 'GBP' });
  });

  test('filters keep one department, one pledge id, or both; counts follow', () => {
    const dwp = buildHistory(years, { department: 'dwp' });
    expect(dwp.pledges.map((p) => p.pledge)).toEqual(['care-leaver-marker', 'budgeting-support']);
    expect(dwp.statusCounts.map((y) => y.total)).toEqual([2, 2, 0, 2]);
    expect(buildHistory(years, { pledge: 'bursary' }).pledges.map((p) => p.department)).toEqual(['dfe']);
    expect(buildHistory(years, { department: 'dwp', pledge: 'bursary' }).pledges).toEqual([]);
  });

  test('the years may come in any order; the same years give the same history', () => {
    expect(buildHistory([...years].reverse())).toEqual(history);
  });

  test('historyUpTo: the years up to the report\'s, when there are three or more', () => {
    expect(historyUpTo(years, '2014')).toBeUndefined();
    expect(historyUpTo(years, '2015')?.years).toEqual(['2013', '2014', '2015']);
    expect(historyUpTo(years, '2016')).toEqual(history);
    expect(historyUpTo(years, '2014', 2)?.years).toEqual(['2013', '2014']);
  });
});

describe('covenant history', () => {
  test.each([['text', 'history.txt'], ['md', 'history.md'], ['json', 'history.json'], ['csv', 'history.csv']])('--format %s matches test/golden/%s', async (format, file) => {
    const result = await run(['history', '--format', format, ...data]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(golden(file, result.stdout));
  });

  test('text is the default; colour only on a terminal', async () => {
    const plain = await run(['history', ...data]);
    expect(plain.stdout).toBe(golden('history.txt', plain.stdout));
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const tty = await run(['history', ...data], { tty: true });
    expect(tty.stdout).toMatch(/\u001b\[31m/);
    expect(tty.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain.stdout);
  });

  test('text: a row a pledge with its status each year, gaps as —, figures under it, then each change', async () => {
    const { stdout } = await run(['history', ...data]);
    const lines = stdout.split('\n');
    const at = lines.indexOf(lines.find((l) => l.includes(' care-leaver-marker '))!);
    expect(lines.slice(at - 1, at + 6)).toEqual([
      '    pledge                     made  2013      2014      2015  2016',
      '  ~ care-leaver-marker         2013  pledged   on-track  —     met',
      '      care-leavers-identified        —         2,761     —     3,162',
      '      2014  status  pledged → on-track',
      '      2016  status  on-track → met',
      '      2016  theme   jobs → employment',
      '  ! budgeting-support          2013  on-track  delayed   —     on-track',
    ]);
    expect(stdout).toContain('      2015  status  ongoing → withdrawn  regression\n');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('9 pledges over 4 years: 8 changed status (4 with a regression), 3 moved theme, 1 reworded');
  });

  test('--department and --pledge narrow it', async () => {
    const { stdout, code } = await run(['history', '--department', 'moj', '--pledge', 'housing-on-release', ...data]);
    expect(code).toBe(0);
    expect(stdout).toContain('Ministry of Justice (moj)');
    expect(stdout).not.toContain('youth-justice-review');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('1 pledge over 4 years: 1 changed status (0 with a regression), 1 moved theme, 0 reworded');
  });

  test('json: the documented shape, keys in a fixed order', async () => {
    const parsed = JSON.parse((await run(['history', '--format', 'json', '--pledge', 'care-leaver-marker', ...data])).stdout) as {
      years: string[]; status_counts: Record<string, unknown>[]; pledges: Record<string, unknown>[];
    };
    expect(Object.keys(parsed)).toEqual(['years', 'status_counts', 'pledges']);
    expect(Object.keys(parsed.status_counts[0]!)).toEqual(['year', 'total', 'counts']);
    const marker = parsed.pledges[0]!;
    expect(Object.keys(marker)).toEqual(['department', 'department_name', 'pledge', 'theme', 'commitment', 'first_year', 'last_year', 'status', 'changes', 'regression', 'metrics']);
    expect(marker.status).toEqual({ 2013: 'pledged', 2014: 'on-track', 2015: null, 2016: 'met' });
    expect(Object.keys(marker.status as object)).toEqual(['2013', '2014', '2015', '2016']);
    expect(marker.metrics).toEqual([{ metric: 'care-leavers-identified', label: 'Care leavers identified by the marker', unit: null, values: { 2013: null, 2014: 2761, 2015: null, 2016: 3162 } }]);
    expect((marker.changes as unknown[])[2]).toEqual({ year: '2016', kind: 'theme', from: 'jobs', to: 'employment', regression: false });
  });

  test('csv: a row a pledge a year from the year it was made, a gap as a row with no status', async () => {
    const { stdout } = await run(['history', '--format', 'csv', '--department', 'dwp', ...data]);
    expect(stdout.startsWith('\ufeffdepartment,department_name,pledge,year,first_year,status,theme,commitment,changes,regression,metric:care-leavers-identified\r\n')).toBe(true);
    const rows = readCsv(stdout.replace(/^\ufeff/, ''));
    expect(rows.slice(1, 5)).toEqual([
      ['dwp', 'Department for Work and Pensions', 'care-leaver-marker', '2013', '2013', 'pledged', 'jobs', 'DWP will introduce a marker to identify care leavers on its database.', '', 'false', ''],
      ['dwp', 'Department for Work and Pensions', 'care-leaver-marker', '2014', '2013', 'on-track', 'jobs', 'DWP will introduce a marker to identify care leavers on its database.', 'status', 'false', '2761'],
      ['dwp', 'Department for Work and Pensions', 'care-leaver-marker', '2015', '2013', '', '', '', '', 'false', ''],
      ['dwp', 'Department for Work and Pensions', 'care-leaver-marker', '2016', '2013', 'met', 'employment', 'DWP will introduce a marker to identify care leavers on its database.', 'status;theme', 'false', '3162'],
    ]);
    expect(rows[6]!.slice(3, 10)).toEqual(['2014', '2013', 'delayed', 'jobs', 'DWP will offer personal budgeting support to care leavers who need it.', 'status', 'true']);
    // MoJ's pledges, made in 2014, have no 2013 row.
    const all = readCsv((await run(['history', '--format', 'csv', '--department', 'moj', ...data])).stdout.replace(/^\ufeff/, ''));
    expect(all.slice(1).map((r) => r[3])).toEqual(['2014', '2015', '2016', '2014', '2015', '2016']);
  });

  test('csv: text a spreadsheet would run as a formula is made text, as the export does', async () => {
    const dir = copyToTemp(fixture);
    try {
      const file = join(dir, 'data/2016/departments/dwp.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('name: Department for Work and Pensions', 'name: "=HYPERLINK(\\"http://x\\")"')
        .replace('      DWP will introduce a marker', '      +DWP will introduce a marker'));
      const rows = readCsv((await run(['history', '--format', 'csv', '--department', 'dwp'], { cwd: dir })).stdout.replace(/^\ufeff/, ''));
      expect(rows[1]![1]).toBe('\'=HYPERLINK("http://x")');
      expect(rows[4]![7]).toBe('\'+DWP will introduce a marker to identify care leavers on its database.');
      expect(rows[1]![7]).toBe('DWP will introduce a marker to identify care leavers on its database.');
    } finally {
      removeTemp(dir);
    }
  });

  test('the shipped data: 2013, 2014 and 2019, every pledge once', async () => {
    const result = await run(['history', '--format', 'json', '--data', 'data']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { years: string[]; pledges: { department: string; pledge: string }[] };
    expect(parsed.years).toEqual(['2013', '2014', '2019']);
    const keys = parsed.pledges.map((p) => `${p.department}/${p.pledge}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('the benchmark\'s data: every year of the generator valid, every pledge in each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'covenant-history-'));
    try {
      writeBigData(join(dir, 'data'), { pledges: 60, departments: 3, years: 4 });
      const result = await run(['history', '--format', 'json'], { cwd: dir });
      expect(result.stderr).toBe('');
      const parsed = JSON.parse(result.stdout) as { years: string[]; status_counts: { total: number }[]; pledges: { changes: unknown[] }[] };
      expect(parsed.years).toEqual(['2030', '2031', '2032', '2033']);
      expect(parsed.status_counts.map((y) => y.total)).toEqual([60, 60, 60, 60]);
      expect(parsed.pledges.filter((p) => p.changes.length > 0).length).toBeGreaterThan(20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a data folder with no years says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'covenant-history-'));
    try {
      mkdirSync(join(dir, 'data'));
      writeFileSync(join(dir, 'data/programme.yaml'), 'name: Empty\nthemes:\n  - id: housing\n    title: Housing\n');
      const text = await run(['history'], { cwd: dir });
      expect(text).toEqual({ code: 0, stdout: 'No years on record: there is no history to show.\n', stderr: '' });
      expect(JSON.parse((await run(['history', '--format', 'json'], { cwd: dir })).stdout)).toEqual({ years: [], status_counts: [], pledges: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a data folder that does not exist exits 1, saying so', async () => {
    const result = await run(['history', '--data', 'test/fixtures/no-such-folder']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: expect.stringContaining('test/fixtures/no-such-folder  error  the data folder does not exist') });
  });

  test('invalid data in any year exits 1 with the problems on stderr, as validate prints them', async () => {
    const dir = copyToTemp(fixture);
    try {
      const file = join(dir, 'data/2015/departments/moj.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('status: delayed', 'status: late'));
      const result = await run(['history'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/data\/2015\/departments\/moj\.yaml:\d+:\d+ {2}error {2}status must be one of/);
      expect(result.stderr).toBe((await run(['validate'], { cwd: dir })).stdout);
    } finally {
      removeTemp(dir);
    }
  });
});

describe('covenant history: a wrong command line exits 2 with what is there', () => {
  const usage = 'Usage: covenant history [options]\n(run covenant history --help for more)\n';
  const cases: [string, string[], string][] = [
    ['a misspelt department', ['--department', 'dwpp'], 'no department "dwpp" in any year: did you mean "dwp"?'],
    ['an unknown department', ['--department', 'dhsc'], 'no department "dhsc" in any year; the departments are dfe, dwp, ho, moj'],
    ['a misspelt pledge', ['--pledge', 'bursery'], 'no pledge "bursery" in any year: did you mean "bursary"?'],
    ['an unknown pledge', ['--pledge', 'free-travel'],
      'no pledge "free-travel" in any year; the pledges are asylum-support, budgeting-support, bursary, care-leaver-marker, housing-on-release, national-group, staying-put, virtual-school-heads, youth-justice-review'],
    ['a pledge of another department', ['--department', 'dwp', '--pledge', 'bursary'], 'no pledge "bursary" of department "dwp" in any year: dfe has one'],
    ['a misspelt pledge of a department', ['--department', 'dwp', '--pledge', 'care-leaver-markr'], 'no pledge "care-leaver-markr" of department "dwp" in any year: did you mean "care-leaver-marker"?'],
    ['an unknown pledge of a department', ['--department', 'ho', '--pledge', 'free-travel'], 'no pledge "free-travel" of department "ho" in any year; ho\'s pledges are asylum-support, national-group'],
  ];
  test.each(cases)('%s', async (_name, args, message) => {
    expect(await run(['history', ...args, ...data])).toEqual({ code: 2, stdout: '', stderr: `covenant: ${message}\n${usage}` });
  });

  test('an unknown format', async () => {
    expect(await run(['history', '--format', 'xml', ...data])).toEqual({
      code: 2, stdout: '', stderr: `error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, md, json, csv.\n${usage}`,
    });
  });

  test('an argument, which history does not take', async () => {
    const result = await run(['history', '2014', ...data]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: too many arguments for 'history'. Expected 0 arguments but got 1.\n${usage}`);
  });
});

describe('buildHistory on random years', () => {
  /** A department's pledges in one year: a few ids from a small set, so that they meet across years. */
  const pledges = fc.uniqueArray(fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    theme: fc.constantFrom('housing', 'health'),
    commitment: fc.constantFrom('Do it.\n', 'Do  it.', 'Do it well.\n'),
    status: fc.constantFrom(...STATUSES),
    metrics: fc.option(fc.uniqueArray(fc.record({ id: fc.constantFrom('m', 'n'), label: fc.constant('M'), value: fc.integer({ min: -5, max: 5 }) }), { selector: (m) => m.id, maxLength: 2 }), { nil: undefined }),
  }), { selector: (p) => p.id, maxLength: 4 });
  const department = (id: string) => fc.option(pledges.map((list): Department => ({
    id, name: id === 'x' ? 'Xenon' : 'Argon', file: `${id}.yaml`, pledges: list.map((p) => (p.metrics ? p : { ...p, metrics: undefined })) as Pledge[],
  })), { nil: undefined });
  const years = fc.array(fc.tuple(department('x'), department('y')), { minLength: 1, maxLength: 5 }).map((list) => list.map(
    (departments, i): Year => ({ year: String(2020 + i), report: { title: 'T' }, reportFile: 'report.yaml', departments: departments.filter((d) => d !== undefined) }),
  ));
  const plain = new Chalk({ level: 0 });

  test('each status is the data\'s, each move is one and a regression by diff\'s rule, and the counts add up', () => {
    fc.assert(fc.property(years, (list) => {
      const history = buildHistory(list);
      for (const p of history.pledges) {
        list.forEach((year, i) => {
          const found = year.departments.find((d) => d.id === p.department)?.pledges.find((q) => q.id === p.pledge);
          expect(p.years[i]?.status ?? null).toBe(found?.status ?? null);
        });
        const reported = p.years.filter((entry) => entry !== null).map((entry) => entry.status);
        const moves = reported.slice(1).flatMap((to, k) => (to === reported[k] ? [] : [[reported[k], to, isRegression(reported[k]!, to)]]));
        expect(p.changes.filter((c) => c.kind === 'status').map((c) => [c.from, c.to, c.regression])).toEqual(moves);
        expect(p.steps.map((s) => s.status)).toEqual([reported[0], ...moves.map((m) => m[1])]);
      }
      history.statusCounts.forEach((count, i) => expect(count.total).toBe(list[i]!.departments.reduce((n, d) => n + d.pledges.length, 0)));
      expect(buildHistory([...list].reverse())).toEqual(history);
    }), propertyParams(100));
  });

  test('over two years, the changes are diff\'s', () => {
    fc.assert(fc.property(years.filter((list) => list.length === 2), (list) => {
      const fromDiff = compareYears(list[0]!, list[1]!).changes
        .flatMap((c) => (c.kind === 'status' || c.kind === 'theme' || c.kind === 'commitment' ? [`${c.department}/${c.pledge} ${c.kind} ${c.from}>${c.to} ${c.regression}`] : []));
      const fromHistory = buildHistory(list).pledges.flatMap((p) => p.changes.map((c) => `${p.department}/${p.pledge} ${c.kind} ${c.from}>${c.to} ${c.regression}`));
      expect([...fromHistory].sort()).toEqual([...fromDiff].sort());
    }), propertyParams(200));
  });

  test('every format writes it; the CSV and JSON read back', () => {
    fc.assert(fc.property(years, (list) => {
      const history = buildHistory(list);
      expect(historyFormatters.text(history, plain)).toMatch(/\n$/);
      expect(historyFormatters.md(history)).toMatch(/\n$/);
      expect(JSON.parse(historyFormatters.json(history)).pledges.length).toBe(history.pledges.length);
      const rows = readCsv(historyFormatters.csv(history).replace(/^\ufeff/, ''));
      const expected = history.pledges.reduce((n, p) => n + history.years.length - history.years.indexOf(p.firstYear), 0);
      expect(rows.length).toBe(1 + expected);
    }), propertyParams(100));
  });
});
