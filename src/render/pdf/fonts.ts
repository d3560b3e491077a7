// The fonts the PDF embeds (subset to the glyphs used) and how text is split between them:
// Noto Sans for the words, DejaVu Sans for what Noto lacks (arrows, ≤ ≥, ✓), DejaVu Sans Mono for code.
//
// Text is shaped here rather than by pdfkit: each word once per document, from the font's own
// tables (see opentype.ts), and the same glyphs are both measured and drawn, so a line is exactly
// as wide as it was measured. Drawing writes the operators pdfkit's text() would write for them.
// Each font file is read and parsed once a process, and only when a character needs it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';
import { REPLACEMENT } from '../index.js';
import { OpenType } from './opentype.js';

export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';
export type Family = 'sans' | 'mono';
type Typeface = 'noto' | 'dejavu' | 'dejavu-mono';
export type FontKey = `${Typeface}-${Face}`;

const FILES: Record<Typeface, Record<Face, string>> = {
  noto: {
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
    italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
    boldItalic: '@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf',
  },
  dejavu: {
    regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
    bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
    italic: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
    boldItalic: 'dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf',
  },
  'dejavu-mono': {
    regular: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
    bold: 'dejavu-fonts-ttf/ttf/DejaVuSansMono-Bold.ttf',
    italic: 'dejavu-fonts-ttf/ttf/DejaVuSansMono-Oblique.ttf',
    boldItalic: 'dejavu-fonts-ttf/ttf/DejaVuSansMono-BoldOblique.ttf',
  },
};

/** Which typefaces are tried, in order, for a character of each family. */
const CHAIN: Record<Family, Typeface[]> = { sans: ['noto', 'dejavu'], mono: ['dejavu-mono', 'noto', 'dejavu'] };
/** The chains as font keys, by family and face, made once. */
const KEYS = {} as Record<Family, Record<Face, FontKey[]>>;
for (const family of Object.keys(CHAIN) as Family[]) {
  KEYS[family] = {} as Record<Face, FontKey[]>;
  for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) KEYS[family][face] = CHAIN[family].map((typeface): FontKey => `${typeface}-${face}`);
}

/** Letters of the scripts written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko and others. */
export const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Invisible format characters: they have no glyph to show, so dropping them changes nothing. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** What only fontkit shapes: marks (placed by the font), default ignorables, the fraction slash. */
const FONTKIT_ONLY = /[\p{M}\p{Default_Ignorable_Code_Point}\u2044]/u;
const LATIN = /\p{Script=Latin}/u;
const NO_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

/** The script fontkit shapes `text` in: that of its first character in one ('zzzz' for none); null when not Latin. */
function scriptOf(text: string): string | null {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) {
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return 'latn';
      continue;
    }
    if (LATIN.test(char)) return 'latn';
    if (!NO_SCRIPT.test(char)) return null;
  }
  return 'zzzz';
}

/**
 * Glyphs as pdfkit sets them, in its text space units (thousandths of the font size): each glyph's
 * advance with kerning and its own width, and any offset from the pen position.
 */
export interface Shaped {
  /** What was shaped, in which font. */
  text: string;
  font: FontKey;
  glyphs: number[];
  /** The characters each glyph stands for: its entry in the PDF's ToUnicode map. */
  codePoints: number[][];
  advances: number[];
  widths: number[];
  offsets: { x: number[]; y: number[] } | null;
  width: number;
  /** True when the writer shaped it from the font's tables: then codePoints are exact for each glyph. */
  own: boolean;
  /** The glyphs' codes as drawn in this document, once drawn (for glyphs without offsets). */
  encoded?: Encoded;
  /** Whether the glyphs' ToUnicode entries spell `text` exactly, once drawn in this document. */
  faithful?: boolean;
  /** The text followed by a space, shaped: how pdfkit cuts a line, after each space. */
  spaced?: Shaped;
}

