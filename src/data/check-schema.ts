// Schema validation of one file, with ajv's errors turned into located, readable problems.
import type { ErrorObject } from 'ajv';
import type { Problem } from '../problems.js';
import { pointerToSegments, type Segment, type SourceFile } from './source.js';
import { validator, type FileKind } from './schemas.js';
import { closest, didYouMean, kebab } from './suggest.js';

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping (key: value lines)',
  array: 'a list (lines starting with "- ")',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'empty',
};

function typeOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text ("${shorten(value)}")`;
  // YAML reads 1e400 as Infinity and .nan as NaN: neither is a figure JSON Schema accepts.
  if (typeof value === 'number' && Number.isNaN(value)) return '.nan (not a number)';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number too large to hold';
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

function shorten(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

const SINGULAR: Record<string, string> = {
  pledges: 'pledge', themes: 'theme', outcomes: 'outcome', metrics: 'metric', links: 'link',
  sections: 'section', case_studies: 'case study', quotes: 'quote', principles: 'principle',
};

/** How a place in the file is named in a message: `status`, `pledge "care-leaver-marker"`, `the file`. */
export function label(segments: readonly Segment[], value?: unknown): string {
  const last = segments[segments.length - 1];
  if (last === undefined) return 'the file';
  if (typeof last === 'string') return last;
  const parent = segments[segments.length - 2];
  const noun = typeof parent === 'string' ? SINGULAR[parent] ?? `${parent} item` : 'item';
  const id = (value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? `${noun} "${id}"` : `${noun} ${last + 1}`;
}

function valueAt(root: unknown, segments: readonly Segment[]): unknown {
  let value = root;
  for (const s of segments) value = (value as Record<string | number, unknown> | undefined)?.[s];
  return value;
}

/** A number written as text, e.g. "3,162" or "45%": the number it most likely means. */
function numberFrom(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(/[,\s£€$%]/g, '');
  return cleaned !== '' && Number.isFinite(Number(cleaned)) ? Number(cleaned) : undefined;
}

/**
 * The hint for a value in curly quotes (“met”), as a word processor or a phone types them: YAML
 * reads them as part of the text. Said for the value without them, ready to paste.
 */
function curlyQuoted(name: string, value: unknown, allowed: readonly string[]): string | undefined {
  const inner = typeof value === 'string' ? /^[“”‘’„‚](.*)[“”‘’]$/s.exec(value.trim())?.[1] : undefined;
  if (inner === undefined) return undefined;
  const meant = allowed.includes(inner) ? inner : closest(inner, allowed);
  return `curly quotes are part of the text in YAML: ${meant === undefined ? 'write the value without them' : `write ${name}: ${meant}`}`;
}

function describe(error: ErrorObject, segments: Segment[], value: unknown): { rule: string; message: string; hint?: string } {
  const name = label(segments, value);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { rule: 'required', message: `${name === 'the file' ? 'the file' : name} is missing the required field "${String(params.missingProperty)}"` };
    case 'additionalProperties': {
      const allowed = Object.keys((error.parentSchema?.properties ?? {}) as object);
      const key = String(params.additionalProperty);
      // YAML 1.1's merge key, which YAML 1.2 (and so covenant) reads as a key like any other.
      if (key === '<<') return { rule: 'unknown-key', message: 'merge keys (<<: *name) are not read: each key must be written out', hint: 'copy the keys from the anchored mapping in place of the "<<:" line' };
      const hint = didYouMean(key, allowed) ?? `allowed here: ${allowed.join(', ')}`;
      return { rule: 'unknown-key', message: `unknown key "${key}"`, hint };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = curlyQuoted(name, value, allowed) ?? didYouMean(value, allowed);
      return {
        rule: 'enum',
        message: `${name} must be one of ${allowed.join(', ')}, not ${typeof value === 'string' ? `"${shorten(value)}"` : typeOf(value)}`,
        ...(hint ? { hint } : {}),
      };
    }
    case 'type': {
      const wanted = String(params.type).split(',').map((t) => TYPE_NAMES[t] ?? t).join(' or ');
      if (value === null) return { rule: 'type', message: `${name} is empty: it must be ${wanted}` };
      const asNumber = params.type === 'number' ? numberFrom(value) : undefined;
      // A theme or outcome written as its title alone (`- Education`) wants an id and a title.
      const required = (error.parentSchema?.required ?? []) as unknown[];
      const asItem = typeof value === 'string' && params.type === 'object' && required.includes('id') && required.includes('title')
        ? `write "- id: ${kebab(value)}" and, under it, "title: ${shorten(value)}"` : undefined;
      const hint = asNumber !== undefined ? `write the number without quotes, separators or units: ${name}: ${asNumber}` : asItem;
      return { rule: 'type', message: `${name} must be ${wanted}, not ${typeOf(value)}`, ...(hint ? { hint } : {}) };
    }
    case 'format':
      if (params.format === 'date') {
        return { rule: 'date', message: `${name} must be a real date written YYYY-MM-DD, not "${shorten(String(value))}"` };
      }
      return { rule: 'format', message: `${name} must be written as a ${String(params.format)}, not "${shorten(String(value))}"` };
    case 'pattern':
      // Text the report cannot do without: spaces alone would print an empty pledge, case study or quote.
      if (params.pattern === '\\S') return { rule: 'empty', message: `${name} must not be empty` };
      if (segments[segments.length - 1] === 'url') return linkProblem(name, value);
      if (segments[segments.length - 1] === 'colour') {
        return { rule: 'colour', message: `${name} must be written #rrggbb, in six hexadecimal digits, not "${shorten(String(value))}"`, hint: 'GOV.UK blue is "#1d70b8"' };
      }
      if (segments[segments.length - 1] === 'language') {
        return { rule: 'language', message: `${name} must be a BCP 47 language tag, not "${shorten(String(value))}"`, hint: 'for example "en-GB", or "cy" for Welsh' };
      }
      return {
        rule: 'id',
        message: `${name} must be lower-case words joined by hyphens (like "care-leaver-marker"), not "${shorten(String(value))}"`,
        hint: `did you mean "${kebab(String(value))}"?`,
      };
    case 'minLength':
      return { rule: 'empty', message: `${name} must not be empty` };
    case 'minItems':
      return { rule: 'empty', message: `${name} must list at least ${String(params.limit)}` };
    default:
      return { rule: error.keyword, message: `${name} ${error.message ?? 'is not valid'}` };
  }
}

