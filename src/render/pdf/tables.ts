// Tables drawn row by row: the header rows repeat at the top of every page the table reaches, a
// short table is not split from its caption, and a row taller than the space left is split between
// lines, however long, so no word is lost. (pdfkit's own table() clamps such a row to one page.)
import type { Block, TableCell, TableRow } from '../../document/types.js';
import { endOf, textStyle, type BlockLayout, type Column, type Place } from './blocks.js';
import { columnWidths } from './columns.js';
import type { Flow, Item, PageHead } from './flow.js';
import { ROW_DEPTH } from './navigation.js';
import type { Pen } from './pen.js';
import { BODY_BOTTOM, COLOUR, PAGE, SPACE, TYPE } from './style.js';
import { structNode, type StructNode } from './tags.js';

type TableBlock = Extract<Block, { type: 'table' }>;

interface CellLayout {
  node: StructNode;
  items: Item[];
}

interface RowLayout {
  node: StructNode;
  cells: CellLayout[];
  /** The bookmark of a group the row starts. */
  outline?: string;
}

const PAD = SPACE.cell;
/** A row is split rather than moved on when at least this share of a page is left for it. */
const SPLIT_SHARE = 0.2;
/** The body rows kept on the page of the table's caption and header. */
const KEEP_ROWS = 3;
/** A table of this many rows or fewer moves whole to the next page rather than split, when it fits there. */
const SHORT_TABLE = 12;
const CELL = textStyle(TYPE.small);

function contentHeight(items: readonly Item[]): number {
  return items.reduce((sum, item, i) => sum + item.height + (i === 0 ? 0 : item.before), 0);
}

function rowHeight(row: RowLayout): number {
  return PAD * 2 + Math.max(0, ...row.cells.map((c) => contentHeight(c.items)));
}

/** Each table's column widths, worked out once for both passes. */
const widthsOf = new WeakMap<TableBlock, number[]>();

function columns(layout: BlockLayout, table: TableBlock, column: Column): number[] {
  let widths = widthsOf.get(table);
  if (!widths) {
    widths = columnWidths(layout.fonts, table.columns, [...table.head, ...table.body], column.width, PAD * 2, CELL.size);
    widthsOf.set(table, widths);
  }
  return widths;
}

function layoutRow(layout: BlockLayout, table: TableBlock, row: TableRow, parent: StructNode, column: Column, widths: readonly number[]): RowLayout {
  const node = structNode('TR', parent);
  let x = column.x;
  const cells = row.cells.map((cell: TableCell, i): CellLayout => {
    const width = widths[i] ?? 0;
    const align = cell.align ?? table.columns[i]?.align;
    const inner: Column = { x: x + PAD, width: Math.max(1, width - PAD * 2), decor: [], ...(align === 'right' ? { align } : {}) };
    const scope = cell.header === 'col' ? 'Column' : cell.header === 'row' ? 'Row' : null;
    const cellNode = structNode(scope ? 'TH' : 'TD', node, scope ? { scope } : {});
    const style = scope ? { ...CELL, bold: true } : CELL;
    const items = layout.blocks(cell.blocks, { parent: cellNode, column: inner, before: 0, style });
    x += width;
    return { node: cellNode, items: items.map((item, n) => (n === 0 ? { ...item, before: 0 } : item)) };
  });
  return row.outline === undefined ? { node, cells } : { node, cells, outline: row.outline };
}

