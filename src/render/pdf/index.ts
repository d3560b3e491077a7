// The PDF writer: the report model laid out twice with the same code, first without drawing to find
// the page of every part and the page count, then drawing, with the bytes streamed out as made.
import type { ReportModel } from '../../report/model.js';
import type { ByteSink, RenderWarning } from '../index.js';
import { BlockLayout } from './blocks.js';
import type { Context } from './context.js';
import { createDocument, documentDate, type PdfOptions } from './document.js';
import { Flow } from './flow.js';
import { Fonts } from './fonts.js';
import { Navigation } from './navigation.js';
import { Pen } from './pen.js';
import { footer, layoutReport } from './report.js';
import { TableLayout } from './tables.js';
import { structNode, Tagger } from './tags.js';

export type { PdfOptions } from './document.js';

export interface PdfResult {
  pages: number;
  warnings: RenderWarning[];
}

function context(model: ReportModel, fonts: Fonts, flow: Flow, pages: Context['pages'], root: Context['root']): Context {
  return { model, flow, fonts, layout: new BlockLayout(fonts), tables: new TableLayout(flow, fonts), nav: new Navigation(), pages, root };
}

/** Writes the PDF into `out` a chunk at a time, waiting whenever `out` asks to (its 'drain'). */
export async function streamPdf(model: ReportModel, options: PdfOptions, out: ByteSink): Promise<PdfResult> {
  const doc = createDocument(model, documentDate(model, options));
  const fonts = new Fonts(doc);

  // Pass 1: nothing is drawn; the flow counts pages and notes where each part starts.
  const measure = context(model, fonts, new Flow(null, () => {}), null, structNode('Document', null));
  const dry = layoutReport(measure);
  while (!dry.next().done);
  const total = measure.flow.page;

  // Pass 2: the same layout, drawn, with the page numbers now known.
  let waiting: Promise<void> | null = null;
  doc.on('data', (chunk: Uint8Array) => {
    if (!out.write(chunk) && out.once && !waiting) waiting = new Promise((resolve) => out.once!('drain', () => ((waiting = null), resolve())));
  });
  const ended = new Promise<void>((resolve, reject) => doc.on('end', resolve).on('error', reject));
  const root = structNode('Document', null);
  const tagger = new Tagger(doc, root);
  const flow = new Flow(new Pen(doc, tagger, fonts), footer(fonts, model.meta.fullTitle, total, root));
  const draw = context(model, fonts, flow, measure.nav.pages, root);
  const steps = layoutReport(draw);
  // pdfkit's stream starts flowing on the next tick: let the file header out before drawing.
  await new Promise((resolve) => setImmediate(resolve));
  while (!steps.next().done) if (waiting) await waiting;
  tagger.end(root);

  const moved = [...measure.nav.pages].filter(([id, page]) => draw.nav.pages.get(id) !== page);
  if (flow.page !== total || moved.length) throw new Error(`the PDF's two layout passes disagree (${flow.page} pages, then ${total}; moved: ${moved.map(([id]) => id).join(', ')})`);

  doc.end();
  await ended;
  return { pages: total, warnings: fonts.warnings() };
}

/** The whole PDF in memory: for standard output and tests. */
export async function writePdf(model: ReportModel, options: PdfOptions = {}): Promise<PdfResult & { data: Uint8Array }> {
  const chunks: Uint8Array[] = [];
  const result = await streamPdf(model, options, { write: (chunk) => (chunks.push(chunk), true) });
  return { ...result, data: Buffer.concat(chunks) };
}
