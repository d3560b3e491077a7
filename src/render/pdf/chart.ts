// Figures: a bar chart drawn as vectors (one bar a row, its label at the left and its value at the
// end), and a picture from a PNG or JPEG file. Each is a Figure element with its text alternative.
import type { Block } from '../../document/types.js';
import type { BlockLayout, Column } from './blocks.js';
import { textStyle } from './blocks.js';
import type { Item } from './flow.js';
import { Fonts } from './fonts.js';
import { COLOUR, STATUS_FILL, TYPE } from './style.js';
import { structNode, type StructNode } from './tags.js';

const ROW = 26;
const BAR = 17;
const GAP = 10;

export function chartItems(layout: BlockLayout, block: Extract<Block, { type: 'figure' }>, parent: StructNode, column: Column, before: number): Item[] {
  const { fonts } = layout;
  const rows = block.chart.bars;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const size = TYPE.small.size;
  const label = Fonts.key('sans', 'regular');
  const value = Fonts.key('sans', 'bold');
  const values = rows.map((r) => r.valueText);
  const valueWidth = Math.max(0, ...values.map((v) => fonts.width(v, value, size)));
  // The labels' column is as wide as the longest label, up to a third of the width.
  const labelWidth = Math.min(column.width / 3, Math.max(0, ...rows.map((r) => fonts.width(r.label, label, size))) + GAP);
  const space = Math.max(10, column.width - labelWidth - GAP * 2 - valueWidth);
  const height = rows.length * ROW + 6;
  const figure = structNode('Figure', parent, { alt: block.alt, placement: 'Block' });
  const chart: Item = {
    height,
    before: block.caption ? 6 : before,
    draw: (pen, y) => {
      figure.options.bbox = [column.x, y, column.x + column.width, y + height];
      const x = column.x + labelWidth;
      rows.forEach((row, i) => {
        const top = y + 3 + i * ROW;
        const baseline = top + BAR / 2 + size * 0.36;
        const width = row.value > 0 ? Math.max(2, (row.value / max) * space) : 0;
        const w = fonts.width(row.label, label, size);
        const common = { size, colour: COLOUR.text, rise: 0, node: figure };
        pen.text({ ...common, x: x - GAP - w, width: w, text: row.label, font: label }, baseline);
        if (width) pen.graphics(figure, (doc) => doc.rect(x, top, width, BAR).fill(row.status ? STATUS_FILL[row.status] : COLOUR.brand));
        pen.text({ ...common, x: x + width + GAP, width: 0, text: values[i]!, font: value }, baseline);
      });
      // The axis the bars stand on.
      pen.graphics(figure, (doc) => doc.lineWidth(1).moveTo(x, y).lineTo(x, y + height).stroke(COLOUR.text));
      pen.tagger.end(figure);
    },
  };
  if (!block.caption) return [chart];
  const caption = layout.inline(block.caption, textStyle(TYPE.h5, { bold: true }), structNode('Caption', figure), column, before, true);
  // The caption is drawn first and makes the Figure element: its box, caption and chart, is known then.
  const tall = caption.reduce((sum, item) => sum + item.height, 0) + chart.before + height;
  const first = caption[0]!;
  caption[0] = { ...first, draw: (pen, y) => {
    figure.options.bbox = [column.x, y, column.x + column.width, y + tall];
    first.draw!(pen, y);
  } };
  return [...caption, chart];
}

/** The pixel size pdfkit reads from the file, for laying the picture out before it is drawn. */
interface Opened {
  width: number;
  height: number;
}

/** A document's pictures, each opened once for both passes (pdfkit embeds it the first time it is drawn). */
export class Pictures {
  private readonly opened = new Map<Uint8Array, Opened>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  open(data: Uint8Array): Opened {
    let image = this.opened.get(data);
    if (!image) {
      image = (this.doc as unknown as { openImage(src: Buffer): Opened }).openImage(Buffer.from(data));
      this.opened.set(data, image);
    }
    return image;
  }
}

export function imageItems(pictures: Pictures, block: Extract<Block, { type: 'image' }>, parent: StructNode, column: Column, before: number): Item[] {
  const image = pictures.open(block.data);
  // `width` is in CSS pixels (96 to the inch); a point is 1/72 inch. Never wider than the column.
  const natural = block.width ?? image.width;
  const width = Math.min(column.width, (natural * 72) / 96);
  const height = (image.height * width) / image.width;
  const figure = structNode('Figure', parent, { alt: block.alt, placement: 'Block' });
  return [{
    height,
    before,
    decor: column.decor,
    draw: (pen, y) => {
      figure.options.bbox = [column.x, y, column.x + width, y + height];
      pen.graphics(figure, (d) => d.image(image as never, column.x, y, { width, height }));
      pen.tagger.end(figure);
    },
  }];
}
