// Where things are: the page each part starts on (for the contents), the named destinations the
// contents links go to, and the bookmarks (outline) a reader's sidebar shows.
import type { Flow } from './flow.js';
import { PAGE } from './style.js';

/**
 * Destinations the writer adds itself. The model's part ids are slugs (lower case, digits, hyphens),
 * so a name with a colon can never be taken by a part: a theme called "Contents" keeps its own.
 */
export const CONTENTS_ID = 'covenant:contents';
export const footnoteId = (n: number) => `covenant:fn-${n}`;

export class Navigation {
  /** Anchor id → page number, counted from the cover as 1. */
  readonly pages = new Map<string, number>();
  private part: PDFKit.PDFOutline | null = null;

  /**
   * Marks where `id` starts, in the flow's order: level 1 is a part's bookmark, level 2 one inside
   * the last part (an annex department). Only level 1 anchors are link targets.
   */
  anchor(flow: Flow, id: string, title: string, level: 1 | 2): void {
    flow.mark((f) => this.here(f, id, title, level));
  }

  /** The same, at once: for a place the flow does not know of (a table row about to be drawn). */
  here(flow: Flow, id: string, title: string, level: 1 | 2): void {
    if (level === 1) this.pages.set(id, flow.page);
    const pen = flow.pen;
    if (!pen) return;
    const top = Math.max(0, flow.y - 10);
    if (level === 1) pen.doc.addNamedDestination(id, 'XYZ', null, top, null);
    // pdfkit computes the bookmark's left edge as page width minus `left`: the full width gives 0.
    const where = { top, left: PAGE.width, zoom: 0 };
    if (level === 1 || !this.part) this.part = pen.doc.outline.addItem(title, where);
    else this.part.addItem(title, where);
  }
}
