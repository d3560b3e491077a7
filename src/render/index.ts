// The writers, by format name: text writers return a string, binary writers stream bytes.
import type { ReportModel } from '../report/model.js';
import { loadTemplates } from './templates.js';

export interface RenderOptions {
  /** A folder whose templates replace the shipped ones by file name. */
  templates?: string;
  cwd: string;
}

export type Writer =
  | { kind: 'text'; extension: string; write: (model: ReportModel, options: RenderOptions) => Promise<string> }
  | { kind: 'binary'; extension: string; write: (model: ReportModel, options: RenderOptions) => Promise<Uint8Array> };

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
} satisfies Record<string, Writer>;

export type Format = keyof typeof writers;
export const FORMATS = Object.keys(writers) as Format[];
