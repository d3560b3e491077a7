// `covenant diff` and the change computation it shares with the report, on two made-up years.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../src/data/dataset.js';
import type { Status, Year } from '../src/data/model.js';
import {
  addedPledges, compareYears, countChanges, isRegression, previousOf, sameWording, statusMoveOf, type Change, type ChangeSet,
} from '../src/report/changes.js';
import { describeMove, formatDelta, formatNumber } from '../src/diff/numbers.js';
import { readCsv } from './helpers/csv.js';
import { golden } from './helpers/golden.js';
import { run } from './helpers/run.js';
import { copyToTemp, removeTemp } from './helpers/temp-data.js';

const years = fileURLToPath(new URL('./fixtures/years/', import.meta.url));
const root = fileURLToPath(new URL('../', import.meta.url));
const data = ['--data', 'test/fixtures/years'];

async function load(...wanted: string[]): Promise<Map<string, Year>> {
  const result = await loadDataset({ dataDir: years, cwd: root, years: wanted });
  if (!result.dataset) throw new Error(`fixture invalid: ${JSON.stringify(result.problems)}`);
  return result.dataset.years;
}

describe('compareYears', () => {
  let set: ChangeSet;
  beforeAll(async () => {
    const loaded = await load('2020', '2021');
    set = compareYears(loaded.get('2020')!, loaded.get('2021')!);
  });

  const brief = (c: Change) => [c.kind, c.department, 'pledge' in c ? c.pledge : '', 'metric' in c ? c.metric : '', c.from, c.to, c.regression];

  test('finds every kind of change, in the documented order', () => {
    expect(set.from).toBe('2020');
    expect(set.to).toBe('2021');
    expect(set.changes.map(brief)).toEqual([
      // The later year's departments by id: dhsc, dwp, mhclg; then the removed one, ho.
      ['status', 'dhsc', 'mental-health-pathway', '', 'delayed', 'withdrawn', true],
      ['status', 'dwp', 'care-leaver-marker', '', 'on-track', 'met', false],
      ['metric', 'dwp', 'care-leaver-marker', 'care-leavers-identified', 2761, 3162, false],
      ['metric', 'dwp', 'care-leaver-marker', 'advisers-trained', 41, 17, false],
      ['metric', 'dwp', 'care-leaver-marker', 'satisfaction', null, 72.5, false],
      ['metric', 'dwp', 'care-leaver-marker', 'pilot-areas', 4, null, false],
      ['status', 'dwp', 'work-programme-early-access', '', 'met', 'ongoing', true],
      ['status', 'dwp', 'budgeting-support', '', 'on-track', 'delayed', true],
      ['status', 'dwp', 'bursary', '', 'ongoing', 'met', false],
      ['commitment', 'dwp', 'bursary', '', 'DWP will pay a bursary.\n', 'DWP will pay a bursary of £1,000 | a year to each care leaver in <b>training</b>.\n', false],
      ['added', 'dwp', 'new-pledge', '', null, 'pledged', false],
      ['removed', 'dwp', 'old-scheme', '', 'ongoing', null, false],
      ['department-added', 'mhclg', '', '', null, 'Ministry of Housing, Communities and Local Government', false],
      ['added', 'mhclg', 'staying-close', '', null, 'on-track', false],
      ['department-removed', 'ho', '', '', 'Home Office', null, false],
      ['removed', 'ho', 'national-group', '', 'ongoing', null, false],
    ]);
  });

  test('an unchanged figure, status or commitment is not a change, nor is a re-wrapped commitment', () => {
    const about = (pledge: string) => set.changes.filter((c) => 'pledge' in c && c.pledge === pledge);
    expect(about('health-passport')).toEqual([]);
    // budgeting-support's commitment is re-wrapped in 2021; only its status moved.
    expect(about('budgeting-support').map((c) => c.kind)).toEqual(['status']);
    expect(set.changes.some((c) => c.kind === 'metric' && c.metric === 'offices-live')).toBe(false);
    expect(sameWording('a  b\nc\n', ' a b c')).toBe(true);
    expect(sameWording('a b', 'a c')).toBe(false);
  });

  test('is deterministic', async () => {
    const loaded = await load('2020', '2021');
    expect(compareYears(loaded.get('2020')!, loaded.get('2021')!).changes).toEqual(set.changes);
  });

  test('gives the report each pledge\'s previous status and figures, and the counts', () => {
    expect(previousOf(set, 'dwp', 'care-leaver-marker')).toEqual({
      status: 'on-track',
      metrics: new Map([['care-leavers-identified', 2761], ['advisers-trained', 41], ['offices-live', 120], ['pilot-areas', 4]]),
    });
    expect(previousOf(set, 'dhsc', 'health-passport')?.status).toBe('on-track');
    expect(previousOf(set, 'dwp', 'new-pledge')).toBeUndefined();
    expect(previousOf(set, 'mhclg', 'staying-close')).toBeUndefined();
    expect(statusMoveOf(set, 'dwp', 'budgeting-support')).toEqual({ from: 'on-track', to: 'delayed', regression: true });
    expect(statusMoveOf(set, 'dhsc', 'health-passport')).toBeUndefined();
    expect([...addedPledges(set)]).toEqual(['dwp/new-pledge', 'mhclg/staying-close']);
    expect(countChanges(set)).toEqual({
      byKind: { added: 2, removed: 2, status: 5, theme: 0, commitment: 1, metric: 4, 'department-added': 1, 'department-removed': 1 },
      metSinceLastYear: 2,
      regressions: 3,
      added: 2,
      removed: 2,
    });
  });

  test('comparing a year with itself finds nothing', async () => {
    const loaded = await load('2021');
    const same = compareYears(loaded.get('2021')!, loaded.get('2021')!);
    expect(same.changes).toEqual([]);
    expect(same.previous.size).toBe(8);
  });
});

