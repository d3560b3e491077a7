// fast-check generators for the property tests: odd text, random YAML, broken copies of valid
// files, and valid data folders with random words in them.
import fc from 'fast-check';
import { stringify } from 'yaml';

/** Text a careless paste or a hostile author might put in a field, one piece at a time. */
const ODD_PIECES = [
  'e\u0301\u0301\u0301', // combining marks stacked on one letter
  '\u202Eevil\u202C', '\u05E9\u05DC\u05D5\u05DD', '\u0645\u0631\u062D\u0628\u0627', // right-to-left override, Hebrew, Arabic
  'a\u200Bb\u200C\u200Dc\u2060\uFEFF', // zero-width characters, a BOM inside the text
  '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}', '\u{1F600}', '\u{1D54F}', // astral emoji and a mathematical letter
  '\uD800', '\uDFFF', '\uDBFF\uDBFF', // lone surrogates
  '\u0000', '\u0007', '\u001B[31m', '\u0085', '\u2028', '\u2029', '\r', '\t', // control characters and odd line ends
  '<script>alert(1)</script>', '{{constructor}}', '{{{raw}}}', '[x](javascript:alert(1))', '| a | b |', '# h', '---', '> q', '`', '```',
  '&amp;', '&#0;', '&nbsp;', '\\', '%', '@', '!', '*', '&', '?', ':', ' #', '- ', '"', "'", '[', ']', '{', '}', ',',
  '__proto__', 'constructor', 'NaN', '.inf', '~', 'null', 'true', 'no', '0x1F', '1e400', '-0',
];

/**
 * Any code point, lone surrogates included: fast-check's 'binary' unit, less its index of all 1.1
 * million code points, which it builds when a string arbitrary is made (a second a test file) to
 * slip in words such as "__proto__". The grapheme strings below, and ODD_PIECES, still do that.
 */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code));

export const oddText: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...ODD_PIECES), fc.string({ unit: anyCodePoint, maxLength: 8 })), { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  // Very long text: one line, and many lines.
  fc.tuple(fc.constantFrom(...ODD_PIECES), fc.integer({ min: 1000, max: 20000 })).map(([piece, n]) => piece.repeat(n)),
  fc.integer({ min: 100, max: 3000 }).map((n) => 'line\n'.repeat(n)),
);

/** A scalar as it might be written after `key: `: quoted or not, a number of any size, an odd YAML word. */
export const oddScalarSource: fc.Arbitrary<string> = fc.oneof(
  oddText.map((t) => JSON.stringify(t)),
  oddText.map((t) => t.replace(/\n/g, ' ')),
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 400n), max: 10n ** 400n }).map(String),
  fc.constantFrom('1e309', '-1e309', '.nan', '.inf', '-.inf', '0o777', '0x_', '2019-13-45', '2019-02-29', '!!binary aGk=', '!foo x', '&a x',
    '*a', '*undefined', '<<: *a', '? x', '|', '>-', '|+9', '{', '[', '"', "'", '', '[]', '{}', '- a', 'a: b: c'),
  // Deep nesting written on one line, deep enough to pass any sensible limit.
  fc.integer({ min: 1, max: 5000 }).map((n) => `${'['.repeat(n)}x${']'.repeat(n)}`),
  fc.integer({ min: 1, max: 3000 }).map((n) => `${'{a: '.repeat(n)}x${'}'.repeat(n)}`),
);

/** Random structures written as YAML by the yaml package. */
export const randomYaml: fc.Arbitrary<string> = fc
  .anything({ maxDepth: 4, maxKeys: 6, stringUnit: anyCodePoint, withNullPrototype: true, withSparseArray: true })
  .map((value) => {
    try {
      return stringify(value) ?? '';
    } catch {
      return '';
    }
  });

/** YAML's own syntax and common mistakes, strung together at random. */
export const yamlSoup: fc.Arbitrary<string> = fc
  .array(fc.oneof(
    fc.constantFrom('\n', '\n  ', '\n    ', '\n- ', '\t', ' ', ': ', '- ', '? ', '#', '&a ', '*a ', '!!str ', '!!map ', '!x ', '<<: ', '---\n', '...\n',
      '%YAML 1.2\n', '%TAG ! tag:x,2000:\n', '|\n', '>-\n', '"', "'", '[', ']', '{', '}', ',', '\\', '\r\n', '\uFEFF', 'id', 'pledges', 'name',
      'commitment', 'status: met', 'theme: employment'),
    fc.string({ unit: 'grapheme-ascii', maxLength: 6 }),
    oddText,
  ), { maxLength: 60 })
  .map((parts) => parts.join(''));

