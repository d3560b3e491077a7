// The table of contents: each entry's words and the page it starts on, the whole line a link to it.
// The numbers come from the measuring pass; their column is reserved, so they never move a line.
import type { Block } from '../../document/types.js';
import { BODY, drawLine, endOf, spacer, type BlockLayout, type Column } from './blocks.js';
import type { Item } from './flow.js';
import { Fonts } from './fonts.js';
import { breakLines } from './inline.js';
import { CONTENTS_ID } from './navigation.js';
import { inlineText } from '../../report/rich.js';
import { COLOUR } from './style.js';
import { structNode, type StructNode } from './tags.js';

const NUMBER_WIDTH = 36;
/** How far an entry of each level past the first is set in. */
const INDENT = 18;

type ContentsBlock = Extract<Block, { type: 'contents' }>;

function entryItems(layout: BlockLayout, entry: ContentsBlock['entries'][number], indent: number, first: boolean, pages: ReadonlyMap<string, number> | null, toc: StructNode, column: Column): Item[] {
  const { fonts } = layout;
  const style = { ...BODY, colour: COLOUR.link };
  const numberFont = Fonts.key('sans', 'regular');
  const link = structNode('Link', structNode('Reference', structNode('TOCI', toc)));
  const target = { dest: entry.id, label: inlineText(entry.children) };
  const x = column.x + indent;
  const lines = breakLines(layout.phrasing.atoms(entry.children, style, link), style, column.width - indent - NUMBER_WIDTH - 12, fonts);
  return lines.map((line, i): Item => ({
    height: line.height,
    before: i === 0 && !first ? 7 : 0,
    keep: i < lines.length - 1,
    draw: (pen, y) => {
      drawLine(pen, line, x, y);
      pen.link(link, x, y, column.x + column.width - x, line.height, target);
      if (i < lines.length - 1) return;
      const number = String(pages?.get(entry.id) ?? '');
      const width = fonts.width(number, numberFont, style.size);
      const right = column.x + column.width;
      // Dotted leaders carry the eye from the title to its page number.
      const from = x + line.width + 8;
      const to = right - width - 6;
      if (to > from) pen.decoration(() => pen.doc.lineWidth(0.8).dash(0.8, { space: 2.6 }).moveTo(from, y + line.baseline).lineTo(to, y + line.baseline).stroke(COLOUR.border).undash());
      pen.text({ x: right - width, width, text: number, font: numberFont, size: style.size, colour: COLOUR.text, rise: 0, node: link }, y + line.baseline);
    },
  }));
}

/** The contents' heading (a bookmark of its own, named by `bookmark`) and its entries. */
export function contentsItems(layout: BlockLayout, block: ContentsBlock, bookmark: string, pages: ReadonlyMap<string, number> | null, parent: StructNode, column: Column, before: number): Item[] {
  const sect = structNode('TOC', parent);
  const top = Math.min(...block.entries.map((e) => e.level));
  const heading = layout.heading({ level: 2, children: block.heading }, parent, column, before);
  const anchor: Item = { height: 0, before: 0, mark: (flow) => layout.nav.here(flow, CONTENTS_ID, { title: bookmark, depth: 2 }) };
  return [
    anchor,
    ...heading,
    spacer(6, 0, column),
    ...block.entries.flatMap((entry, i) => entryItems(layout, entry, (entry.level - top) * INDENT, i === 0, pages, sect, column)),
    endOf(sect),
  ];
}