describe('isRegression: to delayed, not-met or withdrawn, or away from met', () => {
  const cases: [Status, Status, boolean][] = [
    ['pledged', 'on-track', false],
    ['on-track', 'met', false],
    ['not-met', 'met', false],
    ['delayed', 'on-track', false],
    ['on-track', 'delayed', true],
    ['ongoing', 'not-met', true],
    ['pledged', 'withdrawn', true],
    ['delayed', 'not-met', true],
    ['met', 'ongoing', true],
    ['met', 'on-track', true],
    ['met', 'met', false],
    ['delayed', 'delayed', false],
  ];
  test.each(cases)('%s → %s is %s', (from, to, expected) => {
    expect(isRegression(from, to)).toBe(expected);
  });
});

describe('figures', () => {
  test('thousands separators and a real minus sign', () => {
    expect(formatNumber(3162)).toBe('3,162');
    expect(formatNumber(-1500.5)).toBe('\u22121,500.5');
    expect(formatDelta(41, 17)).toBe('\u221224');
    expect(formatDelta(2761, 3162)).toBe('+401');
    expect(formatDelta(0.1, 0.3)).toBe('+0.2');
    expect(formatDelta(5, 5)).toBe('0');
    expect(describeMove(2761, 3162, undefined)).toBe('2,761 → 3,162 (+401)');
    expect(describeMove(null, 72.5, '%')).toBe('— → 72.5% (new)');
    expect(describeMove(15000000, null, 'GBP')).toBe('£15,000,000 → — (removed)');
  });

  test('as the report writes them: every digit, no exponent, money with its symbol in front', () => {
    expect(formatNumber(1e21)).toBe('1,000,000,000,000,000,000,000');
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(describeMove(0.1, 0.1000000001, undefined)).toBe('0.1 → 0.1000000001 (+0.0000000001)');
    expect(describeMove(2500, 750.5, '£')).toBe('£2,500 → £750.5 (\u22121,749.5)');
    expect(describeMove(-5, 5, 'EUR')).toBe('\u2212€5 → €5 (+10)');
    expect(describeMove(12, 14, 'offices')).toBe('12 offices → 14 offices (+2)');
  });
});

