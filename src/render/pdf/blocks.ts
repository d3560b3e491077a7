// The document's blocks as items for the flow: paragraphs, headings, lists, quotes, code, rules,
// term lists, notes and footnotes, each tagged with its structure element.
import type { Block, Inline } from '../../document/types.js';
import { badgeItems, openingBadge } from './badge.js';
import { chartItems } from './chart.js';
import { contentsItems } from './contents.js';
import { tableItems } from './tables.js';
import type { Decor, Item } from './flow.js';
import type { Fonts } from './fonts.js';
import { breakLines, type Line, type TextStyle } from './inline.js';
import type { Navigation } from './navigation.js';
import { footnoteId } from './navigation.js';
import type { Pen } from './pen.js';
import { inlineText } from '../../report/rich.js';
import type { Phrasing } from './phrasing.js';
import { COLOUR, SPACE, TYPE, type TypeSize } from './style.js';
import { headingType, structNode, type StructNode } from './tags.js';

/** Where blocks go across the page, and the backgrounds their items sit on. */
export interface Column {
  x: number;
  width: number;
  decor: readonly Decor[];
  /** Lines set flush right (numbers in tables); left when absent. */
  align?: 'right';
}

export function inset(column: Column, left: number, right = 0, decor?: Decor): Column {
  const inner: Column = { x: column.x + left, width: column.width - left - right, decor: decor ? [...column.decor, decor] : column.decor };
  return column.align ? { ...inner, align: column.align } : inner;
}

export function textStyle(size: TypeSize, overrides: Partial<TextStyle> = {}): TextStyle {
  return { family: 'sans', bold: false, italic: false, colour: COLOUR.text, ...size, ...overrides };
}

export const BODY = textStyle(TYPE.body);

export function drawLine(pen: Pen, line: Line, x: number, y: number): void {
  const baseline = y + line.baseline;
  for (const piece of line.pieces) pen.text(piece, baseline, x + piece.x);
  for (const piece of line.pieces) {
    if (piece.underline) pen.rule(x + piece.x, baseline + piece.size * 0.14, x + piece.x + piece.width, piece.colour, Math.max(0.6, piece.size / 14));
    if (piece.link) pen.link(piece.node, x + piece.x, y, piece.width, line.height, piece.link);
  }
}

/**
 * Lines as items. A paragraph's first two lines stay together, and so do its last two, so no page
 * starts or ends on a lone line; `keepAll` keeps every line with the next item (headings).
 */
export function lineItems(lines: readonly Line[], column: Column, before: number, keepAll = false): Item[] {
  return lines.map((line, i): Item => ({
    height: line.height,
    baseline: line.baseline,
    before: i === 0 ? before : 0,
    keep: keepAll || (i === 0 && lines.length > 1) || (i === lines.length - 2 && lines.length > 2),
    decor: column.decor,
    draw: (pen, y) => drawLine(pen, line, column.align === 'right' ? column.x + column.width - line.width : column.x, y),
  }));
}

export const HEADING_SIZE: Record<number, TypeSize> = { 1: TYPE.title, 2: TYPE.h2, 3: TYPE.h3, 4: TYPE.h4, 5: TYPE.h5, 6: TYPE.h5 };

const PARAGRAPH_SIZE = { lead: TYPE.lead, small: TYPE.small, caption: TYPE.h4 } as Record<string, TypeSize>;

/** Puts a list's marker beside the first line of an item, as part of the Lbl element. */
export function withMarker(items: Item[], marker: Line, lbl: StructNode, x: number): Item[] {
  const first = items.findIndex((i) => i.draw);
  if (first === -1) return items;
  const item = items[first]!;
  const draw = item.draw!;
  const baseline = item.baseline ?? marker.baseline;
  items[first] = {
    ...item,
    draw: (pen, y) => {
      drawLine(pen, { ...marker, pieces: marker.pieces.map((p) => ({ ...p, node: lbl })) }, x, y + baseline - marker.baseline);
      draw(pen, y);
    },
  };
  return items;
}

