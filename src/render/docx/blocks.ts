// Block nodes as Word paragraphs and tables: headings in Word's heading styles with bookmarks, lists
// as Word lists, tables with a repeating header row, the chart as a Word chart with alt text.
import {
  Bookmark, BorderStyle, HeadingLevel, ImageRun, Paragraph, Table, TableCell, TableRow, WidthType, type IParagraphOptions, type ParagraphChild,
} from 'docx';
import { ChartRun } from 'docx/charts';
import { imageSize } from 'image-size';
import type { Block, Inline, TableCell as CellNode } from '../../document/types.js';
import { inlineText } from '../../report/rich.js';
import { inlines, rightToLeft, type Bookmarks } from './inlines.js';
import { COLOUR, LIST_INDENT, STATUS_FILL } from './styles.js';

/** What a block becomes: paragraphs and tables, the two things a Word body and a table cell hold. */
type Child = Paragraph | Table;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;
const PARAGRAPH_STYLE = { lead: 'Lead', small: 'Small', signature: 'Signature', caption: 'TitleCaption' } as const;
/** The widest a picture is drawn: the text column of an A4 page with Word's margins, in pixels at 96 dpi. */
const COLUMN_PX = 600;

export class BlockWriter {
  /** Set by a section that starts a new page: the next paragraph written takes the break. */
  private breakNext = false;
  /** Each ordered list gets its own numbering instance, so that it counts from its own start. */
  private listInstance = 0;
  /** Drawings are numbered here, per document: docx's own counter runs on across documents in one process. */
  private drawings = 0;
  private figures = 0;

  constructor(private readonly bookmarks: Bookmarks) {}

  private paragraph(options: IParagraphOptions): Paragraph {
    const taken = this.breakNext;
    this.breakNext = false;
    return new Paragraph({ ...options, ...(taken ? { pageBreakBefore: true } : {}) });
  }

  private text(children: readonly Inline[], options: IParagraphOptions = {}): Paragraph {
    return this.paragraph({ ...options, children: inlines(children, this.bookmarks), ...(rightToLeft(children) ? { bidirectional: true } : {}) });
  }

  blocks(nodes: readonly Block[], level = 0): Child[] {
    return nodes.flatMap((node) => this.block(node, level));
  }