describe('covenant diff', () => {
  test.each([['text', 'diff.txt'], ['md', 'diff.md'], ['json', 'diff.json'], ['csv', 'diff.csv']])('--format %s matches test/golden/%s', async (format, file) => {
    const result = await run(['diff', '2020', '2021', '--format', format, ...data]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(golden(file, result.stdout));
  });

  test('text is the default format, without colour when not on a terminal', async () => {
    const result = await run(['diff', '2020', '2021', ...data]);
    expect(result.stdout).toBe(golden('diff.txt', result.stdout));
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  test('text marks regressions, shows moves with arrows and signed changes, and closes with a count', async () => {
    const { stdout } = await run(['diff', '2020', '2021', ...data]);
    const lines = stdout.split('\n');
    const line = (pledge: string, kind: string) => lines.find((l) => l.includes(` ${pledge} `) && l.includes(` ${kind} `)) ?? '';
    expect(line('budgeting-support', 'status')).toMatch(/^ {2}! budgeting-support +status +on-track → delayed +regression$/);
    expect(line('care-leaver-marker', 'status')).toMatch(/^ {2}~ .*on-track → met$/);
    expect(stdout).toContain('advisers-trained: 41 → 17 (\u221224)');
    expect(stdout).toContain('care-leavers-identified: 2,761 → 3,162 (+401)');
    expect(stdout).toMatch(/^Ministry of Housing, Communities and Local Government \(mhclg\)\n {2}\+ \(department\) +added/m);
    expect(lines.filter((l) => l.endsWith('  regression')).length).toBe(3);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      '16 changes: 2 added, 2 removed, 5 status (3 regressions), 1 commitment, 4 metric, 1 department-added, 1 department-removed');
  });

  test('groups by department name', async () => {
    const { stdout } = await run(['diff', '2020', '2021', ...data]);
    const headings = stdout.split('\n').filter((l) => /^\S.*\([a-z]+\)$/.test(l));
    expect(headings).toEqual([
      'Department for Work and Pensions (dwp)',
      'Department of Health and Social Care (dhsc)',
      'Home Office (ho)',
      'Ministry of Housing, Communities and Local Government (mhclg)',
    ]);
  });

  test('colour on a terminal, none with NO_COLOR', async () => {
    const tty = await run(['diff', '2020', '2021', ...data], { tty: true });
    expect(tty.stdout).toMatch(/\u001b\[31m/);
    expect(tty.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(golden('diff.txt', tty.stdout.replace(/\u001b\[[0-9;]*m/g, '')));
    const plain = await run(['diff', '2020', '2021', ...data], { tty: true, env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
  });

  test('md escapes | and raw HTML in table cells', async () => {
    const { stdout } = await run(['diff', '2020', '2021', '--format', 'md', ...data]);
    expect(stdout).toContain('£1,000 \\| a year to each care leaver in &lt;b&gt;training&lt;/b&gt;.');
    for (const row of stdout.split('\n').filter((l) => l.startsWith('| '))) {
      expect(row.replace(/\\\|/g, '').split('|').length).toBe(6);
    }
  });

  test('json is the brief\'s shape', async () => {
    const { stdout } = await run(['diff', '2020', '2021', '--format', 'json', ...data]);
    const parsed = JSON.parse(stdout) as { from: string; to: string; changes: Record<string, unknown>[] };
    expect(parsed.from).toBe('2020');
    expect(parsed.to).toBe('2021');
    expect(parsed.changes[1]).toEqual({ kind: 'status', department: 'dwp', pledge: 'care-leaver-marker', from: 'on-track', to: 'met', regression: false });
    expect(parsed.changes[2]).toEqual({
      kind: 'metric', department: 'dwp', pledge: 'care-leaver-marker', metric: 'care-leavers-identified', from: 2761, to: 3162, regression: false,
    });
    expect(Object.keys(parsed.changes[12]!)).toEqual(['kind', 'department', 'from', 'to', 'regression']);
    expect(stdout).toMatch(/^\{\n {2}"from": "2020",\n {2}"to": "2021",\n {2}"changes": \[\n {4}\{\n {6}"kind"/);
  });

  test('a pledge that moved to another theme (another section of the report) is a change, in every format', async () => {
    const dir = copyToTemp(years);
    try {
      const file = join(dir, 'data/2021/departments/dwp.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: bursary\n    theme: employment', '  - id: bursary\n    theme: housing'));
      const json = JSON.parse((await run(['diff', '2020', '2021', '--format', 'json'], { cwd: dir })).stdout) as { changes: Record<string, unknown>[] };
      expect(json.changes.filter((c) => c.pledge === 'bursary').map((c) => c.kind)).toEqual(['status', 'theme', 'commitment']);
      expect(json.changes.find((c) => c.kind === 'theme')).toEqual({ kind: 'theme', department: 'dwp', pledge: 'bursary', from: 'employment', to: 'housing', regression: false });
      const text = (await run(['diff', '2020', '2021'], { cwd: dir })).stdout;
      expect(text).toMatch(/^ {2}~ bursary +theme +employment → housing$/m);
      expect(text).toMatch(/, 1 theme,/);
      expect((await run(['diff', '2020', '2021', '--format', 'md'], { cwd: dir })).stdout).toContain('| `bursary` | theme | `employment` | `housing` |');
    } finally {
      removeTemp(dir);
    }
  });

  test('--fail-on-regression exits 3 when a status regressed, 0 when none did', async () => {
    expect((await run(['diff', '2020', '2021', '--fail-on-regression', ...data])).code).toBe(3);
    expect((await run(['diff', '2020', '2021', ...data])).code).toBe(0);
    const none = await run(['diff', '2021', '2021', '--fail-on-regression', ...data]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('No changes');
    // 2021 → 2020 moves met back to on-track among others: a regression the other way round.
    expect((await run(['diff', '2021', '2020', '--fail-on-regression', ...data])).code).toBe(3);
  });

  test('a missing year exits 1 and names the years there are', async () => {
    const result = await run(['diff', '2020', '2025', ...data]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('there is no folder for 2025');
    expect(result.stderr).toContain('2020, 2021');
  });

  test('invalid data in either year exits 1 with the problems on stderr, as validate prints them', async () => {
    const dir = copyToTemp(years);
    try {
      const file = join(dir, 'data/2020/departments/dhsc.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('status: delayed', 'status: late'));
      const result = await run(['diff', '2020', '2021'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/data\/2020\/departments\/dhsc\.yaml:\d+:\d+ {2}error {2}status must be one of/);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    } finally {
      removeTemp(dir);
    }
  });

  test('a wrong command line exits 2', async () => {
    expect((await run(['diff', '2020', 'next', ...data])).code).toBe(2);
    expect((await run(['diff', '2020', ...data])).code).toBe(2);
    expect((await run(['diff', '2020', '2021', '--format', 'html', ...data])).code).toBe(2);
  });

  test('csv: one row a change, the same changes as the json, in the same order', async () => {
    const { stdout } = await run(['diff', '2020', '2021', '--format', 'csv', ...data]);
    const json = JSON.parse((await run(['diff', '2020', '2021', '--format', 'json', ...data])).stdout) as { changes: Record<string, unknown>[] };
    expect(stdout.startsWith('\ufeffkind,department,department_name,pledge,metric,metric_label,unit,from,to,regression\r\n')).toBe(true);
    const [header, ...rows] = readCsv(stdout.replace(/^\ufeff/, ''));
    expect(rows.length).toBe(json.changes.length);
    const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v.replace(/\s+$/, '') : String(v));
    for (const [k, change] of json.changes.entries()) {
      const row = Object.fromEntries(header!.map((column, i) => [column, rows[k]![i]]));
      expect([row.kind, row.department, row.pledge, row.metric, row.from, row.to, row.regression])
        .toEqual([change.kind, change.department, cell(change.pledge), cell(change.metric), cell(change.from), cell(change.to), String(change.regression)]);
    }
    expect(rows.find((r) => r[4] === 'satisfaction')).toEqual(['metric', 'dwp', 'Department for Work and Pensions', 'care-leaver-marker', 'satisfaction', 'Advisers satisfied with the marker', '%', '', '72.5', 'false']);
  });

  test('csv: text a spreadsheet would run as a formula is made text', async () => {
    const dir = copyToTemp(years);
    try {
      const file = join(dir, 'data/2021/departments/dwp.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('DWP will pay a bursary of', '=DWP will pay a bursary of'));
      const rows = readCsv((await run(['diff', '2020', '2021', '--format', 'csv'], { cwd: dir })).stdout.replace(/^\ufeff/, ''));
      expect(rows.find((r) => r[0] === 'commitment')![8]).toMatch(/^'=DWP will pay a bursary of/);
      // A figure below zero is a number, not a formula.
      expect(rows.find((r) => r[4] === 'advisers-trained')!.slice(7, 9)).toEqual(['41', '17']);
    } finally {
      removeTemp(dir);
    }
  });
});
