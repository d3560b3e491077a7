// Rich text (the Markdown fields) as items for the flow: paragraphs, headings, lists, quotes, code
// and rules, each tagged with its structure element, and footnotes as a numbered list.
import { headingLevel, type Block, type Footnote, type Inline, type RichText } from '../text.js';
import type { Decor, Item } from './flow.js';
import type { Fonts } from './fonts.js';
import { atoms, breakLines, type Line, type TextStyle } from './inline.js';
import { footnoteId } from './navigation.js';
import type { Pen } from './pen.js';
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

export function inlineItems(fonts: Fonts, content: readonly Inline[], style: TextStyle, node: StructNode, column: Column, before: number, keepAll = false): Item[] {
  return lineItems(breakLines(atoms(content, style, node), style, column.width, fonts), column, before, keepAll);
}

/** A plain string as one element: a paragraph, a heading, a caption. */
export function textItems(fonts: Fonts, text: string, style: TextStyle, node: StructNode, column: Column, before: number, keepAll = false): Item[] {
  return inlineItems(fonts, [{ type: 'text', text }], style, node, column, before, keepAll);
}

const HEADING_SIZE: Record<number, TypeSize> = { 1: TYPE.title, 2: TYPE.h2, 3: TYPE.h3, 4: TYPE.h4, 5: TYPE.h5, 6: TYPE.h5 };

export function headingItems(fonts: Fonts, content: string | readonly Inline[], level: number, parent: StructNode, column: Column, before?: number): Item[] {
  const node = structNode(headingType(level), parent);
  const inline: readonly Inline[] = typeof content === 'string' ? [{ type: 'text', text: content }] : content;
  const space = before ?? SPACE.headingAbove[level] ?? SPACE.headingAbove[6]!;
  const items = inlineItems(fonts, inline, textStyle(HEADING_SIZE[level] ?? TYPE.h5, { bold: true }), node, column, space, true);
  items[items.length - 1] = { ...items[items.length - 1]!, height: items[items.length - 1]!.height + SPACE.headingBelow };
  return items;
}

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

export class BlockLayout {
  constructor(readonly fonts: Fonts) {}

  /** A Markdown field's blocks under `parent`. The first block gets `before` above it. */
  rich(text: RichText, parent: StructNode, column: Column, before: number, style: TextStyle = BODY): Item[] {
    return this.blocks(text.blocks, text, parent, column, before, style);
  }

  blocks(list: readonly Block[], text: RichText, parent: StructNode, column: Column, before: number, style: TextStyle): Item[] {
    return list.flatMap((block, i) => this.block(block, text, parent, column, i === 0 ? before : SPACE.paragraph, style));
  }

  private block(block: Block, text: RichText, parent: StructNode, column: Column, before: number, style: TextStyle): Item[] {
    const fonts = this.fonts;
    switch (block.type) {
      case 'paragraph':
        return inlineItems(fonts, block.children, style, structNode('P', parent), column, before);
      case 'heading':
        return headingItems(fonts, block.children, headingLevel(text, block.level), parent, column, Math.max(before, SPACE.headingAbove[headingLevel(text, block.level)] ?? 8));
      case 'list':
        return this.list(block, text, parent, column, before, style);
      case 'quote': {
        const bar: Decor = { x: column.x, width: 4, colour: COLOUR.border };
        return this.blocks(block.children, text, structNode('BlockQuote', parent), inset(column, 16, 0, bar), before, style);
      }
      case 'code': {
        const node = structNode('Code', parent);
        const code = textStyle(TYPE.small, { family: 'mono' });
        const box = inset(column, 0, 0, { x: column.x, width: column.width, colour: COLOUR.shade });
        const inner = inset(box, 8, 8);
        // Code keeps its indentation: leading spaces become no-break spaces, which do not collapse.
        const lines = block.text.split('\n').flatMap((source) =>
          breakLines(atoms([{ type: 'text', text: source.replace(/^ +/, (s) => '\u00a0'.repeat(s.length)) || '\u00a0' }], code, node), code, inner.width, fonts));
        return [spacer(6, before, box), ...lineItems(lines, inner, 0), spacer(6, 0, box)];
      }
      case 'rule':
        return [{ height: 12, before, decor: column.decor, draw: (pen, y) => pen.rule(column.x, y + 6, column.x + column.width, COLOUR.border) }];
    }
  }

  private list(block: Extract<Block, { type: 'list' }>, text: RichText, parent: StructNode, column: Column, before: number, style: TextStyle): Item[] {
    const list = structNode('L', parent);
    const indent = block.ordered ? 24 : 18;
    const body = inset(column, indent);
    return block.items.flatMap((blocks, i) => {
      const li = structNode('LI', list);
      const marker = block.ordered ? `${block.start + i}.` : '•';
      const lines = breakLines(atoms([{ type: 'text', text: marker }], style, li), style, indent, this.fonts);
      const items = this.blocks(blocks, text, structNode('LBody', li), body, i === 0 ? before : SPACE.list, style);
      return withMarker(items, lines[0]!, structNode('Lbl', li), column.x);
    });
  }

  /** Footnotes as a numbered list under a short rule, each the target of its markers' links. */
  footnotes(notes: readonly Footnote[], parent: StructNode, column: Column): Item[] {
    if (notes.length === 0) return [];
    const style = textStyle(TYPE.small);
    const list = structNode('L', parent);
    const body = inset(column, 22);
    const rule: Item = { height: 10, before: 18, keep: true, decor: column.decor, draw: (pen, y) => pen.rule(column.x, y + 2, column.x + 120, COLOUR.border) };
    return [rule, ...notes.flatMap((note, i) => {
      const li = structNode('LI', list);
      const lines = breakLines(atoms([{ type: 'text', text: `${note.number}.` }], style, li), style, 22, this.fonts);
      const items = this.blocks(note.text.blocks, note.text, structNode('LBody', li), body, i === 0 ? 0 : SPACE.list, style);
      const marked = withMarker(items, lines[0]!, structNode('Lbl', li), column.x);
      const first = marked.findIndex((item) => item.draw);
      if (first !== -1) {
        const item = marked[first]!;
        const draw = item.draw!;
        marked[first] = { ...item, draw: (pen, y) => {
          pen.doc.addNamedDestination(footnoteId(note.number), 'XYZ', null, y - 12, null);
          draw(pen, y);
        } };
      }
      return marked;
    })];
  }
}

/** Ends `node` at this point of the flow: pdfkit writes the element out then. */
export function endOf(node: StructNode): Item {
  return { height: 0, before: 0, mark: (flow) => flow.pen?.tagger.end(node) };
}

/** Empty space inside a box: its padding. A box's top padding (`keep`) stays with what follows. */
export function spacer(height: number, before: number, column: Column, keep = false): Item {
  return { height, before, decor: column.decor, ...(keep ? { keep } : {}) };
}
