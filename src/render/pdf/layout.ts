// The document's blocks down the pages, in order: sections as Sect elements (a new page where one
// asks for it, else flowing on), tables a row at a time, figures, pictures and the contents, and
// every other block through the block layout. Nothing here knows what the document says.
import type { Block } from '../../document/types.js';
import { BODY, endOf, spacer, textStyle, type Column, type Place } from './blocks.js';
import { imageItems } from './chart.js';
import { COLUMN, type Context, type Steps } from './context.js';
import type { Item } from './flow.js';
import { COLOUR, PAGE, SECTION_BOX, SPACE, TYPE } from './style.js';
import { inlineText } from '../../report/rich.js';
import { structNode, type StructNode } from './tags.js';

type Section = Extract<Block, { type: 'section' }>;

export function* layoutDocument(ctx: Context): Steps {
  ctx.flow.newPage();
  yield* blocks(ctx, ctx.doc.blocks, ctx.root, COLUMN, 0);
  ctx.flow.flush();
}

function* blocks(ctx: Context, list: readonly Block[], parent: StructNode, column: Column, before: number): Steps {
  const { flow } = ctx;
  for (let i = 0; i < list.length; i++) {
    const block = list[i]!;
    const previous = list[i - 1];
    // Parts of one kind in a row (pledges, themes) are set apart by GOV.UK's section break, a rule.
    const apart = block.type === 'section' && previous?.type === 'section' && previous.role === block.role && block.break !== 'page';
    if (apart) flow.place({ height: 16, before: 14, keep: true, separator: true, decor: column.decor, draw: (pen, y) => pen.rule(column.x, y, column.x + column.width, COLOUR.border) });
    const at: Place = { parent, column, before: i === 0 ? before : apart ? 0 : SPACE.paragraph, style: BODY };
    // Sections and tables are laid out a step at a time, so that output can drain between them.
    if (block.type === 'section') yield* section(ctx, block, at);
    else if (block.type === 'table') yield* ctx.tables.place(block, at.parent, at.column, Math.max(at.before, 18));
    else flow.placeAll(ctx.layout.block(block, at));
  }
}

/** A picture; pdfkit draws PNG and JPEG only: an SVG's text alternative stands in its place, and the CLI says so. */
export function image(ctx: Pick<Context, 'pictures' | 'pages' | 'warnings' | 'layout'>, block: Extract<Block, { type: 'image' }>, at: Place): Item[] {
  if (block.mediaType !== 'image/svg+xml') return imageItems(ctx.pictures, block, at.parent, at.column, at.before);
  if (!ctx.pages) ctx.warnings.push({ rule: 'pdf-image', text: block.alt, message: `an SVG picture ("${block.alt}") cannot be drawn in the PDF: its text alternative stands in its place; use a PNG or JPEG file` });
  const figure = structNode('Figure', at.parent);
  return [...ctx.layout.inline([{ type: 'text', text: block.alt }], { ...at.style, italic: true, colour: COLOUR.secondary }, figure, at.column, at.before), endOf(figure)];
}

/** A section: a Sect element, on a new page when it asks for one; a cover has its own look. */
function* section(ctx: Context, block: Section, at: Place): Steps {
  const { flow } = ctx;
  if (block.break === 'page' || block.role === 'cover') {
    flow.flush();
    if (!flow.atTop) flow.newPage();
  }
  if (block.role === 'cover') {
    cover(ctx, block, at.parent);
    return;
  }
  const { id } = block;
  if (id !== undefined) flow.mark((f) => ctx.nav.here(f, id, null));
  const box = SECTION_BOX[block.role];
  if (box) {
    flow.placeAll(ctx.layout.note(box, block.children, at, 'Sect'));
    return;
  }
  const sect = structNode('Sect', at.parent);
  yield* blocks(ctx, block.children, sect, at.column, at.before);
  flow.place(endOf(sect));
}

/**
 * The cover: a GOV.UK blue masthead, to the page's edges, with the organisation at its head and
 * the opening run of the cover's paragraphs, headings and pictures (the title) in white; the rest
 * below it. A cover page has no running footer.
 */
function cover(ctx: Context, block: Section, parent: StructNode): void {
  const { flow, layout } = ctx;
  if (!flow.atTop) flow.newPage();
  ctx.covers.add(flow.page);
  // The masthead runs to the page's edges, so the cover starts at its very top.
  flow.y = 0;
  const band: Column = { ...COLUMN, decor: [{ x: 0, width: PAGE.width, colour: ctx.doc.meta.colour ?? COLOUR.brand }] };
  const sect = structNode('Sect', parent);
  const split = block.children.findIndex((b) => !['paragraph', 'heading', 'image'].includes(b.type));
  const inBand = split === -1 ? block.children : block.children.slice(0, split);
  const below = split === -1 ? [] : block.children.slice(split);
  const white = textStyle(TYPE.lead, { colour: COLOUR.white });
  // The masthead names the organisation; when that is the programme the band names already, once is enough.
  const named = inBand.some((b) => b.type === 'paragraph' && inlineText(b.children) === ctx.doc.meta.masthead);
  const masthead = named ? '' : ctx.doc.meta.masthead;
  flow.placeAll([
    spacer(PAGE.top, 0, band),
    ...(masthead ? layout.inline([{ type: 'text', text: masthead }], textStyle(TYPE.h4, { bold: true, colour: COLOUR.white }), structNode('P', sect), band, 0) : []),
    spacer(masthead ? 150 : 120, 0, band),
    ...inBand.flatMap((b, i) => b.type === 'heading'
      ? title(layout, b, sect, band, i === 0 ? 0 : 6)
      : layout.block(b, { parent: sect, column: band, before: i === 0 ? 0 : 10, style: white })),
    spacer(44, 0, band),
  ]);
  flow.placeAll(layout.blocks(below, { parent: sect, column: COLUMN, before: 30, style: textStyle(TYPE.h4) }));
  flow.place(endOf(sect));
}

/** The cover's title in white; a long one is set smaller, so that the cover's details stay on the cover. */
function title(layout: Context['layout'], heading: Extract<Block, { type: 'heading' }>, parent: StructNode, column: Column, before: number): Item[] {
  const items = layout.heading(heading, parent, column, before, { colour: COLOUR.white });
  if (items.filter((item) => item.draw).length <= 4) return items;
  return layout.heading(heading, parent, column, before, { colour: COLOUR.white, ...TYPE.h2 });
}
