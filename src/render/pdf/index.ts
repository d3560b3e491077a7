// The PDF writer: the document laid out twice with the same code, first without drawing to find
// the page of every link target and the page count, then drawing, with the bytes streamed out as made.
import type { Document } from '../../document/types.js';
import { documentDate, type ByteSink, type RenderWarning } from '../index.js';
import { BlockLayout, type Extras } from './blocks.js';
import { Pictures } from './chart.js';
import type { Context } from './context.js';
import { createDocument, type PdfOptions } from './document.js';
import { Flow } from './flow.js';
import { Fonts } from './fonts.js';
import { furniture } from './furniture.js';
import { image, layoutDocument } from './layout.js';
import { Navigation } from './navigation.js';
import { Pen } from './pen.js';
import { Phrasing } from './phrasing.js';
import { TableLayout } from './tables.js';
import { structNode, Tagger } from './tags.js';
import { missingGlyphs } from './warnings.js';

export type { PdfOptions } from './document.js';

export interface PdfResult {
  pages: number;
  warnings: RenderWarning[];
}

interface Shared {
  doc: Document;
  fonts: Fonts;
  pictures: Pictures;
  covers: Set<number>;
  warnings: RenderWarning[];
}

function context(shared: Shared, flow: Flow, pages: Context['pages'], root: Context['root']): Context {
  const nav = new Navigation();
  const { doc } = shared;
  const extras: Extras = { contents: doc.labels.contents, pages, image: (block, at) => image(ctx, block, at) };
  const layout = new BlockLayout(shared.fonts, new Phrasing(doc.labels), nav, extras);
  const ctx: Context = { doc, pictures: shared.pictures, covers: shared.covers, warnings: shared.warnings, flow, layout, tables: new TableLayout(flow, layout), nav, pages, root };
  return ctx;
}

/** Writes the PDF into `out` a chunk at a time, waiting whenever `out` asks to (its 'drain'). */
export async function streamPdf(doc: Document, options: PdfOptions, out: ByteSink): Promise<PdfResult> {
  const pdf = createDocument(doc.meta, documentDate(doc.meta, options));
  const shared: Shared = { doc, fonts: new Fonts(pdf), pictures: new Pictures(pdf), covers: new Set(), warnings: [] };

  // Pass 1: nothing is drawn; the flow counts pages and notes where each link target starts.
  const measure = context(shared, new Flow(null, () => {}), null, structNode('Document', null));
  const dry = layoutDocument(measure);
  while (!dry.next().done);
  const total = measure.flow.page;

  // Pass 2: the same layout, drawn, with the page numbers now known.
  let waiting: Promise<void> | null = null;
  pdf.on('data', (chunk: Uint8Array) => {
    if (!out.write(chunk) && out.once && !waiting) waiting = new Promise((resolve) => out.once!('drain', () => ((waiting = null), resolve())));
  });
  const ended = new Promise<void>((resolve, reject) => pdf.on('end', resolve).on('error', reject));
  const root = structNode('Document', null);
  const tagger = new Tagger(pdf, root);
  const flow = new Flow(new Pen(pdf, tagger, shared.fonts), furniture(shared.fonts, doc, total, shared.covers, root));
  const draw = context(shared, flow, measure.nav.pages, root);
  const steps = layoutDocument(draw);
  // pdfkit's stream starts flowing on the next tick: let the file header out before drawing.
  await new Promise((resolve) => setImmediate(resolve));
  while (!steps.next().done) if (waiting) await waiting;
  tagger.end(root);

  const moved = [...measure.nav.pages].filter(([id, page]) => draw.nav.pages.get(id) !== page);
  if (flow.page !== total || moved.length) throw new Error(`the PDF's two layout passes disagree (${flow.page} pages, then ${total}; moved: ${moved.map(([id]) => id).join(', ')})`);

  pdf.end();
  await ended;
  return { pages: total, warnings: [...shared.warnings, ...missingGlyphs(doc, shared.fonts.missing, Fonts.hint)] };
}

/** The whole PDF in memory: for standard output and tests. */
export async function writePdf(doc: Document, options: PdfOptions = {}): Promise<PdfResult & { data: Uint8Array }> {
  const chunks: Uint8Array[] = [];
  const result = await streamPdf(doc, options, { write: (chunk) => (chunks.push(chunk), true) });
  return { ...result, data: Buffer.concat(chunks) };
}
