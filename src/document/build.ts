// From the report model to the document: the templates write it once, for every format, with every
// word from the catalogue; the writers then only map its node kinds.
import { displayPath } from '../problems.js';
import type { ReportModel } from '../report/model.js';
import { textSourcesOf, type TextSources } from '../report/sources.js';
import { catalogueFor } from './catalogue.js';
import { inScope, type Scope } from './helpers.js';
import { loadTemplates } from './templates.js';
import type { Block, Document, Inline } from './types.js';
import { readDocument } from './xml.js';

export interface DocumentOptions {
  /** A folder whose templates and catalogues replace the shipped ones by file name. */
  templates?: string;
  /** Makes the paths in errors relative. */
  cwd: string;
}

/** The outline headings after each contents block become its entries, in reading order. */
function fillContents(blocks: Block[]): void {
  const open: Extract<Block, { type: 'contents' }>[] = [];
  const walk = (list: Block[]) => {
    for (const block of list) {
      if (block.type === 'contents') open.push(block);
      else if (block.type === 'heading' && block.outline && block.id) {
        for (const contents of open) contents.entries.push({ id: block.id, level: block.level, children: block.children });
      } else if (block.type === 'section' || block.type === 'note') walk(block.children);
    }
  };
  walk(blocks);
}

/** JavaScript's \s: the characters split(/\s+/) would break words at. */
const SPACE = /\s/;
const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13) || (code > 127 && SPACE.test(String.fromCharCode(code)));

/**
 * A cell's words measured as they are walked, for every cell of every table: their length (one space
 * between blocks, a space for a line break or footnote mark) and the longest word, which may run on
 * from one inline node into the next ("non" then strong "binding").
 */
class Measure {
  length = 0;
  longest = 1;
  private run = 0;

  text(text: string): void {
    this.length += text.length;
    for (let i = 0; i < text.length; i++) {
      if (isSpace(text.charCodeAt(i))) this.run = 0;
      else if (++this.run > this.longest) this.longest = this.run;
    }
  }

  space(): void {
    this.length++;
    this.run = 0;
  }

  inlines(nodes: readonly Inline[]): void {
    for (const n of nodes) {
      if (n.type === 'text' || n.type === 'code') this.text(n.text);
      else if ('children' in n) this.inlines(n.children);
      else this.space();
    }
  }

  blocks(blocks: readonly Block[]): void {
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (i > 0) this.space();
      if (b.type === 'paragraph' || b.type === 'heading') this.inlines(b.children);
      else if (b.type === 'list') {
        b.items.forEach((item, j) => {
          if (j > 0) this.space();
          this.blocks(item);
        });
      }
    }
  }

  /** Starts the next cell: its words are apart from the last cell's. */
  next(): void {
    this.run = 0;
  }
}

/**
 * Column weights that follow the content, for columns a template leaves to it: a column's share is
 * its average cell's length (long text capped, so prose columns share alike), and never less than
 * its longest word needs.
 */
function weighColumns(table: Extract<Block, { type: 'table' }>): void {
  const count = table.head.length + table.body.length;
  table.columns.forEach((column, i) => {
    if (column.weight !== null) return;
    const measure = new Measure();
    for (const rows of [table.head, table.body]) {
      for (const row of rows) {
        measure.next();
        measure.blocks(row.cells[i]?.blocks ?? []);
      }
    }
    const average = measure.length / Math.max(1, count);
    column.weight = Math.round(Math.max(measure.longest * 1.6, Math.min(average, 60)));
  });
}

/** Every table in the document, however deep. */
function eachTable(blocks: readonly Block[], visit: (table: Extract<Block, { type: 'table' }>) => void): void {
  for (const block of blocks) {
    if (block.type === 'table') visit(block);
    else if (block.type === 'section' || block.type === 'note' || block.type === 'quote') eachTable(block.children, visit);
  }
}

/** The store of subtrees one render fills, and what the document reader asks of it. */
function subtreeStore(scope: Scope) {
  const emitted = new Set<number>();
  let pending = new Map<number, Block[]>();
  return {
    ref(index: number): Block[] | Inline[] | undefined {
      for (const note of scope.footnotes.get(index) ?? []) if (!emitted.has(note.number)) pending.set(note.number, note.blocks);
      return scope.subtrees[index];
    },
    takeFootnotes() {
      const items = [...pending].sort(([a], [b]) => a - b).map(([number, blocks]) => ({ number, blocks }));
      for (const { number } of items) emitted.add(number);
      pending = new Map();
      return items;
    },
  };
}

const withTexts = (texts: TextSources | undefined) => (texts ? { texts } : {});

/** The report as one document tree. Throws TemplateError, DocumentSyntaxError or CatalogueError for a template's mistake. */
export async function buildDocument(model: ReportModel, options: DocumentOptions): Promise<Document> {
  const display = (file: string) => displayPath(options.cwd, file);
  const catalogue = catalogueFor(model.meta.language, options.templates, display);
  const templates = await loadTemplates(options.templates, options.cwd);
  const scope: Scope = { catalogue, subtrees: [], footnotes: new Map(), ...withTexts(textSourcesOf(model)) };
  const xml = inScope(scope, () => templates.render(model));
  const blocks = readDocument(xml, subtreeStore(scope), templates.file);
  fillContents(blocks);
  eachTable(blocks, weighColumns);
  const { meta } = model;
  return {
    meta: {
      lang: meta.language,
      title: meta.title,
      subtitle: meta.subtitle,
      author: meta.publisher,
      date: meta.date,
      runningTitle: meta.fullTitle,
      draft: meta.draft,
      keywords: [meta.programme],
      masthead: meta.publisher ?? meta.programme,
      colour: meta.colour,
    },
    labels: catalogue.labels(),
    blocks,
  };
}