  private block(node: Block, level: number): Child[] {
    switch (node.type) {
      case 'paragraph':
        return [this.text(node.children, node.style ? { style: PARAGRAPH_STYLE[node.style] } : {})];
      case 'heading':
        return [this.heading(node.level, node.children, node.id)];
      case 'list':
        return this.list(node, level);
      case 'quote':
        return [
          ...node.children.flatMap((b) => (b.type === 'paragraph' ? [this.text(b.children, { style: 'Quote' })] : this.block(b, level))),
          ...(node.attribution ? [this.text(node.attribution, { style: 'QuoteAttribution' })] : []),
        ];
      case 'code':
        return [this.paragraph({ style: 'Code', children: inlines([{ type: 'code', text: node.text }], this.bookmarks) })];
      case 'rule':
        return [this.paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: COLOUR.border, space: 1 } }, children: [] })];
      case 'definitions':
        return node.items.map(({ term, value }) => this.paragraph({
          spacing: { after: 60 },
          children: [...inlines(term, this.bookmarks, { bold: true }), ...inlines([{ type: 'text', text: ': ' }], this.bookmarks), ...inlines(value, this.bookmarks)],
        }));
      case 'table':
        return this.table(node);
      case 'figure':
        return this.figure(node);
      case 'image':
        return [this.image(node)];
      case 'note':
        return this.note(node.children);
      case 'footnotes':
        // Footnotes are Word's own, at the foot of the page that cites them (see footnotesOf).
        return [];
      case 'contents':
        return [
          this.heading(2, node.heading),
          ...node.entries.map((entry) => this.paragraph({
            style: 'ContentsEntry',
            indent: { left: 360 * Math.max(0, entry.level - 2) },
            children: inlines([{ type: 'link', href: `#${entry.id}`, children: entry.children }], this.bookmarks),
          })),
        ];
      case 'section':
        if (node.break === 'page') this.breakNext = true;
        return this.blocks(node.children, level);
    }
  }

  private heading(level: number, children: readonly Inline[], id?: string): Paragraph {
    const runs: ParagraphChild[] = inlines(children, this.bookmarks);
    return this.paragraph({
      heading: HEADINGS[Math.min(6, Math.max(1, level)) - 1],
      children: id ? [new Bookmark({ id: this.bookmarks.name(id), children: runs })] : runs,
      ...(rightToLeft(children) ? { bidirectional: true } : {}),
    });
  }

  private list(node: Extract<Block, { type: 'list' }>, level: number): Child[] {
    const reference = node.ordered ? `ordered-${node.start}` : 'bullet';
    const instance = node.ordered ? ++this.listInstance : 0;
    return node.items.flatMap((item) => item.flatMap((block, i): Child[] => {
      if (block.type === 'list') return this.list(block, level + 1);
      if (block.type !== 'paragraph') return this.block(block, level);
      // The item's first paragraph carries its bullet or number; later ones line up under its text.
      const options: IParagraphOptions = i === 0 && node.style !== 'plain'
        ? { numbering: { reference, level, instance } }
        : { indent: LIST_INDENT(level) };
      return [this.text(block.children, { ...options, spacing: { after: 80 } })];
    }));
  }

  private cell(cell: CellNode, width: number | null): TableCell {
    const content = this.blocks(cell.blocks);
    const children = content.length ? content : [new Paragraph({ children: [] })];
    return new TableCell({
      children,
      ...(width !== null ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}),
      ...(cell.header === 'col' ? { shading: { fill: COLOUR.shade, type: 'clear', color: 'auto' } } : {}),
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
    });
  }

  private table(node: Extract<Block, { type: 'table' }>): Child[] {
    const total = node.columns.reduce((sum, c) => sum + (c.weight ?? 1), 0);
    const widths = node.columns.map((c) => Math.round(((c.weight ?? 1) / total) * 100));
    const row = (cells: readonly CellNode[], header: boolean) => new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((cell, i) => this.cell(header ? { ...cell, blocks: bold(cell.blocks) } : cell.header === 'row' ? { ...cell, blocks: bold(cell.blocks) } : cell, widths[i] ?? null)),
    });
    const caption = this.text(node.caption, { style: 'Caption' });
    const table = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: widths.map((w) => Math.round((w / 100) * 9000)),
      rows: [...node.head.map((r) => row(r.cells, true)), ...node.body.map((r) => row(r.cells, false))],
    });
    return [caption, table];
  }

  private figure(node: Extract<Block, { type: 'figure' }>): Child[] {
    const { bars } = node.chart;
    const chart = new ChartRun({
      type: 'bar',
      categories: bars.map((b) => b.label),
      series: [{
        name: captionText(node.caption) ?? node.alt,
        values: bars.map((b) => b.value),
        color: COLOUR.link,
        colors: bars.map((b) => (b.status ? STATUS_FILL[b.status] : COLOUR.link)),
        // Each bar says its value as the other formats do ("2 (50%)").
        pointLabels: bars.map((b) => ({ text: b.valueText })),
      }],
      legend: false,
      dataLabels: { value: true, numberFormat: '#,##0' },
      // Bars read top to bottom in the document's order, as the table beside them does.
      categoryAxis: { reverseOrder: true },
      valueAxis: { numberFormat: '#,##0' },
      altText: { id: String(++this.drawings), name: `Chart ${++this.figures}`, description: node.alt, title: captionText(node.caption) ?? node.alt },
      transformation: { width: COLUMN_PX, height: 90 + 40 * bars.length },
    });
    return [
      ...(node.caption ? [this.text(node.caption, { style: 'Caption' })] : []),
      this.paragraph({ children: [chart] }),
    ];
  }

  private image(node: Extract<Block, { type: 'image' }>): Paragraph {
    if (node.mediaType === 'image/svg+xml') return this.text([{ type: 'text', text: node.alt }]);
    const size = imageSize(node.data);
    const natural = { width: size.width ?? COLUMN_PX, height: size.height ?? COLUMN_PX };
    const width = Math.min(node.width ?? natural.width, COLUMN_PX);
    return this.paragraph({
      children: [new ImageRun({
        type: node.mediaType === 'image/png' ? 'png' : 'jpg',
        data: node.data,
        transformation: { width, height: Math.round((natural.height / natural.width) * width) },
        altText: { id: String(++this.drawings), name: node.alt, description: node.alt, title: node.alt },
      })],
    });
  }

  private note(children: readonly Block[]): Child[] {
    return children.flatMap((block) => (block.type === 'paragraph' ? [this.text(block.children, { style: 'Note' })] : this.block(block, 0)));
  }
}

/** A header cell's words in bold, as Word's own table styles set them. */
function bold(blocks: readonly Block[]): Block[] {
  return blocks.map((b) => (b.type === 'paragraph' ? { ...b, children: [{ type: 'strong', children: b.children }] } : b));
}

/** A caption's words, or null for none: a chart's title in Word. */
const captionText = (caption: readonly Inline[] | null): string | null => (caption ? inlineText(caption) : '') || null;
