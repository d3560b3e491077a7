// The templates' helpers. They only format and look up words; what the report says is decided in
// the report model. Words come from the catalogue ({{t "key"}}); Markdown fields and pictures are
// put in by reference ({{rich body}} writes <rich ref="7"/>), so their text is never read as markup.
import type { HelperDelegate } from 'handlebars';
import { difference, formatNumber, signedNumber, withUnit } from '../figures.js';
import type { RichText } from '../report/rich.js';
import type { TextSources } from '../report/sources.js';
import type { Catalogue, Markup, Params } from './catalogue.js';
import type { Block, Inline } from './types.js';

/** What one render puts into the document by reference, and where its words come from. */
export interface Scope {
  catalogue: Catalogue;
  subtrees: (Block[] | Inline[])[];
  /** The footnotes of each subtree that has any, by its index. */
  footnotes: Map<number, { number: number; blocks: Block[] }[]>;
  /** Where the report model's plain texts are written in the data, when the model knows. */
  texts?: TextSources;
}

// Handlebars renders synchronously: the scope of the render under way.
let active: Scope | undefined;

/** Runs a render with its catalogue and a fresh store of subtrees. */
export function inScope<T>(scope: Scope, render: () => T): T {
  active = scope;
  try {
    return render();
  } finally {
    active = undefined;
  }
}

function scope(): Scope {
  if (!active) throw new Error('a template helper ran outside a render');
  return active;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as the document's XML: what Handlebars' own escaping does for {{field}}. */
const SPECIAL = /[&<>"']/;
export const escapeXml = (text: string): string => (SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : text);

/** Markup the template language takes as it is (Handlebars treats any object with toHTML so). */
const markup = (text: string): Markup & { toHTML(): string; toString(): string } => ({ markup: text, toHTML: () => text, toString: () => text });
const isMarkup = (value: unknown): value is Markup => typeof value === 'object' && value !== null && typeof (value as Markup).markup === 'string';
const isRich = (value: unknown): value is RichText => typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'rich';

const finite = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

type Options = { hash?: Record<string, unknown> };
/** A helper's own arguments, without Handlebars' options object at the end. */
const argsOf = (args: unknown[]): { values: unknown[]; hash: Record<string, unknown> } =>
  ({ values: args.slice(0, -1), hash: (args[args.length - 1] as Options).hash ?? {} });

function put(tree: Block[] | Inline[], notes: { number: number; blocks: Block[] }[], inline: boolean) {
  const { subtrees, footnotes } = scope();
  subtrees.push(tree);
  if (notes.length > 0) footnotes.set(subtrees.length - 1, notes);
  return markup(`<rich ref="${subtrees.length - 1}"${inline ? ' inline="true"' : ''}/>`);
}

function richHelper(inline: boolean): HelperDelegate {
  return (value: unknown) => {
    if (value === null || value === undefined) return '';
    if (!isRich(value)) throw new Error(`{{${inline ? 'inline' : 'rich'}}} takes a Markdown field (a body, a commitment), not ${typeof value === 'string' ? 'plain text' : typeof value}`);
    return put(value.blocks, value.footnotes.map((f) => ({ number: f.number, blocks: f.text.blocks })), inline);
  };
}

/** The subtrees {{text}} has put in the render under way, by their words. */
const putTexts = new WeakMap<Scope, Map<string, Markup>>();

export const helpers: Record<string, HelperDelegate> = {
  /** {{t "heading.changes" year=previousYear}}; {{t "status" status}} looks up "status.met". */
  t: (...args: unknown[]) => {
    const { values, hash } = argsOf(args);
    const key = values.map(String).join('.');
    const params: Params = {};
    for (const [name, value] of Object.entries(hash)) {
      params[name] = isMarkup(value) ? value : typeof value === 'number' ? value : value === null || value === undefined ? '' : String(value);
    }
    return markup(scope().catalogue.text(key, params, escapeXml));
  },
  rich: richHelper(false),
  /**
   * A plain text from the data (a name, a title, a label): {{text name}} writes it as {{name}}
   * does, and its text node carries where it is written, for a writer's warning about it.
   */
  text: (value: unknown) => {
    if (value === null || value === undefined) return '';
    const words = String(value);
    const current = scope();
    const source = current.texts?.get(words);
    if (!source) return words;
    // One subtree for each text however often it is shown (a department's name on every annex row).
    let placed = putTexts.get(current);
    if (!placed) putTexts.set(current, (placed = new Map()));
    let markup = placed.get(words);
    if (!markup) placed.set(words, (markup = put([{ type: 'text', text: words, source }], [], true)));
    return markup;
  },
  inline: richHelper(true),
  /** A picture the report model carries (the cover's logo) as an image block. */
  image: (value: unknown) => {
    if (value === null || value === undefined) return '';
    return put([value as Block], [], false);
  },
  /** A link to put inside a sentence from the catalogue: {{t "colophon.licensed" licence=(link url name)}}. */
  link: (url: unknown, text: unknown) => markup(`<a href="${escapeXml(String(url))}">${escapeXml(String(text))}</a>`),
  formatDate: (iso: unknown) => (typeof iso === 'string' ? scope().catalogue.date(iso) : ''),
  formatNumber: (value: unknown) => formatNumber(finite(value)),
  formatSigned: (value: unknown) => signedNumber(finite(value)),
  /** The change from one figure to another, signed, to the decimals they have: empty when either is missing. */
  formatDifference: (from: unknown, to: unknown) => (typeof from === 'number' && typeof to === 'number' ? signedNumber(difference(from, to)) : ''),
  formatPercent: (value: unknown) => `${formatNumber(finite(value))}%`,
  formatFigure: (value: unknown, unit: unknown) => withUnit(finite(value), typeof unit === 'string' ? unit : null),
};