/**
 * Glyph codes in hex, cut after each glyph whose advance differs from its width (a kerned one),
 * with that difference as a TJ adjustment; then the codes after the last such glyph.
 */
interface Encoded {
  closed: [string, string][];
  open: string;
}

const require = createRequire(import.meta.url);

/** A font file, read and parsed once a process, and what shaping has looked up in it. */
class FontFile {
  readonly bytes: Buffer;
  readonly font: Font;
  /** The font as pdfkit gets it. */
  readonly forPdfkit: Font;
  /** Font units to pdfkit's text space. */
  readonly scale: number;
  readonly metrics: Metrics;
  private readonly tables: OpenType;
  private readonly glyphIds = new Map<number, number>();
  /** Each glyph's lowest character in the font's cmap; made only when a glyph needs it. */
  private characters: Map<number, number> | undefined;

  constructor(readonly key: FontKey) {
    const at = key.lastIndexOf('-');
    this.bytes = readFileSync(require.resolve(FILES[key.slice(0, at) as Typeface][key.slice(at + 1) as Face]));
    const opened = create(this.bytes);
    if (!('hasGlyphForCodePoint' in opened)) throw new Error(`${key} is a font collection, not a font`);
    this.font = opened;
    this.tables = new OpenType(this.bytes);
    // pdfkit reads two fields of 'post' (isFixedPitch, and italicAngle through fontkit), which
    // fontkit would decode along with every glyph's name: pdfkit gets the font with the header alone.
    const post = this.tables.offset('post');
    const b = this.bytes;
    this.forPdfkit = post === undefined ? opened : Object.create(opened, {
      post: {
        value: {
          version: b.readInt32BE(post) / 65536,
          italicAngle: b.readInt32BE(post + 4) / 65536,
          underlinePosition: b.readInt16BE(post + 8),
          underlineThickness: b.readInt16BE(post + 10),
          isFixedPitch: b.readUInt32BE(post + 12),
        },
      },
    });
    this.scale = 1000 / opened.unitsPerEm;
    this.metrics = { ascent: opened.ascent / opened.unitsPerEm, descent: -opened.descent / opened.unitsPerEm };
  }

  /** The glyph for a character; 0 (.notdef) when the font has none. */
  glyph(code: number): number {
    let id = this.glyphIds.get(code);
    if (id === undefined) {
      id = this.font.glyphForCodePoint(code).id;
      this.glyphIds.set(code, id);
    }
    return id;
  }

  /** The character the font maps to `glyph` (the lowest, when several do); undefined for a glyph no character maps to. */
  character(glyph: number): number | undefined {
    if (!this.characters) {
      this.characters = new Map();
      for (const code of [...this.font.characterSet].sort((a, b) => a - b)) {
        const id = this.glyph(code);
        if (id !== 0 && !this.characters.has(id)) this.characters.set(id, code);
      }
    }
    return this.characters.get(glyph);
  }

  /** A glyph's advance in font units (what fontkit's glyph.advanceWidth gives, without decoding the glyph). */
  advance(glyph: number): number {
    return this.tables.advance(glyph);
  }

  /** `text` shaped as fontkit shapes it, or null when it needs fontkit itself (see opentype.ts). */
  shape(text: string): Shaped | null {
    if (FONTKIT_ONLY.test(text)) return null;
    const script = scriptOf(text);
    if (script === null) return null;
    const shaper = this.tables.shaper(script);
    if (!shaper) return null;
    const glyphs: number[] = [];
    const codePoints: number[][] = [];
    for (const char of text) {
      const code = char.codePointAt(0)!;
      glyphs.push(this.glyph(code));
      codePoints.push([code]);
    }
    const positions = shaper.run(glyphs, codePoints, (glyph) => this.advance(glyph));
    if (!positions) return null;
    const { x, dx, dy } = positions;
    const scale = this.scale;
    const advances = x.map((a) => a * scale);
    let width = 0;
    for (const a of advances) width += a;
    const moved = dx.some((d) => d !== 0) || dy.some((d) => d !== 0);
    return {
      text,
      font: this.key,
      glyphs,
      codePoints,
      advances,
      widths: glyphs.map((g) => this.advance(g) * scale),
      offsets: moved ? { x: dx.map((d) => d * scale), y: dy.map((d) => d * scale) } : null,
      width,
      own: true,
    };
  }
}

