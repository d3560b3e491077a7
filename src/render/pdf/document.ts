// The pdfkit document: A4, tagged, in the document's language, declared PDF/UA, with its information
// dictionary and a date taken from the input, never the clock, so the same input gives the same bytes.
import PDFDocument from 'pdfkit';
import type { DocumentMeta } from '../../document/types.js';

export interface PdfOptions {
  /** SOURCE_DATE_EPOCH as the CLI read it: whole seconds since 1970. */
  sourceDateEpoch?: string | undefined;
}

/** SOURCE_DATE_EPOCH when set, else the document's publication date, else the epoch itself. */
export function documentDate(meta: Pick<DocumentMeta, 'date'>, options: PdfOptions): Date {
  const epoch = options.sourceDateEpoch?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) throw new RangeError(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}"`);
    return new Date(Number(epoch) * 1000);
  }
  const iso = meta.date ?? '1970-01-01';
  return new Date(`${iso}T00:00:00Z`);
}

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

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
  gatherOutput(doc);
  doc.on('pageAdded', () => gatherContent(doc.page as unknown as { content?: Content }));
  // pdfkit copies the information into the XMP metadata without XML escaping, so an "&" in a title
  // would make the metadata unreadable. It writes the Info dictionary first and the XMP last, with
  // the subset's end between the two: the values are escaped there, for the XMP alone.
  const endSubset = doc.endSubset.bind(doc);
  doc.endSubset = () => {
    endSubset();
    for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'] as const) {
      const value = doc.info[key];
      if (typeof value === 'string') doc.info[key] = value.replace(/[&<>"']/g, (c) => XML[c]!);
    }
  };
  return doc;
}

/** pdfkit 0.20's output plumbing, which gatherOutput takes over. */
interface Output {
  _write(data: string | Uint8Array): void;
  _offset: number;
  push(chunk: Uint8Array | null): boolean;
}

const OUTPUT_CHUNK = 64 * 1024;

/**
 * pdfkit writes the file a line at a time (an object's number, its dictionary, its stream, its
 * end), converting each string to bytes a character at a time and sending each piece through its
 * stream on its own: a large report makes millions of them. Here the pieces are converted by
 * Buffer and sent on gathered, OUTPUT_CHUNK bytes at a time. The bytes are the same, and pdfkit
 * still counts them for the cross-reference table.
 */
function gatherOutput(doc: PDFKit.PDFDocument): void {
  const output = doc as unknown as Output;
  if (typeof output._write !== 'function' || typeof output._offset !== 'number') return;
  const push = output.push.bind(doc);
  const gathered: Uint8Array[] = [];
  let size = 0;
  const send = () => {
    if (size === 0) return;
    push(gathered.length === 1 ? gathered[0]! : Buffer.concat(gathered, size));
    gathered.length = 0;
    size = 0;
  };
  output._write = (data) => {
    // As pdfkit does: a string is a line (Latin-1 bytes), anything else goes as it is.
    const bytes = data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1');
    gathered.push(bytes);
    size += bytes.length;
    output._offset += bytes.length;
    if (size >= OUTPUT_CHUNK) send();
  };
  // The end of the file: what is gathered goes first.
  output.push = (chunk) => {
    if (chunk === null) send();
    return push(chunk);
  };
}

/** pdfkit 0.20's stream object (PDFReference): what gatherContent takes over for a page's content. */
interface Content {
  write(chunk: string | Uint8Array): void;
  end(): void;
}

/**
 * A page's content comes as hundreds of short strings (an operator or a line of text each), which
 * pdfkit would convert to bytes one at a time and join at the page's end. Here they are joined as
 * strings and converted once: the same bytes.
 */
function gatherContent(page: { content?: Content }): void {
  const content = page.content;
  if (typeof content?.write !== 'function' || typeof content.end !== 'function') return;
  const { write, end } = content;
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    write.call(content, Buffer.from(lines.join(''), 'latin1'));
    lines = [];
  };
  content.write = (chunk) => {
    // As pdfkit does: a string is a line.
    if (typeof chunk === 'string') lines.push(chunk, '\n');
    else {
      flush();
      write.call(content, chunk);
    }
  };
  content.end = () => {
    flush();
    end.call(content);
  };
}
