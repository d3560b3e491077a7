// The writers, by format name: each maps the document's node kinds to its format. Text writers
// return a string, binary writers stream bytes. A new format is one more entry here and one module.
import type { Document } from '../document/types.js';
import type { ReportModel } from '../report/model.js';

export interface RenderOptions {
  /** SOURCE_DATE_EPOCH from the CLI's environment: the date written into binary formats. */
  sourceDateEpoch?: string;
  /**
   * The report model the document was built from. Only the PDF writer reads it, until it maps the
   * document's nodes like the others.
   */
  report?: ReportModel;
}

/** What the PDF shows in place of a character no font has; the real character stays in its text layer. */
export const REPLACEMENT = '\ufffd';

/** Something a writer could not do as the data asks (a character no font has); the CLI prints it. */
export interface RenderWarning {
  rule: string;
  message: string;
  /** The text concerned, so the CLI can find where the data holds it. */
  text: string;
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
    write: async (_doc, options, out) => {
      if (!options.report) throw new Error('the PDF writer needs the report model (RenderOptions.report)');
      const { streamPdf } = await import('./pdf/index.js');
      return streamPdf(options.report, { sourceDateEpoch: options.sourceDateEpoch }, out);
    },
  },
} satisfies Record<string, Writer>;

export type Format = keyof typeof writers;
export const FORMATS = Object.keys(writers) as Format[];
