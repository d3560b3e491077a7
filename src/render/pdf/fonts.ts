// The fonts the PDF embeds (subset to the glyphs used) and how text is split between them:
// Noto Sans for the words, DejaVu Sans for what Noto lacks (arrows, ≤ ≥, ✓), DejaVu Sans Mono for code.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

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

/** Shown in place of a character no font has; the real character stays in the text layer. */
export const REPLACEMENT = '\ufffd';

/** Invisible format characters: they have no glyph to show, so dropping them changes nothing. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

const require = createRequire(import.meta.url);
const files = new Map<FontKey, Buffer>();
const parsed = new Map<FontKey, Font>();

/** The font file's bytes, read once a process. */
function fontFile(key: FontKey): Buffer {
  let bytes = files.get(key);
  if (!bytes) {
    const [typeface, face] = splitKey(key);
    bytes = readFileSync(require.resolve(FILES[typeface][face]));
    files.set(key, bytes);
  }
  return bytes;
}

function splitKey(key: FontKey): [Typeface, Face] {
  const at = key.lastIndexOf('-');
  return [key.slice(0, at) as Typeface, key.slice(at + 1) as Face];
}

function fontkitFont(key: FontKey): Font {
  let font = parsed.get(key);
  if (!font) {
    const opened = create(fontFile(key));
    if (!('hasGlyphForCodePoint' in opened)) throw new Error(`${key} is a font collection, not a font`);
    font = opened;
    parsed.set(key, font);
  }
  return font;
}

/** A stretch of text in one font. `actual` is the character a replacement glyph stands for. */
export interface Run {
  text: string;
  font: FontKey;
  actual?: string;
}

export interface Metrics {
  /** Per point of font size. */
  ascent: number;
  descent: number;
}

export class Fonts {
  private readonly widths = new Map<string, number>();
  private readonly runCache = new Map<string, Run[]>();
  /** Characters that no embedded font has, in the order first met. */
  readonly missing = new Set<string>();

  constructor(private readonly doc: PDFKit.PDFDocument) {
    for (const typeface of Object.keys(FILES) as Typeface[]) {
      for (const face of Object.keys(FILES[typeface]) as Face[]) doc.registerFont(`${typeface}-${face}`, fontFile(`${typeface}-${face}`));
    }
  }

  static key(family: Family, face: Face): FontKey {
    return `${CHAIN[family][0]!}-${face}`;
  }

  /** Width in points of `text` set in `font` at `size`, kerned as pdfkit will set it. */
  width(text: string, font: FontKey, size: number): number {
    const cacheKey = `${font}\u0000${text}`;
    let unit = this.widths.get(cacheKey);
    if (unit === undefined) {
      unit = this.doc.font(font).fontSize(1000).widthOfString(text) / 1000;
      this.widths.set(cacheKey, unit);
    }
    return unit * size;
  }

  metrics(font: FontKey): Metrics {
    const f = fontkitFont(font);
    return { ascent: f.ascent / f.unitsPerEm, descent: -f.descent / f.unitsPerEm };
  }

  /** `text` (no spaces) split into runs by the first font of the family's chain that has each character. */
  runs(text: string, family: Family, face: Face): Run[] {
    const cacheKey = `${family}-${face}\u0000${text}`;
    const cached = this.runCache.get(cacheKey);
    if (cached) return cached;
    const runs: Run[] = [];
    const chain = CHAIN[family].map((typeface): FontKey => `${typeface}-${face}`);
    for (const char of text.replace(INVISIBLE, '')) {
      const code = char.codePointAt(0)!;
      const last = runs[runs.length - 1];
      // A combining mark stays with its letter when that font has it, so the two are placed together.
      const keep = last && !last.actual && /\p{M}/u.test(char) && fontkitFont(last.font).hasGlyphForCodePoint(code);
      const font = keep ? last.font : chain.find((key) => fontkitFont(key).hasGlyphForCodePoint(code));
      if (!font) {
        this.missing.add(char);
        runs.push({ text: REPLACEMENT, font: `dejavu-${face}`, actual: char });
      } else if (last && last.font === font && !last.actual) {
        last.text += char;
      } else {
        runs.push({ text: char, font });
      }
    }
    this.runCache.set(cacheKey, runs);
    return runs;
  }
}