type Mutation = (lines: string[]) => string[];

const at = (lines: string[], i: number) => i % Math.max(1, lines.length);

/** One edit a person (or a bad merge) might make to a valid file. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i): Mutation => (lines) => lines.filter((_, j) => j !== at(lines, i))),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]): Mutation => (lines) => {
    const out = [...lines];
    const [a, b] = [at(out, i), at(out, j)];
    [out[a], out[b]] = [out[b]!, out[a]!];
    return out;
  }),
  fc.tuple(fc.nat(), fc.integer({ min: -6, max: 6 })).map(([i, by]): Mutation => (lines) =>
    lines.map((line, j) => (j !== at(lines, i) ? line : by >= 0 ? ' '.repeat(by) + line : line.slice(Math.min(-by, /^ */.exec(line)![0].length))))),
  fc.nat().map((i): Mutation => (lines) => lines.map((line, j) => (j === at(lines, i) ? line.replace(/^( +)/, (s) => '\t'.repeat(Math.ceil(s.length / 2))) : line))),
  fc.tuple(fc.nat(), oddScalarSource).map(([i, value]): Mutation => (lines) =>
    lines.map((line, j) => (j === at(lines, i) && /:\s/.test(line) ? line.replace(/:\s.*$/, `: ${value}`) : line))),
  fc.tuple(fc.nat(), fc.nat(8), fc.constantFrom('id', 'name', 'pledges', 'status', 'extra', '__proto__', '- id'), oddScalarSource).map(
    ([i, indent, key, value]): Mutation => (lines) => {
      const out = [...lines];
      out.splice(at(out, i), 0, `${' '.repeat(indent)}${key}: ${value}`);
      return out;
    }),
  fc.tuple(fc.nat(), fc.nat(), oddText).map(([i, offset, text]): Mutation => (lines) =>
    lines.map((line, j) => (j === at(lines, i) ? line.slice(0, offset % (line.length + 1)) + text + line.slice(offset % (line.length + 1)) : line))),
  fc.nat().map((i): Mutation => (lines) => {
    const out = [...lines];
    out.splice(at(out, i), 0, out[at(out, i)] ?? '');
    return out;
  }),
);

/** A valid file with one to six edits made to it. */
export function mutated(text: string): fc.Arbitrary<string> {
  return fc.array(mutation, { minLength: 1, maxLength: 6 }).map((edits) => edits.reduce((lines, edit) => edit(lines), text.split('\n')).join('\n'));
}

/** A valid file's bytes with some bytes overwritten, inserted or cut off. */
export function corruptedBytes(text: string): fc.Arbitrary<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  return fc.oneof(
    fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((edits) => {
      const out = Buffer.from(bytes);
      for (const [i, b] of edits) out[i] = b;
      return new Uint8Array(out);
    }),
    fc.tuple(fc.nat(bytes.length), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([i, insert]) =>
      new Uint8Array(Buffer.concat([bytes.subarray(0, i), insert, bytes.subarray(i)]))),
    fc.nat(bytes.length).map((n) => new Uint8Array(bytes.subarray(0, n))),
    fc.uint8Array({ maxLength: 400 }),
  );
}

// Valid data: a programme, a report and departments, with random words in every text field.

/** Control characters are invalid in the data (validate reports them), so valid data has none. */
const withoutControls = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');

/** A word of any script, or of Markdown and HTML syntax: what a commitment is made of. */
const anyWord = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
  // Markdown's punctuation glued to letters, where escaping matters most: *a*, \_, [a](b), <a>, &copy;
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...'*_`\\[]()<>#|&;!-+=~:.1aZ é'), minLength: 1, maxLength: 10 }) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_PIECES) },
  { weight: 3, arbitrary: fc.constantFrom('care', 'leavers', 'will', 'get', 'support', '3,162', '£2,000', '45%', 'DWP', 'Jobcentre') },
  // Emphasis nested as deep as the asterisks go.
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.constantFrom('*', '_')).map(([n, mark]) => `${mark.repeat(n)}deep${mark.repeat(n)}`) },
);
const word = anyWord.map(withoutControls).filter((w) => w !== '');
/** Words joined by spaces, or by newlines (new paragraphs, list items, headings). */
export const markdownText: fc.Arbitrary<string> = fc
  .array(fc.tuple(word, fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '\n\n- ', '\n\n1. ', '\n\n# ', '\n\n> ')), { minLength: 1, maxLength: 30 })
  .map((parts) => parts.map(([w, sep]) => w + sep).join('').trim())
  .filter((t) => /\S/.test(t));
