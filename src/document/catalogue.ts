// The catalogue: every word the tool adds to a report, by key, for one language. Shipped in
// templates/locales/<lang>.yaml; a --templates folder's locales/<lang>.yaml replaces its words.
// Read with js-yaml: a plain file of words needs no positions, and the run no `yaml` package.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsyaml from 'js-yaml';
import { closest } from '../data/suggest.js';
import { formatNumber } from '../figures.js';
import type { DocumentLabels } from './types.js';

/** A value in the catalogue: words, a list (the months), or plural forms chosen by {count}. */
type Entry = string | string[] | { one?: string; other: string; [form: string]: string | undefined };

/** A catalogue that cannot be read or lacks a key: exit 1, naming the file and the key. */
export class CatalogueError extends Error {}

/** A value already written as the template language's markup (a link in a sentence): inserted as it is. */
export interface Markup {
  markup: string;
}

export type Params = Record<string, string | number | Markup | undefined>;

export interface Catalogue {
  lang: string;
  file: string;
  /** The words of `key` with its {names} filled: text escaped by `escape`, markup as it is. */
  text(key: string, params?: Params, escape?: (text: string) => string): string;
  /** "2019-10-01" as the language writes a date. */
  date(iso: string): string;
  labels(): DocumentLabels;
  has(key: string): boolean;
}

export const shippedLocales = new URL('../../templates/locales/', import.meta.url);

/** Nested YAML maps flattened to dotted keys ("heading.foreword"); plural forms stay one entry. */
function flatten(value: unknown, prefix: string, out: Map<string, Entry>, file: string): void {
  if (typeof value === 'string' || Array.isArray(value)) {
    out.set(prefix, Array.isArray(value) ? value.map(String) : value);
    return;
  }
  if (value === null || typeof value !== 'object') throw new CatalogueError(`${file}: "${prefix}" must be words, not ${JSON.stringify(value)}`);
  const map = value as Record<string, unknown>;
  if (typeof map.other === 'string') {
    out.set(prefix, map as Entry);
    return;
  }
  for (const [key, child] of Object.entries(map)) flatten(child, prefix ? `${prefix}.${key}` : key, out, file);
}

const identity = (text: string) => text;

/** A catalogue file's entries by dotted key. */
function readEntries(path: string, shown: string): Map<string, Entry> {
  let parsed: unknown;
  try {
    parsed = jsyaml.load(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CatalogueError(`${shown}: the catalogue cannot be read (${(error as Error).message.split('\n')[0]})`);
  }
  const entries = new Map<string, Entry>();
  flatten(parsed ?? {}, '', entries, shown);
  return entries;
}

/**
 * A catalogue for language `lang` from its files, later ones' keys replacing earlier ones' (a
 * --templates folder's locales/en-GB.yaml need hold only the words it changes). `shown` names the
 * catalogue in errors.
 */
export function loadCatalogue(files: readonly { path: string; shown: string }[], lang: string): Catalogue {
  const entries = new Map<string, Entry>();
  for (const file of files) {
    for (const [key, value] of readEntries(file.path, file.shown)) {
      if (file !== files[0] && files.length > 1 && !entries.has(key)) {
        const near = closest(key, [...entries.keys()]);
        throw new CatalogueError(`${file.shown}: "${key}" is not a word covenant uses${near ? ` (did you mean "${near}"?)` : ''}`);
      }
      entries.set(key, value);
    }
  }
  const shown = files.map((f) => f.shown).join(' + ');
  const plural = new Intl.PluralRules(lang);
  const entry = (key: string): Entry => {
    const found = entries.get(key);
    if (found === undefined) throw new CatalogueError(`${shown} has no "${key}": add it, as in the shipped templates/locales/en-GB.yaml`);
    return found;
  };
  const text = (key: string, params: Params = {}, escape = identity): string => {
    const found = entry(key);
    let words: string;
    if (typeof found === 'string') words = found;
    else if (Array.isArray(found)) throw new CatalogueError(`${shown}: "${key}" is a list, not words`);
    else {
      const count = params.count;
      if (typeof count !== 'number') throw new CatalogueError(`${shown}: "${key}" has plural forms and needs a count`);
      words = found[plural.select(count)] ?? found.other;
    }
    return escape(words).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (typeof value === 'number') return escape(formatNumber(value));
      return typeof value === 'string' ? escape(value) : value.markup;
    });
  };
  return {
    lang,
    file: shown,
    text,
    has: (key) => entries.has(key),
    date(iso) {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      const months = entry('date.months');
      if (!match || !Array.isArray(months)) return iso;
      return text('date.long', { day: String(Number(match[3])), month: months[Number(match[2]) - 1] ?? match[2]!, year: match[1]! });
    },
    labels: () => ({
      skipLink: text('labels.skipLink'),
      pageOfPages: text('labels.pageOfPages'),
      draftMark: text('labels.draftMark'),
      footnoteBack: text('labels.footnoteBack'),
      footnoteRef: text('labels.footnoteRef'),
      contents: text('labels.contents'),
      footnotes: text('labels.footnotes'),
      chart: text('labels.chart'),
    }),
  };
}

/**
 * The catalogue for `lang`: the shipped one, with a --templates folder's locales/<lang>.yaml over
 * it; a language covenant does not ship must be whole in that folder.
 */
export function catalogueFor(lang: string, custom: string | undefined, display: (file: string) => string): Catalogue {
  const name = `${lang}.yaml`;
  const exists = (path: string) => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  };
  const files: { path: string; shown: string }[] = [];
  const shipped = fileURLToPath(new URL(name, shippedLocales));
  if (exists(shipped)) files.push({ path: shipped, shown: `templates/locales/${name}` });
  const own = custom ? join(custom, 'locales', name) : undefined;
  if (own && exists(own)) files.push({ path: own, shown: display(own) });
  if (files.length === 0) {
    throw new CatalogueError(`there is no catalogue for language "${lang}" (report.yaml's language): add locales/${name} to a --templates folder, translated from templates/locales/en-GB.yaml`);
  }
  return loadCatalogue(files, lang);
}
