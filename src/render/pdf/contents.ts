// The contents page: each part's title and the page it starts on, the whole line a link to it.
// The numbers come from the measuring pass; their column is reserved, so they never move a line.
import type { ContentsEntry } from '../../report/model.js';
import { BODY, drawLine, type Column } from './blocks.js';
import type { Item } from './flow.js';
import { Fonts } from './fonts.js';
import { atoms, breakLines } from './inline.js';
import { COLOUR } from './style.js';
import { structNode, type StructNode } from './tags.js';

const NUMBER_WIDTH = 36;

export function contentsItems(fonts: Fonts, entries: readonly ContentsEntry[], pages: ReadonlyMap<string, number> | null, parent: StructNode, column: Column): Item[] {
  const toc = structNode('TOC', parent);
  const style = { ...BODY, colour: COLOUR.link };
  const numberFont = Fonts.key('sans', 'regular');
  return entries.flatMap((entry, e) => {
    const link = structNode('Link', structNode('Reference', structNode('TOCI', toc)));
    const target = { dest: entry.id, label: entry.title };
    const lines = breakLines(atoms([{ type: 'text', text: entry.title }], style, link), style, column.width - NUMBER_WIDTH - 12, fonts);
    return lines.map((line, i): Item => ({
      height: line.height,
      before: i === 0 && e > 0 ? 7 : 0,
      keep: i < lines.length - 1,
      draw: (pen, y) => {
        drawLine(pen, line, column.x, y);
        pen.link(link, column.x, y, column.width, line.height, target);
        if (i < lines.length - 1) return;
        const number = String(pages?.get(entry.id) ?? '');
        const width = fonts.width(number, numberFont, style.size);
        const right = column.x + column.width;
        // Dotted leaders carry the eye from the title to its page number.
        const from = column.x + line.width + 8;
        const to = right - width - 6;
        if (to > from) pen.decoration(() => pen.doc.lineWidth(0.8).dash(0.8, { space: 2.6 }).moveTo(from, y + line.baseline).lineTo(to, y + line.baseline).stroke(COLOUR.border).undash());
        pen.text({ x: right - width, width, text: number, font: numberFont, size: style.size, colour: COLOUR.text, rise: 0, node: link }, y + line.baseline);
      },
    }));
  });
}
