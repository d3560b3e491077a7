// The fonts the PDF embeds (subset to the glyphs used) and how text is split between them: Noto Sans
// for the words, DejaVu Sans for what Noto lacks (arrows, ≤ ≥, ✓), DejaVu Sans Mono for code, and
// for any other character a font installed on the machine (text/fallback.ts).
//
// Text is shaped by HarfBuzz (text/shaping.ts), each run once per document, and the same glyphs are
// both measured and drawn, so a line is exactly as wide as it was measured. Drawing writes the text
// operators for those glyphs itself; pdfkit embeds the fonts (pdfkit-adapter.ts).
import { REPLACEMENT } from '../index.js';
import { EmbeddedGlyphs } from './pdfkit-adapter.js';
import { FontChoice } from './text/fallback.js';
import { packageFor } from './text/scripts.js';
import { CHAIN, fontFile, type Face, type Family, type FontKey, type Metrics, type Shaped } from './text/font-file.js';

export type { Face, Family, FontKey, Metrics, Shaped } from './text/font-file.js';

/** Letters of the scripts written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko and others. */
export const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Invisible characters that change nothing in shaping: dropped. (Joiners are kept: they change Arabic and Indic shaping.) */
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
/** Either of the two above, anywhere in a text. */
const HIDDEN = /[\u00ad\u200b\u2060\ufeff\p{Default_Ignorable_Code_Point}]/u;

/** Characters that belong to no script of their own: they stay in the font of the letters around them. */
const SHARED = /[\p{M}\p{Script=Common}\p{Script=Inherited}]/u;

/** A PDF text string in UTF-16BE with its byte-order mark, in hex: any character as it is. */
function textString(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) hex += `000${text.charCodeAt(i).toString(16).toUpperCase()}`.slice(-4);
  return `${hex}>`;
}

