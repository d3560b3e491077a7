// The pdfkit document: A4, tagged, in the document's language, declared PDF/UA, with its information
// dictionary and a date taken from the input, never the clock, so the same input gives the same bytes.
import PDFDocument from 'pdfkit';
import type { DocumentMeta } from '../../document/types.js';
import { checkPdfkitVersion, escapeXmpInfo, gatherContent, gatherOutput } from './pdfkit-adapter.js';

export interface PdfOptions {
  /** SOURCE_DATE_EPOCH as the CLI read it: whole seconds since 1970. */
  sourceDateEpoch?: string | undefined;
}

export function createDocument(meta: DocumentMeta, date: Date): PDFKit.PDFDocument {
  const info: PDFKit.DocumentInfo = {
    // The full title, as the HTML's <title>: what a reader's window shows (DisplayDocTitle).
    Title: meta.runningTitle,
    ...(meta.subtitle ? { Subject: meta.subtitle } : {}),
    Keywords: meta.keywords.join(', '),
    Creator: 'covenant',
    Producer: 'covenant (pdfkit)',
    // pdfkit derives the file identifier from these: set here, they make it reproducible too.
    CreationDate: date,
    ModDate: date,
    ...(meta.author ? { Author: meta.author } : {}),
  };
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margin: 0,
    pdfVersion: '1.7',
    tagged: true,
    lang: meta.lang,
    displayTitle: true,
    // @types/pdfkit lists only the PDF/A subsets; pdfkit 0.20 also takes 'PDF/UA'.
    subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
    info,
    // No default font: pdfkit would load and parse Helvetica's metrics, which nothing here draws
    // with (every font is embedded, fonts.ts). Its types allow only a name; null means none.
    font: null as unknown as string,
  });
  checkPdfkitVersion();
  gatherOutput(doc);
  doc.on('pageAdded', () => gatherContent(doc));
  escapeXmpInfo(doc);
  return doc;
}
