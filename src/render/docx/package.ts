// The one place covenant reaches past the docx package's public API: it makes the package's zip
// reproducible. docx names some relationships with random ids and stamps the clock into the core
// properties and every zip entry; the same input must give the same bytes, so the zip is read back,
// those are replaced by stable values, and it is written again with fixed entry times.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const require = createRequire(import.meta.url);

/** The docx releases whose random ids and core properties this adapter is written against. */
export const DOCX_SUPPORTED = /^9\./;

/** docx's own version, checked before its output is rewritten: a new major release may name things otherwise. */
export function docxVersion(): string {
  // docx's exports do not include its package.json: it sits one folder above its entry point.
  const file = join(dirname(require.resolve('docx')), '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

export function checkDocxVersion(version = docxVersion()): void {
  if (!DOCX_SUPPORTED.test(version)) {
    throw new Error(`covenant's DOCX writer is written for docx 9.x, and docx ${version} is installed: check src/render/docx/package.ts against its output before using it`);
  }
}

// nanoid's 21 characters, lower-cased, after "rId", as the value of an attribute.
const RANDOM_ID = /"rId([a-z0-9_-]{21})"/g;
// Bookmark ids come from a counter docx keeps for the whole process, not for one document.
const BOOKMARK_ID = /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)"/g;

const XML_TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const xmlText = (s: string) => s.replace(/[&<>]/g, (c) => XML_TEXT[c]!);

export interface PackageProperties {
  date: Date;
  lang: string;
}

/** Core properties with the document's date instead of the clock's, and its language. */
function coreProperties(xml: string, { date, lang }: PackageProperties): string {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml
    .replace(/(<dcterms:(created|modified) [^>]*>)[^<]*/g, `$1${stamp}`)
    .replace(/<cp:lastModifiedBy>[^<]*<\/cp:lastModifiedBy>/, '')
    .replace('</cp:coreProperties>', `<dc:language>${xmlText(lang)}</dc:language></cp:coreProperties>`);
}

/**
 * A zip entry's time is a DOS date, written from the Date's local-time fields (fflate reads
 * getFullYear and so on): shift it so those fields hold the UTC time, whatever TZ is, and keep it
 * within the years a DOS date can hold.
 */
function zipTime(date: Date): Date {
  const clamped = Math.min(Math.max(date.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31));
  return new Date(clamped + new Date(clamped).getTimezoneOffset() * 60_000);
}

/** Ids numbered in the order they first appear. */
class Renumbering {
  private readonly ids = new Map<string, string>();
  constructor(private readonly prefix: string) {}
  of(id: string): string {
    let renamed = this.ids.get(id);
    if (renamed === undefined) this.ids.set(id, (renamed = `${this.prefix}${this.ids.size + 1}`));
    return renamed;
  }
}

interface Renumberings {
  relationships: Renumbering;
  bookmarks: Renumbering;
}

/** Rewrites a zip (the .docx, or a workbook inside it) with stable ids and entry times. */
function normalise(data: Uint8Array, properties: PackageProperties, ids: Renumberings): Uint8Array {
  const entries = unzipSync(data);
  // [Content_Types].xml first, as Word writes it; the rest in docx's order.
  const names = Object.keys(entries).sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  const out: Zippable = {};
  for (const name of names) {
    let bytes: Uint8Array = entries[name]!;
    if (name.endsWith('.xlsx')) bytes = normalise(bytes, properties, ids);
    else if (name.endsWith('.xml') || name.endsWith('.rels')) {
      let xml = strFromU8(bytes)
        .replace(RANDOM_ID, (_, id: string) => `"${ids.relationships.of(id)}"`)
        .replace(BOOKMARK_ID, (_, start: string, id: string) => `${start}${ids.bookmarks.of(id)}"`);
      if (name === 'docProps/core.xml') xml = coreProperties(xml, properties);
      bytes = strToU8(xml);
    }
    out[name] = [bytes, { mtime: zipTime(properties.date), level: 6 }];
  }
  return zipSync(out);
}

/** The package as docx wrote it, made reproducible. */
export function reproducible(data: Uint8Array, properties: PackageProperties): Uint8Array {
  checkDocxVersion();
  return normalise(data, properties, { relationships: new Renumbering('rIdC'), bookmarks: new Renumbering('') });
}
