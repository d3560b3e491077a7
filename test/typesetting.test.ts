// The PDF's text engine on its own: line breaking by UAX #14, right-to-left order by UAX #9, the
// Debian package named for a script no font has, and the one place that reaches into pdfkit.
import PDFDocument from 'pdfkit';
import { Fonts } from '../src/render/pdf/fonts.js';
import { atoms, breakLines, type Line, type TextStyle } from '../src/render/pdf/inline.js';
import { checkPdfkitVersion, EmbeddedGlyphs, PDFKIT_CHECKED } from '../src/render/pdf/pdfkit-adapter.js';
import { packageFor } from '../src/render/pdf/text/scripts.js';
import { structNode } from '../src/render/pdf/tags.js';
import type { Inline } from '../src/document/types.js';
import { needing } from './helpers/system.js';

const STYLE: TextStyle = { family: 'sans', bold: false, italic: false, size: 11, leading: 16, colour: '#0b0c0c' };

function document(): PDFKit.PDFDocument {
  return new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
}

function lines(text: string | Inline[], width: number, fonts = new Fonts(document())): Line[] {
  const content: Inline[] = typeof text === 'string' ? [{ type: 'text', text }] : text;
  return breakLines(atoms(content, STYLE, structNode('P', null)), STYLE, width, fonts);
}

/** Each line's text as drawn, pieces from the left. */
const texts = (set: Line[]) => set.map((line) => line.pieces.map((piece) => piece.text).join('|'));

describe('line breaking (UAX #14)', () => {
  test('breaks after a hyphen and after the slashes of an address, never inside a word of it', () => {
    const set = lines('the progress-update is at https://www.gov.uk/government/publications/care-leaver-strategy', 120);
    // A line broken at a space keeps it (of no width) in its text, so that lines do not run together.
    expect(texts(set)).toEqual(['the progress-update is ', 'at https://www.gov.uk/', 'government/', 'publications/care-', 'leaver-strategy']);
    for (const line of set) expect(line.width).toBeLessThanOrEqual(120);
  });

  test('cuts a word of 200 letters between letters, every line within the width, and loses none', () => {
    const word = 'pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(5).slice(0, 200);
    const set = lines(`before ${word} after`, 150);
    for (const line of set) expect(line.width).toBeLessThanOrEqual(150);
    expect(texts(set).join('').replace(/\s/g, '')).toBe(`before${word}after`);
    expect(set.length).toBeGreaterThan(5);
  });

  test('breaks between Chinese characters, which have no spaces', () => {
    const set = lines('离开照料的年轻人可以获得住房和教育方面的支持。离开照料的年轻人可以获得住房和教育方面的支持。', 100);
    expect(set.length).toBeGreaterThan(2);
    for (const line of set) expect(line.width).toBeLessThanOrEqual(100);
  });

  test('keeps a hard line break as one, and a line end in the text as a space', () => {
    // The hard break's line ends with a space of no width: a screen reader reads "two three", not "twothree".
    expect(texts(lines([{ type: 'text', text: 'one\ntwo' }, { type: 'break' }, { type: 'text', text: 'three' }], 400))).toEqual(['one two ', 'three']);
  });
});

describe('right-to-left text (UAX #9)', () => {
  /** The pieces of a one-line paragraph from the left, each with its text in reading order. */
  const seen = (text: string) => lines(text, 450)[0]!.pieces.map((piece) => piece.text);

  /** The glyph runs of a one-line paragraph from the left, as shaped (each in reading order). */
  const runs = (text: string) => lines(text, 450)[0]!.pieces.flatMap((piece) => piece.glyphs!.chunks.map((chunk) => chunk.text));

  test('sets a Hebrew phrase in brackets as a browser does: "(עולם) שלום", the first word on the right', () => {
    // Reading order: שלום (עולם). Seen from the left: (עולם), then שלום; HarfBuzz mirrors the brackets.
    expect(seen('שלום (עולם)')).toEqual(['שלום (עולם)']);
    expect(runs('שלום (עולם)')).toEqual(['(עולם)', ' ', 'שלום']);
  });

  test('turns round the Arabic of an English sentence with its numbers, each number read left to right', () => {
    // By UAX #9 the brackets take the English direction, and the numbers run with the Arabic, each
    // left to right; after Arabic letters "45" is an Arabic number, which the "%" does not join.
    // Seen from the left: "In 2014 (7,000 من %45 أي) used it.", as Chromium sets it. Spaces between
    // runs of different fonts or directions are gaps, not glyphs.
    expect(runs('In 2014 (أي 45% من 7,000) used it.')).toEqual(['In', ' ', '2014', ' ', '(', '7,000', 'من', '%', '45', 'أي', ')', ' ', 'used', ' ', 'it.']);
    // The text of each piece stays in reading order.
    expect(seen('مرحبا بالعالم')).toEqual(['مرحبا بالعالم']);
  });
});

