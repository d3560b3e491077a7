// The font files: the shipped ones (Noto Sans, DejaVu Sans and Sans Mono, from npm) and any the
// machine has, each read and parsed once a process, and only when a character needs it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';
import { forPdfkit } from '../pdfkit-adapter.js';
import { Shaper } from './shaping.js';

export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';
export type Family = 'sans' | 'mono';
type Typeface = 'noto' | 'dejavu' | 'dejavu-mono';
/** A shipped font (`noto-bold`), or one installed on the machine (`system:<file>#<index>`). */
export type FontKey = `${Typeface}-${Face}` | `system:${string}`;

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

/** Which shipped typefaces are tried, in order, for a character of each family. */
export const CHAIN: Record<Family, Typeface[]> = { sans: ['noto', 'dejavu'], mono: ['dejavu-mono', 'noto', 'dejavu'] };

/**
 * Glyphs as drawn, left to right, in text space units (thousandths of the font size): each glyph's
 * advance with kerning, its own width, and any offset from the pen position.
 */
export interface Shaped {
  /** What was shaped, in reading order, in which font and direction. */
  text: string;
  font: FontKey;
  rightToLeft: boolean;
  glyphs: number[];
  /** The characters each glyph stands for: its entry in the PDF's ToUnicode map. */
  codePoints: number[][];
  advances: number[];
  widths: number[];
  offsets: { x: number[]; y: number[] } | null;
  width: number;
  /** Once drawn in its document: each glyph's code (four hex digits), and what the glyphs read as, in reading order. */
  codes?: string[];
  reads?: string;
}

export interface Metrics {
  /** Per point of font size. */
  ascent: number;
  descent: number;
}

const require = createRequire(import.meta.url);

/** A font file, read and parsed once a process, and only when a character needs it. */
/** Texts kept shaped in each font and direction: far more than a long report's distinct words. */
const SHAPED_KEPT = 100_000;

export class FontFile {
  readonly shaper: Shaper;
  /** Font units to text space units. */
  readonly scale: number;
  readonly metrics: Metrics;
  private readonly glyphIds = new Map<number, number>();
  private readonly advances = new Map<number, number>();
  private readonly path: string;
  private readonly index: number;
  private bytes: Uint8Array;
  /** What has been shaped, left to right and right to left, by text. */
  private readonly shaped = [new Map<string, Shaped>(), new Map<string, Shaped>()];
  private opened: Font | undefined;

  constructor(key: FontKey) {
    if (key.startsWith('system:')) {
      const at = key.lastIndexOf('#');
      this.path = key.slice('system:'.length, at);
      this.index = Number(key.slice(at + 1));
    } else {
      const at = key.lastIndexOf('-');
      this.path = require.resolve(FILES[key.slice(0, at) as Typeface][key.slice(at + 1) as Face]);
      this.index = 0;
    }
    this.bytes = readFileSync(this.path);
    this.shaper = new Shaper(this.bytes, this.index);
    this.scale = 1000 / this.shaper.unitsPerEm;
    // The ascent and descent of 'hhea', as fontkit and pdfkit read them.
    const hhea = this.shaper.table('hhea');
    const view = hhea ? new DataView(hhea.buffer, hhea.byteOffset, hhea.byteLength) : undefined;
    this.metrics = view
      ? { ascent: view.getInt16(4) / this.shaper.unitsPerEm, descent: -view.getInt16(6) / this.shaper.unitsPerEm }
      : { ascent: 0.8, descent: 0.2 };
  }

  /** Whether pdfkit can embed it: outlines in 'glyf' or 'CFF ', not a colour bitmap font. */
  get drawable(): boolean {
    return this.shaper.table('glyf') !== undefined || this.shaper.table('CFF ') !== undefined;
  }

  /** The glyph for a character; 0 (.notdef) when the font has none. */
  glyph(code: number): number {
    let id = this.glyphIds.get(code);
    if (id === undefined) {
      id = this.shaper.glyph(code);
      this.glyphIds.set(code, id);
    }
    return id;
  }

  /** Whether the font has a glyph for every character of `text`. */
  hasAll(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      if (this.glyph(code) === 0) return false;
    }
    return true;
  }

  /** A glyph's own advance in font units, looked up once. */
  advance(glyph: number): number {
    let advance = this.advances.get(glyph);
    if (advance === undefined) {
      advance = this.shaper.advance(glyph);
      this.advances.set(glyph, advance);
    }
    return advance;
  }

  /**
   * The font as fontkit opens it, for pdfkit to embed (a collection's font picked by its PostScript
   * name). Opened once: each document makes its own subset of it, and the glyphs fontkit has read
   * serve every document a process writes (the preview's, one after another).
   */
  forPdfkit(): Font {
    this.opened ??= this.open();
    return this.opened;
  }

  private open(): Font {
    const bytes = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    // fontkit picks a collection's font (.ttc) by its PostScript name, never by its number.
    const opened = create(bytes, bytes.toString('latin1', 0, 4) === 'ttcf' ? this.shaper.postscriptName() : undefined);
    if (!('hasGlyphForCodePoint' in opened)) throw new Error(`${this.path} is a font collection without the font numbered ${this.index}`);
    return forPdfkit(opened, this.shaper.table('post'));
  }

  /**
   * `text` shaped in this font, as every document shapes it: kept for the documents after this one
   * (a writer copies it before adding its own codes), up to a bound that a long preview cannot outgrow.
   */
  shape(text: string, key: FontKey, rightToLeft: boolean): Readonly<Shaped> {
    const known = this.shaped[rightToLeft ? 1 : 0]!;
    let shaped = known.get(text);
    if (!shaped) {
      if (known.size >= SHAPED_KEPT) known.clear();
      known.set(text, (shaped = this.shapeNow(text, key, rightToLeft)));
    }
    return shaped;
  }

  private shapeNow(text: string, key: FontKey, rightToLeft: boolean): Shaped {
    const run = this.shaper.shape(text, rightToLeft);
    const scale = this.scale;
    const advances = run.advances.map((a) => a * scale);
    let width = 0;
    for (const a of advances) width += a;
    const moved = run.xOffsets.some((d) => d !== 0) || run.yOffsets.some((d) => d !== 0);
    return {
      text,
      font: key,
      rightToLeft,
      glyphs: run.glyphs,
      codePoints: run.codePoints,
      advances,
      widths: run.glyphs.map((g) => this.advance(g) * scale),
      offsets: moved ? { x: run.xOffsets.map((d) => d * scale), y: run.yOffsets.map((d) => d * scale) } : null,
      width,
    };
  }
}

const files = new Map<FontKey, FontFile>();

export function fontFile(key: FontKey): FontFile {
  let file = files.get(key);
  if (!file) {
    file = new FontFile(key);
    files.set(key, file);
  }
  return file;
}