/** Ends `node` at this point of the flow: pdfkit writes the element out then. */
export function endOf(node: StructNode): Item {
  return { height: 0, before: 0, mark: (flow) => flow.pen?.tagger.end(node) };
}

/** Empty space inside a box: its padding. A box's top padding (`keep`) stays with what follows. */
export function spacer(height: number, before: number, column: Column, keep = false): Item {
  return { height, before, decor: column.decor, ...(keep ? { keep } : {}) };
}

/** What a block is laid out in: where, under which element, after how much space, in which text style. */
export interface Place {
  parent: StructNode;
  column: Column;
  before: number;
  style: TextStyle;
}

/** The box a note sits in: a coloured bar at its left, on a shade for a callout. */
const NOTE_LOOK: Record<'banner' | 'draft' | 'callout', { bar: string; shade: string | null }> = {
  banner: { bar: COLOUR.brand, shade: COLOUR.shade },
  draft: { bar: COLOUR.draft, shade: null },
  callout: { bar: COLOUR.border, shade: COLOUR.shade },
};

const BOX_PAD = 14;

/** What some blocks need from the writer: the language, the pages found by the measuring pass, pictures. */
export interface Extras {
  /** The contents' bookmark title. */
  contents: string;
  /** Where each link target starts, from the measuring pass; null during it. */
  pages: ReadonlyMap<string, number> | null;
  image(block: Extract<Block, { type: 'image' }>, at: Place): Item[];
}

export class BlockLayout {
  constructor(readonly fonts: Fonts, readonly phrasing: Phrasing, readonly nav: Navigation, readonly extras: Extras) {}

  /** Inline content broken into lines in `column`, as items. */
  inline(content: readonly Inline[], style: TextStyle, node: StructNode, column: Column, before: number, keepAll = false): Item[] {
    return lineItems(breakLines(this.phrasing.atoms(content, style, node), style, column.width, this.fonts), column, before, keepAll);
  }

  /** Blocks one after another; the first gets `at.before` above it. */
  blocks(list: readonly Block[], at: Place): Item[] {
    if (list.length === 1) return this.block(list[0]!, at);
    const items: Item[] = [];
    for (let i = 0; i < list.length; i++) items.push(...this.block(list[i]!, i === 0 ? at : { ...at, before: SPACE.paragraph }));
    return items;
  }

  block(block: Block, at: Place): Item[] {
    switch (block.type) {
      case 'paragraph':
        return this.paragraph(block, at);
      case 'heading':
        return this.heading(block, at.parent, at.column, Math.max(at.before, SPACE.headingAbove[block.level] ?? 8));
      case 'list':
        return this.list(block, at);
      case 'quote':
        return this.quote(block, at);
      case 'code':
        return this.code(block.text, at);
      case 'rule':
        return [{ height: 12, before: at.before, decor: at.column.decor, draw: (pen, y) => pen.rule(at.column.x, y + 6, at.column.x + at.column.width, COLOUR.border) }];
      case 'definitions':
        return this.definitions(block.items, at);
      case 'note':
        return this.note(block.role, block.children, at);
      case 'footnotes':
        return this.footnotes(block, at);
      case 'section': {
        const sect = structNode('Sect', at.parent);
        return [...this.blocks(block.children, { ...at, parent: sect }), endOf(sect)];
      }
      case 'figure':
        return chartItems(this, block, at.parent, at.column, Math.max(at.before, 14));
      case 'image':
        return this.extras.image(block, at);
      case 'contents':
        return contentsItems(this, block, this.extras.contents, this.extras.pages, at.parent, at.column, at.before);
      case 'table':
        return tableItems(this, block, at);
    }
  }

