// The report's own colour (report.yaml `colour`): the cover's band in the HTML and the PDF, and a
// colour too light for the white text on it is an error at its line.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './helpers/run.js';
import { copyToTemp, removeTemp } from './helpers/temp-data.js';
import { needing } from './helpers/system.js';

let dir: string;
beforeEach(() => {
  dir = copyToTemp('test/fixtures/report');
});
afterEach(() => removeTemp(dir));

function withColour(colour: string): void {
  const file = join(dir, 'data/2019/report.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('publisher: HM Government\n', `publisher: HM Government\ncolour: "${colour}"\n`));
}

/** The colour of the PDF's first page at its top left corner, as #rrggbb. */
function cornerOfCover(pdf: string): string {
  const ppm = execFileSync('pdftoppm', ['-r', '10', '-f', '1', '-l', '1', pdf]);
  // P6 header: "P6\n<width> <height>\n255\n", then RGB bytes from the top left.
  const header = ppm.subarray(0, 20).toString('latin1').split('\n');
  const start = header.slice(0, 3).join('\n').length + 1;
  return `#${[...ppm.subarray(start, start + 3)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

needing('poppler-utils').test('the cover takes the report\'s colour in the HTML and the PDF', async () => {
  withColour('#00703C');
  const html = await run(['report', '2019', '--format', 'html', '-o', '-'], { cwd: dir });
  expect(html.code).toBe(0);
  expect(html.stdout).toContain('.covenant-masthead{background:#00703c}.covenant-contents{border-left-color:#00703c}');
  const pdf = join(dir, 'out.pdf');
  expect((await run(['report', '2019', '--format', 'pdf', '-o', pdf], { cwd: dir })).code).toBe(0);
  expect(cornerOfCover(pdf)).toBe('#00703c');
});

needing('poppler-utils').test('without a colour, the cover is GOV.UK blue', async () => {
  const pdf = join(dir, 'out.pdf');
  expect((await run(['report', '2019', '--format', 'pdf', '-o', pdf], { cwd: dir })).code).toBe(0);
  expect(cornerOfCover(pdf)).toBe('#1d70b8');
  const html = await run(['report', '2019', '--format', 'html', '-o', '-'], { cwd: dir });
  expect(html.stdout).not.toMatch(/\.covenant-contents\{border-left-color:#[0-9a-f]{6}\}<\/style>/);
});

test('a colour too light for white text is an error at its line, with a darker one offered', async () => {
  withColour('#ffdd00');
  const result = await run(['validate', '2019', '--format', 'json'], { cwd: dir });
  expect(result.code).toBe(1);
  expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({
    file: 'data/2019/report.yaml', line: 5, column: 9, severity: 'error', rule: 'colour-contrast',
    message: 'colour #ffdd00 is too light for the white text set on it: its contrast is 1.35:1, and WCAG 2.2 AA asks for at least 4.5:1',
    hint: 'choose a darker colour: GOV.UK blue (#1d70b8) has 5.17:1',
  })]);
});

test('a colour that is not #rrggbb is refused by the schema', async () => {
  withColour('green');
  const result = await run(['validate', '2019', '--format', 'json'], { cwd: dir });
  expect(result.code).toBe(1);
  expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({
    file: 'data/2019/report.yaml', line: 5, column: 9, rule: 'colour',
    message: 'colour must be written #rrggbb, in six hexadecimal digits, not "green"', hint: 'GOV.UK blue is "#1d70b8"',
  })]);
});

test('a language that is not a language tag says so, not that it must be an id', async () => {
  const file = join(dir, 'data/2019/report.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('publisher: HM Government\n', 'publisher: HM Government\nlanguage: English\n'));
  const result = await run(['validate', '2019', '--format', 'json'], { cwd: dir });
  expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({
    line: 5, column: 11, rule: 'language', message: 'language must be a BCP 47 language tag, not "English"', hint: 'for example "en-GB", or "cy" for Welsh',
  })]);
});
