// The writers, by format name: text writers return a string, binary writers stream bytes.
import type { ReportModel } from '../report/model.js';
import { loadTemplates } from './templates.js';

export interface RenderOptions {
  /** A folder whose templates replace the shipped ones by file name. */
  templates?: string;
  cwd: string;
  /** SOURCE_DATE_EPOCH from the CLI's environment: the date written into binary formats. */
  sourceDateEpoch?: string;
}

/** Something a writer could not do as the data asks (a character no font has); the CLI prints it. */
export interface RenderWarning {
  rule: string;
  message: string;
  /** The text concerned, so the CLI can find where the data holds it. */
  text: string;
  /** What would mend it (for a missing glyph, the Debian package with a font for its script). */
  hint?: string;
}

/** Where a binary writer puts its bytes: a file stream, whose 'drain' it waits for, or standard output. */
export interface ByteSink {
  write(chunk: Uint8Array): boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

export type Writer =
  | { kind: 'text'; extension: string; write: (model: ReportModel, options: RenderOptions) => Promise<string> }
  | { kind: 'binary'; extension: string; write: (model: ReportModel, options: RenderOptions, out: ByteSink) => Promise<{ warnings: RenderWarning[] }> };

export const writers = {
  md: {
    kind: 'text',
    extension: 'md',
    write: async (model, options) => {
      const { writeMarkdown } = await import('./markdown.js');
      return writeMarkdown(model, await loadTemplates('markdown', options.templates, options.cwd));
    },
  },
  html: {
    kind: 'text',
    extension: 'html',
    write: async (model, options) => {
      const { writeHtml } = await import('./html.js');
      return writeHtml(model, await loadTemplates('html', options.templates, options.cwd));
    },
  },
  pdf: {
    kind: 'binary',
    extension: 'pdf',
    write: async (model, options, out) => {
      const { streamPdf } = await import('./pdf/index.js');
      return streamPdf(model, { sourceDateEpoch: options.sourceDateEpoch }, out);
    },
  },
} satisfies Record<string, Writer>;

export type Format = keyof typeof writers;
export const FORMATS = Object.keys(writers) as Format[];
