// Drawing on the page: text pieces, links, fills and rules, each marked as the content of its
// structure element or as an artifact. Only the draw pass has a pen; the measuring pass has none.
import type { FontKey, Fonts, Shaped } from './fonts.js';
import type { StructNode, Tagger } from './tags.js';

/** Where a link goes, and the words that describe it to a screen reader. */
export type LinkTarget = { url: string; label: string } | { dest: string; label: string };

/** A stretch of one line set in one font, size and colour, at a known x. */
export interface Piece {
  x: number;
  width: number;
  text: string;
  font: FontKey;
  size: number;
  colour: string;
  /** Raised above the baseline (superscript footnote markers). */
  rise: number;
  node: StructNode;
  link?: LinkTarget;
  underline?: boolean;
  /** The character a replacement glyph stands for: kept as ActualText for copying and reading. */
  actual?: string;
  /** The glyphs of `text` as the layout shaped them; they serve only while the text is the same. */
  glyphs?: { text: string; chunks: Shaped[] } | undefined;
}

/** pdfkit writes a JavaScript String object as a PDF text string and a primitive one as a name. */
export function pdfText(text: string): string {
  return new String(text) as unknown as string;
}

export class Pen {
  /** Inside a repeated table header: everything drawn is an artifact and nothing is tagged. */
  private decorating = 0;
  /** The operators that set each colour for filling, as pdfkit's fillColor() writes them. */
  private readonly fills = new Map<string, string | null>();

  constructor(readonly doc: PDFKit.PDFDocument, readonly tagger: Tagger, private readonly fonts: Fonts) {}

  /** Draws `piece` on `baseline`, at `x` when given rather than the piece's own. */
  text(piece: Piece, baseline: number, x = piece.x): void {
    if (!this.decorating) this.tagger.content(piece.node);
    this.fillColour(piece.colour);
    const glyphs = piece.glyphs?.text === piece.text ? piece.glyphs.chunks : undefined;
    this.fonts.draw(piece.text, piece.font, piece.size, x, baseline - piece.rise, glyphs, piece.actual);
  }

  /** pdfkit's fillColor() for a "#rrggbb" colour, with its operators made once. */
  private fillColour(colour: string): void {
    let fill = this.fills.get(colour);
    if (fill === undefined) {
      const hex = /^#[0-9a-f]{6}$/i.test(colour) ? parseInt(colour.slice(1), 16) : null;
      const rgb = hex === null ? null : [hex >> 16, (hex >> 8) & 0xff, hex & 0xff].map((part) => part / 255).join(' ');
      fill = rgb === null ? null : `/DeviceRGB cs\n${rgb} scn`;
      this.fills.set(colour, fill);
    }
    if (fill) this.doc.addContent(fill);
    else this.doc.fillColor(colour);
  }

  /** A clickable area for `node` (a Link element). */
  link(node: StructNode, x: number, y: number, width: number, height: number, target: LinkTarget): void {
    if (this.decorating) return;
    const options = { structParent: this.tagger.element(node), Contents: pdfText(target.label) };
    if ('url' in target) this.doc.link(x, y, width, height, asciiUri(target.url), options);
    else this.doc.goTo(x, y, width, height, target.dest, options);
  }

  /** Makes sure `node`'s element exists even if nothing is drawn in it (an empty table cell). */
  touch(node: StructNode): void {
    if (!this.decorating) this.tagger.element(node);
  }

  fill(x: number, y: number, width: number, height: number, colour: string): void {
    this.decoration(() => this.doc.rect(x, y, width, height).fill(colour));
  }

  rule(x1: number, y: number, x2: number, colour: string, width = 1): void {
    this.decoration(() => this.doc.lineWidth(width).moveTo(x1, y).lineTo(x2, y).stroke(colour));
  }

  /** Graphics that are part of `node`'s content (a chart's bars inside its Figure). */
  graphics(node: StructNode, draw: (doc: PDFKit.PDFDocument) => void): void {
    if (!this.decorating) this.tagger.content(node);
    draw(this.doc);
  }

  decoration(draw: () => void, type: 'Pagination' | 'Layout' = 'Layout'): void {
    if (this.decorating) draw();
    else this.tagger.artifact(type, draw);
  }

  /** Draws a repeat of something already tagged (a table header on a later page) as one artifact. */
  repeat(draw: () => void): void {
    this.decoration(() => {
      this.decorating++;
      try {
        draw();
      } finally {
        this.decorating--;
      }
    }, 'Pagination');
  }
}

/**
 * A PDF link's URI is ASCII (PDF 32000 12.6.4.7): a host beyond ASCII as punycode, other letters
 * percent-encoded, as browsers send them (https://llyw.cymru/ŵ → https://llyw.cymru/%C5%B5).
 */
export function asciiUri(url: string): string {
  if (/^[\x21-\x7e]*$/.test(url)) return url;
  try {
    return new URL(url).href;
  } catch {
    return encodeURI(url);
  }
}
