// The PDF writer over a document made by hand with every kind of node, read back with poppler: it
// maps each node kind, takes every word of its own from the document's labels, and tags what it draws.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document } from '../src/document/types.js';
import { writePdf } from '../src/render/pdf/index.js';
import { fixtureDocument } from './helpers/document-fixture.js';
import { needing } from './helpers/system.js';

const SLOW = 120_000;
const tmp = mkdtempSync(join(tmpdir(), 'covenant-pdf-doc-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const tool = (name: string, args: string[]) => execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

interface Written {
  file: string;
  pages: string[];
  warnings: Awaited<ReturnType<typeof writePdf>>['warnings'];
  data: Uint8Array;
}

async function write(name: string, doc: Document): Promise<Written> {
  const result = await writePdf(doc);
  const file = join(tmp, `${name}.pdf`);
  writeFileSync(file, result.data);
  const pages = tool('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).split('\f').slice(0, -1);
  return { file, pages, warnings: result.warnings, data: result.data };
}

let plain: Written;
let draft: Written;
beforeAll(async () => {
  plain = await write('plain', fixtureDocument());
  draft = await write('draft', fixtureDocument({ draft: true }));
}, SLOW);

const pageOf = (w: Written, text: string) => w.pages.findIndex((p) => p.includes(text)) + 1;

needing('poppler-utils').describe('the PDF of a document', () => {
  test('sets the cover, the contents with page numbers from the layout, and the parts in order', () => {
    expect(plain.pages[0]).toMatch(/Progress in 2024[\s\S]*One year on[\s\S]*From\s+HM Government/);
    // The cover has no running footer; the other pages do, in the labels' words.
    expect(plain.pages[0]).not.toMatch(/\d+ of \d+/);
    expect(plain.pages[1]).toMatch(new RegExp(`Education\\s+${pageOf(plain, 'Care leavers told us')}`));
    expect(plain.pages[1]).toMatch(new RegExp(`Annex A: commitments and progress\\s+${pageOf(plain, 'Every commitment, by department')}`));
    expect(plain.pages[1]).toMatch(new RegExp(`Contents[\\s\\S]*2 of ${plain.pages.length}`));
  });

  test('lets a section without a page break flow on from the one before', () => {
    const education = pageOf(plain, 'Education\n');
    const employment = plain.pages.findIndex((p) => /^\s*Employment\s*$/m.test(p)) + 1;
    expect(employment).toBeGreaterThan(education);
    // Employment starts on the page where Education's footnote ends, not on a page of its own.
    expect(plain.pages[employment - 1]).toMatch(/administrative data, 2015\.[\s\S]*Employment/);
  });

  test('repeats a table\'s header rows on every page it runs onto, and keeps a short table whole', () => {
    const annex = plain.pages.slice(pageOf(plain, 'Every commitment, by department') - 1, -1);
    expect(annex.length).toBeGreaterThan(2);
    for (const page of annex) expect(page).toMatch(/Department\s+Commitment\s+Progress/);
    const summary = plain.pages[pageOf(plain, 'Status ') - 1]!;
    expect(summary).toMatch(/Status\s+Pledges[\s\S]*Not met\s+1/);
  });

  test('never leaves a table\'s caption and header at the foot of a page with fewer than three rows', async () => {
    const base = fixtureDocument();
    const rows = Array.from({ length: 30 }, (_, i) => ({ cells: [{ header: 'row' as const, blocks: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, text: `Row ${i + 1}` }] }] }] }));
    // However much of the page the text before it takes, the table starts with at least three rows.
    for (let lines = 20; lines <= 28; lines++) {
      const doc: Document = { ...base, blocks: [
        ...Array.from({ length: lines }, (_, i) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text: `Line ${i + 1}.` }] })),
        { type: 'table', caption: [{ type: 'text', text: 'Rows of a long table' }], columns: [{ weight: 1 }], head: [{ cells: [{ header: 'col', blocks: [{ type: 'paragraph', children: [{ type: 'text', text: 'Row' }] }] }] }], body: rows },
      ] };
      const written = await write(`rows-${lines}`, doc);
      const page = written.pages[pageOf(written, 'Rows of a long table') - 1]!;
      expect({ lines, rows: (page.match(/Row \d+/g) ?? []).length >= 3 }).toEqual({ lines, rows: true });
    }
  }, SLOW);

  test('draws status badges, spans, footnotes, code and lists', () => {
    const text = plain.pages.join('\n');
    expect(text).toMatch(/Met\s+up from On track/);
    expect(text).toMatch(/Delayed\s+down from Met/);
    // Hidden words are for screen readers: the badge's ActualText, never on the page.
    expect(text).not.toContain('Status: ');
    expect(text).toContain('2015.[1]');
    expect(text).toMatch(/1\.\s+Department for Work and Pensions, administrative data, 2015\./);
    expect(text).toContain('care-leaver-marker');
    expect(text).toMatch(/•\s+Care leavers identified: 3,162/);
    expect(text).toMatch(/1\.\s+Referral within a week\./);
    expect(text).toContain('— A care leaver, Leeds');
    expect(tool('pdfimages', ['-list', plain.file])).toMatch(/\n\s*1\s+0\s+image\s+48\s+48\s+rgb/);
  });

  test('tags every kind of node, with the document\'s language and alternative texts', () => {
    const tree = tool('pdfinfo', ['-struct', plain.file]);
    for (const tag of ['Document', 'Sect', 'H1', 'H2', 'H3', 'H4', 'H5', 'P', 'L', 'LI', 'Lbl', 'LBody', 'BlockQuote', 'Code', 'Link',
      'Table', 'THead', 'TBody', 'TR', 'TH:', 'TD', 'Caption', 'Figure', 'TOC', 'TOCI', 'Reference', 'Span', 'Div']) {
      expect(tree).toMatch(new RegExp(`^\\s*${tag.replace(/[()]/g, '\\$&')}`, 'm'));
    }
    const bytes = Buffer.from(plain.data).toString('latin1');
    expect(bytes).toContain('/Alt (Pledges by status: 12 met');
    expect(bytes).toContain('/Alt (The Royal Coat of Arms)');
    expect(tree).toContain('/Scope /Column');
    expect(tree).toContain('/Scope /Row');
    expect(bytes).toContain('/Lang (en-GB)');
    expect(bytes).toContain('/ActualText (Status: Met)');
  });

  test('marks every page of a draft with the draft label, as an artifact', () => {
    for (const page of draft.pages) expect(page).toMatch(/^\s*Draft\s*$/m);
    expect(plain.pages.filter((page) => /^\s*Draft\s*$/m.test(page))).toEqual([]);
    expect(draft.pages.length).toBe(plain.pages.length);
    const read = tool('pdfinfo', ['-struct-text', draft.file]);
    expect(read).not.toMatch(/"Draft"/);
    expect(read).not.toMatch(/\d+ of \d+/);
  });

  test('takes its own words from the labels and the language from the document', async () => {
    const doc = fixtureDocument({ draft: true });
    doc.meta.lang = 'cy';
    doc.labels = { ...doc.labels, pageOfPages: 'tudalen {page} o {pages}', draftMark: 'Drafft', contents: 'Cynnwys', footnoteRef: 'Troednodyn {number}' };
    const welsh = await write('welsh', doc);
    expect(welsh.pages[2]).toContain(`tudalen 3 o ${welsh.pages.length}`);
    expect(welsh.pages[2]).toMatch(/^\s*Drafft\s*$/m);
    const bytes = Buffer.from(welsh.data).toString('latin1');
    expect(bytes).toContain('/Lang (cy)');
    expect(bytes).toContain('/Title (Cynnwys)');
    expect(bytes).toContain('/Contents (Troednodyn 1)');
  }, SLOW);

  test('draws a table inside a box whole, a signature, and an SVG picture\'s text in its place, with a warning', () => {
    const last = plain.pages[plain.pages.length - 1]!;
    expect(last).toMatch(/A\. Minister\s*\n\s*Minister for Children/);
    expect(last).toMatch(/Where the money went:\s*\n\s*Fund\s+£\s*\n\s*Staying Put\s+23,200,000\s*\n\s*Bursaries\s+6,324,000/);
    expect(last).toContain('A map of the pilot areas');
    expect(plain.warnings.filter((w) => w.rule === 'pdf-image')).toEqual([{
      rule: 'pdf-image', text: 'A map of the pilot areas',
      message: 'an SVG picture ("A map of the pilot areas") cannot be drawn in the PDF: its text alternative stands in its place; use a PNG or JPEG file',
    }]);
  });

  test('warns of a character no font has at the place its text came from', () => {
    expect(plain.warnings.filter((w) => w.rule === 'missing-glyph')).toEqual([{
      rule: 'missing-glyph', text: '\u{1fae8}', message: '"\u{1fae8}" (U+1FAE8) is in none of the PDF\'s fonts: the PDF shows \ufffd in its place',
      source: { file: 'data/2024/departments/dwp.yaml', line: 8, column: 17 },
    }]);
  });

  test('bookmarks the rows that start a group under the heading before their table, in a box too', async () => {
    const doc = fixtureDocument();
    const tables: Extract<Document['blocks'][number], { type: 'table' }>[] = [];
    const walk = (blocks: readonly Document['blocks'][number][]): void => {
      for (const b of blocks) if (b.type === 'table') tables.push(b); else if (b.type === 'section' || b.type === 'note') walk(b.children);
    };
    walk(doc.blocks);
    const annex = tables.find((table) => table.body.length === 36)!;
    // The annex's rows are by department in turn: rows 1, 18 and 33 stand for the starts of three groups.
    for (const [row, name] of [[0, 'Department for Education'], [17, 'Department for Work and Pensions'], [32, 'Ministry of Justice']] as const) annex.body[row]!.outline = name;
    tables[tables.length - 1]!.body[1]!.outline = 'Bursaries';
    const marked = await write('groups', doc);
    const xml = tool('pdftohtml', ['-xml', '-stdout', '-i', '-q', marked.file]);
    const outline = xml.slice(xml.indexOf('<outline>')).replace(/\s+/g, '');
    const at = (text: string) => pageOf(marked, text);
    expect(outline).toContain(`<itempage="${at('Every commitment, by department')}">AnnexA:commitmentsandprogress</item><outline>`
      + `<itempage="${at('Commitment 1:')}">DepartmentforEducation</item><itempage="${at('Commitment 18:')}">DepartmentforWorkandPensions</item>`
      + `<itempage="${at('Commitment 33:')}">MinistryofJustice</item><itempage="${marked.pages.length}">Bursaries</item></outline></outline>`);
    expect(at('Commitment 18:')).toBeGreaterThan(at('Commitment 1:'));
    // Bookmarks change no page: the words are where they were.
    expect(marked.pages).toEqual(plain.pages);
  }, SLOW);

  test('gives the same bytes for the same document', async () => {
    const again = await writePdf(fixtureDocument());
    expect(Buffer.compare(Buffer.from(again.data), Buffer.from(plain.data))).toBe(0);
  }, SLOW);
});
