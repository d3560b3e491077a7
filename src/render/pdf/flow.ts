// Pages and the cursor down them: items (lines, rules, boxes) are placed one after another, a new
// page begins when the next one does not fit, and headings stay with what follows them. The same
// flow runs twice, first without a pen to count pages, then with one to draw.
import { BODY_BOTTOM, PAGE } from './style.js';
import type { Pen } from './pen.js';

/** A shaded background or a left bar drawn under an item, across its height and the gap above it. */
export interface Decor {
  x: number;
  width: number;
  colour: string;
}

/** The padding a shaded box gets again at the top of a page it carries on to. */
const CONTINUED_PAD = 8;

export interface Item {
  height: number;
  /** From the item's top to its first baseline, for a text line: where a list's bullet goes. */
  baseline?: number;
  /** Space above the item; dropped at the top of a page. */
  before: number;
  /** Keep on the same page as the next item (a heading, a paragraph's first line). */
  keep?: boolean;
  /** Something between two parts (a rule): left out where it would open a page. */
  separator?: boolean;
  decor?: readonly Decor[];
  /** Draws the item with its top at `y`. */
  draw?(pen: Pen, y: number): void;
  /** Done in order, at the place of the item that follows; takes no space (anchors, ends of elements). */
  mark?(flow: Flow): void;
}

/** Something every page repeats at its top while it is registered: a table's header row. */
export interface PageHead {
  height: number;
  draw(pen: Pen, y: number): void;
}

export class Flow {
  /** The current page, counted from 1; 0 before the first. */
  page = 0;
  y: number = PAGE.top;
  /** Nothing has been placed on this page yet, apart from repeated heads. */
  atTop = true;
  private pending: Item[] = [];
  private heads: PageHead[] = [];
  /** The backgrounds under the last item placed on this page: a box starts below its own gap. */
  private decor: readonly Decor[] = [];
  /** The backgrounds the last page ended in: a box that carries on gets its padding back on top. */
  private carried: readonly Decor[] = [];

  constructor(
    readonly pen: Pen | null,
    /** Draws what every page has outside the body (the running footer); called as a page begins. */
    private readonly furniture: (page: number, pen: Pen) => void,
  ) {}

  remaining(): number {
    return BODY_BOTTOM - this.y;
  }

  newPage(): void {
    this.pen?.tagger.close();
    this.page++;
    this.y = PAGE.top;
    this.atTop = true;
    this.carried = this.decor;
    this.decor = [];
    if (this.pen) {
      this.pen.doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
      this.furniture(this.page, this.pen);
    }
    for (const head of this.heads) {
      if (this.pen) head.draw(this.pen, this.y);
      this.y += head.height;
    }
  }

  pushHead(head: PageHead): void {
    this.heads.push(head);
  }

  popHead(head: PageHead): void {
    this.heads = this.heads.filter((h) => h !== head);
  }

  place(item: Item): void {
    this.pending.push(item);
    if (item.keep || item.mark) return;
    const need = this.pending.reduce((sum, i, n) => sum + i.height + (n === 0 && this.atTop ? 0 : i.before), 0);
    if (need > this.remaining() && !this.atTop) this.newPage();
    this.flush();
  }

  placeAll(items: readonly Item[]): void {
    for (const item of items) this.place(item);
  }

  /** Does `fn` at this point of the flow, after anything still waiting to be placed. */
  mark(fn: (flow: Flow) => void): void {
    this.place({ height: 0, before: 0, mark: fn });
  }

  /** Makes sure `height` more fits on this page below what is waiting, starting a page if not. */
  ensure(height: number, before = 0): void {
    const waiting = this.pending.reduce((sum, i) => sum + i.height + i.before, 0);
    if (waiting + before + height > this.remaining() && !this.atTop) this.newPage();
    this.flush();
  }

  /** Places everything waiting, each item where it fits. */
  flush(): void {
    const items = this.pending;
    this.pending = [];
    for (const item of items) this.put(item);
  }

  /** Moves the cursor down past something drawn directly (a table row). */
  advance(height: number): void {
    this.y += height;
    if (height > 0) this.atTop = false;
  }

  private put(item: Item): void {
    if (item.mark) {
      item.mark(this);
      return;
    }
    let before = this.atTop ? 0 : item.before;
    if (before + item.height > this.remaining() && !this.atTop) {
      this.newPage();
      before = 0;
    }
    if (item.separator && this.atTop) return;
    const pen = this.pen;
    if (this.atTop && item.decor?.some((d) => this.carried.includes(d))) {
      if (pen) for (const d of item.decor) pen.fill(d.x, this.y, d.width, CONTINUED_PAD, d.colour);
      this.y += CONTINUED_PAD;
      this.decor = item.decor;
    }
    if (pen && item.decor) {
      for (const d of item.decor) {
        const gap = this.decor.includes(d) ? 0 : before;
        pen.fill(d.x, this.y + gap, d.width, before - gap + item.height, d.colour);
      }
    }
    this.decor = item.decor ?? [];
    this.y += before;
    if (pen && item.draw) item.draw(pen, this.y);
    this.advance(item.height);
  }
}
