// The report's "Progress since <first year>" when three or more years are on record up to its own,
// and each pledge's status history in Annex A, on test/fixtures/history (2013 to 2016, with gaps).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { golden } from './helpers/golden.js';
import { run } from './helpers/run.js';
import { copyToTemp, removeTemp } from './helpers/temp-data.js';
import { htmlText } from './helpers/text.js';
import { needing } from './helpers/system.js';

const DATA = ['--data', 'test/fixtures/history'];

async function report(year: string, format: 'md' | 'html', data = DATA, cwd?: string): Promise<string> {
  const result = await run(['report', year, ...data, '--format', format, '-o', '-'], cwd ? { cwd } : {});
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

/** The Markdown from one level-2 heading to the next. */
const markdownPart = (md: string, heading: string): string => {
  const start = md.indexOf(`\n## ${heading}\n`);
  if (start < 0) return '';
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start + 1, end < 0 ? undefined : end + 1);
};

/** The HTML of the section labelled by `id`. */
const htmlPart = (html: string, id: string): string =>
  [...html.matchAll(/<section [^>]*aria-labelledby="([^"]+)">[\s\S]*?<\/section>/g)].find((m) => m[1] === id)?.[0] ?? '';

const COUNTS_TABLE = `| Year | Pledged | On track | Ongoing | Delayed | Met | Not met | Withdrawn | Total |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| 2013 | 4 | 2 | 0 | 0 | 0 | 0 | 0 | 6 |
| 2014 | 1 | 3 | 1 | 1 | 1 | 0 | 0 | 7 |
| 2015 | 0 | 3 | 0 | 1 | 2 | 0 | 1 | 7 |
| 2016 | 0 | 2 | 1 | 0 | 3 | 1 | 0 | 7 |`;

describe('four years on record: the 2016 report shows progress since 2013', () => {
  let md: string;
  let html: string;
  beforeAll(async () => {
    md = await report('2016', 'md');
    html = (await report('2016', 'html')).replace(/<style>[\s\S]*?<\/style>/, '<style>…</style>');
  });

  test('in Markdown: the part, in the contents, with the statuses counted each year and each figure over the years', () => {
    const part = markdownPart(md, 'Progress since 2013');
    expect(part).toBe(golden('report-progress.md', part));
    expect(part).toContain(`**Pledges by status each year**\n\n${COUNTS_TABLE}\n`);
    // A figure reported in 2014 and 2016 only: the gap year is left out, not shown as nought.
    expect(part).toContain('#### DfE: Bursary paid\n\n**Bursary paid by year**\n\n| Year | Figure |\n| --- | ---: |\n| 2014 | £2,500,000 |\n| 2016 | £3,100,000 |\n');
    expect(md).toContain('- [Progress since 2013](#progress-since-2013)\n');
    // After the changes since last year, before the themes.
    expect(md.indexOf('## Changes since 2015')).toBeLessThan(md.indexOf('## Progress since 2013'));
    expect(md.indexOf('## Progress since 2013')).toBeLessThan(md.indexOf('## Education'));
  });

  test('in HTML: the same part, each chart beside its table', () => {
    const part = htmlPart(html, 'progress-since-2013');
    expect(part).toBe(golden('report-progress.html', part));
    const table = /<table[^>]*>[\s\S]*?<\/table>/.exec(part.slice(part.indexOf('id="progress-status"') - 200))![0];
    expect(htmlText(table).replace(/\s+/g, ' ').trim()).toBe(
      'Pledges by status each year Year Pledged On track Ongoing Delayed Met Not met Withdrawn Total '
      + '2013 4 2 0 0 0 0 0 6 2014 1 3 1 1 1 0 0 7 2015 0 3 0 1 2 0 1 7 2016 0 2 1 0 3 1 0 7');
    expect(part).toContain('<desc id="progress-chart-2013-description">2013: 6 pledges by status. Pledged: 4 (67%); On track: 2 (33%).</desc>');
    expect(part).toContain('<desc id="progress--dfe--bursary--bursary-spend-description">Bursary paid (Department for Education), each year it was reported: 2014: £2,500,000; 2016: £3,100,000.</desc>');
    // One chart a year, one a figure: every one with its own table.
    expect(part.match(/<svg /g)).toHaveLength(4 + 4);
    expect(part.match(/<table /g)).toHaveLength(1 + 4);
  });

  test('Annex A gives each pledge its status history, a regression marked', () => {
    const annex = markdownPart(md, 'Annex A: progress on each commitment');
    expect(annex).toContain('| DfE | DfE will let young people stay with their foster carers until they are 21. | **Met**<br><br>Pledged 2013 → On track 2014 → Met 2016 |');
    // Not reported in 2015: the move is in 2016, from the status of 2014.
    expect(annex).toContain('| DWP | DWP will offer personal budgeting support to care leavers who need it. | **On track**<br><br>On track 2013 → Delayed 2014 → On track 2016 |');
    // First made in 2015 and never moved: one step.
    expect(annex).toContain('**On track**<br><br>On track 2015 |');
    expect(html).toContain('<p class="govuk-body-s">Pledged 2013 → Met 2014 → <span class="covenant-change covenant-change--regression">Ongoing 2016</span></p>');
  });
});

