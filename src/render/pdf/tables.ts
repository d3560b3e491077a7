// Tables drawn row by row: the header row repeats at the top of every page the table reaches, and
// a row taller than the space left is split between lines, however long, so no word is lost.
// (pdfkit's own table() clamps such a row to one page, which is why it is not used.)
import { BODY, textItems, textStyle, type Column } from './blocks.js';
import type { Flow, Item, PageHead } from './flow.js';
import type { Fonts } from './fonts.js';
import type { Pen } from './pen.js';
import { BODY_BOTTOM, COLOUR, PAGE, SPACE, TYPE } from './style.js';
import { structNode, type StructNode } from './tags.js';

export interface CellSpec {
  /** A header cell and what it heads; a data cell when absent. */
  scope?: 'Row' | 'Column';
  align?: 'right';
  /** The cell's content as items laid out in `column`, tagged under `node`. */
  content(column: Column, node: StructNode): Item[];
}

export interface TableSpec {
  caption: string | null;
  /** Relative column widths. */
  widths: readonly number[];
  head: readonly CellSpec[];
  /** Rows are laid out one at a time as they are placed, so a long table is never all in memory. */
  rows: Iterable<RowSpec>;
}

export interface RowSpec {
  cells: readonly CellSpec[];
  /** Called just before the row is drawn, on the page it starts on (a bookmark to it). */
  onPlace?(flow: Flow): void;
}

interface CellLayout {
  node: StructNode;
  x: number;
  items: Item[];
}

interface RowLayout {
  node: StructNode;
  cells: CellLayout[];
}

const PAD = SPACE.cell;
/** A row is split rather than moved on when at least this share of a page is left for it. */
const SPLIT_SHARE = 0.2;

function contentHeight(items: readonly Item[]): number {
  return items.reduce((sum, item, i) => sum + item.height + (i === 0 ? 0 : item.before), 0);
}

function rowHeight(row: RowLayout): number {
  return PAD * 2 + Math.max(0, ...row.cells.map((c) => contentHeight(c.items)));
}

export function plainCell(fonts: Fonts, text: string, options: { scope?: 'Row' | 'Column'; align?: 'right'; bold?: boolean } = {}): CellSpec {
  const style = textStyle(TYPE.small, { bold: options.bold ?? options.scope !== undefined });
  return {
    ...(options.scope ? { scope: options.scope } : {}),
    ...(options.align ? { align: options.align } : {}),
    content: (column, node) => textItems(fonts, text, style, structNode('P', node), column, 0),
  };
}

export class TableLayout {
  constructor(private readonly flow: Flow, private readonly fonts: Fonts) {}

  private layoutRow(cells: readonly CellSpec[], table: StructNode, column: Column, widths: readonly number[]): RowLayout {
    const node = structNode('TR', table);
    const total = widths.reduce((a, b) => a + b, 0);
    let x = column.x;
    const layout = cells.map((cell, i): CellLayout => {
      const width = (column.width * widths[i]!) / total;
      const inner: Column = { x: x + PAD, width: width - PAD * 2, decor: [], ...(cell.align ? { align: cell.align } : {}) };
      const cellNode = structNode(cell.scope ? 'TH' : 'TD', node, cell.scope ? { scope: cell.scope } : {});
      const items = cell.content(inner, cellNode).map((item, n) => (n === 0 ? { ...item, before: 0 } : item));
      x += width;
      return { node: cellNode, x, items };
    });
    return { node, cells: layout };
  }

  private drawRow(pen: Pen, row: RowLayout, y: number, height: number, column: Column, rule: number): void {
    for (const cell of row.cells) {
      pen.touch(cell.node);
      let top = y + PAD;
      cell.items.forEach((item, i) => {
        if (i > 0) top += item.before;
        item.draw?.(pen, top);
        top += item.height;
      });
    }
    pen.rule(column.x, y + height - rule / 2, column.x + column.width, COLOUR.border, rule);
  }

  /** The row cut where `room` runs out in each cell, and the rest; null when nothing fits. */
  private split(row: RowLayout, room: number): [RowLayout, RowLayout] | null {
    const first: CellLayout[] = [];
    const rest: CellLayout[] = [];
    for (const cell of row.cells) {
      let used = 0;
      let n = 0;
      while (n < cell.items.length) {
        const item = cell.items[n]!;
        const add = item.height + (n === 0 ? 0 : item.before);
        if (used + add > room) break;
        used += add;
        n++;
      }
      // A heading or a paragraph's first line is not left alone at the foot of the page.
      while (n > 1 && n < cell.items.length && cell.items[n - 1]!.keep) n--;
      first.push({ ...cell, items: cell.items.slice(0, n) });
      rest.push({ ...cell, items: cell.items.slice(n).map((item, i) => (i === 0 ? { ...item, before: 0 } : item)) });
    }
    if (first.every((c) => c.items.length === 0)) return null;
    return [{ ...row, cells: first }, { ...row, cells: rest }];
  }

  private placeRow(row: RowLayout, column: Column, fresh: number, onPlace?: (flow: Flow) => void): void {
    const flow = this.flow;
    let current = row;
    let started = false;
    const start = () => {
      if (!started) onPlace?.(flow);
      started = true;
    };
    for (;;) {
      flow.ensure(0);
      const height = rowHeight(current);
      const room = flow.remaining();
      if (height <= room) {
        start();
        if (flow.pen) this.drawRow(flow.pen, current, flow.y, height, column, 1);
        flow.advance(height);
        return;
      }
      const cut = (!flow.atTop && height <= fresh && room < fresh * SPLIT_SHARE) ? null : this.split(current, room - PAD * 2);
      if (!cut) {
        if (flow.atTop) throw new Error('a table row has a line taller than a page');
        flow.newPage();
        continue;
      }
      const [first, rest] = cut;
      const used = rowHeight(first);
      start();
      if (flow.pen) this.drawRow(flow.pen, first, flow.y, used, column, 1);
      flow.advance(used);
      flow.newPage();
      current = rest;
    }
  }

  /** Places the table under `parent`, a row at a time; yields after each row so output can drain. */
  *place(spec: TableSpec, parent: StructNode, column: Column, before: number): Generator<void> {
    const flow = this.flow;
    const table = structNode('Table', parent);
    if (spec.caption) flow.placeAll(textItems(this.fonts, spec.caption, textStyle(TYPE.h5, { bold: true }), structNode('Caption', table), column, before, true));
    const head = this.layoutRow(spec.head, table, column, spec.widths);
    const headHeight = rowHeight(head);
    flow.ensure(headHeight + BODY.leading * 3, spec.caption ? 0 : before);
    if (!spec.caption && !flow.atTop) flow.advance(before);
    if (flow.pen) this.drawRow(flow.pen, head, flow.y, headHeight, column, 2);
    flow.advance(headHeight);
    flow.mark((f) => f.pen?.tagger.end(head.node));
    const repeat: PageHead = { height: headHeight, draw: (pen, y) => pen.repeat(() => this.drawRow(pen, head, y, headHeight, column, 2)) };
    flow.pushHead(repeat);
    const fresh = BODY_BOTTOM - PAGE.top - headHeight;
    for (const rowSpec of spec.rows) {
      const row = this.layoutRow(rowSpec.cells, table, column, spec.widths);
      this.placeRow(row, column, fresh, rowSpec.onPlace);
      flow.mark((f) => f.pen?.tagger.end(row.node));
      yield;
    }
    flow.popHead(repeat);
    flow.mark((f) => f.pen?.tagger.end(table));
  }
}