const plainText = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ').trim()).filter((t) => /\S/.test(t));
// "constructor" is a valid id, and the one that is also a name every JavaScript object has.
const id = fc.oneof({ weight: 9, arbitrary: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}$/) }, { weight: 1, arbitrary: fc.constant('constructor') });
const STATUSES = ['pledged', 'on-track', 'ongoing', 'delayed', 'met', 'not-met', 'withdrawn'] as const;

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/**
 * A web address whose path, query and fragment hold any letters, percent-encoded as a browser
 * sends them. fc.webUrl() would do, but its percent-encoding builds the same index of every code
 * point as the 'binary' unit (above). A lone surrogate has no UTF-8 to percent-encode, and is left out.
 */
const urlPart = fc.string({ unit: anyCodePoint.filter((char) => !/^[\uD800-\uDFFF]$/.test(char)), maxLength: 8 }).map(encodeURIComponent);
const webUrl = fc.tuple(fc.constantFrom('http', 'https'), fc.domain(), fc.array(urlPart, { maxLength: 3 }), optional(urlPart), optional(urlPart))
  .map(([scheme, host, path, query, fragment]) => `${scheme}://${host}/${path.join('/')}${query === undefined ? '' : `?${query}`}${fragment === undefined ? '' : `#${fragment}`}`);
const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Drops the keys whose value is undefined: YAML has no "absent" value. */
const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export interface DataFolder {
  programme: object;
  report: object;
  departments: { id: string; value: object }[];
}

export const validData: fc.Arbitrary<DataFolder> = fc
  .uniqueArray(id, { minLength: 1, maxLength: 4 })
  .chain((themes) => {
    const theme = fc.constantFrom(...themes);
    const metric = fc.record({
      label: plainText,
      value: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e300, -1e-300, 0.1, 123456789012345)),
      unit: optional(fc.constantFrom('GBP', '%', 'people', '£', '<b>')),
    });
    const pledge = fc.record({
      theme,
      commitment: markdownText,
      status: fc.constantFrom(...STATUSES),
      progress: optional(markdownText),
      next_steps: optional(markdownText),
      metrics: optional(fc.uniqueArray(id, { maxLength: 3 }).chain((ids) => fc.tuple(...ids.map((i) => metric.map((m) => clean({ id: i, ...m })))))),
      links: optional(fc.array(fc.record({ title: plainText, url: webUrl }), { maxLength: 2 })),
    });
    const department = fc.uniqueArray(id, { minLength: 1, maxLength: 6 }).chain((ids) =>
      fc.record({ name: plainText, short_name: optional(plainText), pledges: fc.tuple(...ids.map((i) => pledge.map((p) => clean({ id: i, ...p })))) }));
    const section = fc.record({
      body: optional(markdownText),
      case_studies: optional(fc.array(fc.record({ title: plainText, body: markdownText }), { maxLength: 2 })),
      quotes: optional(fc.array(fc.record({ text: markdownText, attribution: optional(plainText) }).map(clean), { maxLength: 2 })),
      next_steps: optional(markdownText),
    });
    return fc.record({
      programme: fc.record({ name: plainText, themeTitles: fc.tuple(...themes.map(() => plainText)) })
        .map(({ name, themeTitles }) => ({ name, themes: themes.map((t, i) => ({ id: t, title: themeTitles[i]! })) })),
      report: fc.record({
        title: plainText, subtitle: optional(plainText), date: optional(date), publisher: optional(plainText),
        foreword: optional(fc.record({ body: markdownText, signed_by: optional(fc.record({ name: plainText })) }).map(clean)),
        introduction: optional(markdownText), conclusion: optional(markdownText), feedback: optional(markdownText),
        sections: fc.subarray(themes).chain((ts) => fc.tuple(...ts.map((t) => section.map((s) => clean({ theme: t, ...s }))))),
      }).map(clean),
      departments: fc.uniqueArray(id, { minLength: 1, maxLength: 3 }).chain((ids) =>
        fc.tuple(...ids.map((i) => department.map((d) => ({ id: i, value: clean({ id: i, ...d }) }))))),
    });
  });
