// The summary's bar chart, drawn as vectors: one bar a status present this year, with its label and
// count. Tagged as a Figure whose alternative text is the summary's description.
import { formatNumber, STATUS_COLOURS } from '../helpers.js';
import type { Summary } from '../../report/model.js';
import type { Column } from './blocks.js';
import type { Item } from './flow.js';
import { Fonts } from './fonts.js';
import { COLOUR, TYPE } from './style.js';
import { structNode, type StructNode } from './tags.js';

const ROW = 26;
const BAR = 17;
const LABEL_WIDTH = 96;
const GAP = 10;

export function chartItem(fonts: Fonts, summary: Summary, parent: StructNode, column: Column, before: number): Item {
  const rows = summary.byStatus.filter((s) => s.count > 0);
  const max = Math.max(1, ...rows.map((r) => r.count));
  const size = TYPE.small.size;
  const label = Fonts.key('sans', 'regular');
  const value = Fonts.key('sans', 'bold');
  const values = rows.map((r) => `${formatNumber(r.count)} (${formatNumber(r.percent)}%)`);
  const valueWidth = Math.max(...values.map((v) => fonts.width(v, value, size)));
  const space = column.width - LABEL_WIDTH - GAP * 2 - valueWidth;
  const height = rows.length * ROW + 6;
  const figure = structNode('Figure', parent, { alt: summary.description, placement: 'Block' });
  return {
    height,
    before,
    draw: (pen, y) => {
      figure.options.bbox = [column.x, y, column.x + column.width, y + height];
      rows.forEach((row, i) => {
        const top = y + 3 + i * ROW;
        const baseline = top + BAR / 2 + size * 0.36;
        const width = Math.max(2, (row.count / max) * space);
        const labelWidth = fonts.width(row.label, label, size);
        const x = column.x + LABEL_WIDTH;
        const common = { size, colour: COLOUR.text, rise: 0, node: figure };
        pen.text({ ...common, x: x - GAP - labelWidth, width: labelWidth, text: row.label, font: label }, baseline);
        pen.graphics(figure, (doc) => doc.rect(x, top, width, BAR).fill(STATUS_COLOURS[row.status].fill));
        pen.text({ ...common, x: x + width + GAP, width: 0, text: values[i]!, font: value }, baseline);
      });
      // The axis the bars stand on.
      pen.graphics(figure, (doc) => doc.lineWidth(1).moveTo(column.x + LABEL_WIDTH, y).lineTo(column.x + LABEL_WIDTH, y + height).stroke(COLOUR.text));
      pen.tagger.end(figure);
    },
  };
}
