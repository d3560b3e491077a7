// The PDF of the fixture the Markdown and HTML goldens use (test/fixtures/report), kept as its text
// (`pdftotext -layout`) and its structure tree (`pdfinfo -struct-text`); and the three formats,
// written from one document, with the Word file, holding the same words sentence for sentence.
// `UPDATE_GOLDEN=1` rewrites the goldens; read the diff before committing it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { docxText } from './helpers/docx.js';
import { golden } from './helpers/golden.js';
import { run } from './helpers/run.js';
import { htmlText } from './helpers/text.js';
import { needing } from './helpers/system.js';

const SLOW = 120_000;
const tmp = mkdtempSync(join(tmpdir(), 'covenant-pdf-golden-'));
const pdf = join(tmp, 'report.pdf');
const docx = join(tmp, 'report.docx');
const args = ['2019', '--data', 'test/fixtures/report'];
let md = '';
let html = '';

const tool = (name: string, toolArgs: string[]) => execFileSync(name, toolArgs, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

beforeAll(async () => {
  const written = await run(['report', ...args, '--format', 'pdf', '-o', pdf]);
  expect(written.stderr).not.toContain('error');
  expect(written.code).toBe(0);
  expect((await run(['report', ...args, '--format', 'docx', '-o', docx])).code).toBe(0);
  for (const format of ['md', 'html'] as const) {
    const result = await run(['report', ...args, '--format', format, '-o', '-']);
    expect(result.code).toBe(0);
    if (format === 'md') md = result.stdout;
    else html = result.stdout;
  }
}, SLOW);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

needing('poppler-utils').describe('golden PDF of test/fixtures/report', () => {
  test('its text, laid out as on the page', () => {
    const text = tool('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']);
    expect(text).toBe(golden('report.pdf.txt', text));
  });

  test('its structure tree, with the text of each element', () => {
    // Object numbers (link annotations) say nothing about the structure: they are left out.
    const tree = tool('pdfinfo', ['-struct-text', pdf]).replace(/Object \d+ \d+/g, 'Object');
    expect(tree).toBe(golden('report.pdf.struct.txt', tree));
  });
});

/** Words as compared: lower case, without punctuation and footnote markers. */
const words = (text: string) => text.replace(/\[\^?\d+\]/g, ' ').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The prose sentences of an HTML page (the Markdown as rendered, or the HTML): each block's text
 * cut after every full stop, question or exclamation mark, and only what ends in one kept.
 */
function sentences(html: string): string[] {
  const marked = html.replace(/<\/(p|li|h[1-6]|td|th|dt|dd|caption|figcaption|blockquote|div|section)>|<br\s*\/?>/g, ' \u00b6 ');
  return htmlText(marked)
    .split(/(?<=[.!?])\s+|\s*\u00b6\s*/)
    .filter((s) => /[.!?]$/.test(s.trim()))
    .map(words)
    .filter((s) => s.split(' ').length >= 3);
}

/** The PDF's words in content order, without the running footer and the repeated table headers. */
function pdfWords(): string {
  const pages = tool('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']).split('\f');
  return words(pages.map((page) => page.split('\n').filter((line) => !/ \d+ of \d+$/.test(line)).join('\n')).join('\n'));
}

/**
 * What the HTML shows: without its stylesheet, its title, the skip link and the words only screen
 * readers get (a chart's description is the PDF figure's /Alt, not its text).
 */
function htmlShown(): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<(title|desc)\b[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<a [^>]*class="govuk-skip-link"[^>]*>[\s\S]*?<\/a>/, '')
    .replace(/<span class="govuk-visually-hidden">[\s\S]*?<\/span>/g, '');
}

needing('poppler-utils').describe('Markdown, HTML, PDF and Word hold the same words', () => {
  const formats = () => ({ markdown: new MarkdownIt({ html: true }).render(md), html: htmlShown() });

  test('sentence for sentence: each prose sentence of one format is in the others', () => {
    const streams: Record<string, string> = { pdf: ` ${pdfWords()} `, docx: ` ${words(docxText(readFileSync(docx)))} ` };
    for (const [name, page] of Object.entries(formats())) streams[name] = ` ${words(htmlText(page))} `;
    const missing: string[] = [];
    for (const [from, page] of Object.entries(formats())) {
      for (const sentence of sentences(page)) {
        for (const [to, stream] of Object.entries(streams)) if (to !== from && !stream.includes(` ${sentence} `)) missing.push(`${from} → ${to}: ${sentence}`);
      }
    }
    expect(missing).toEqual([]);
    expect(sentences(formats().html).length).toBeGreaterThan(30);
  });

  test('the PDF adds no word of its own: every word it shows is in the HTML', () => {
    const html = new Set(words(htmlText(formats().html)).split(' '));
    // Page numbers (the footer's, the contents') are the PDF's own numbers, not words.
    const own = [...new Set(pdfWords().split(' '))].filter((w) => !html.has(w) && !/^\d+$/.test(w));
    expect(own).toEqual([]);
  });

  test('the Word file adds no word of its own: every word it shows is in the HTML', () => {
    const html = new Set(words(htmlText(formats().html)).split(' '));
    const own = [...new Set(words(docxText(readFileSync(docx))).split(' '))].filter((w) => !html.has(w) && !/^\d+$/.test(w));
    expect(own).toEqual([]);
  });
});
