// The PDF writer, read back with poppler as a reader's software would: pdftotext for the words,
// pdfinfo for pages, metadata and the structure tree, pdffonts for embedding, pdftohtml for bookmarks.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset } from '../src/data/dataset.js';
import { buildReport } from '../src/report/build.js';
import { buildDocument } from '../src/document/build.js';
import type { ReportModel } from '../src/report/model.js';
import { writePdf } from '../src/render/pdf/index.js';
import { plainText } from '../src/report/rich.js';
import { longCommitment, writeBigData } from '../scripts/synth.mjs';
import { fixturesDir, repoRoot } from './helpers/fixtures.js';
import { run } from './helpers/run.js';
import { needing } from './helpers/system.js';

/** Laying out and reading back hundreds of pages takes seconds, not milliseconds. */
const SLOW = 180_000;
/** The PDF read back: these tests need poppler-utils. */
const pdf = needing('poppler-utils');

/** What poppler read of each file, by tool, arguments, and the file's modification time and size: several tests read the same PDF the same way. */
const read = new Map<string, string>();

/** Runs a poppler tool, saying what to install where it is missing (with COVENANT_REQUIRE_SYSTEM=1 the tests run without it). */
function poppler(tool: string, args: string[]): string {
  const key = JSON.stringify([tool, ...args.map((arg) => {
    const file = arg.endsWith('.pdf') ? statSync(arg, { throwIfNoEntry: false }) : undefined;
    return file ? [arg, file.mtimeMs, file.size] : arg;
  })]);
  const known = read.get(key);
  if (known !== undefined) return known;
  try {
    const output = execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
    read.set(key, output);
    return output;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      throw new Error(`${tool} is not installed: these tests read the PDF back with poppler (apt-get install poppler-utils; .ci/run does)`);
    }
    throw error;
  }
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Each page's lines in content order, without the running footer and any repeated table header. */
function pages(file: string): string[][] {
  const text = poppler('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
  return text.split('\f').slice(0, -1).map((page) => page.split('\n').filter((line) => line.trim() !== '' && !/ \d+ of \d+$/.test(line)));
}

/**
 * The document's words as one line, footers and footnote markers removed, as a reader follows it.
 * pdftotext ends a line after a raised marker ("25[1]" then "." on the next): the two are rejoined.
 */
function flowText(file: string): string {
  return collapse(pages(file).map((lines) => lines.join('\n')).join('\n').replace(/\[\d+\]\n(?=[.,;:!?’”)])/g, '').replace(/\[\d+\]/g, '')
    // A line broken after a word's hyphen or slash ("looked-|after", "employment/|benefit") is one word.
    .replace(/(?<=[\p{L}\p{N}][-/])\n(?=\p{L})/gu, ''));
}

function info(file: string): Record<string, string> {
  return Object.fromEntries(poppler('pdfinfo', ['-isodates', file]).split('\n').filter((l) => l.includes(':')).map((l) => {
    const at = l.indexOf(':');
    return [l.slice(0, at).trim(), l.slice(at + 1).trim()];
  }));
}

interface Bookmark {
  title: string;
  page: number;
  children: Bookmark[];
}

/** Bookmarks as pdftohtml lists them: title and page, and the bookmarks nested under each. */
function outline(file: string): Bookmark[] {
  const xml = poppler('pdftohtml', ['-xml', '-stdout', '-i', '-q', file]);
  const top: Bookmark[] = [];
  const levels: Bookmark[][] = [];
  // An <outline> holds the bookmarks nested under the item just before it.
  for (const m of xml.matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    if (m[0] === '<outline>') levels.push(levels.length === 0 ? top : levels[levels.length - 1]!.at(-1)!.children);
    else if (m[0] === '</outline>') levels.pop();
    else levels[levels.length - 1]!.push({ title: m[2]!.replace(/&amp;/g, '&'), page: Number(m[1]), children: [] });
  }
  return top;
}

const titled = (marks: readonly Bookmark[]) => marks.map(({ title, page }) => ({ title, page }));

/** True when `words` occur in `text`'s words in this order, other words allowed between them. */
function inOrder(text: string, words: readonly string[]): boolean {
  const haystack = text.split(' ');
  let at = 0;
  for (const word of words) {
    while (at < haystack.length && haystack[at] !== word) at++;
    if (at === haystack.length) return false;
    at++;
  }
  return true;
}

