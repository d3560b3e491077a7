// `covenant fmt`: one canonical layout, values never changed, idempotent, and `--check` for CI.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { formatYaml } from '../src/data/format-yaml.js';
import { run } from './helpers/run.js';
import { copyToTemp, removeTemp } from './helpers/temp-data.js';

const years = fileURLToPath(new URL('./fixtures/years/', import.meta.url));
const shipped = fileURLToPath(new URL('../data/', import.meta.url));

const messy = `# yaml-language-server: $schema=../../../schemas/department.schema.json
name: "Department for Work and Pensions"
pledges:
- status: met   # done
  commitment: "DWP will do a thing\\nover two lines"
  id: 'marker'
  theme: employment
  outcomes: [education-employment-training, financial-stability]
  metrics:
  - {value: 3162, id: m, label: "A label: with a colon", unit: '%'}

# the second pledge
- id: "2019"
  theme: employment
  commitment: >
    folded text that is
    folded
  status: pledged
  progress: ${'A long line of progress, long enough to be written as a literal block. '.repeat(2).trim()}
id: dwp
`;

const canonical = `# yaml-language-server: $schema=../../../schemas/department.schema.json
id: dwp
name: Department for Work and Pensions
pledges:
  - id: marker
    theme: employment
    outcomes:
      - education-employment-training
      - financial-stability
    commitment: |-
      DWP will do a thing
      over two lines
    status: met # done
    metrics:
      - id: m
        label: "A label: with a colon"
        value: 3162
        unit: "%"

  # the second pledge
  - id: "2019"
    theme: employment
    commitment: |
      folded text that is folded
    status: pledged
    progress: |-
      A long line of progress, long enough to be written as a literal block. A long line of progress, long enough to be written as a literal block.
`;

describe('formatYaml', () => {
  test('puts keys in schema order, lists in block style indented under their key, long text in | blocks', () => {
    const { text, problems } = formatYaml(messy, 'department', 'dwp.yaml');
    expect(problems).toEqual([]);
    expect(text).toBe(canonical);
  });

  test('never changes a value', () => {
    expect(parse(formatYaml(messy, 'department', 'dwp.yaml').text!)).toEqual(parse(messy));
  });

  test('is idempotent', () => {
    expect(formatYaml(canonical, 'department', 'dwp.yaml').text).toBe(canonical);
  });

  test('keeps a comment above the first key on top when the keys move', () => {
    const { text } = formatYaml('# header\nname: X\nid: x\npledges: []\n', 'department', 'x.yaml');
    expect(text).toBe('# header\nid: x\nname: X\npledges: []\n');
  });

  test('keeps unknown keys, after the known ones, in their order', () => {
    const { text } = formatYaml('zeta: 1\ntitle: T\nalpha: 2\n', 'report', 'report.yaml');
    expect(text).toBe('title: T\nzeta: 1\nalpha: 2\n');
  });

  test('reports a file it cannot read, with its line, and returns no text', () => {
    const { text, problems } = formatYaml('id: x\nname: [unclosed\n', 'department', 'x.yaml');
    expect(text).toBeUndefined();
    expect(problems[0]).toMatchObject({ file: 'x.yaml', severity: 'error' });
    expect(problems[0]!.line).toBeGreaterThan(0);
  });
});

