// The writers, by format name: each maps the document's node kinds to its format. Text writers
// return a string, binary writers stream bytes. A new format is one more entry here and one module.
import type { Document, DocumentMeta, SourceRef } from '../document/types.js';

export interface RenderOptions {
  /** SOURCE_DATE_EPOCH from the CLI's environment: the date written into binary formats. */
  sourceDateEpoch?: string;
}

/**
 * The date a binary format writes into its file: SOURCE_DATE_EPOCH when set (the command line has
 * checked it is whole seconds), else the report's publication date, else the epoch: never the clock.
 */
export function documentDate(meta: Pick<DocumentMeta, 'date'>, options: RenderOptions): Date {
  const epoch = options.sourceDateEpoch?.trim();
  if (epoch) return new Date(Number(epoch) * 1000);
  return new Date(`${meta.date ?? '1970-01-01'}T00:00:00Z`);
}

/** A page-furniture label with its placeholders filled ("{page} of {pages}"); one not given stays as written. */
export function fillLabel(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** What the PDF shows in place of a character no font has; the real character stays in its text layer. */
export const REPLACEMENT = '\ufffd';

/** Something a writer could not do as the data asks (a character no font has); the CLI prints it. */
export interface RenderWarning {
  rule: string;
  message: string;
  /** The text concerned, so the CLI can find where the data holds it. */
  text: string;
  /** Where the data holds it, when the document's text carries its source. */
  source?: SourceRef;
  /** What would mend it (for a missing glyph, the Debian package with a font for its script). */
  hint?: string;
}

/** Where a binary writer puts its bytes: a file stream, whose 'drain' it waits for, or standard output. */
export interface ByteSink {
  write(chunk: Uint8Array): boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

export type Writer =
  | { kind: 'text'; extension: string; write: (doc: Document, options: RenderOptions) => Promise<string> }
  | { kind: 'binary'; extension: string; write: (doc: Document, options: RenderOptions, out: ByteSink) => Promise<{ warnings: RenderWarning[] }> };

export const writers = {
  md: {
    kind: 'text',
    extension: 'md',
    write: async (doc, _options: RenderOptions) => (await import('./markdown.js')).writeMarkdown(doc),
  },
  html: {
    kind: 'text',
    extension: 'html',
    write: async (doc, _options: RenderOptions) => (await import('./html.js')).writeHtml(doc),
  },
  pdf: {
    kind: 'binary',
    extension: 'pdf',
    write: async (doc, options, out) => {
      const { streamPdf } = await import('./pdf/index.js');
      return streamPdf(doc, { sourceDateEpoch: options.sourceDateEpoch }, out);
    },
  },
  docx: {
    kind: 'binary',
    extension: 'docx',
    write: async (doc, options, out) => {
      const { writeDocx } = await import('./docx/index.js');
      out.write(await writeDocx(doc, { date: documentDate(doc.meta, options) }));
      return { warnings: [] };
    },
  },
} satisfies Record<string, Writer>;

export type Format = keyof typeof writers;
export const FORMATS = Object.keys(writers) as Format[];