const files = new Map<FontKey, FontFile>();

function fontFile(key: FontKey): FontFile {
  let file = files.get(key);
  if (!file) {
    file = new FontFile(key);
    files.set(key, file);
  }
  return file;
}

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

export interface Metrics {
  /** Per point of font size. */
  ascent: number;
  descent: number;
}

/** A font embedded in this document: pdfkit's font object, and the code and ToUnicode text of each glyph drawn. */
interface Embedded {
  font: PDFKit.EmbeddedFont;
  codes: Map<number, string>;
  texts: Map<number, string>;
}

/** One document's fonts: what is embedded, and each piece of text shaped once. */
export class Fonts {
  /** Widths per font and text, in points per point of font size. */
  private readonly widthCache = new Map<FontKey, Map<string, number>>();
  /** Runs per family, face and text. */
  private readonly runCache = new Map<Family, Map<Face, Map<string, Run[]>>>();
  private readonly shapes = new Map<FontKey, Map<string, Shaped>>();
  private readonly embedded = new Map<FontKey, Embedded>();
  /** fontkit's own copy of a font, for the rare text it shapes: one a document, as pdfkit had. */
  private readonly fontkitCopies = new Map<FontKey, Font>();
  /** Characters that no embedded font has, in the order first met. */
  readonly missing = new Set<string>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  static key(family: Family, face: Face): FontKey {
    return KEYS[family][face][0]!;
  }

  /** Width in points of `text` set in `font` at `size`, kerned as it is drawn. */
  width(text: string, font: FontKey, size: number): number {
    let cache = this.widthCache.get(font);
    if (!cache) {
      // pdfkit numbers its fonts in the order they are first used: measuring comes first.
      this.pdfFont(font);
      cache = new Map();
      this.widthCache.set(font, cache);
    }
    let unit = cache.get(text);
    if (unit === undefined) {
      let width = 0;
      for (const shaped of this.shaped(text, font)) width += shaped.width;
      unit = width / 1000;
      cache.set(text, unit);
    }
    return unit * size;
  }

  metrics(font: FontKey): Metrics {
    return fontFile(font).metrics;
  }

  /** `text` (no spaces) split into runs by the first font of the family's chain that has each character. */
  runs(text: string, family: Family, face: Face): Run[] {
    let faces = this.runCache.get(family);
    if (!faces) this.runCache.set(family, (faces = new Map()));
    let cache = faces.get(face);
    if (!cache) faces.set(face, (cache = new Map()));
    const cached = cache.get(text);
    if (cached) return cached;
    const runs: { text: string; font: FontKey; actual: string | undefined }[] = [];
    const chain = KEYS[family][face];
    for (const char of text.replace(INVISIBLE, '')) {
      const code = char.codePointAt(0)!;
      const last = runs[runs.length - 1];
      // A combining mark stays with its letter when that font has it, so the two are placed together.
      const keep = last && !last.actual && /\p{M}/u.test(char) && fontFile(last.font).glyph(code) !== 0;
      const font = keep ? last.font : chain.find((key) => fontFile(key).glyph(code) !== 0);
      if (!font) {
        this.missing.add(char);
        runs.push({ text: REPLACEMENT, font: `dejavu-${face}`, actual: char });
      } else if (last && last.font === font && !last.actual) {
        last.text += char;
      } else {
        runs.push({ text: char, font, actual: undefined });
      }
    }
    // Measured in order, as pdfkit numbers its fonts in the order they are first used.
    const measured = runs.map((run): Run => ({ ...run, width: this.width(run.text, run.font, 1), shaped: this.shape(run.text, run.font) }));
    cache.set(text, measured);
    return measured;
  }

