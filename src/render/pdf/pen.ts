// Drawing on the page: text pieces, links, fills and rules, each marked as the content of its
// structure element or as an artifact. Only the draw pass has a pen; the measuring pass has none.
import type { FontKey } from './fonts.js';
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
}

/** pdfkit writes a JavaScript String object as a PDF text string and a primitive one as a name. */
export function pdfText(text: string): string {
  return new String(text) as unknown as string;
}

export class Pen {
  /** Inside a repeated table header: everything drawn is an artifact and nothing is tagged. */
  private decorating = 0;

  constructor(readonly doc: PDFKit.PDFDocument, readonly tagger: Tagger) {}

  text(piece: Piece, baseline: number): void {
    if (!this.decorating) this.tagger.content(piece.node);
    const doc = this.doc;
    if (piece.actual) doc.markContent('Span', { actual: piece.actual });
    doc.font(piece.font).fontSize(piece.size).fillColor(piece.colour)
      .text(piece.text, piece.x, baseline - piece.rise, { lineBreak: false, baseline: 'alphabetic' });
    if (piece.actual) doc.endMarkedContent();
  }

  /** A clickable area for `node` (a Link element). */
  link(node: StructNode, x: number, y: number, width: number, height: number, target: LinkTarget): void {
    if (this.decorating) return;
    const options = { structParent: this.tagger.element(node), Contents: pdfText(target.label) };
    if ('url' in target) this.doc.link(x, y, width, height, target.url, options);
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