needing('poppler-utils').test('in the PDF each chart is a Figure in the structure tree, with its alt text', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'covenant-progress-'));
  try {
    const file = join(dir, 'report.pdf');
    const result = await run(['report', '2016', ...DATA, '--format', 'pdf', '-o', file]);
    expect(result.code).toBe(0);
    const tree = execFileSync('pdfinfo', ['-struct', file], { encoding: 'utf8' });
    // The summary's chart, one a year and one a figure.
    expect(tree.match(/^\s*Figure\b/gm)).toHaveLength(1 + 4 + 4);
    const bytes = readFileSync(file, 'latin1');
    expect(bytes.match(/\/Alt [(<]/g)).toHaveLength(1 + 4 + 4);
    expect(bytes).toContain('/Alt (2013: 6 pledges by status. Pledged: 4 \\(67%\\); On track: 2 \\(33%\\).)');
    expect(bytes).toContain('/Alt (Young people staying put \\(Department for Education\\), each year it was reported: 2014: 1,480; 2015: 1,950; 2016: 2,410.)');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Progress since 2013');
    expect(text).toContain('Pledged 2013 → On track 2014 → Met 2016');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

describe('fewer than three years up to the report: no such part', () => {
  test('the 2014 report of the same data (2013 and 2014 only) has neither the part nor status histories', async () => {
    for (const format of ['md', 'html'] as const) {
      const text = await report('2014', format);
      expect(text).not.toContain('Progress since');
      expect(text).not.toContain('→');
      expect(text).toContain('Changes since 2013');
    }
  });

  test('two years of another data set', async () => {
    const md = await report('2019', 'md', ['--data', 'test/fixtures/report']);
    expect(md).not.toContain('Progress since');
    expect(md).not.toContain('→');
  });

  test('the 2015 report shows three years, and nothing of the year after it', async () => {
    const md = await report('2015', 'md');
    const part = markdownPart(md, 'Progress since 2013');
    // Not met first occurs in 2016: its column is not there.
    expect(part).toContain(`| Year | Pledged | On track | Ongoing | Delayed | Met | Withdrawn | Total |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| 2013 | 4 | 2 | 0 | 0 | 0 | 0 | 6 |
| 2014 | 1 | 3 | 1 | 1 | 1 | 0 | 7 |
| 2015 | 0 | 3 | 0 | 1 | 2 | 1 | 7 |
`);
    expect(part).not.toContain('2016');
    expect(md).not.toContain('2016');
  });
});

describe('which years the report reads', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyToTemp('test/fixtures/history');
  });
  afterEach(() => removeTemp(dir));
  const spoil = (year: string) => {
    const file = join(dir, `data/${year}/departments/dfe.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/status: \w[\w-]*/, 'status: complete'));
  };

  test('an earlier year it shows is checked like its own: a mistake there is named, and nothing is written', async () => {
    spoil('2013');
    const result = await run(['report', '2016', '--format', 'md', '-o', '-'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('data/2013/departments/dfe.yaml:10:13  error  status must be one of pledged, on-track, ongoing, delayed, met, not-met, withdrawn, not "complete"  enum');
  });

  test('a year after the report is not read', async () => {
    spoil('2016');
    expect(await report('2015', 'md', [], dir)).toContain('## Progress since 2013');
  });

  test('with two years up to the report, only those are read', async () => {
    spoil('2015');
    spoil('2016');
    expect(await report('2014', 'md', [], dir)).toContain('## Changes since 2013');
  });
});
