// `covenant report`: golden Markdown and HTML of one fixture, the real 2014 report's prose, and
// the command's files and failures (hostile text that must stay text: test/hostile.test.ts).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { parse } from 'yaml';
import { golden } from './helpers/golden.js';
import { run } from './helpers/run.js';
import { htmlText } from './helpers/text.js';
import { copyToTemp, removeTemp } from './helpers/temp-data.js';

const report = async (args: string[]) => {
  const result = await run(['report', ...args, '-o', '-']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
};

/** Markdown as a reader sees it: rendered by a CommonMark parser, then as text. */
function markdownText(md: string): string {
  return htmlText(new MarkdownIt({ html: true }).render(md));
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('golden outputs of test/fixtures/report', () => {
  const args = ['2019', '--data', 'test/fixtures/report'];

  test('Markdown', async () => {
    const md = await report([...args, '--format', 'md']);
    expect(md).toBe(golden('report.md', md));
  });

  test('HTML (the inlined stylesheet aside)', async () => {
    const html = (await report([...args, '--format', 'html'])).replace(/<style>[\s\S]*?<\/style>/, '<style>…</style>');
    expect(html).toBe(golden('report.html', html));
  });

  test('the same input gives the same bytes', async () => {
    for (const format of ['md', 'html']) {
      expect(await report([...args, '--format', format])).toBe(await report([...args, '--format', format]));
    }
  });
});

describe('the 2014 report holds the model word for word', () => {
  const sentences = readFileSync('test/fixtures/prose/seed-003-sentences.txt', 'utf8').split('\n').filter(Boolean).map(squash);
  const annex = readdirSync('data/2014/departments').flatMap((file) =>
    (parse(readFileSync(join('data/2014/departments', file), 'utf8')) as { pledges: { commitment: string; progress?: string }[] }).pledges);
  // The seed's own Markdown-ish marks (*FromCare2Work*) are formatting, not words.
  const plain = (s: string) => squash(s.replace(/\*/g, ''));
  let md = '';
  let html = '';
  // Footnote references ("25[1].") stand where the model has a superscript ("25¹.").
  const withoutReferences = (text: string) => text.replace(/ ?\[\^?\d+\]/g, '');

  beforeAll(async () => {
    md = withoutReferences(markdownText(await report(['2014', '--format', 'md'])));
    html = withoutReferences(htmlText(await report(['2014', '--format', 'html'])));
  });

  test.each([['Markdown', () => md], ['HTML', () => html]])('%s: every sentence of the prose', (_name, text) => {
    const missing = sentences.filter((s) => !text().includes(s));
    expect(missing).toEqual([]);
    expect(sentences.length).toBeGreaterThan(170);
  });

  test.each([['Markdown', () => md], ['HTML', () => html]])('%s: every Annex A commitment and its progress', (_name, text) => {
    expect(annex).toHaveLength(23);
    for (const pledge of annex) {
      expect(text()).toContain(plain(pledge.commitment));
      if (pledge.progress) for (const paragraph of pledge.progress.split(/\n\s*\n/)) expect(text()).toContain(plain(paragraph));
    }
  });
});

describe('the report command', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'covenant-report-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('writes covenant-<year>.md and .html into --out, and says so on stderr', async () => {
    const result = await run(['report', '2019', '--data', 'test/fixtures/report', '--format', 'md', '--out', join(dir, 'out')]);
    expect(result.code).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toEqual(['covenant-2019.md']);
    expect(result.stderr).toMatch(/wrote .*covenant-2019\.md/);
  });

  test('all or nothing: a file that cannot be written leaves the earlier set as it was', async () => {
    const out = join(dir, 'out');
    mkdirSync(join(out, 'covenant-2019.html'), { recursive: true });
    writeFileSync(join(out, 'covenant-2019.md'), 'the earlier report');
    const result = await run(['report', '2019', '--data', 'test/fixtures/report', '--out', out]);
    expect(result.code).toBe(70);
    expect(result.stderr).toMatch(/could not write .*covenant-2019\.html \(EISDIR\)/);
    expect(result.stderr).not.toContain('wrote');
    expect(readdirSync(out).sort()).toEqual(['covenant-2019.html', 'covenant-2019.md']);
    expect(readFileSync(join(out, 'covenant-2019.md'), 'utf8')).toBe('the earlier report');
  });

  // Node 20's recursive mkdir loops for ever there: the folders are made one at a time instead.
  (existsSync('/proc/self') ? test : test.skip)('a folder the system will not make (under /proc) is a plain failure, not a hang', async () => {
    const result = await run(['report', '2019', '--data', 'test/fixtures/report', '--format', 'md', '--out', '/proc/covenant-test/out']);
    expect(result.code).toBe(70);
    expect(result.stderr).toContain('could not write /proc/covenant-test/out/covenant-2019.md (ENOENT)');
  });

  test('invalid data: the problems, exit 1, and no file at all', async () => {
    const result = await run(['report', '2019', '--data', 'test/fixtures/invalid/unknown-theme', '--out', join(dir, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown-theme');
    expect(() => readdirSync(join(dir, 'out'))).toThrow();
  });

  test('-o with more than one format is a usage error', async () => {
    const result = await run(['report', '2019', '--data', 'test/fixtures/report', '-o', join(dir, 'x')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('-o names one file');
  });

  test('--previous names a year that does not exist: exit 1, listing the years there are', async () => {
    const result = await run(['report', '2019', '--data', 'test/fixtures/report', '--previous', '2010', '--format', 'md', '-o', '-']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('years in test/fixtures/report: 2018, 2019');
  });

  test('without the previous year, there is no "Changes since" part', async () => {
    const md = await report(['2018', '--data', 'test/fixtures/report', '--format', 'md']);
    expect(md).not.toContain('Changes since');
    expect(md).toContain('## Annex A');
  });
});

describe('the summary\'s shares', () => {
  test('are whole per cents that add up to 100, the points short going to the largest remainders', async () => {
    const { percentages } = await import('../src/report/summary.js');
    const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
    // The 2014 report: 2 on track, 1 ongoing, 20 met (8.7, 4.3, 87.0).
    expect(percentages([2, 1, 20])).toEqual([9, 4, 87]);
    // Eight pledges over seven statuses: 12.5 each and 25 for one; three of the halves round up, the first three.
    expect(percentages([1, 1, 1, 1, 1, 1, 2])).toEqual([13, 13, 13, 12, 12, 12, 25]);
    for (const counts of [[1, 1, 1], [1, 2, 3, 4, 5, 6, 7], [7, 0, 3], [1, 1, 1, 1, 1, 1, 1]]) expect(sum(percentages(counts))).toBe(100);
    expect(percentages([0, 0])).toEqual([0, 0]);
  });
});

describe('the licence and copyright at the end', () => {
  const fixture = fileURLToPath(new URL('./fixtures/report/', import.meta.url));
  let dir: string;
  beforeEach(() => {
    dir = copyToTemp(fixture);
  });
  afterEach(() => removeTemp(dir));

  /** The Markdown and the HTML's text after the annex, with report.yaml's licence line replaced by `line`. */
  async function ending(line: string): Promise<{ md: string; html: string }> {
    const file = join(dir, 'data/2019/report.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('licence: Open Government Licence v3.0\n', line));
    const md = await run(['report', '2019', '--format', 'md', '-o', '-'], { cwd: dir });
    const html = await run(['report', '2019', '--format', 'html', '-o', '-'], { cwd: dir });
    expect(md.code).toBe(0);
    return { md: md.stdout.slice(md.stdout.lastIndexOf('\n---\n')), html: htmlText(html.stdout.slice(html.stdout.indexOf('<footer'))) };
  }

  test('the Open Government Licence: Crown copyright, and a link to the licence\'s own version', async () => {
    const { md } = await ending('licence: Open Government Licence v2.0\n');
    expect(md).toContain('© Crown copyright 2019\n\nThis publication is licensed under the terms of the [Open Government Licence v2.0](https://www.nationalarchives.gov.uk/doc/open-government-licence/version/2/), except where otherwise stated.');
  });

  test('another licence: named as written, without a link, with the publisher\'s copyright', async () => {
    const { md, html } = await ending('licence: Creative Commons Attribution 4.0\n');
    expect(md).toBe('\n---\n\n© HM Government 2019\n\nLicence: Creative Commons Attribution 4.0\n\nReference: CLC-2019-01\n\nEnquiries: www.education.gov.uk/contactus\n');
    expect(html).toContain('© HM Government 2019 Licence: Creative Commons Attribution 4.0 Reference: CLC-2019-01');
    expect(md + html).not.toMatch(/Crown|Open Government|nationalarchives/);
  });

  test('no licence named: neither copyright nor a licence is claimed', async () => {
    const { md, html } = await ending('');
    expect(md).toBe('\n---\n\nReference: CLC-2019-01\n\nEnquiries: www.education.gov.uk/contactus\n');
    expect(html).not.toMatch(/copyright|licen[cs]e/i);
  });
});
