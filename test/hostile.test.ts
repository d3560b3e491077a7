// Text from the data stays text (test/fixtures/hostile): in every text field of every kind of file,
// HTML, script and event handlers, javascript: and data: links, Handlebars and Markdown's structure
// characters come out in Markdown and HTML as the characters the author typed, never as markup.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse } from 'yaml';
import { FootnoteCounter, parseRich, plainText } from '../src/report/rich.js';
import { run } from './helpers/run.js';
import { htmlText } from './helpers/text.js';

const DATA = 'test/fixtures/hostile';
const FILES = { programme: 'programme.yaml', report: '2019/report.yaml', department: '2019/departments/dwp.yaml' };

/** Fields the schemas call Markdown: their text is what they say once read as Markdown. */
const MARKDOWN = /(^programme\.principles\.\d+|\.body|^report\.introduction|next_steps|conclusion|feedback|contact|commitment|progress|quotes\.\d+\.text)$/;
/** Values that are not text: ids, references to ids, dates, statuses, figures, addresses. */
const NOT_TEXT = /(\.id|\.theme|\.date|\.status|\.value|\.url|\.outcomes\.\d+)$/;
/** Text fields the report does not print (it has no place for them). */
const NOT_PRINTED = /^(programme\.outcomes\.\d+\.title|programme\.principles\.\d+|department\.signatory\.(name|position))$/;

/** Every text field of the fixture, by path ("report.sections.0.body"), as typed. */
function textFields(): [string, string][] {
  const fields: [string, string][] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (!NOT_TEXT.test(path)) fields.push([path, value]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
    }
  };
  for (const [kind, file] of Object.entries(FILES)) walk(parse(readFileSync(join(DATA, file), 'utf8')), kind);
  return fields;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** What a reader should see of a field: a Markdown field's words, or a plain field's characters. */
const asTyped = (path: string, value: string) =>
  squash(MARKDOWN.test(path) ? plainText(parseRich(value, new FootnoteCounter(), 2)) : value);

const report = async (format: string) => {
  const result = await run(['report', '2019', '--data', DATA, '--format', format, '-o', '-']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
};

describe('the hostile fixture', () => {
  const fields = textFields();

  test('has every ingredient in every text field of every kind of file', () => {
    expect(fields.length).toBeGreaterThan(30);
    for (const [path, value] of fields) {
      for (const ingredient of ['<script>', ' onerror=', '](javascript:', '](data:', '{{', '{{{', '|', '---', '>', '`']) {
        if (!value.includes(ingredient)) throw new Error(`${path} lacks ${ingredient}`);
      }
      // A plain field starts as a Markdown heading would; a Markdown field holds a would-be table.
      expect([path, MARKDOWN.test(path) ? value.includes('\n| --- |') : value.startsWith('# ')]).toEqual([path, true]);
    }
  });

  describe.each([
    ['HTML', async () => report('html'), (out: string) => out, /^$/],
    // The Markdown cover has no line for the programme's name.
    ['Markdown, as GitHub renders it', async () => report('md'), (out: string) => new MarkdownIt({ html: true }).render(out), /^programme\.name$/],
  ])('%s', (_format, write, render, notPrinted) => {
    let html = '';
    beforeAll(async () => {
      html = render(await write());
    });

    // Matches are compared with null, so a failure shows what matched, not the whole page.
    test('holds no markup from the data: no script, no event handler, no dangerous link, no image', () => {
      expect(html.match(/<(script|img|iframe|marquee|object|embed|svg(?! class="covenant-chart"))\b[^>]*>/gi)).toBeNull();
      // Attributes, with their quoted values (escaped text from the data) blanked out.
      const attributes = (html.match(/<[a-z][^>]*>/gi) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""'));
      expect(attributes.filter((tag) => /\s(on\w+|src)\s*=/i.test(tag))).toEqual([]);
      expect(html.match(/<style\b/g)?.length ?? 0).toBeLessThanOrEqual(1);
      expect(html.match(/<h1\b/g)).toHaveLength(1);
      expect(html.match(/\shref="\s*(javascript|data|vbscript|ftp):[^"]*"/gi)).toBeNull();
      expect(html.match(/href="mailto:someone@example.com"/g)).not.toBeNull();
      expect(html.match(/<th[^>]*>\s*not\s*<\/th>/g)).toBeNull();
    });

    test('shows every printed field as the author typed it', () => {
      const text = squash(htmlText(html));
      const printed = fields.filter(([path]) => !NOT_PRINTED.test(path) && !notPrinted.test(path));
      const missing = printed.filter(([path, value]) => !text.includes(asTyped(path, value)));
      expect(missing.map(([path, value]) => `${path}: ${asTyped(path, value)}`)).toEqual([]);
    });
  });

  test('Markdown: a | in a commitment stays inside its annex cell', async () => {
    const md = await report('md');
    const annex = md.slice(md.indexOf('| Department | Commitment | Progress |'));
    const rows = annex.split('\n').filter((line) => line.startsWith('|'));
    expect(rows.length).toBe(3);
    for (const row of rows) expect(row.replace(/\\\|/g, '').match(/\|/g)).toHaveLength(4);
  });
});