  private paragraph(block: Extract<Block, { type: 'paragraph' }>, at: Place): Item[] {
    const size = PARAGRAPH_SIZE[block.style ?? ''];
    const grey = block.style === 'caption' && at.style.colour === COLOUR.text;
    const style = size ? { ...at.style, ...size, ...(grey ? { colour: COLOUR.secondary } : {}) } : at.style;
    const before = block.style === 'signature' ? Math.max(at.before, 28) : at.before;
    const node = structNode('P', at.parent);
    const badge = openingBadge(block.children);
    if (badge) return badgeItems(this.fonts, this.phrasing, badge, style, node, at.column, before);
    return this.inline(block.children, style, node, at.column, before);
  }

  /** A heading; with an id it is a link target, and in the outline a bookmark too. */
  heading(block: { level: number; id?: string; outline?: boolean; children: Inline[] }, parent: StructNode, column: Column, before: number, look: Partial<TextStyle> = {}): Item[] {
    const node = structNode(headingType(block.level), parent);
    const style = textStyle(HEADING_SIZE[block.level] ?? TYPE.h5, { bold: true, ...look });
    const items = this.inline(block.children, style, node, column, before, true);
    const last = items[items.length - 1]!;
    items[items.length - 1] = { ...last, height: last.height + SPACE.headingBelow };
    const { id } = block;
    if (id === undefined && !block.outline) return items;
    const title = inlineText(block.children);
    const depth = block.level;
    return [{ height: 0, before: 0, mark: (flow) => this.nav.here(flow, id ?? null, block.outline ? { title, depth } : null) }, ...items];
  }

  private list(block: Extract<Block, { type: 'list' }>, at: Place): Item[] {
    const list = structNode('L', at.parent);
    const plain = block.style === 'plain';
    const indent = plain ? 0 : block.ordered ? 24 : 18;
    const body = inset(at.column, indent);
    return block.items.flatMap((blocks, i) => {
      const li = structNode('LI', list);
      const items = this.blocks(blocks, { ...at, parent: structNode('LBody', li), column: body, before: i === 0 ? at.before : SPACE.list });
      if (plain) return items;
      const marker = block.ordered ? `${block.start + i}.` : '•';
      const lines = breakLines(this.phrasing.atoms([{ type: 'text', text: marker }], at.style, li), at.style, indent, this.fonts);
      return withMarker(items, lines[0]!, structNode('Lbl', li), at.column.x);
    });
  }

  /** A quotation: larger text beside a blue bar, then who said it. */
  private quote(block: Extract<Block, { type: 'quote' }>, at: Place): Item[] {
    const bar: Decor = { x: at.column.x, width: 5, colour: COLOUR.brand };
    const inner = inset(at.column, 20, 0, bar);
    const node = structNode('BlockQuote', at.parent);
    const style = { ...at.style, size: at.style.size + 1.5, leading: at.style.leading + 3 };
    const attribution = block.attribution
      ? this.inline([{ type: 'text', text: '— ' }, ...block.attribution], { ...at.style, colour: COLOUR.secondary }, structNode('P', node), inner, 8)
      : [];
    return [...this.blocks(block.children, { ...at, parent: node, column: inner, before: Math.max(at.before, 16), style }), ...attribution, endOf(node)];
  }

  private code(text: string, at: Place): Item[] {
    const node = structNode('Code', at.parent);
    const code = textStyle(TYPE.small, { family: 'mono' });
    const box = inset(at.column, 0, 0, { x: at.column.x, width: at.column.width, colour: COLOUR.shade });
    const inner = inset(box, 8, 8);
    // Code keeps its indentation: leading spaces become no-break spaces, which do not collapse.
    const lines = text.split('\n').flatMap((source) =>
      breakLines(this.phrasing.atoms([{ type: 'text', text: source.replace(/^ +/, (s) => '\u00a0'.repeat(s.length)) || '\u00a0' }], code, node), code, inner.width, this.fonts));
    const items = lineItems(lines, inner, 0);
    // The box's bottom padding is part of its last line, so it never starts a page on its own.
    const last = items[items.length - 1]!;
    items[items.length - 1] = { ...last, height: last.height + 6 };
    return [spacer(6, at.before, box, true), ...items];
  }

