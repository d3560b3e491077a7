// The DOCX writer: the document tree as a Word file for clearance rounds (tracked changes and
// comments in Word), with Word's own headings, lists, footnotes and header rows, and its document
// properties set. It maps node kinds; every word comes from the document.
import { AlignmentType, Document as WordDocument, Footer, Header, Packer, PageNumber, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { Block, Document } from '../../document/types.js';
import { BlockWriter } from './blocks.js';
import { Bookmarks } from './inlines.js';
import { reproducible } from './package.js';
import { COLOUR, numbering, styles } from './styles.js';

export interface DocxOptions {
  /** The date written into the file's properties and zip entries: SOURCE_DATE_EPOCH, else the report's date. */
  date: Date;
}

/** Every footnote's blocks by number, wherever its `footnotes` block stands. */
function footnotesOf(blocks: readonly Block[], out = new Map<number, Block[]>()): Map<number, Block[]> {
  for (const block of blocks) {
    if (block.type === 'footnotes') for (const item of block.items) out.set(item.number, item.blocks);
    else if (block.type === 'section' || block.type === 'note' || block.type === 'quote') footnotesOf(block.children, out);
    else if (block.type === 'list') for (const item of block.items) footnotesOf(item, out);
    else if (block.type === 'table') for (const row of [...block.head, ...block.body]) for (const cell of row.cells) footnotesOf(cell.blocks, out);
  }
  return out;
}

/** The ordered lists' starts, each of which needs its own Word numbering definition. */
function orderedStarts(blocks: readonly Block[], out = new Set<number>([1])): Set<number> {
  for (const block of blocks) {
    if (block.type === 'list') {
      if (block.ordered) out.add(block.start);
      for (const item of block.items) orderedStarts(item, out);
    } else if (block.type === 'section' || block.type === 'note' || block.type === 'quote') orderedStarts(block.children, out);
    else if (block.type === 'table') for (const row of [...block.head, ...block.body]) for (const cell of row.cells) orderedStarts(cell.blocks, out);
    else if (block.type === 'footnotes') for (const item of block.items) orderedStarts(item.blocks, out);
  }
  return out;
}

/** "{page} of {pages}" with Word's page fields where the placeholders stand. */
function pageLine(template: string): ParagraphChild[] {
  return template.split(/(\{page\}|\{pages\})/).filter(Boolean).map((part) => {
    if (part === '{page}') return new TextRun({ children: [PageNumber.CURRENT] });
    if (part === '{pages}') return new TextRun({ children: [PageNumber.TOTAL_PAGES] });
    return new TextRun(part);
  });
}

function furniture(doc: Document) {
  const footer = new Footer({
    children: [
      new Paragraph({ style: 'Footer', children: [new TextRun(doc.meta.runningTitle)] }),
      new Paragraph({ style: 'Footer', alignment: AlignmentType.RIGHT, children: pageLine(doc.labels.pageOfPages) }),
    ],
  });
  // A draft says so at the top of every page, where a reviewer cannot miss it.
  const header = doc.meta.draft
    ? new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.labels.draftMark, bold: true, color: COLOUR.regression, size: 24 })] })] })
    : undefined;
  return { footers: { default: footer }, ...(header ? { headers: { default: header } } : {}) };
}

function wordDocument(doc: Document): WordDocument {
  const bookmarks = new Bookmarks();
  const body = new BlockWriter(bookmarks).blocks(doc.blocks);
  const notes = new BlockWriter(bookmarks);
  const footnotes = Object.fromEntries([...footnotesOf(doc.blocks)].map(([number, blocks]) => [
    number,
    // Word's footnotes hold paragraphs only: a list in a footnote becomes its paragraphs.
    { children: notes.blocks(blocks).filter((b): b is Paragraph => b instanceof Paragraph) },
  ]));
  return new WordDocument({
    title: doc.meta.title,
    ...(doc.meta.subtitle ? { subject: doc.meta.subtitle } : {}),
    ...(doc.meta.author ? { creator: doc.meta.author, lastModifiedBy: doc.meta.author } : {}),
    keywords: doc.meta.keywords.join(', '),
    description: doc.meta.runningTitle,
    styles: styles(doc.meta.lang),
    numbering: numbering(orderedStarts(doc.blocks)),
    footnotes,
    features: { updateFields: false },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1418, right: 1418 } } },
      ...furniture(doc),
      children: body,
    }],
  });
}

/** The Word file's bytes: the same document and date give the same bytes. */
export async function writeDocx(doc: Document, options: DocxOptions): Promise<Uint8Array> {
  const packed = await Packer.toBuffer(wordDocument(doc));
  return reproducible(packed, { date: options.date, lang: doc.meta.lang });
}
