// The DOCX writer over a document with every node kind: Word's own structures, read back from the
// package's XML, and the same bytes for the same input.
import { strFromU8, unzipSync } from 'fflate';
import { writeDocx } from '../src/render/docx/index.js';
import { checkDocxVersion } from '../src/render/docx/package.js';
import { partText } from './helpers/docx.js';
import { sample } from './fixtures/document/sample.js';

const date = new Date('2014-10-01T00:00:00Z');

async function parts(doc = sample): Promise<Record<string, string>> {
  const files = unzipSync(await writeDocx(doc, { date }));
  return Object.fromEntries(Object.entries(files).filter(([name]) => /\.(xml|rels)$/.test(name)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The words of a WordprocessingML part, paragraph by paragraph. */
const words = (xml: string): string[] => partText(xml).split('\n');

describe('DOCX writer', () => {
  let xml: Record<string, string>;
  beforeAll(async () => {
    xml = await parts();
  });

  test('headings are Word heading styles, with bookmarks for the links to them', () => {
    const doc = xml['word/document.xml']!;
    expect(doc).toMatch(/<w:pStyle w:val="Heading1"\/>.*Sample progress report/);
    expect(doc).toMatch(/<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>).)*<w:bookmarkStart w:name="_education" w:id="\d+"\/>/);
    expect(doc).toContain('<w:hyperlink w:history="1" w:anchor="_summary">');
  });

  test('a section that asks for a new page gets one, and the rest flow on', () => {
    const doc = xml['word/document.xml']!;
    expect(doc.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
    expect(doc).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*Education/);
  });

  test('lists are Word lists; an ordered list counts from its own start', () => {
    expect(xml['word/document.xml']).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>(?:(?!<\/w:p>).)*Bursaries/);
    expect(xml['word/document.xml']).toMatch(/<w:ilvl w:val="1"\/>(?:(?!<\/w:p>).)*Third, nested/);
    expect(xml['word/numbering.xml']).toContain('<w:start w:val="3"/>');
  });

  test('the table marks its header row to repeat on every page, and its caption comes first', () => {
    const doc = xml['word/document.xml']!;
    expect(doc).toMatch(/Pledges by department(?:(?!<w:tbl>).)*<w:tbl>(?:(?!<\/w:tr>).)*<w:tblHeader\/>(?:(?!<\/w:tr>).)*Department/);
    expect(doc.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  });

  test('footnotes are Word footnotes, referred to where the text cites them', () => {
    expect(xml['word/document.xml']).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(words(xml['word/footnotes.xml']!)).toContain('Department for Education, 2014.');
    // The footnotes block's own heading is not repeated in the body: the notes sit at the page foot.
    expect(words(xml['word/document.xml']!)).not.toContain('Notes');
  });

  test('links go where the document says', () => {
    expect(xml['word/_rels/document.xml.rels']).toContain('Target="https://www.gov.uk/government/publications" TargetMode="External"');
  });

  test('pictures and the chart carry their alternative text', () => {
    const doc = xml['word/document.xml']!;
    expect(doc).toMatch(/<wp:docPr [^>]*descr="Royal coat of arms"/);
    expect(doc).toMatch(/<wp:docPr [^>]*descr="Of 3 pledges, 2 are met and 1 is on track\."/);
    expect(xml['word/charts/chart1.xml']).toContain('<c:v>On track</c:v>');
  });

  test('status badges are words with a shade, never colour alone', () => {
    expect(xml['word/document.xml']).toMatch(/<w:shd w:fill="00703C" w:color="auto" w:val="clear"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>Met<\/w:t>/);
  });

  test('the document says its title, author and language; a draft says so on every page', () => {
    expect(xml['docProps/core.xml']).toContain('<dc:title>Sample progress report</dc:title>');
    expect(xml['docProps/core.xml']).toContain('<dc:creator>HM Government</dc:creator>');
    expect(xml['docProps/core.xml']).toContain('<dc:language>en-GB</dc:language>');
    expect(xml['docProps/core.xml']).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2014-10-01T00:00:00Z</dcterms:created>');
    expect(xml['word/styles.xml']).toContain('<w:lang w:val="en-GB"/>');
    const header = Object.entries(xml).find(([name]) => name.startsWith('word/header'))?.[1];
    expect(words(header ?? '')).toEqual(['Draft: not for publication']);
  });

  test('the footer numbers pages with Word fields in the words the document gives', () => {
    const footer = Object.entries(xml).find(([name]) => name.startsWith('word/footer'))![1];
    expect(footer).toMatch(/Page <\/w:t>.*PAGE.*<w:t[^>]*> of <\/w:t>.*NUMPAGES/);
    expect(words(footer)[0]).toBe('Sample progress report: One year on');
  });

  test('a right-to-left paragraph is set from the right', () => {
    expect(xml['word/document.xml']).toMatch(/<w:bidi\/>(?:(?!<\/w:p>).)*مرحبا/);
  });

  test('the same document and date give the same bytes, in any time zone', async () => {
    const first = await writeDocx(sample, { date });
    const tz = process.env.TZ;
    process.env.TZ = 'Pacific/Auckland';
    try {
      const second = await writeDocx(sample, { date });
      expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  test('an unknown docx release is refused with a message that says what to check', () => {
    expect(() => checkDocxVersion('10.0.0')).toThrow("covenant's DOCX writer is written for docx 9.x, and docx 10.0.0 is installed: check src/render/docx/package.ts against its output before using it");
    expect(() => checkDocxVersion('9.15.2')).not.toThrow();
  });
});