const tmp = mkdtempSync(join(tmpdir(), 'covenant-pdf-'));
const fixture = `${fixturesDir}pdf`;
const fixturePdf = join(tmp, 'fixture', 'covenant-2024.pdf');
let fixtureRun: { code: number; stderr: string };

async function model(dataDir: string, year: string, previous?: string): Promise<ReportModel> {
  const result = await loadDataset({ dataDir, cwd: repoRoot, years: previous ? [year, previous] : [year] });
  const years = result.dataset!.years;
  return buildReport({ programme: result.dataset!.programme, year: years.get(year)!, ...(previous ? { previous: years.get(previous)! } : {}) });
}

beforeAll(async () => {
  poppler('pdfinfo', ['-v']);
  fixtureRun = await run(['report', '2024', '--data', 'test/fixtures/pdf', '--format', 'pdf', '--out', join(tmp, 'fixture')], { cwd: repoRoot });
}, SLOW);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

pdf.describe('covenant report --format pdf', () => {
  test('writes a tagged A4 PDF/UA file with its metadata', () => {
    expect(fixtureRun.code).toBe(0);
    expect(fixtureRun.stderr).toMatch(/wrote .*covenant-2024\.pdf/);
    const meta = info(fixturePdf);
    expect(meta).toMatchObject({
      Title: 'Care Leaver Covenant & friends: Progress in 2024 – one year on',
      Author: 'HM Government',
      Subject: 'Progress in 2024 – one year on',
      Tagged: 'yes',
      'Page size': '595.28 x 841.89 pts (A4)',
      'PDF version': '1.7',
      CreationDate: '2024-10-01T00:00:00Z',
    });
    expect(meta.Keywords).toContain('Care Leaver Covenant');
    const xmp = poppler('pdfinfo', ['-meta', fixturePdf]);
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    // pdfkit does not escape the XMP: the writer does, so an "&" keeps the metadata readable.
    expect(xmp).toContain('Care Leaver Covenant &amp; friends');
    const bytes = readFileSync(fixturePdf, 'latin1');
    expect(bytes).toContain('/Lang (en-GB)');
    expect(bytes).toContain('/DisplayDocTitle true');
  }, SLOW);

  test('embeds every font it uses', () => {
    const rows = poppler('pdffonts', [fixturePdf]).trim().split('\n').slice(2);
    // TrueType outlines, or CFF (Type 0C) for the installed CJK font: embedded, subset, with ToUnicode.
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row).toMatch(/^\S+\+\S+\s+CID (TrueType|Type 0C)\s+Identity-H\s+yes yes yes/);
  }, SLOW);

  test('numbers its pages "n of N" and its contents match where each part starts', () => {
    const total = Number(info(fixturePdf).Pages);
    const byPage = pages(fixturePdf);
    expect(byPage).toHaveLength(total);
    const raw = poppler('pdftotext', ['-raw', fixturePdf, '-']).split('\f');
    raw.slice(1, total).forEach((page, i) => expect(page).toContain(`${i + 2} of ${total}`));
    expect(raw[0]).not.toMatch(/\d+ of \d+/);

    const contents = byPage[1]!.slice(1).map((line) => /^(.*\S) (\d+)$/.exec(line)!).map((m) => ({ title: m[1]!, page: Number(m[2]) }));
    expect(contents.map((c) => c.title)).toEqual([
      'Foreword', 'Introduction', 'Summary of progress', 'Changes since 2023', 'Education', 'Housing', 'Cymru a’r gwledydd',
      'Conclusion', 'Feedback', 'Annex A: progress on each commitment',
    ]);
    for (const entry of contents) expect(byPage[entry.page - 1]!.join('\n')).toContain(entry.title);
    // The bookmarks go to the same pages.
    const marks = outline(fixturePdf);
    expect(titled(marks)).toEqual([{ title: 'Contents', page: 2 }, ...contents]);
    // Under the annex, a bookmark for each department, at its first row.
    const annex = marks[marks.length - 1]!;
    expect(titled(annex.children)).toEqual([{ title: 'Department for Education', page: annex.page }, { title: 'Department for Work and Pensions', page: annex.page }]);
    expect(annex.children.flatMap((m) => m.children)).toEqual([]);
    expect(marks.slice(0, -1).flatMap((m) => m.children)).toEqual([]);
    // Each contents line is a link to a named destination.
    const dests = poppler('pdfinfo', ['-dests', fixturePdf]);
    for (const id of ['covenant:contents', 'foreword', 'summary-of-progress', 'annex-a-progress-on-each-commitment', 'covenant:fn-1']) expect(dests).toContain(`"${id}"`);
  }, SLOW);

  test('has the words of the HTML, in the same order', async () => {
    const m = await model(fixture, '2024', '2023');
    const text = flowText(fixturePdf);
    // pdftotext reads the badge's padding before the comma that follows it as a space.
    const expected = [
      m.meta.programme, m.meta.title, m.meta.subtitle!, 'From HM Government', 'Published 1 October 2024', 'Reference CLC-2024-01',
      'Contents',
      'Foreword', plainText(m.foreword!.body), 'Siân Llŷr Minister for Children & Families', 'Their words are quoted with their permission.',
      'Introduction', 'education; 2. housing; 3. support in Wales.', 'Read the full strategy for the background.',
      'Summary of progress', m.summary.description, 'Pledges by status', 'Pledges by department and status', 'What each status means',
      'Changes since 2023', 'Compared with 2023: 1 pledge met since then, 1 status change in all, 0 regressions; 2 pledges new and 1 pledge no longer reported.',
      'Status changes since 2023', 'New this year', 'No longer reported', 'DfE: DfE will pilot a housing passport in three areas.',
      'Education', 'Case study: A mentor in Łódź', 'My mentor helped me choose my course', '— Care leaver, Māori community in London',
      'Commitments and progress', 'Department for Education', 'Met , up from On track', 'Progress', 'Figures', 'Bursaries paid: 3,162 (was 2,761, +401)',
      'Further reading', 'Higher education bursary guidance',
      'Housing', 'Department for Work and Pensions', 'Pledged (new this year)',
      'Cymru a’r gwledydd', 'Delayed (new this year)', 'Next steps', 'Publish the guidance in Welsh and English.',
      'Conclusion', 'Feedback', 'Write to care.leavers@example.gov.uk.',
      'Annex A: progress on each commitment', 'Every commitment, by department, with its status and progress', 'Department Commitment Progress',
      '© Crown copyright 2024', 'This publication is licensed under the terms of the Open Government Licence v3.0, except where otherwise stated.',
    ].map(collapse);
    let at = 0;
    for (const phrase of expected) {
      const found = text.indexOf(phrase, at);
      expect({ phrase, found: found !== -1 }).toEqual({ phrase, found: true });
      at = found + phrase.length;
    }
  }, SLOW);

  test('keeps Welsh, Polish and Māori letters and typographic punctuation as written', () => {
    const text = flowText(fixturePdf);
    for (const phrase of [
      'In Gŵyl Dewi week', 'Tŷ Hapus and Llŷn', 'Siân Llŷr', 'Paweł Łukasiewicz mentors care leavers who moved from Łódź and Kraków',
      'whānau and tūpuna from the Māori community', '€20 million has been set aside for 2025 – and £15 million more',
      '“a real change”, as one adviser put it…', 'Poland’s diaspora and Aotearoa’s whānau',
    ]) expect(text).toContain(phrase);
  }, SLOW);

  test('gives back each character as typed where one glyph stands for several, or a mark is placed on its letter', () => {
    // Noto draws "ṣ" as "s" and a dot below: the glyph for "s" must still read as "s" everywhere else,
    // and a letter typed with a combining mark must keep its mark, in both of pdftotext's reading modes.
    for (const mode of [[], ['-raw']]) {
      // The paragraph runs over a page break: the running footer between is left out.
      const text = collapse(poppler('pdftotext', [...mode, '-enc', 'UTF-8', fixturePdf, '-']).split('\n').filter((line) => !/(^| )\d+ of \d+$/.test(line) && !line.startsWith('Care Leaver Covenant & friends: Progress')).join('\n'));
      expect(text).toContain('Names are printed as their owners write them: Ṣadé and Oluwaṣeun in Yorùbá, Nguyễn in Vietnamese');
      expect(text).toContain('typed with combining marks (Zoe\u0308, W\u0302yn). Greek and Cyrillic too: Αθηνά, Ольга.');
      expect(text).not.toMatch(/ṣ(?!adé|eun)/);
    }
  }, SLOW);

  needing('poppler-utils', 'fonts-noto-cjk').test('draws a Chinese character from an installed font (fonts-noto-cjk), with no warning, and reads it back', () => {
    expect(fixtureRun.stderr).not.toContain('missing-glyph');
    expect(poppler('pdffonts', [fixturePdf])).toMatch(/NotoSansCJK/);
    expect(poppler('pdftotext', ['-enc', 'UTF-8', fixturePdf, '-'])).toContain('(住 is the character for "to live")');
  }, SLOW);

  test('tags the structure: headings, paragraphs, lists, tables with scoped headers, links and the chart as a figure', () => {
    const tree = poppler('pdfinfo', ['-struct', fixturePdf]);
    for (const tag of ['Document', 'Sect', 'H1', 'H2', 'H3', 'H4', 'H5', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'Caption', 'TR', 'TH', 'TD',
      'Link', 'Figure', 'TOC', 'TOCI', 'Reference', 'BlockQuote', 'Div']) {
      expect({ tag, present: new RegExp(`^\\s*${tag}\\b`, 'm').test(tree) }).toEqual({ tag, present: true });
    }
    expect(tree).toContain('/Scope /Column');
    expect(tree).toContain('/Scope /Row');
    // Link annotations sit in the tree (as object references) under their Link elements.
    expect(tree).toMatch(/Link \(inline\)\n\s+Object \d+ 0/);
    const bytes = readFileSync(fixturePdf, 'latin1');
    expect(bytes).toContain('/Tabs /S');
    expect(bytes).toContain('/Alt (3 pledges from 2 departments by status. Pledged: 1 \\(34%\\); Delayed: 1 \\(33%\\); Met: 1 \\(33%\\).)');
    // Running footers and rules are artifacts, outside the structure tree.
    expect(poppler('pdfinfo', ['-struct-text', fixturePdf])).not.toMatch(/\d+ of \d+/);
  }, SLOW);

  test('gives the same bytes for the same input, and takes its date from SOURCE_DATE_EPOCH', async () => {
    const doc = await buildDocument(await model(fixture, '2024', '2023'), { cwd: repoRoot });
    // Written again, in this process: the same bytes as the command's run before it.
    const again = await writePdf(doc);
    expect(Buffer.compare(Buffer.from(again.data), readFileSync(fixturePdf))).toBe(0);

    const dated = await run(['report', '2024', '--data', 'test/fixtures/pdf', '--format', 'pdf', '-o', join(tmp, 'dated.pdf')], { cwd: repoRoot, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(dated.code).toBe(0);
    expect(info(join(tmp, 'dated.pdf'))).toMatchObject({ CreationDate: '2023-11-14T22:13:20Z', ModDate: '2023-11-14T22:13:20Z' });
    const wrong = await run(['report', '2024', '--data', 'test/fixtures/pdf', '--format', 'pdf', '-o', join(tmp, 'wrong.pdf')], { cwd: repoRoot, env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('SOURCE_DATE_EPOCH must be a whole number of seconds');
    const late = await run(['report', '2024', '--data', 'test/fixtures/pdf', '--format', 'pdf', '-o', join(tmp, 'late.pdf')], { cwd: repoRoot, env: { SOURCE_DATE_EPOCH: '99999999999999' } });
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('SOURCE_DATE_EPOCH must be at most 253402300799 (the end of 9999), not 99999999999999');
  }, SLOW);

  test('writes to standard output with -o -', async () => {
    const result = await run(['report', '2024', '--data', 'test/fixtures/pdf', '--format', 'pdf', '-o', '-'], { cwd: repoRoot });
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('%PDF-1.7')).toBe(true);
    expect(result.stdout.trimEnd().endsWith('%%EOF')).toBe(true);
  }, SLOW);
});

pdf.describe('a report of 500 pledges', () => {
  const dir = join(tmp, 'big');
  const pdf = join(dir, 'out', 'covenant-2030.pdf');
  let commitments: string[] = [];

  beforeAll(async () => {
    ({ commitments } = writeBigData(dir, { pledges: 500, departments: 12, long: true }));
    const result = await run(['report', '2030', '--data', dir, '--format', 'pdf', '--out', join(dir, 'out')], { cwd: repoRoot });
    expect(result.code).toBe(0);
  }, SLOW);

  test('holds every commitment, word for word', () => {
    const text = flowText(pdf);
    const missing = commitments.slice(1).filter((c) => !text.includes(collapse(c)));
    expect(missing).toEqual([]);
  }, SLOW);

  test('holds a 2,000-word commitment to its last word, in its section and in the annex', () => {
    const words = longCommitment().split(' ');
    expect(words).toHaveLength(2000);
    const text = flowText(pdf);
    // In the section it flows across pages; in the annex its row is split across pages.
    const first = text.indexOf(words.join(' '));
    expect(first).toBeGreaterThan(-1);
    const annex = text.indexOf('Annex A: progress on each commitment', first);
    expect(annex).toBeGreaterThan(first);
    expect(inOrder(text.slice(annex), words)).toBe(true);
    expect(text.slice(annex)).toContain(words[words.length - 1]);
  }, SLOW);

  test('repeats the annex header on every page the annex takes', () => {
    const all = pages(pdf);
    const start = all.findIndex((lines) => lines.includes('Annex A: progress on each commitment'));
    // The data names no licence: the colophon after the annex has the reference alone, and claims no copyright or licence.
    const end = all.length - 1;
    expect(all[end]![all[end]!.length - 1]).toBe('Reference: CLC-2030-SCALE');
    expect(all.join('\n')).not.toMatch(/Crown copyright|licensed under/);
    expect(end - start).toBeGreaterThan(10);
    for (const lines of all.slice(start, end + 1)) expect(lines).toContain('Department Commitment Progress');
  }, SLOW);

  test('bookmarks every part', () => {
    const marks = outline(pdf).map((m) => m.title);
    expect(marks).toEqual(expect.arrayContaining(['Contents', 'Summary of progress', 'Education', 'Annex A: progress on each commitment']));
  }, SLOW);

  test('bookmarks each department under the annex, on the page of its first row', () => {
    const annex = outline(pdf).find((m) => m.title === 'Annex A: progress on each commitment')!;
    const all = pages(pdf);
    // A row starts with its department's short name ("D7"); the first such line of each is its first row.
    const firsts = new Map<string, number>();
    all.forEach((lines, i) => {
      if (i + 1 < annex.page) return;
      for (const line of lines) {
        const short = /^D(\d+) /.exec(line)?.[1];
        if (short !== undefined && !firsts.has(short)) firsts.set(short, i + 1);
      }
    });
    expect(firsts.size).toBe(12);
    expect(titled(annex.children)).toEqual([...firsts].map(([n, page]) => ({ title: `Department number ${n}`, page })));
    // The first department's first row is the 2,000-word commitment, split over pages: its bookmark is where it starts.
    expect(annex.children[0]!.page).toBe(annex.page);
    expect(new Set(annex.children.map((m) => m.page)).size).toBeGreaterThan(6);
  }, SLOW);
});

/** A copy of test/fixtures/report as data/ in a folder of its own, with one file edited. */
function reportData(path: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmp, 'data-'));
  cpSync(join(fixturesDir, 'report'), join(dir, 'data'), { recursive: true });
  const file = join(dir, 'data', path);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

pdf.describe('right-to-left words', () => {
  test('are set from the right, and read back in the order they were written', async () => {
    const dir = reportData('2019/departments/dwp.yaml', (t) => t.replace('      The marker is in place.\n', '      Arabic: مرحبا بالعالم. Hebrew: שלום עולם. End.\n')
      .replace('      Advisers use it every day.\n', '      A number among them: في عام 1357 كان.\n'));
    const pdf = join(dir, 'rtl.pdf');
    expect((await run(['report', '2019', '--format', 'pdf', '-o', pdf], { cwd: dir })).code).toBe(0);
    // poppler marks a right-to-left stretch with U+202B … U+202C, as it does in Chromium's PDF of the HTML.
    const text = poppler('pdftotext', ['-enc', 'UTF-8', pdf, '-']).replace(/[\u202a-\u202e]/g, '');
    expect(text).toContain('Arabic: مرحبا بالعالم. Hebrew: שלום עולם. End.');
    // -bbox lists each word's glyphs as drawn, from the left: a right-to-left word spelt backwards.
    const boxes = poppler('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-']);
    const x = (word: string) => Number(new RegExp(`xMin="([\\d.]+)"[^>]*>(?:${word}|${[...word].reverse().join('')})[.]?<`).exec(boxes)?.[1]);
    // The first word written is the one furthest right.
    expect(x('مرحبا')).toBeGreaterThan(x('بالعالم'));
    expect(x('שלום')).toBeGreaterThan(x('עולם'));
    expect(x('بالعالم')).toBeGreaterThan(x('Arabic:'));
    // A number between two such words turns round with them: "في عام 1357 كان" from the right.
    expect([x('كان'), x('1357'), x('عام'), x('في')]).toEqual([...[x('كان'), x('1357'), x('عام'), x('في')]].sort((a, b) => a - b));
    expect(text).toContain('A number among them:');
  }, SLOW);
});

