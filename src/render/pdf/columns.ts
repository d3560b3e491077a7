// A table's column widths: weighted columns share what the others leave, in proportion; a column
// without a weight is as wide as its widest content, down to its longest word when space is short.
import type { Block, Inline, TableColumn, TableRow } from '../../document/types.js';
import { Fonts } from './fonts.js';
import { inlineText } from '../../report/rich.js';

/** How wide a cell's content is on one line (max) and at its longest word (min), in points. */
interface Extent {
  min: number;
  max: number;
}

function inlinesOf(blocks: readonly Block[]): Inline[][] {
  return blocks.flatMap((b): Inline[][] => {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        return [b.children];
      case 'list':
        return b.items.flatMap(inlinesOf);
      case 'quote':
      case 'note':
      case 'section':
        return inlinesOf(b.children);
      case 'code':
        return [[{ type: 'code', text: b.text }]];
      default:
        return [];
    }
  });
}

function extent(fonts: Fonts, blocks: readonly Block[], size: number, bold: boolean): Extent {
  const font = Fonts.key('sans', bold ? 'bold' : 'regular');
  let min = 0;
  let max = 0;
  for (const inlines of inlinesOf(blocks)) {
    const text = inlineText(inlines);
    max = Math.max(max, fonts.width(text, font, size));
    for (const word of text.split(/\s+/)) if (word) min = Math.max(min, fonts.width(word, font, size));
  }
  return { min, max };
}

/**
 * Widths for `columns` across `total` points. `pad` is a cell's padding on both sides together;
 * `size` the cells' type size.
 */
export function columnWidths(fonts: Fonts, columns: readonly TableColumn[], rows: readonly TableRow[], total: number, pad: number, size: number): number[] {
  const n = columns.length;
  const extents: Extent[] = columns.map(() => ({ min: 0, max: 0 }));
  const free = columns.map((c, j) => (c.weight === null ? j : -1)).filter((j) => j >= 0);
  if (free.length) {
    for (const row of rows) {
      row.cells.forEach((cell, j) => {
        if (j >= n || columns[j]!.weight !== null) return;
        const e = extent(fonts, cell.blocks, size, cell.header !== undefined);
        extents[j] = { min: Math.max(extents[j]!.min, e.min + pad + 1), max: Math.max(extents[j]!.max, e.max + pad + 1) };
      });
    }
  }
  const weighted = columns.some((c) => c.weight !== null);
  // Columns that follow their content take at most this share when others are weighted.
  const room = weighted ? total * 0.6 : total;
  const widths = columns.map((c, j) => (c.weight === null ? extents[j]!.max : 0));
  const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);
  let used = sum(widths);
  if (used > room) {
    // Shrink each free column towards its longest word, all by the same share of their slack.
    const mins = free.map((j) => Math.min(extents[j]!.min, room / free.length));
    const slack = sum(free.map((j, k) => widths[j]! - mins[k]!));
    const share = slack > 0 ? Math.max(0, (room - sum(mins)) / slack) : 0;
    free.forEach((j, k) => (widths[j] = mins[k]! + (widths[j]! - mins[k]!) * share));
    used = sum(widths);
  }
  const left = Math.max(0, total - used);
  if (weighted) {
    share(widths, columns, left, longestWords(fonts, columns, rows, size, pad));
  } else if (used > 0) {
    // All columns follow their content: what is left is shared in proportion, so the table spans the page.
    widths.forEach((w, j) => (widths[j] = w + (left * w) / used));
  } else {
    widths.fill(total / n);
  }
  return widths;
}

/**
 * The widest word of each weighted column, padding included: a column is never narrower, so no
 * word (a heading's "Department") is cut. Each cell's longest word by letters stands for the cell.
 */
function longestWords(fonts: Fonts, columns: readonly TableColumn[], rows: readonly TableRow[], size: number, pad: number): number[] {
  const widest = columns.map(() => 0);
  for (const row of rows) {
    row.cells.forEach((cell, j) => {
      if (j >= columns.length || columns[j]!.weight === null) return;
      let word = '';
      for (const inlines of inlinesOf(cell.blocks)) for (const w of inlineText(inlines).split(/\s+/)) if (w.length > word.length) word = w;
      if (word) widest[j] = Math.max(widest[j]!, fonts.width(word, Fonts.key('sans', cell.header ? 'bold' : 'regular'), size) + pad + 1);
    });
  }
  return widest;
}

/** Shares `room` among the weighted columns by weight, none below its minimum. */
function share(widths: number[], columns: readonly TableColumn[], room: number, minimum: readonly number[]): void {
  const fixed = new Set<number>();
  for (;;) {
    const open = columns.map((_, j) => j).filter((j) => columns[j]!.weight !== null && !fixed.has(j));
    const rest = room - [...fixed].reduce((sum, j) => sum + minimum[j]!, 0);
    const weights = open.reduce((sum, j) => sum + columns[j]!.weight!, 0);
    for (const j of fixed) widths[j] = minimum[j]!;
    for (const j of open) widths[j] = weights > 0 ? (rest * columns[j]!.weight!) / weights : rest / open.length;
    const short = open.filter((j) => widths[j]! < minimum[j]!);
    if (short.length === 0 || short.length === open.length) return;
    for (const j of short) fixed.add(j);
  }
}