  /** Terms in bold in a column of their own, each beside its value: a list of label and body. */
  private definitions(items: readonly { term: Inline[]; value: Inline[] }[], at: Place): Item[] {
    const list = structNode('L', at.parent);
    const term = { ...at.style, bold: true };
    const widest = Math.max(0, ...items.map((item) => Math.max(...breakLines(this.phrasing.atoms(item.term, term, list), term, 1e6, this.fonts).map((l) => l.width))));
    const termWidth = Math.min(widest + 14, at.column.width * 0.35);
    const body = inset(at.column, termWidth);
    return items.flatMap((item, i) => {
      const li = structNode('LI', list);
      const lbl = structNode('Lbl', li);
      const label = breakLines(this.phrasing.atoms(item.term, term, lbl), term, termWidth - 8, this.fonts);
      const value = this.inline(item.value, at.style, structNode('P', structNode('LBody', li)), body, i === 0 ? at.before : SPACE.list);
      const first = value[0]!;
      const draw = first.draw!;
      const baseline = first.baseline ?? label[0]!.baseline;
      // The term's lines beside the value's, from its first baseline down.
      value[0] = { ...first, draw: (pen, y) => {
        label.forEach((line, n) => drawLine(pen, line, at.column.x, y + baseline - line.baseline + n * line.height));
        draw(pen, y);
      } };
      const taller = label.reduce((sum, l) => sum + l.height, 0) - value.reduce((sum, v) => sum + v.height, 0);
      return taller > 0 ? [...value, spacer(taller, 0, at.column)] : value;
    });
  }

  /** A notice set apart, or a section with a box of its own (`type` Sect). */
  note(role: 'banner' | 'draft' | 'callout', children: readonly Block[], at: Place, type: 'Div' | 'Sect' = 'Div'): Item[] {
    const look = NOTE_LOOK[role];
    const column = at.column;
    const decor: Decor[] = [...(look.shade ? [{ x: column.x, width: column.width, colour: look.shade }] : []), { x: column.x, width: 5, colour: look.bar }];
    const box: Column = { ...column, decor: [...column.decor, ...decor] };
    const inner = inset(box, BOX_PAD + 5, BOX_PAD);
    const div = structNode(type, at.parent);
    return [
      spacer(BOX_PAD - 4, Math.max(at.before, 20), box, true),
      ...this.blocks(children, { ...at, parent: div, column: inner, before: 0 }),
      spacer(BOX_PAD, 0, box),
      endOf(div),
    ];
  }

  /** Footnotes as a numbered list under a short rule, each the target of its markers' links. */
  private footnotes(block: Extract<Block, { type: 'footnotes' }>, at: Place): Item[] {
    if (block.items.length === 0) return [];
    const style = textStyle(TYPE.small);
    const { column } = at;
    const div = structNode('Div', at.parent);
    const list = structNode('L', div);
    const body = inset(column, 22);
    const rule: Item = { height: 10, before: 18, keep: true, decor: column.decor, draw: (pen, y) => pen.rule(column.x, y + 2, column.x + 120, COLOUR.border) };
    const heading = block.heading ? this.heading({ level: 3, children: block.heading }, div, column, 0) : [];
    return [rule, ...heading, ...block.items.flatMap((note, i) => {
      const li = structNode('LI', list);
      const lines = breakLines(this.phrasing.atoms([{ type: 'text', text: `${note.number}.` }], style, li), style, 22, this.fonts);
      const items = this.blocks(note.blocks, { parent: structNode('LBody', li), column: body, before: i === 0 ? 0 : SPACE.list, style });
      const target: Item = { height: 0, before: 0, mark: (flow) => flow.pen?.doc.addNamedDestination(footnoteId(note.number), 'XYZ', null, Math.max(0, flow.y - 12), null) };
      return [target, ...withMarker(items, lines[0]!, structNode('Lbl', li), column.x)];
    }), endOf(div)];
  }
}