pdf.describe('characters no font has', () => {
  // Emoji newer than any installed black-and-white font (a PDF cannot embed a colour bitmap font).
  test('are one warning a field, naming each, not one a character, and kept in the text layer', async () => {
    const dir = reportData('2019/departments/dwp.yaml', (t) => t.replace('      The marker is in place.\n', '      In emoji: \u{1fae8}\u{1fa77}\u{1fabf} (\u{1fae8}).\n'));
    const pdf = join(dir, 'emoji.pdf');
    const result = await run(['report', '2019', '--format', 'pdf', '-o', pdf], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('data/2019/departments/dwp.yaml:13:17  warning  pledges[0].progress: 3 characters are in none of the PDF\'s fonts ("\u{1fae8}" "\u{1fa77}" "\u{1fabf}"): the PDF shows \ufffd in their place  missing-glyph');
    expect(result.stderr).toContain('! 1 problem in 1 file (1 warning)');
    // The replacement glyph carries the real character as ActualText, so it is read and copied right.
    expect(poppler('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).toContain('In emoji: \u{1fae8}\u{1fa77}\u{1fabf} (\u{1fae8}).');
  }, SLOW);
});

pdf.describe('the cover', () => {
  test('keeps its details with a title of two hundred characters, and names the programme once without a publisher', async () => {
    const title = 'Care leaver covenant progress report for local authorities and partners across England and Wales, '.repeat(2).trim();
    const dir = reportData('2019/report.yaml', (t) => t.replace(/^title: .*$/m, `title: "${title}"`).replace(/^publisher: .*\n/m, ''));
    const pdf = join(dir, 'cover.pdf');
    expect((await run(['report', '2019', '--format', 'pdf', '-o', pdf], { cwd: dir })).code).toBe(0);
    const cover = pages(pdf)[0]!.join(' ');
    expect(cover).toContain('Reference CLC-2019-01');
    expect(cover.match(/Care Leaver Covenant/g)).toHaveLength(1);
  }, SLOW);
});

pdf.describe('link addresses', () => {
  test('are ASCII in the PDF, as its URI actions must be: the host as punycode, other letters percent-encoded', async () => {
    const { asciiUri } = await import('../src/render/pdf/pen.js');
    expect(asciiUri('https://www.gov.uk/a?b=c#d')).toBe('https://www.gov.uk/a?b=c#d');
    expect(asciiUri('https://llyw.cymru/ŵ')).toBe('https://llyw.cymru/%C5%B5');
    expect(asciiUri('https://bücher.example/')).toBe('https://xn--bcher-kva.example/');
    expect(asciiUri('mailto:ŵ@example.com')).toBe('mailto:%C5%B5@example.com');
  });
});

pdf.describe('the margins', () => {
  /** Words drawn outside the text column (A4 is 595.28 points wide, the margins 72), with their pages. */
  function pastTheMargin(file: string): string[] {
    const left = 72 - 0.5;
    const right = 595.28 - 72 + 0.5;
    const out: string[] = [];
    let page = 0;
    for (const line of poppler('pdftotext', ['-bbox', file, '-']).split('\n')) {
      if (line.includes('<page ')) page++;
      const word = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/.exec(line);
      if (word && (Number(word[1]) < left || Number(word[2]) > right)) out.push(`page ${page}: ${word[3]}`);
    }
    return out;
  }

  test('no word is drawn past the right margin: a regression beside a status in a narrow cell goes under it', async () => {
    const file = join(tmp, 'margins.pdf');
    const result = await run(['report', '2019', '--data', 'test/fixtures/report', '--format', 'pdf', '-o', file], { cwd: repoRoot });
    expect(result.code).toBe(0);
    expect(poppler('pdftotext', ['-layout', file, '-'])).toMatch(/Delayed\s*\n.*regression/);
    expect(pastTheMargin(file)).toEqual([]);
    expect(pastTheMargin(fixturePdf)).toEqual([]);
  }, SLOW);

  test('long addresses, file paths and a word of 200 letters stay inside the margins, broken after slashes and hyphens', async () => {
    const file = join(tmp, 'long-words.pdf');
    const result = await run(['report', '2024', '--data', 'test/fixtures/long-words', '--format', 'pdf', '-o', file], { cwd: repoRoot });
    expect(result.code).toBe(0);
    expect(pastTheMargin(file)).toEqual([]);
    const lines = poppler('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).split('\n');
    // UAX #14: an address breaks after a slash or a hyphen, never inside a word of it.
    expect(lines.some((line) => line.endsWith('https://www.gov.uk/government/publications/care-leaver-strategy-'))).toBe(true);
    expect(lines.some((line) => line.endsWith('/srv/data/local-authorities/returns/2024-25/'))).toBe(true);
    // Each is whole when the lines are joined again, the 200-letter word too.
    const text = flowText(file);
    expect(text).toContain('https://www.gov.uk/government/publications/care-leaver-strategy-one-year-on-progress-update-and-next-steps-for-local-authorities-and-partners/annex-a-progress-on-each-commitment-by-department-with-its-status for anyone to read.');
    expect(text).toContain('/srv/data/local-authorities/returns/2024-25/leaving-care-teams/personal-advisers/caseload-and-pathway-plan-reviews.csv and send them each quarter.');
    expect(text).toContain('C:\\Users\\PersonalAdviser\\Documents\\Pathway-Plans\\2024-25\\Quarterly-Reviews\\Leaving-Care-Team-North-East.docx is kept too.');
    // The 200-letter word is cut between letters, and nothing is lost.
    const word = `P${'neumonoultramicroscopicsilicovolcanoconiosisp'.repeat(5)}`.slice(0, 200);
    expect(word).toHaveLength(200);
    expect(lines.join('').replace(/\s/g, '')).toContain(`${word}endshere.`);
  }, SLOW);
});

pdf.describe('the 2014 report', () => {
  const pdf = join(tmp, 'covenant-2014.pdf');
  beforeAll(async () => {
    const result = await run(['report', '2014', '--format', 'pdf', '-o', pdf], { cwd: repoRoot });
    expect(result.code).toBe(0);
  }, SLOW);

  test('holds every sentence of the seed and all of Annex A', async () => {
    const text = flowText(pdf);
    const sentences = readFileSync(`${fixturesDir}prose/seed-003-sentences.txt`, 'utf8').split('\n').filter((l) => l.trim()).map(collapse);
    expect(sentences.filter((s) => !text.includes(s))).toEqual([]);
    const m = await model(`${repoRoot}data`, '2014', '2013');
    const annex = text.slice(text.lastIndexOf(m.annex.title));
    for (const group of m.annex.groups) {
      for (const pledge of group.pledges) {
        // A row split across pages interleaves its cells, so each cell's words are followed on their own.
        for (const cell of [plainText(pledge.commitment), ...(pledge.progress ? [plainText(pledge.progress)] : [])]) {
          expect({ pledge: pledge.anchor, found: inOrder(annex, collapse(cell).split(' ')) }).toEqual({ pledge: pledge.anchor, found: true });
        }
      }
    }
  }, SLOW);
});
