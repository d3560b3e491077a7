// A format's view of the report model: every string escaped for that format and every Markdown
// field rendered, so templates can print any value as it is and never emit unescaped data.
import type { RichText } from './text.js';

export interface ViewOptions {
  escape: (text: string) => string;
  /** Link destinations (keys named `url` or `href`) have their own escaping. */
  escapeUrl?: (url: string) => string;
  rich: (text: RichText) => string;
}

/** Text already written in the target format (a table cell, say): passed through as it is. */
export interface Raw {
  kind: 'raw';
  text: string;
}

export const raw = (text: string): Raw => ({ kind: 'raw', text });

function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'raw';
}

function isRich(value: unknown): value is RichText {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'rich';
}

export function toView(value: unknown, options: ViewOptions, key = ''): unknown {
  if (typeof value === 'string') return (key === 'url' || key === 'href') && options.escapeUrl ? options.escapeUrl(value) : options.escape(value);
  if (isRich(value)) return options.rich(value);
  if (isRaw(value)) return value.text;
  if (Array.isArray(value)) return value.map((item) => toView(item, options));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toView(v, options, k)]));
  }
  return value;
}