describe('covenant fmt', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyToTemp(years);
  });
  afterEach(() => removeTemp(dir));

  const file = (path: string) => join(dir, 'data', path);

  test('--check shows what would change as a unified diff, exits 1, and changes nothing', async () => {
    const before = 'name: Department of Health and Social Care\nid: dhsc\npledges: [] # none yet\n';
    writeFileSync(file('2021/departments/dhsc.yaml'), before);
    const result = await run(['fmt', '--check'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe([
      '--- data/2021/departments/dhsc.yaml\tas written',
      '+++ data/2021/departments/dhsc.yaml\tcanonical layout',
      '@@ -1,3 +1,3 @@',
      '-name: Department of Health and Social Care',
      ' id: dhsc',
      '+name: Department of Health and Social Care',
      ' pledges: [] # none yet',
      '1 file not in the canonical layout: run covenant fmt to rewrite it',
      '',
    ].join('\n'));
    expect(readFileSync(file('2021/departments/dhsc.yaml'), 'utf8')).toBe(before);
  });

  test('rewrites in place, idempotently, leaving no temporary file', async () => {
    writeFileSync(file('2021/departments/dhsc.yaml'), messy);
    const first = await run(['fmt'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('formatted data/2021/departments/dhsc.yaml');
    expect(readFileSync(file('2021/departments/dhsc.yaml'), 'utf8')).toBe(canonical);
    expect(readdirSync(file('2021/departments')).filter((n) => n.startsWith('.'))).toEqual([]);

    const check = await run(['fmt', '--check'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('all in the canonical layout');
    const again = await run(['fmt'], { cwd: dir });
    expect(again.stdout).toContain('0 files rewritten');
    expect(readFileSync(file('2021/departments/dhsc.yaml'), 'utf8')).toBe(canonical);
  });

  test('formats only programme.yaml and the years given', async () => {
    writeFileSync(file('2020/departments/dhsc.yaml'), messy);
    writeFileSync(file('2021/departments/dhsc.yaml'), messy);
    const result = await run(['fmt', '2021', '--check'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('data/2021/departments/dhsc.yaml');
    expect(result.stdout).not.toContain('data/2020/');
  });

  test('a file that is not valid YAML is reported with file:line and left alone; the others are formatted', async () => {
    writeFileSync(file('2021/departments/dhsc.yaml'), 'id: dhsc\nname: [unclosed\n');
    writeFileSync(file('2020/departments/dhsc.yaml'), messy);
    const result = await run(['fmt'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/data\/2021\/departments\/dhsc\.yaml:\d+:\d+ {2}error/);
    expect(readFileSync(file('2021/departments/dhsc.yaml'), 'utf8')).toBe('id: dhsc\nname: [unclosed\n');
    expect(readFileSync(file('2020/departments/dhsc.yaml'), 'utf8')).toBe(canonical);
    // The file not read is counted as such, not as canonical.
    expect(result.stdout).toMatch(/^1 file rewritten, \d+ already canonical, 1 not read \(see the problems\)$/m);
    const check = await run(['fmt', '--check'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^\d+ files checked: all in the canonical layout, 1 not read \(see the problems\)$/m);
  });

  test('writes aliases out in full, since schema order could put one above its anchor', async () => {
    writeFileSync(file('2021/departments/dhsc.yaml'), [
      'id: dhsc', 'name: Department of Health and Social Care', 'pledges:',
      '  - id: health-passport', '    progress: &same Work has started.', '    theme: health',
      '    commitment: *same', '    status: on-track', '    next_steps: *same', '',
    ].join('\n'));
    const before = await run(['export', '2021', '--format', 'json'], { cwd: dir });
    const result = await run(['fmt', '2021'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = readFileSync(file('2021/departments/dhsc.yaml'), 'utf8');
    expect(text).not.toMatch(/[&*]same/);
    expect(text.match(/Work has started\./g)).toHaveLength(3);
    expect((await run(['export', '2021', '--format', 'json'], { cwd: dir })).stdout).toBe(before.stdout);
  });

  test('a missing year exits 1 with the years there are', async () => {
    const result = await run(['fmt', '2030', '--check'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('there is no folder for 2030');
  });
});

describe('the shipped data', () => {
  test('is in the canonical layout (CI runs covenant fmt --check)', async () => {
    const result = await run(['fmt', '--check']);
    expect(result.stdout).toContain('all in the canonical layout');
    expect(result.code).toBe(0);
  });

  test('keeps every value when formatted, and formatting twice changes nothing more', async () => {
    const dir = copyToTemp(shipped);
    try {
      const yearFolders = readdirSync(join(dir, 'data')).filter((n) => /^\d{4}$/.test(n));
      expect(yearFolders.length).toBeGreaterThan(1);
      const paths = ['programme.yaml', ...yearFolders.flatMap((y) => [
        `${y}/report.yaml`, ...readdirSync(join(dir, 'data', y, 'departments')).map((n) => `${y}/departments/${n}`)])];
      const before = paths.map((p) => parse(readFileSync(join(dir, 'data', p), 'utf8')) as unknown);
      expect((await run(['fmt'], { cwd: dir })).code).toBe(0);
      const once = paths.map((p) => readFileSync(join(dir, 'data', p), 'utf8'));
      expect(once.map((t) => parse(t) as unknown)).toEqual(before);
      expect((await run(['fmt'], { cwd: dir })).stdout).toContain('0 files rewritten');
      expect(paths.map((p) => readFileSync(join(dir, 'data', p), 'utf8'))).toEqual(once);
    } finally {
      removeTemp(dir);
    }
  });
});