/** pdfkit's number format in content streams (PDFObject.number). */
function num(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * A stretch of text in one font, with its width per point of font size and its glyphs. `actual` is
 * the character a replacement glyph stands for.
 */
export interface Run {
  text: string;
  font: FontKey;
  width: number;
  shaped: Shaped;
  actual: string | undefined;
}

/** A font embedded in this document, and the code of each glyph drawn. */
interface Embedded {
  glyphs: EmbeddedGlyphs;
  codes: Map<number, string>;
  /** What each glyph reads as (its ToUnicode entry), by glyph. */
  texts: Map<number, string>;
}

const KEYS = new Map<Family, Map<Face, FontKey>>();

/** One document's fonts: what is embedded, and each piece of text shaped once. */
export class Fonts {
  /** Runs per direction, family, face and text: maps of maps, as a key string made for each word would cost more than the lookup. */
  private readonly runCache = [new Map<Family, Map<Face, Map<string, Run[]>>>(), new Map<Family, Map<Face, Map<string, Run[]>>>()];
  /** A space's width in each font, per point of size. */
  private readonly spaceWidths = new Map<FontKey, number>();
  /** Shaped text by font and direction ('l' or 'r'), then text. */
  private readonly shapes = new Map<string, Map<string, Shaped>>();
  private readonly spaces = new Map<string, Shaped>();
  private readonly embedded = new Map<FontKey, Embedded>();
  /** Characters that no font has, in the order first met. */
  readonly missing = new Set<string>();
  private readonly choice = new FontChoice();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  static key(family: Family, face: Face): FontKey {
    // Asked for every word: made once a family and face.
    let byFace = KEYS.get(family);
    if (!byFace) KEYS.set(family, (byFace = new Map()));
    let key = byFace.get(face);
    if (key === undefined) byFace.set(face, (key = `${CHAIN[family][0]!}-${face}` as FontKey));
    return key;
  }

  /**
   * What would add a font for a character no font has: the Debian package for its script, when one
   * is known and not installed.
   */
  static hint(char: string): string | undefined {
    const name = packageFor(char);
    return name ? `Debian's ${name} has fonts for this script: apt-get install ${name}` : undefined;
  }

  /** Width in points of `text` set in `font` at `size`, kerned as it is drawn. */
  width(text: string, font: FontKey, size: number): number {
    return (this.shape(text, font, RIGHT_TO_LEFT.test(text)).width / 1000) * size;
  }

  /** Width in points of a space in `font` at `size`: measured once a font, asked for after every word. */
  spaceWidth(font: FontKey, size: number): number {
    let width = this.spaceWidths.get(font);
    if (width === undefined) this.spaceWidths.set(font, (width = this.width(' ', font, 1)));
    return width * size;
  }

  metrics(font: FontKey): Metrics {
    return fontFile(font).metrics;
  }

  /**
   * `text` (a stretch of one direction) split into runs by the font that has each character: the
   * family's own fonts first, then installed ones. Characters of no script of their own (spaces,
   * digits, punctuation, marks) stay with the run before them when its font has them.
   */
  runs(text: string, family: Family, face: Face, rightToLeft = false): Run[] {
    const byFamily = this.runCache[rightToLeft ? 1 : 0]!;
    let byFace = byFamily.get(family);
    if (!byFace) byFamily.set(family, (byFace = new Map()));
    let cache = byFace.get(face);
    if (!cache) byFace.set(face, (cache = new Map()));
    const cached = cache.get(text);
    if (cached) return cached;
    const runs: { text: string; font: FontKey; actual: string | undefined }[] = [];
    // Most text is in the family's first font from end to end: one run, without looking at scripts.
    const first = Fonts.key(family, face);
    if (!HIDDEN.test(text) && fontFile(first).hasAll(text)) runs.push({ text, font: first, actual: undefined });
    else this.split(text, family, face, runs);
    const shaped = runs.map((run): Run => {
      const glyphs = this.shape(run.text, run.font, rightToLeft);
      return { ...run, width: glyphs.width / 1000, shaped: glyphs };
    });
    cache.set(text, shaped);
    return shaped;
  }

  /** `text` split into runs by the font that has each character (see runs()). */
  private split(text: string, family: Family, face: Face, runs: { text: string; font: FontKey; actual: string | undefined }[]): void {
    const chars = [...text.replace(INVISIBLE, '')];
    // One font for the whole when one has all its letters; the shared characters go with them when it has those too.
    const whole = this.choice.forText(chars.filter((char) => !SHARED.test(char) && !IGNORABLE.test(char)), family, face);
    for (const char of chars) {
      const code = char.codePointAt(0)!;
      const last = runs[runs.length - 1];
      // A joiner goes with its letters whatever the font: HarfBuzz reads it and draws nothing for it.
      const ignorable = IGNORABLE.test(char);
      const keep = last && !last.actual && (ignorable || (SHARED.test(char) && fontFile(last.font).glyph(code) !== 0));
      const font = keep ? last.font : ignorable ? undefined
        : whole && fontFile(whole).glyph(code) !== 0 ? whole : this.choice.forText([char], family, face);
      if (!font) {
        if (ignorable) continue;
        this.missing.add(char);
        runs.push({ text: REPLACEMENT, font: `dejavu-${face}`, actual: char });
      } else if (last && last.font === font && !last.actual) {
        last.text += char;
      } else {
        runs.push({ text: char, font, actual: undefined });
      }
    }
  }

  /** `text` in `font`, shaped once a document. */
  shape(text: string, font: FontKey, rightToLeft = false): Shaped {
    const key = rightToLeft ? `${font}\0r` : font;
    let cache = this.shapes.get(key);
    if (!cache) this.shapes.set(key, (cache = new Map()));
    let shaped = cache.get(text);
    if (!shaped) {
      // pdfkit numbers its fonts in the order they are first used: measuring comes first.
      this.pdfFont(font);
      // A copy: the font file's is every document's, and this document adds its glyph codes to it.
      shaped = { ...fontFile(font).shape(text, font, rightToLeft) };
      cache.set(text, shaped);
    }
    return shaped;
  }

  /** A space in `font` that moves the pen `width` (per point of font size): the gap between two words as laid out. */
  space(font: FontKey, width: number, rightToLeft: boolean): Shaped {
    const key = `${font}\0${width}${rightToLeft ? 'r' : 'l'}`;
    let space = this.spaces.get(key);
    if (!space) {
      const glyph = this.shape(' ', font, rightToLeft);
      space = { ...glyph, advances: [width * 1000], width: width * 1000 };
      this.spaces.set(key, space);
    }
    return space;
  }

  /**
   * Draws `text` with the start of its baseline at (x, y), in pdfkit's top-down coordinates, from
   * its glyphs as laid out (`chunks`, left to right) or shaped now. `actual` is the character that
   * the replacement glyph in `text` stands for.
   */
  draw(text: string, font: FontKey, size: number, x: number, y: number, chunks?: readonly Shaped[], actual?: string): void {
    if (text === '') return;
    const embedded = this.pdfFont(font);
    embedded.glyphs.useOnPage();
    const height = this.doc.page.height;
    const top = height - y;
    const head = `q\n1 0 0 -1 0 ${num(height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(top)} Tm\n/${embedded.glyphs.id} ${num(size)} Tf\n`;
    const pieces = chunks ?? [this.shape(text, font, RIGHT_TO_LEFT.test(text))];
    const glyphs = this.operators(pieces, embedded, size, x, top);
    // A glyph has one ToUnicode entry, but may stand for other text here: a glyph that several
    // characters share, a conjunct, marks placed off the pen position, or the replacement for a
    // character no font has. Text extraction and screen readers would read the entries; ActualText
    // gives them the characters as written. It is marked inside the text object, where the text's
    // position is still in force: poppler places the ActualText where its marked content ends.
    const written = actual !== undefined ? text.replace(REPLACEMENT, () => actual) : this.spells(pieces, text, embedded) ? undefined : text;
    this.doc.addContent(written === undefined ? `${head}${glyphs}ET\nQ` : `${head}/Span <</ActualText ${textString(written)}>> BDC\n${glyphs}EMC\nET\nQ`);
  }

  /**
   * True when the glyphs' ToUnicode entries, read as text extraction reads them, spell `text`: from
   * the left, or for right-to-left glyphs from the right, and without offsets (which some tools read apart).
   */
  private spells(pieces: readonly Shaped[], text: string, { texts }: Embedded): boolean {
    let spelt = '';
    for (const shaped of pieces) {
      if (shaped.offsets) return false;
      let part = shaped.reads;
      if (part === undefined) {
        part = '';
        const { glyphs } = shaped;
        if (shaped.rightToLeft) for (let i = glyphs.length - 1; i >= 0; i--) part += texts.get(glyphs[i]!) ?? '';
        else for (const glyph of glyphs) part += texts.get(glyph) ?? '';
        shaped.reads = part;
      }
      spelt = pieces.length > 1 && shaped.rightToLeft ? part + spelt : spelt + part;
    }
    return spelt === text;
  }

  /** The operators that show `pieces`' glyphs: TJ with kerning, and a new text matrix for a glyph placed off the pen. */
  private operators(pieces: readonly Shaped[], embedded: Embedded, size: number, x: number, top: number): string {
    const scale = size / 1000;
    const out: string[] = [];
    let array = '';
    let pending = '';
    let moved = false;
    let pen = x;
    const flush = () => {
      if (pending) array += `${array ? ' ' : ''}<${pending}> 0`;
      pending = '';
      if (array) out.push(`[${array}] TJ`);
      array = '';
    };
    for (const shaped of pieces) {
      const { glyphs, advances, widths, offsets } = shaped;
      const codes = (shaped.codes ??= glyphs.map((_, i) => this.code(embedded, shaped, i)));
      for (let i = 0; i < glyphs.length; i++) {
        const code = codes[i]!;
        const advance = advances[i]!;
        const adjust = advance - widths[i]!;
        if (offsets && (offsets.x[i] || offsets.y[i])) {
          flush();
          out.push(`1 0 0 1 ${num(pen + offsets.x[i]! * scale)} ${num(top + offsets.y[i]! * scale)} Tm`, `<${code}> Tj`);
          moved = true;
        } else {
          if (moved) {
            out.push(`1 0 0 1 ${num(pen)} ${num(top)} Tm`);
            moved = false;
          }
          pending += code;
          if (adjust !== 0) {
            array += `${array ? ' ' : ''}<${pending}> ${num(-adjust)}`;
            pending = '';
          }
        }
        pen += advance * scale;
      }
    }
    flush();
    return out.length ? `${out.join('\n')}\n` : '';
  }

  /** pdfkit's font for `key`, registered and opened on first use. */
  private pdfFont(key: FontKey): Embedded {
    let embedded = this.embedded.get(key);
    if (!embedded) {
      embedded = { glyphs: EmbeddedGlyphs.embed(this.doc, key, fontFile(key).forPdfkit()), codes: new Map(), texts: new Map() };
      this.embedded.set(key, embedded);
    }
    return embedded;
  }

  /**
   * The code in the PDF of `shaped`'s glyph `i`: its number in the font's subset, as four hex
   * digits. The first time a glyph is drawn its width and ToUnicode entry are set.
   */
  private code({ glyphs, codes, texts }: Embedded, shaped: Shaped, i: number): string {
    const glyph = shaped.glyphs[i]!;
    let code = codes.get(glyph);
    if (code === undefined) {
      const id = glyphs.include(glyph, shaped.widths[i]!, shaped.codePoints[i]!);
      code = `0000${id.toString(16)}`.slice(-4);
      codes.set(glyph, code);
      texts.set(glyph, String.fromCodePoint(...glyphs.characters(id)));
    }
    return code;
  }
}
