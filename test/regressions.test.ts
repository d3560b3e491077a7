// One example for each failure the property tests (test/properties.test.ts) found, so each stays
// fixed whatever the random cases of a run happen to be.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import nodeProcess from 'node:process';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import MarkdownIt from 'markdown-it';
import { stringify } from 'yaml';
import { parseYaml } from '../src/data/load.js';
import { fixturesDir, validateJson } from './helpers/fixtures.js';
import { run } from './helpers/run.js';
import { htmlText } from './helpers/text.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'covenant-regressions-'));
  cpSync(join(fixturesDir, 'valid'), join(root, 'data'), { recursive: true });
  rmSync(join(root, 'data/2019/departments/dfe.yaml'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** dwp.yaml as one pledge with these fields. */
function writePledge(fields: Record<string, unknown>): void {
  const pledge = { id: 'p', theme: 'employment', commitment: 'Words.', status: 'met', ...fields };
  writeFileSync(join(root, 'data/2019/departments/dwp.yaml'), stringify({ id: 'dwp', name: 'Department', pledges: [pledge] }));
}

async function markdownReport(): Promise<string> {
  const result = await run(['report', '2019', '--data', 'data', '--format', 'md', '-o', '-'], { cwd: root });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

/** The Markdown as GitHub shows it: rendered, then its text. */
const shown = (md: string) => htmlText(new MarkdownIt({ html: true }).render(md)).replace(/\s+/g, ' ');

describe('text the report cannot do without, written as spaces alone', () => {
  // These passed the schema (minLength 1) and stopped `report` with an internal error.
  test.each([
    ['a commitment', () => writePledge({ commitment: ' ' }), 'data/2019/departments/dwp.yaml', 6, 17, 'commitment'],
  ])('%s: a located problem, exit 1', async (_name, write, file, line, column, name) => {
    write();
    const result = await validateJson(root, 'data');
    expect(result.code).toBe(1);
    expect(result.problems).toEqual([{ file, line, column, severity: 'error', rule: 'empty', message: `${name} must not be empty` }]);
    const report = await run(['report', '2019', '--data', 'data', '--format', 'md', '-o', '-'], { cwd: root });
    expect(report.code).toBe(1);
    expect(report.stderr).toContain(`${file}:${line}:${column}  error  ${name} must not be empty`);
  });

  test.each([
    ['a case study', 'case_studies:\n      - title: A case\n        body: "  "', 8, 15, 'body'],
    ['a quote', 'quotes:\n      - text: "\\n"', 7, 15, 'text'],
  ])('%s: a located problem, exit 1', async (_name, yaml, line, column, name) => {
    const file = 'data/2019/report.yaml';
    writeFileSync(join(root, file), `title: T\ndate: 2019-10-01\nsections:\n  - theme: employment\n    body: B\n    ${yaml}\n`);
    const result = await validateJson(root, 'data');
    expect(result.problems).toEqual([{ file, line, column, severity: 'error', rule: 'empty', message: `${name} must not be empty` }]);
    expect((await run(['report', '2019', '--data', 'data', '--format', 'html', '-o', '-'], { cwd: root })).code).toBe(1);
  });
});

describe('Markdown that stays as the author wrote it', () => {
  // JavaScript's /$/m ends a line at U+2029: the space after "1." was trimmed, the list became a
  // paragraph, and a later ``` opened a code block that swallowed the rest of the report.
  test('a paragraph separator (U+2029) in a list item', async () => {
    writePledge({ progress: '1. \u2029\n2. next\n3. ```\n\nAfter the list.' });
    const md = await markdownReport();
    expect(md).toContain('1. \u2029\n');
    const text = shown(md);
    expect(text).toContain('After the list.');
    expect(text).toContain('Annex A: progress on each commitment');
  });

  // "\1" is not an escape in CommonMark: the backslash was shown.
  test('text that starts with a number and a dot', async () => {
    writePledge({ commitment: '*x*1. and 2) more' });
    expect(shown(await markdownReport())).toContain('x1. and 2) more');
  });

  // *a**b* is not two emphasised words.
  test.each([
    ['side by side', '*a*_b_ c', 'ab c'],
    ['one inside the other, at its edge', 'x =_<1 *~*_', 'x =<1 ~'],
  ])('emphasis %s', async (_name, commitment, words) => {
    writePledge({ commitment });
    const md = await markdownReport();
    expect(shown(md)).toContain(words);
    expect(shown(md)).not.toContain('*');
  });

  test("a heading's last word is a #, and a heading holds a line break", async () => {
    writePledge({ progress: '# Room \\#\n\nHeading\\\nover two lines\n---\n\nEnd.' });
    const md = await markdownReport();
    const html = new MarkdownIt({ html: true }).render(md);
    expect(html).toContain('<h5>Room #</h5>');
    expect(html).toMatch(/<h6>Heading<br>\s*over two lines<\/h6>/);
  });

  // An empty code block in a table cell was written as ``, which opened a code span.
  test('an empty code block in a list, in the annex table', async () => {
    writePledge({ progress: '1. ```\n\nAfter the code.' });
    const md = await markdownReport();
    const row = md.split('\n').find((line) => line.startsWith('|') && line.includes('Words.'))!;
    expect(row).not.toContain('``');
    expect(shown(row)).toContain('After the code.');
  });

  // CommonMark takes one space off each side of a code span: "`  x  `" holds " x ", written "` x `" it lost them.
  test('a code span that starts and ends with a space keeps them', async () => {
    writePledge({ commitment: 'Run `  x  ` now.' });
    expect(new MarkdownIt().render(await markdownReport())).toContain('<code> x </code>');
  });

  // markdown-it nests these as deep as they go, and every writer walked the tree recursively.
  test.each(['md', 'html', 'pdf'])('emphasis nested ten thousand deep (%s)', async (format) => {
    writePledge({ commitment: `${'*'.repeat(20_000)}deep${'*'.repeat(20_000)} words` });
    const result = await run(['report', '2019', '--data', 'data', '--format', format, '-o', join(root, `out.${format}`)], { cwd: root });
    expect(result.stderr).toMatch(/^wrote /);
    expect(result.code).toBe(0);
    const written = format === 'pdf' ? '' : readFileSync(join(root, `out.${format}`), 'utf8');
    if (format === 'md') expect(shown(written)).toContain('deep words');
    if (format === 'html') expect(htmlText(written)).toContain('deep words');
  });

  // CommonMark ends a line at a lone carriage return: "\r# b" in a title became a heading.
  test('a carriage return in a one-line field', async () => {
    writeFileSync(join(root, 'data/2019/report.yaml'), 'title: "Title\\r# not a heading"\n');
    const md = await markdownReport();
    const html = new MarkdownIt({ html: true }).render(md);
    expect(html).toContain('<h1>Title # not a heading</h1>');
  });
});

describe('the loader', () => {
  // The yaml package printed this warning to the process's standard error, past the CLI's streams.
  test('a mapping used as a key prints no warning of its own', () => {
    const emitWarning = jest.spyOn(nodeProcess, 'emitWarning').mockImplementation(() => undefined);
    try {
      expect(parseYaml('? [a, b]\n: c\n', 'f.yaml').problems).toEqual([]);
      expect(emitWarning).not.toHaveBeenCalled();
    } finally {
      emitWarning.mockRestore();
    }
  });

  test('a number too large to hold: said so, not "must be a number, not a number (Infinity)"', async () => {
    writePledge({ metrics: [{ id: 'm', label: 'L', value: 1 }] });
    const file = join(root, 'data/2019/departments/dwp.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: 1', 'value: 1e400'));
    const result = await validateJson(root, 'data');
    expect(result.problems).toEqual([expect.objectContaining({ rule: 'type', message: 'value must be a number, not a number too large to hold' })]);
  });
});

describe('ids that are also names every JavaScript object has', () => {
  // "constructor" is a valid id; a pledge without that metric printed Object's constructor in its cell.
  test('a metric called "constructor" in one pledge of two: the other\'s cell is empty', async () => {
    const file = join(root, 'data/2019/departments/dwp.yaml');
    writeFileSync(file, stringify({ id: 'dwp', name: 'Department', pledges: [
      { id: 'a', theme: 'employment', commitment: 'A.', status: 'met', metrics: [{ id: 'constructor', label: 'Built', value: 3 }] },
      { id: 'b', theme: 'employment', commitment: 'B.', status: 'met' },
    ] }));
    const result = await run(['export', '2019', '--data', 'data', '--format', 'csv'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('native code');
    expect(result.stdout.split('\r\n').slice(1, 3).map((row) => row.split(',').at(-1))).toEqual(['3', '']);
  });
});