  /**
   * Draws `text` with the start of its baseline at (x, y), in pdfkit's top-down coordinates. The
   * operators are those pdfkit's text() writes for text on one line, without its measuring.
   * `actual` is the character that the replacement glyph in `text` stands for.
   */
  draw(text: string, font: FontKey, size: number, x: number, y: number, chunks?: readonly Shaped[], actual?: string): void {
    if (text === '') return;
    const embedded = this.pdfFont(font);
    const pdf = embedded.font;
    const page = this.doc.page;
    if (page.fonts[pdf.id] == null) page.fonts[pdf.id] = pdf.ref();
    const top = page.height - y;
    const head = `q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(top)} Tm\n/${pdf.id} ${num(size)} Tf\n`;
    const pieces = chunks ?? this.shaped(text, font);
    const glyphs = pieces.some((shaped) => shaped.offsets)
      ? `${this.placed(pieces, font, embedded, size, x, top)}\n`
      : this.glyphRuns(pieces, font, embedded);
    // A glyph has one ToUnicode entry, but may stand for other text here: "ṣ" drawn as "s" and a
    // dot below, a glyph that several characters share, or the replacement for a character no font
    // has. Text extraction and screen readers would read the entry; ActualText gives them the
    // characters as written. It is marked inside the text object, where the text's position is
    // still in force: poppler places the ActualText where its marked content ends.
    // Marks placed off the pen position are read apart from their letters by some tools: they too.
    const written = actual !== undefined ? text.replace(REPLACEMENT, () => actual)
      : pieces.every((shaped) => !shaped.offsets && (shaped.faithful ??= this.spells(shaped, embedded))) ? undefined : text;
    this.doc.addContent(written === undefined ? `${head}${glyphs}ET\nQ` : `${head}/Span <</ActualText ${textString(written)}>> BDC\n${glyphs}EMC\nET\nQ`);
  }

  /** The TJ operator for glyphs at the pen position: hex strings, each ended by a kerned glyph and its adjustment. */
  private glyphRuns(pieces: readonly Shaped[], font: FontKey, embedded: Embedded): string {
    let commands = '';
    let pending = '';
    for (const shaped of pieces) {
      const encoded = (shaped.encoded ??= this.encode(shaped, font, embedded));
      for (const [hex, adjust] of encoded.closed) {
        commands += `${commands ? ' ' : ''}<${pending}${hex}> ${adjust}`;
        pending = '';
      }
      pending += encoded.open;
    }
    if (pending) commands += `${commands ? ' ' : ''}<${pending}> 0`;
    return commands ? `[${commands}] TJ\n` : '';
  }

  /** True when the ToUnicode entries of `shaped`'s glyphs, once encoded, spell its text. */
  private spells(shaped: Shaped, { texts }: Embedded): boolean {
    let spelt = '';
    for (const glyph of shaped.glyphs) spelt += texts.get(glyph) ?? '';
    if (spelt === shaped.text) return true;
    // A right-to-left word's glyphs come in the order they are seen: read from the right, as text
    // extraction reads such a script, they spell it.
    return RIGHT_TO_LEFT.test(shaped.text) && [...spelt].reverse().join('') === shaped.text;
  }

  private encode(shaped: Shaped, font: FontKey, embedded: Embedded): Encoded {
    const closed: [string, string][] = [];
    let open = '';
    const { glyphs, advances, widths } = shaped;
    for (let i = 0; i < glyphs.length; i++) {
      open += this.code(font, embedded, shaped, i);
      const adjust = advances[i]! - widths[i]!;
      if (adjust !== 0) {
        closed.push([open, String(num(-adjust))]);
        open = '';
      }
    }
    return { closed, open };
  }

