// Where things are: the page each link target starts on (for the contents), the named destinations
// links go to, and the bookmarks (outline) a reader's sidebar shows, nested as the headings are.
import type { Flow } from './flow.js';
import { PAGE } from './style.js';

/**
 * Destinations the writer adds itself. The document's ids are slugs (lower case, digits, hyphens),
 * so a name with a colon can never be taken by one of them: a heading called "Contents" keeps its own.
 */
export const CONTENTS_ID = 'covenant:contents';
export const footnoteId = (n: number) => `covenant:fn-${n}`;
/** The footnote a destination made by footnoteId() is of; null for any other. */
export const footnoteOf = (dest: string): number | null => (dest.startsWith('covenant:fn-') ? Number(dest.slice(12)) : null);

/** A bookmark: its title and the heading level it comes from (a level 3 nests under the last level 2). */
export interface OutlineEntry {
  title: string;
  depth: number;
}

/**
 * The depth of a table row's bookmark (an annex department): deeper than any heading's, so it nests
 * under the bookmark of the heading before its table, and the next bookmarked heading closes it.
 */
export const ROW_DEPTH = 7;

export class Navigation {
  /** Target id → page number, counted from the first page as 1. */
  readonly pages = new Map<string, number>();
  /** The open bookmarks, outermost first, with their depth. */
  private open: { depth: number; item: PDFKit.PDFOutline }[] = [];

  /** Marks where `id` starts (a link target) and adds its bookmark: at the flow's current place. */
  here(flow: Flow, id: string | null, outline: OutlineEntry | null): void {
    if (id !== null && !this.pages.has(id)) this.pages.set(id, flow.page);
    const pen = flow.pen;
    if (!pen) return;
    const top = Math.max(0, flow.y - 10);
    // Every id is a destination once, where it first appears; a repeated id keeps its first place.
    if (id !== null && !this.named.has(id)) {
      this.named.add(id);
      pen.doc.addNamedDestination(id, 'XYZ', null, top, null);
    }
    if (!outline) return;
    while (this.open.length && this.open[this.open.length - 1]!.depth >= outline.depth) this.open.pop();
    // pdfkit computes the bookmark's left edge as page width minus `left`: the full width gives 0.
    const where = { top, left: PAGE.width, zoom: 0 };
    const parent = this.open[this.open.length - 1]?.item ?? pen.doc.outline;
    this.open.push({ depth: outline.depth, item: parent.addItem(outline.title, where) });
  }

  private readonly named = new Set<string>();
}