function drawRow(pen: Pen, row: RowLayout, y: number, height: number, column: Column, rule: number): void {
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

/**
 * A table inside another block (a list item, a note, a cell) as items: a row is one item, kept
 * whole, and the header stays with the first row but is not repeated.
 */
export function tableItems(layout: BlockLayout, table: TableBlock, at: Place): Item[] {
  const node = structNode('Table', at.parent);
  const widths = columns(layout, table, at.column);
  const caption = table.caption.length ? layout.inline(table.caption, textStyle(TYPE.h5, { bold: true }), structNode('Caption', node), at.column, at.before, true) : [];
  const rows = (list: readonly TableRow[], parent: StructNode, keep: boolean, rule: number): Item[] => list.flatMap((row) => {
    const laid = layoutRow(layout, table, row, parent, at.column, widths);
    const height = rowHeight(laid);
    const item: Item = { height, before: 0, keep, decor: at.column.decor, draw: (pen, y) => drawRow(pen, laid, y, height, at.column, rule) };
    const title = row.outline;
    // The mark waits for the row, so the bookmark lands on the page the row moves to.
    return title === undefined ? [item] : [{ height: 0, before: 0, mark: (flow: Flow) => layout.nav.here(flow, null, { title, depth: ROW_DEPTH }) }, item];
  });
  const head = rows(table.head, structNode('THead', node), true, 2);
  const body = rows(table.body, structNode('TBody', node), false, 1);
  const first = caption.length ? 0 : at.before;
  return [...caption, ...[...head, ...body].map((item, i) => (i === 0 ? { ...item, before: first } : item)), endOf(node)];
}

export class TableLayout {
  constructor(private readonly flow: Flow, private readonly layout: BlockLayout) {}

  /** The bookmark of the group a row starts, where the row's first line is drawn. */
  private bookmark(row: RowLayout): void {
    if (row.outline !== undefined) this.layout.nav.here(this.flow, null, { title: row.outline, depth: ROW_DEPTH });
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

  private placeRow(row: RowLayout, column: Column, fresh: number): void {
    const flow = this.flow;
    let current = row;
    for (;;) {
      flow.ensure(0);
      const height = rowHeight(current);
      const room = flow.remaining();
      if (height <= room) {
        if (current === row) this.bookmark(row);
        if (flow.pen) drawRow(flow.pen, current, flow.y, height, column, 1);
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
      if (current === row) this.bookmark(row);
      if (flow.pen) drawRow(flow.pen, first, flow.y, used, column, 1);
      flow.advance(used);
      flow.newPage();
      current = rest;
    }
  }

  /**
   * Makes room for the table's start: its header and first rows (all of a short table's, when
   * they fit on a page) stay with the caption and the heading before it.
   */
  private keepStart(headHeight: number, first: readonly RowLayout[], before: number): void {
    const page = BODY_BOTTOM - PAGE.top;
    const all = headHeight + first.reduce((sum, r) => sum + rowHeight(r), 0);
    const some = headHeight + first.slice(0, KEEP_ROWS).reduce((sum, r) => sum + rowHeight(r), 0);
    this.flow.ensure(all < page * 0.8 ? all : Math.min(some, page * 0.8), before);
  }

  /** Places the table under `parent`, a row at a time; yields after each row so output can drain. */
  *place(table: TableBlock, parent: StructNode, column: Column, before: number): Generator<void> {
    const flow = this.flow;
    const node = structNode('Table', parent);
    const widths = columns(this.layout, table, column);
    const caption = table.caption.length > 0;
    if (caption) flow.placeAll(this.layout.inline(table.caption, textStyle(TYPE.h5, { bold: true }), structNode('Caption', node), column, before, true));
    const thead = structNode('THead', node);
    const head = table.head.map((row) => layoutRow(this.layout, table, row, thead, column, widths));
    const headHeight = head.reduce((sum, r) => sum + rowHeight(r), 0);
    const tbody = structNode('TBody', node);
    const first = table.body.slice(0, table.body.length <= SHORT_TABLE ? SHORT_TABLE : KEEP_ROWS).map((row) => layoutRow(this.layout, table, row, tbody, column, widths));
    this.keepStart(headHeight, first, caption ? 0 : before);
    if (!caption && !flow.atTop) flow.advance(before);
    const drawHead = (pen: Pen, y: number) => head.forEach((row, i) => drawRow(pen, row, y + head.slice(0, i).reduce((s, r) => s + rowHeight(r), 0), rowHeight(row), column, i === head.length - 1 ? 2 : 1));
    if (flow.pen && head.length) drawHead(flow.pen, flow.y);
    flow.advance(headHeight);
    flow.mark((f) => f.pen?.tagger.end(thead));
    const repeat: PageHead = { height: headHeight, draw: (pen, y) => pen.repeat(() => drawHead(pen, y)) };
    if (head.length) flow.pushHead(repeat);
    const fresh = BODY_BOTTOM - PAGE.top - headHeight;
    for (const [i, row] of table.body.entries()) {
      const laid = first[i] ?? layoutRow(this.layout, table, row, tbody, column, widths);
      this.placeRow(laid, column, fresh);
      flow.mark((f) => f.pen?.tagger.end(laid.node));
      yield;
    }
    if (head.length) flow.popHead(repeat);
    flow.mark((f) => f.pen?.tagger.end(node));
  }
}