  /** The TJ operators for glyphs some of which are placed off the pen position, as pdfkit writes them. */
  private placed(pieces: readonly Shaped[], font: FontKey, embedded: Embedded, size: number, x: number, top: number): string {
    const scale = size / 1000;
    const out: string[] = [];
    const commands: string[] = [];
    let pending = '';
    let lastAdjust = 0;
    let moved = false;
    let pen = x;
    const segment = () => {
      if (pending) commands.push(`<${pending}> ${num(-lastAdjust)}`);
      pending = '';
    };
    const flush = () => {
      segment();
      if (commands.length) out.push(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    };
    for (const shaped of pieces) {
      const { glyphs, advances, widths, offsets } = shaped;
      for (let i = 0; i < glyphs.length; i++) {
        const code = this.code(font, embedded, shaped, i);
        const advance = advances[i]!;
        const adjust = advance - widths[i]!;
        if (offsets && (offsets.x[i] || offsets.y[i])) {
          flush();
          out.push(`1 0 0 1 ${num(pen + offsets.x[i]! * scale)} ${num(top + offsets.y[i]! * scale)} Tm`);
          pending = code;
          lastAdjust = adjust;
          flush();
          moved = true;
        } else {
          if (moved) {
            out.push(`1 0 0 1 ${num(pen)} ${num(top)} Tm`);
            moved = false;
          }
          pending += code;
          lastAdjust = adjust;
          if (adjust !== 0) segment();
        }
        pen += advance * scale;
      }
    }
    flush();
    return out.join('\n');
  }

  /** `shaped`'s text followed by a space, shaped: one of the pieces pdfkit cuts a line into. */
  spaced(shaped: Shaped): Shaped {
    return (shaped.spaced ??= this.shape(`${shaped.text} `, shaped.font));
  }

  /** pdfkit's font for `key`, registered and opened on first use. */
  private pdfFont(key: FontKey): Embedded {
    let embedded = this.embedded.get(key);
    if (!embedded) {
      this.doc.registerFont(key, fontFile(key).forPdfkit);
      this.doc.font(key);
      const font = (this.doc as unknown as { _font: PDFKit.EmbeddedFont })._font;
      // The glyphs are encoded here into pdfkit's font (see pdfkit.d.ts): a pdfkit without it would lose text.
      if (typeof font?.subset?.includeGlyph !== 'function' || !Array.isArray(font.widths) || !Array.isArray(font.unicode)) {
        throw new Error('pdfkit embeds fonts in a way the PDF writer does not know: it needs pdfkit 0.20');
      }
      embedded = { font, codes: new Map(), texts: new Map() };
      this.embedded.set(key, embedded);
    }
    return embedded;
  }

  /**
   * The code in the PDF of `shaped`'s glyph `i`: its number in the font's subset, as four hex
   * digits. The first time a glyph is drawn its width and ToUnicode entry are set.
   */
  private code(key: FontKey, { font: pdf, codes, texts }: Embedded, shaped: Shaped, i: number): string {
    const glyph = shaped.glyphs[i]!;
    let code = codes.get(glyph);
    if (code === undefined) {
      const id = pdf.subset.includeGlyph(glyph);
      code = `0000${id.toString(16)}`.slice(-4);
      codes.set(glyph, code);
      pdf.widths[id] ??= shaped.widths[i]!;
      const unicode = (pdf.unicode[id] ??= this.characters(key, shaped, i));
      texts.set(glyph, String.fromCodePoint(...unicode));
    }
    return code;
  }

  /**
   * What a glyph's ToUnicode entry says it stands for: the character it was drawn for when that
   * character maps to it; for other glyphs of the writer's own shaping (ligatures), the characters
   * it was made from; otherwise the character the font maps to it, since fontkit's account of a
   * glyph's characters is the first it ever drew it for.
   */
  private characters(key: FontKey, shaped: Shaped, i: number): number[] {
    const glyph = shaped.glyphs[i]!;
    const drawnFor = shaped.codePoints[i] ?? [];
    const file = fontFile(key);
    if (drawnFor.length === 1 && file.glyph(drawnFor[0]!) === glyph) return drawnFor;
    if (shaped.own) return drawnFor;
    // The joining forms of Arabic letters (and lam-alef) are drawn only for those letters: their
    // entry is the letters, not a presentation form the font also maps to them.
    if (drawnFor.length > 0 && drawnFor.every((code) => RIGHT_TO_LEFT.test(String.fromCodePoint(code)))) return drawnFor;
    const mapped = file.character(glyph);
    return mapped === undefined ? drawnFor : [mapped];
  }

  /** `text` shaped as pdfkit lays text out: cut after each space or tab, each piece on its own. */
  private shaped(text: string, font: FontKey): Shaped[] {
    const pieces: Shaped[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09) {
        pieces.push(this.shape(text.slice(start, i + 1), font));
        start = i + 1;
      }
    }
    if (start < text.length) pieces.push(this.shape(start === 0 ? text : text.slice(start), font));
    return pieces;
  }