/** What is wrong with an address the schema's pattern refused. */
function linkProblem(name: string, value: unknown): { rule: string; message: string; hint?: string } {
  const text = String(value);
  const scheme = /^(https?:\/\/|mailto:)/i.exec(text)?.[1];
  if (!scheme) return { rule: 'link', message: `${name} must start with https://, http:// or mailto:, not "${shorten(text)}"` };
  if (/[\s"<>]/.test(text)) {
    return { rule: 'link', message: `${name} is not a valid web address: "${shorten(text)}"`, hint: 'write spaces, quotes and angle brackets percent-encoded (%20, %22, %3C, %3E)' };
  }
  return { rule: 'link', message: `${name} needs ${scheme.toLowerCase() === 'mailto:' ? 'an address' : 'a host'} after ${scheme}, not "${shorten(text)}"` };
}

export function checkSchema(kind: FileKind, source: SourceFile): Problem[] {
  const validate = validator(kind);
  if (validate(source.value)) return [];
  // `$ref`'d enum and type failures can both fire on one node; the enum says more.
  return (validate.errors ?? []).map((error): Problem => {
    const segments = pointerToSegments(error.instancePath);
    const value = valueAt(source.value, segments);
    const { rule, message, hint } = describe(error, segments, value);
    const key = error.keyword === 'additionalProperties' ? String((error.params as { additionalProperty: string }).additionalProperty) : undefined;
    const { line, column, length } = source.places.at(segments, key);
    return { file: source.path, line, column, length, severity: 'error', rule, message, ...(hint ? { hint } : {}) };
  });
}