describe('installed fonts (fontconfig)', () => {
  needing('fonts-noto-cjk').test('set Japanese from the first font of a collection (.ttc), which pdfkit embeds', () => {
    const doc = document();
    doc.addPage();
    const fonts = new Fonts(doc);
    const set = lines('ひらがなとカタカナ', 400, fonts);
    expect(set[0]!.pieces.map((piece) => piece.font)).toEqual([expect.stringMatching(/^system:.*\.tt[cf]#\d+$/)]);
    expect(() => fonts.draw('ひらがな', set[0]!.pieces[0]!.font, 11, 72, 72)).not.toThrow();
    expect([...fonts.missing]).toEqual([]);
  });

  needing('fonts-noto-core').test('set an Arabic word that one font has whole in that font, so that its letters join', () => {
    // DejaVu Sans has the Arabic letters but not Urdu's ہ: the word goes to a font with all of them.
    const pieces = lines('رہائش', 400)[0]!.pieces;
    expect(pieces).toHaveLength(1);
    expect(pieces[0]!.font).toMatch(/^system:/);
  });
});

describe('characters no installed font has', () => {
  test('name the Debian package that adds their script, when it is not installed', () => {
    const none = () => false;
    expect(packageFor('中', none)).toBe('fonts-noto-cjk');
    expect(packageFor('ひ', none)).toBe('fonts-noto-cjk');
    expect(packageFor('ب', none)).toBe('fonts-noto-core');
    expect(packageFor('क', none)).toBe('fonts-noto-core');
    expect(packageFor('😀', none)).toBe('fonts-symbola');
    // Installed already, or no package known: none is named.
    expect(packageFor('中', () => true)).toBeUndefined();
    expect(packageFor('\ue000', none)).toBeUndefined();
  });

  test('are replaced, kept for the text layer and reported once each', () => {
    const fonts = new Fonts(document());
    const set = lines('A private character \ue000 here.', 400, fonts);
    expect(set[0]!.pieces.some((piece) => piece.actual === '\ue000')).toBe(true);
    expect([...fonts.missing]).toEqual(['\ue000']);
  });
});

describe('the pdfkit adapter', () => {
  test(`accepts the installed pdfkit, which is ${PDFKIT_CHECKED}`, () => {
    expect(() => checkPdfkitVersion()).not.toThrow();
  });

  test('refuses another pdfkit release, saying what to check', () => {
    expect(() => checkPdfkitVersion('0.21.0')).toThrow(
      `pdfkit 0.21.0 is installed, but the PDF writer reaches into pdfkit ${PDFKIT_CHECKED}'s internals (src/render/pdf/pdfkit-adapter.ts): check each one against the new release, then update PDFKIT_CHECKED`,
    );
  });

  test('finds in the installed pdfkit every internal it uses', () => {
    const doc = document();
    doc.addPage();
    const fonts = new Fonts(doc);
    // Drawing embeds a font through the adapter, numbers a glyph and lists the font on the page.
    expect(() => fonts.draw('Tŷ', 'noto-regular', 11, 72, 72)).not.toThrow();
    expect(EmbeddedGlyphs).toBeDefined();
    const page = doc.page as unknown as { fonts: Record<string, unknown>; content: { write: unknown } };
    expect(Object.keys(page.fonts)).toHaveLength(1);
    expect(typeof page.content.write).toBe('function');
    for (const field of ['_write', '_offset']) expect(field in doc).toBe(true);
  });
});
