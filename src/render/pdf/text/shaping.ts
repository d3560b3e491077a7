// Text shaped by HarfBuzz (harfbuzzjs, the real HarfBuzz in WebAssembly): glyphs, their advances
// with kerning, marks placed on their letters, Arabic joining and the conjuncts of Indic scripts.
import * as hb from 'harfbuzzjs';

/** Glyphs in the order they are drawn, left to right, and their positions in font units. */
export interface GlyphRun {
  glyphs: number[];
  /** Each glyph's characters: a cluster's text goes to its first glyph in reading order, none to the rest. */
  codePoints: number[][];
  advances: number[];
  xOffsets: number[];
  yOffsets: number[];
}

/** One buffer serves every shaping: HarfBuzz's buffers are reused, not made a word at a time. */
let buffer: hb.Buffer | undefined;

/** A font as HarfBuzz reads it: made from the font file's bytes (and its index in a collection). */
export class Shaper {
  private readonly face: hb.Face;
  private readonly font: hb.Font;
  readonly unitsPerEm: number;

  constructor(bytes: Uint8Array, index = 0) {
    this.face = new hb.Face(new hb.Blob(bytes), index);
    this.font = new hb.Font(this.face);
    this.unitsPerEm = this.face.upem;
  }

  /** The font's glyph for a character; 0 when it has none. */
  glyph(code: number): number {
    return this.font.nominalGlyph(code) ?? 0;
  }

  /** A glyph's own advance (hmtx) in font units: its width in the PDF's font dictionary. */
  advance(glyph: number): number {
    return this.font.glyphHAdvance(glyph);
  }

  /** Every character the font has a glyph for. */
  characters(): Uint32Array {
    return this.face.collectUnicodes();
  }

  /** A table's bytes, or undefined when the font has none. */
  table(tag: string): Uint8Array | undefined {
    return this.face.referenceTable(tag);
  }

  /** The PostScript name (name ID 6). */
  postscriptName(): string {
    return this.face.getName(6, 'en');
  }

  /**
   * `text` shaped in one direction (right to left for a right-to-left run of the Unicode Bidirectional
   * Algorithm); its script is HarfBuzz's guess from its letters, as browsers do for a run of one script.
   */
  shape(text: string, rightToLeft: boolean): GlyphRun {
    buffer ??= new hb.Buffer();
    buffer.clearContents();
    buffer.addText(text);
    buffer.setDirection(rightToLeft ? hb.Direction.RTL : hb.Direction.LTR);
    buffer.guessSegmentProperties();
    hb.shape(this.font, buffer);
    const infos = buffer.getGlyphInfos();
    const positions = buffer.getGlyphPositions();
    const n = infos.length;
    const glyphs = new Array<number>(n);
    const advances = new Array<number>(n);
    const xOffsets = new Array<number>(n);
    const yOffsets = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      glyphs[i] = infos[i]!.codepoint;
      const p = positions[i]!;
      advances[i] = p.xAdvance;
      xOffsets[i] = p.xOffset;
      // HarfBuzz's y goes up; the PDF's text space here goes down (pdfkit's flipped page).
      yOffsets[i] = -p.yOffset;
    }
    return { glyphs, codePoints: clusterText(text, infos.map((info) => info.cluster), rightToLeft), advances, xOffsets, yOffsets };
  }
}

/**
 * Each glyph's characters from HarfBuzz's clusters (UTF-16 offsets into `text`), which run forwards
 * for left to right and backwards for right to left: a cluster's text goes to its first glyph in
 * that order, and runs to the start of the next cluster.
 */
function clusterText(text: string, clusters: readonly number[], rightToLeft: boolean): number[][] {
  const n = clusters.length;
  const out: number[][] = new Array<number[]>(n);
  let end = text.length;
  // From the end of the reading order back, so that each cluster's end is the start of the one after it.
  for (let k = n - 1; k >= 0; k--) {
    const i = rightToLeft ? n - 1 - k : k;
    const cluster = clusters[i]!;
    const before = k > 0 ? clusters[rightToLeft ? i + 1 : i - 1]! : -1;
    if (before === cluster) {
      out[i] = [];
      continue;
    }
    const codes: number[] = [];
    for (let at = cluster; at < end; at++) {
      const code = text.codePointAt(at)!;
      codes.push(code);
      if (code > 0xffff) at++;
    }
    out[i] = codes;
    end = cluster;
  }
  return out;
}