  private shape(text: string, font: FontKey): Shaped {
    let cache = this.shapes.get(font);
    if (!cache) {
      cache = new Map();
      this.shapes.set(font, cache);
    }
    let shaped = cache.get(text);
    if (!shaped) {
      shaped = fontFile(font).shape(text) ?? this.fontkitShape(text, font);
      cache.set(text, shaped);
    }
    return shaped;
  }

  /** `text` shaped by fontkit, for what the font's tables are not read for here (marks, above all). */
  private fontkitShape(text: string, key: FontKey): Shaped {
    let font = this.fontkitCopies.get(key);
    if (!font) {
      font = create(fontFile(key).bytes) as Font;
      this.fontkitCopies.set(key, font);
    }
    return byFontkit(font, text, key);
  }
}

/** `text` shaped by `font`, fontkit's copy of `key`, in pdfkit's units as its layoutRun() gives them. */
function byFontkit(font: Font, text: string, key: FontKey): Shaped {
  const scale = fontFile(key).scale;
  const run = font.layout(text);
  const advances = run.positions.map((p) => p.xAdvance * scale);
  let width = 0;
  for (const a of advances) width += a;
  const moved = run.positions.some((p) => p.xOffset || p.yOffset);
  return {
    text,
    font: key,
    glyphs: run.glyphs.map((g) => g.id),
    codePoints: run.glyphs.map((g) => g.codePoints),
    advances,
    widths: run.glyphs.map((g) => g.advanceWidth * scale),
    offsets: moved ? { x: run.positions.map((p) => p.xOffset * scale), y: run.positions.map((p) => p.yOffset * scale) } : null,
    width,
    own: false,
  };
}

/**
 * The characters the fonts for body text have (in their regular faces), and the invisible ones the
 * writer drops, as [first, last] ranges:
 * written at build time into build/coverage.json, so that validate can say which text the PDF
 * cannot show without reading a font.
 */
export function coverage(): [number, number][] {
  const codes = new Set<number>();
  for (const key of KEYS.sans.regular) for (const code of fontFile(key).font.characterSet) if (fontFile(key).glyph(code) !== 0) codes.add(code);
  // The invisible format characters are dropped, not shown: nothing is missing.
  for (const char of '\u00ad\u200b\u200c\u200d\u2060\ufeff') codes.add(char.codePointAt(0)!);
  const ranges: [number, number][] = [];
  for (const code of [...codes].sort((a, b) => a - b)) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === code - 1) last[1] = code;
    else ranges.push([code, code]);
  }
  return ranges;
}

/** `text` as the writer shapes it itself; null when it leaves it to fontkit. (For tests.) */
export function ownShaping(text: string, key: FontKey): Shaped | null {
  return fontFile(key).shape(text);
}

const testCopies = new Map<FontKey, Font>();

/** `text` as fontkit shapes it, which is how pdfkit set all text before. (For tests.) */
export function fontkitShaping(text: string, key: FontKey): Shaped {
  let font = testCopies.get(key);
  if (!font) testCopies.set(key, (font = create(fontFile(key).bytes) as Font));
  return byFontkit(font, text, key);
}
