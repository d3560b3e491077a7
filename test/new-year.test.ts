// `covenant new-year`: a year scaffolded from the one before, on throwaway copies of the data.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { commentLines } from '../src/data/scaffold.js';
import { run } from './helpers/run.js';
import { copyToTemp, removeTemp } from './helpers/temp-data.js';

const years = fileURLToPath(new URL('./fixtures/years/', import.meta.url));
const shipped = fileURLToPath(new URL('../data/', import.meta.url));

interface PledgeValue { id: string; status: string; progress?: string; next_steps?: string; metrics?: { id: string; value: number }[] }
interface DepartmentValue { id: string; pledges: PledgeValue[] }

const read = (dir: string, path: string) => readFileSync(join(dir, 'data', path), 'utf8');
const departmentOf = (dir: string, path: string) => parse(read(dir, path)) as DepartmentValue;
/** Names in the data folder that look like a temporary folder or file left behind. */
const leftovers = (dir: string) => readdirSync(join(dir, 'data')).filter((n) => n.startsWith('.'));

describe('covenant new-year on the made-up years', () => {
  let dir: string;
  let created: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    dir = copyToTemp(years);
    created = await run(['new-year', '2022'], { cwd: dir });
  });
  afterAll(() => removeTemp(dir));

  test('creates the year, says so, and leaves nothing else behind', () => {
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('created data/2022 from 2021: report.yaml and 3 department files');
    expect(readdirSync(join(dir, 'data/2022/departments')).sort()).toEqual(['dhsc.yaml', 'dwp.yaml', 'mhclg.yaml']);
    expect(leftovers(dir)).toEqual([]);
  });

  test('validate passes, warning about each pledge whose progress is still empty', async () => {
    const result = await run(['validate', '2022', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const problems = (JSON.parse(result.stdout) as { severity: string; rule: string; file: string }[]).filter((p) => p.file.includes('/departments/'));
    expect(problems.every((p) => p.severity === 'warning' && p.rule === 'empty-progress')).toBe(true);
    // Eight pledges, new-pledge (still `pledged`) among them: each has its progress to write.
    expect(problems.length).toBe(8);
  });

  test('every file starts with its schema line (last year\'s own, as every year sits at the same depth)', () => {
    expect(read(dir, '2022/report.yaml').split('\n')[0]).toBe('# yaml-language-server: $schema=../../../../schemas/report.schema.json');
    for (const name of ['dhsc', 'dwp', 'mhclg']) {
      expect(read(dir, `2022/departments/${name}.yaml`).split('\n')[0]).toBe('# yaml-language-server: $schema=../../../../../schemas/department.schema.json');
    }
  });

  test('the report keeps its metadata and drops last year\'s narrative, with a note on what to write', () => {
    const text = read(dir, '2022/report.yaml');
    expect(parse(text)).toEqual({ title: 'Test covenant', subtitle: 'Progress in 2021', publisher: 'HM Government', licence: 'Open Government Licence v3.0' });
    expect(text).toContain('# The report\'s metadata: new-year carries it to the next year.');
    expect(text).toContain('# 2022: write this year\'s report here. Last year\'s narrative is in ../2021/report.yaml.');
  });

  test('pledges, statuses, figures, links and comments are kept; progress and next steps emptied', () => {
    const before = departmentOf(dir, '2021/departments/dwp.yaml');
    const after = departmentOf(dir, '2022/departments/dwp.yaml');
    expect(after.pledges.map((p) => [p.id, p.status])).toEqual(before.pledges.map((p) => [p.id, p.status]));
    expect(after.pledges.map((p) => p.progress)).toEqual(['', '', '', '', '']);
    expect(after.pledges[0]!.next_steps).toBe('');
    expect(after.pledges[0]!.metrics).toEqual(before.pledges[0]!.metrics);
    expect(after).toEqual({ ...before, pledges: before.pledges.map((p) => ({ ...p, progress: '', ...(p.next_steps ? { next_steps: '' } : {}) })) });

    const text = read(dir, '2022/departments/dwp.yaml');
    expect(text).toContain('  # The marker: see the 2021 report.\n  - id: care-leaver-marker');
    expect(text).toContain('    status: ongoing # was met\n');
    expect(text).toContain('    # Figures carried from 2021: update each value (or remove a figure no longer measured).\n    metrics:');
  });

  test('last year\'s progress and next steps are kept as wrapped comments just above the emptied keys', () => {
    const text = read(dir, '2022/departments/dwp.yaml');
    expect(text).toContain([
      '    # 2021: Since October 2020, 3,162 care leavers have been identified, up from 2,761; advisers',
      '    # say "it works", and offices use it daily.',
      '    #',
      '    # A second paragraph, with a list:',
      '    #',
      '    # - one',
      '    # - two',
      '    progress: ""',
      '    # 2021: Keep the marker running.',
      '    next_steps: ""',
    ].join('\n'));
    expect(text).toContain('    # 2021: Paused while the programme is re-let.\n    progress: ""');
    // A pledge with no progress last year gets an empty one, without a comment.
    expect(text).toMatch(/ {4}status: pledged\n {4}progress: ""\n/);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  test('the new year is already in the canonical layout, and shows no change against last year', async () => {
    expect((await run(['fmt', '2022', '--check'], { cwd: dir })).code).toBe(0);
    const diff = await run(['diff', '2021', '2022'], { cwd: dir });
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('No changes');
  });

  test('the year after a scaffolded year keeps one note, not two', async () => {
    const next = await run(['new-year', '2023'], { cwd: dir });
    expect(next.code).toBe(0);
    const text = read(dir, '2023/report.yaml');
    expect(text.match(/write this year's report here/g)).toHaveLength(1);
    expect(text).toContain('# 2023: write');
    removeTemp(join(dir, 'data/2023'));
  });

  test('last year\'s carried comments give way to this year\'s, and a comment of the user\'s own stays', async () => {
    const path = join(dir, 'data/2022/departments/dwp.yaml');
    const before = readFileSync(path, 'utf8');
    // The first pledge's progress written for 2022, and a note of the user's own above the carried text.
    writeFileSync(path, before.replace(/(\n( +)# 2021: )/, '\n$2# Checked with the DWP team.$1').replace('progress: ""', 'progress: Used in every office.'));
    try {
      expect((await run(['new-year', '2023'], { cwd: dir })).code).toBe(0);
      const text = read(dir, '2023/departments/dwp.yaml');
      const marker = text.slice(text.indexOf('id: care-leaver-marker'), text.indexOf('- id:', text.indexOf('id: care-leaver-marker')));
      expect(marker).toContain('# Checked with the DWP team.\n    # 2022: Used in every office.\n    progress: ""');
      // Next steps were left empty in 2022: 2021's, the latest there are, stay above them.
      expect(marker.match(/# 2021:/g)).toEqual(['# 2021:']);
      expect(marker).toContain('# 2021: Keep the marker running.\n    next_steps: ""');
      expect(marker.match(/# Figures carried from \d{4}/g)).toEqual(['# Figures carried from 2022']);
    } finally {
      writeFileSync(path, before);
      removeTemp(join(dir, 'data/2023'));
    }
  });

  test('refuses to overwrite a year that exists: exit 2, the folder untouched', async () => {
    const before = read(dir, '2021/departments/dwp.yaml');
    const result = await run(['new-year', '2021'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('data/2021 already exists: new-year never overwrites a year');
    expect(read(dir, '2021/departments/dwp.yaml')).toBe(before);
  });

  test('refuses when the year before is missing: one message, with the years there are and both ways on', async () => {
    const result = await run(['new-year', '2030'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('covenant: new-year 2030 is made from 2029, the year before it, and there is no data/2029 (years in data: 2020, 2021, 2022): ' +
      'make 2029 first (covenant new-year 2029), or start from 2022 (covenant new-year 2030 --from 2022)\n');
    expect(existsSync(join(dir, 'data/2030'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  test('--from starts from an earlier year; a year it names that is missing is one message', async () => {
    const missing = await run(['new-year', '2030', '--from', '2019'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('covenant: new-year 2030 is made from 2019, and there is no data/2019 (years in data: 2020, 2021, 2022): ' +
      'start from 2022 (covenant new-year 2030 --from 2022)\n');
    const later = await run(['new-year', '2030', '--from', '2030'], { cwd: dir });
    expect(later.code).toBe(2);
    expect(later.stderr).toContain('covenant: --from must be a year before 2030, not 2030\n');
    try {
      const made = await run(['new-year', '2030', '--from', '2021'], { cwd: dir });
      expect(made.stderr).toBe('');
      expect(made.stdout).toContain('created data/2030 from 2021: report.yaml and 3 department files');
      expect(read(dir, '2030/departments/dwp.yaml')).toContain('# 2021: Since October 2020');
      expect(read(dir, '2030/report.yaml')).toContain("Last year's narrative is in ../2021/report.yaml.");
    } finally {
      removeTemp(join(dir, 'data/2030'));
    }
  });

  test('a bad year is a usage error', async () => {
    expect((await run(['new-year', 'next'], { cwd: dir })).code).toBe(2);
    const zero = await run(['new-year', '0000'], { cwd: dir });
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('there is no year before 0000');
  });
});

describe('covenant new-year from invalid data', () => {
  test('refuses with the problems (exit 1) and writes nothing', async () => {
    const dir = copyToTemp(years);
    try {
      const file = join(dir, 'data/2021/departments/dhsc.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('theme: health', 'theme: wealth'));
      const result = await run(['new-year', '2022'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/data\/2021\/departments\/dhsc\.yaml:\d+:\d+ {2}error {2}theme "wealth"/);
      expect(existsSync(join(dir, 'data/2022'))).toBe(false);
      expect(leftovers(dir)).toEqual([]);
    } finally {
      removeTemp(dir);
    }
  });
});

describe('covenant new-year on the shipped data', () => {
  test.each([['2015', 8], ['2020', 2]])('new-year %s validates, with warnings only', async (year, departments) => {
    const dir = copyToTemp(shipped);
    try {
      const created = await run(['new-year', year], { cwd: dir });
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      expect(readdirSync(join(dir, 'data', year, 'departments'))).toHaveLength(departments);
      const result = await run(['validate', year, '--format', 'json'], { cwd: dir });
      expect(result.code).toBe(0);
      const problems = JSON.parse(result.stdout) as { severity: string }[];
      expect(problems.every((p) => p.severity === 'warning')).toBe(true);
      expect((await run(['fmt', year, '--check'], { cwd: dir })).code).toBe(0);
    } finally {
      removeTemp(dir);
    }
  });
});

describe('covenant new-year keeps what the user wrote', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyToTemp(years);
  });
  afterEach(() => removeTemp(dir));
  const dwp = () => join(dir, 'data/2021/departments/dwp.yaml');

  test('a comment of the user\'s own that starts with a year, and one after the value, stay', async () => {
    const text = readFileSync(dwp(), 'utf8');
    writeFileSync(dwp(), text
      .replace('    progress: |\n', '    # 2021: checked with the DWP team\n    progress: | # TODO confirm the figure\n')
      .replace('    next_steps: |\n      Keep the marker running.\n', '    next_steps: Keep the marker running. # TODO ask DWP\n'));
    const made = await run(['new-year', '2022'], { cwd: dir });
    expect(made.stderr).toBe('');
    const out = read(dir, '2022/departments/dwp.yaml');
    expect(out).toContain('    # 2021: checked with the DWP team\n    # 2021: Since October 2020');
    expect(out).toContain('    progress: "" # TODO confirm the figure\n');
    expect(out).toContain('    # 2021: Keep the marker running.\n    next_steps: "" # TODO ask DWP\n');
  });

  test('an anchor on progress used later is written out: last year\'s text stays where it was used', async () => {
    const text = readFileSync(dwp(), 'utf8');
    writeFileSync(dwp(), text
      .replace('    progress: |\n', '    progress: &done |\n')
      .replace('    next_steps: |\n      Keep the marker running.\n', '    next_steps: *done\n'));
    const made = await run(['new-year', '2022'], { cwd: dir });
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const pledge = departmentOf(dir, '2022/departments/dwp.yaml').pledges[0]!;
    expect(pledge.progress).toBe('');
    expect(pledge.next_steps).toBe('');
    expect(read(dir, '2022/departments/dwp.yaml')).not.toMatch(/[&*]done/);
  });
});

describe('commentLines', () => {
  test('wraps words, keeps blank lines and list indents', () => {
    expect(commentLines('one two three four\n\n- five six', 9)).toEqual(['one two', 'three', 'four', '', '- five', 'six']);
    expect(commentLines('  - nested item here', 12)).toEqual(['  - nested', '  item here']);
    expect(commentLines('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x']);
  });
});
