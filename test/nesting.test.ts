// Lists nested past what a report can show are an error at their field, not text silently dropped.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './helpers/run.js';
import { copyToTemp, removeTemp } from './helpers/temp-data.js';

const years = fileURLToPath(new URL('./fixtures/years/', import.meta.url));

/** A pledge whose progress holds a list nested `depth` deep, then a closing sentence. */
const department = (depth: number) => [
  'id: dhsc', 'name: Department of Health and Social Care', 'pledges:', '  - id: health-passport', '    theme: health',
  '    commitment: DHSC will pilot a health passport.', '    status: on-track', '    progress: |',
  ...Array.from({ length: depth }, (_, i) => `      ${'  '.repeat(i)}- level ${i + 1}`), '', '      The text after the list.', '',
].join('\n');

let dir: string;
beforeEach(() => {
  dir = copyToTemp(years);
});
afterEach(() => removeTemp(dir));

test('a list nested 50 deep is an error at its field; nothing is written', async () => {
  writeFileSync(join(dir, 'data/2021/departments/dhsc.yaml'), department(50));
  const result = await run(['validate', '2021', '--format', 'json'], { cwd: dir });
  expect(result.code).toBe(1);
  expect(JSON.parse(result.stdout)).toContainEqual({
    file: 'data/2021/departments/dhsc.yaml', line: 8, column: 15, severity: 'error', rule: 'list-depth',
    message: 'lists or quotes here nest 50 deep; at most 10 can be shown',
    hint: 'indent fewer levels: a list inside a list inside a list is as deep as a reader can follow',
  });
  expect((await run(['report', '2021', '--format', 'md', '-o', '-'], { cwd: dir })).code).toBe(1);
});

test('ten levels are shown whole, the text after them too', async () => {
  writeFileSync(join(dir, 'data/2021/departments/dhsc.yaml'), department(10));
  const result = await run(['report', '2021', '--format', 'md', '-o', '-'], { cwd: dir });
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('- level 10');
  expect(result.stdout).toContain('The text after the list.');
});
