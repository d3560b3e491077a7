// Custom templates reach every format: a --templates folder that adds a banner, renames a heading
// and drops a part changes the PDF (read back with poppler) as it changes the Markdown and the HTML.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './helpers/fixtures.js';
import { run } from './helpers/run.js';
import { has, needing } from './helpers/system.js';

const SLOW = 120_000;
const tmp = mkdtempSync(join(tmpdir(), 'covenant-pdf-templates-'));
const templates = join(tmp, 'templates');
const shipped = (name: string) => readFileSync(join(repoRoot, 'templates/document', name), 'utf8');

/** `text` with `from` replaced, failing loudly if a shipped template no longer holds it. */
function edit(text: string, from: string | RegExp, to: string): string {
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`the shipped template no longer holds ${String(from)}: update this test`);
  return edited;
}

const BANNER = 'Embargoed until 09:30 on publication day';
const RENAMED = 'Annex A: every commitment and what became of it';

let texts: Record<'md' | 'html' | 'pdf', string>;

beforeAll(async () => {
  mkdirSync(join(templates, 'partials'), { recursive: true });
  // A banner on the cover, a heading of the annex renamed, and the summary of progress dropped.
  writeFileSync(join(templates, 'partials/cover.hbs'), edit(shipped('partials/cover.hbs'), '<definitions>', `<note role="banner"><p>${BANNER}</p></note>\n<definitions>`));
  writeFileSync(join(templates, 'partials/annex.hbs'), edit(shipped('partials/annex.hbs'), /\{\{t "heading\.annex"\}\}/, RENAMED));
  writeFileSync(join(templates, 'report.hbs'), edit(shipped('report.hbs'), /\{\{> summary summary\}\}\n/, ''));
  const args = ['2019', '--data', 'test/fixtures/report', '--templates', templates];
  const pdf = join(tmp, 'report.pdf');
  const written = await run(['report', ...args, '--format', 'pdf', '-o', pdf], { cwd: repoRoot });
  expect(written.stderr).toMatch(/wrote/);
  expect(written.code).toBe(0);
  const out = async (format: string) => (await run(['report', ...args, '--format', format, '-o', '-'], { cwd: repoRoot })).stdout;
  texts = {
    md: await out('md'),
    html: await out('html'),
    // Read back with poppler, where the machine has it.
    pdf: has('poppler-utils') ? execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }) : '',
  };
}, SLOW);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each(['md', 'html', 'pdf'] as const)('%s', (format) => {
  const { test } = needing(...(format === 'pdf' ? ['poppler-utils' as const] : []));
  test('shows the banner the template adds', () => {
    expect(texts[format]).toContain(BANNER);
  });

  test('shows the heading the template renames, in place of the shipped one', () => {
    expect(texts[format].replace(/\s+/g, ' ')).toContain(RENAMED);
    expect(texts[format]).not.toContain('Annex A: progress on each commitment');
  });

  test('leaves out the part the template drops', () => {
    expect(texts[format]).not.toContain('Summary of progress');
  });
});

/** The bookmarks' titles as pdftohtml lists them, with a bookmark's children in an array after it. */
function bookmarks(pdf: string): (string | unknown[])[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', pdf], { encoding: 'utf8' });
  const json = xml.slice(xml.indexOf('<outline>')).replace('</pdf2xml>', '').trim()
    .replace(/<item page="\d+">([^<]*)<\/item>/g, (_, title: string) => `${JSON.stringify(title.replace(/&amp;/g, '&'))},`)
    .replace(/<outline>/g, '[').replace(/<\/outline>/g, '],').replace(/,\s*\]/g, ']').replace(/,\s*$/, '');
  return JSON.parse(json) as (string | unknown[])[];
}

needing('poppler-utils').test('the PDF\'s bookmarks follow the templates too', () => {
  const marks = bookmarks(join(tmp, 'report.pdf'));
  expect(marks.slice(-2)).toEqual([RENAMED, ['Department for Education', 'Department for Work and Pensions']]);
  expect(marks).not.toContain('Summary of progress');
});

needing('poppler-utils').test('an annex template whose rows name no group gives the annex a bookmark with none under it', async () => {
  const folder = join(tmp, 'no-groups');
  mkdirSync(join(folder, 'partials'), { recursive: true });
  writeFileSync(join(folder, 'partials/annex.hbs'), edit(shipped('partials/annex.hbs'), /\{\{#if @first\}\} outline="[^"]*"\{\{\/if\}\}/, ''));
  const pdf = join(tmp, 'no-groups.pdf');
  const result = await run(['report', '2019', '--data', 'test/fixtures/report', '--templates', folder, '--format', 'pdf', '-o', pdf], { cwd: repoRoot });
  expect(result.code).toBe(0);
  const marks = bookmarks(pdf);
  expect(marks[marks.length - 1]).toBe('Annex A: progress on each commitment');
  expect(marks.filter((m) => typeof m !== 'string')).toEqual([]);
  expect(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })).toContain('DWP will train work coaches');
}, SLOW);

needing('poppler-utils').test('report --draft marks every page of the PDF, the cover too', async () => {
  const pdf = join(tmp, 'draft.pdf');
  const result = await run(['report', '2019', '--data', 'test/fixtures/report', '--draft', '--format', 'pdf', '-o', pdf], { cwd: repoRoot });
  expect(result.code).toBe(0);
  const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  expect(pages.length).toBeGreaterThan(5);
  for (const page of pages) expect(page).toMatch(/^\s*Draft\s*$/m);
}, SLOW);
