// The quick reading (js-yaml) and the careful one (the yaml package, with positions) must agree:
// whatever the quick one accepts, the careful one reads without an error and to the same value.
// Otherwise a file would mean one thing to `validate` when it is valid and another when it is not.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { quickly } from '../src/data/check-file.js';
import { quickRead } from '../src/data/fast-yaml.js';
import { parseYaml } from '../src/data/load.js';
import type { FileKind } from '../src/data/schemas.js';
import { markdownText, mutated, oddScalarSource, oddText, randomYaml, yamlSoup } from './helpers/arbitraries.js';
import { fixturesDir, repoRoot } from './helpers/fixtures.js';
import { PROPERTY_SEED, propertyRuns } from './helpers/property.js';

const seed = PROPERTY_SEED;
const params = (runs: number) => ({ seed, numRuns: propertyRuns(runs), endOnFailure: process.env.SHRINK === undefined });

const KINDS: FileKind[] = ['programme', 'report', 'department'];
const IDS = { themes: ['employment', 'education', 'housing'], outcomes: ['stability'] };

/**
 * True when the quick reading gave a value. Then, when the careful reading finds no problem, the
 * two values are the same; when it does (js-yaml is laxer about some syntax: a tab before a
 * top-level scalar, a key longer than 1,024 characters), the quick value is not a valid file of
 * any kind, so the quick path never takes it.
 */
function agree(text: string): boolean {
  const quick = quickRead(text);
  if (quick === undefined) return false;
  const careful = parseYaml(text, 'f.yaml');
  if (careful.problems.length === 0) {
    expect({ text, value: careful.source?.value }).toEqual({ text, value: quick });
  } else {
    for (const kind of KINDS) {
      const taken = quickly(text, 'f.yaml', kind, IDS) !== undefined;
      expect({ text, kind, problems: careful.problems, taken }).toEqual({ text, kind, problems: careful.problems, taken: false });
    }
  }
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

test('every data file shipped and every fixture reads the same both ways', () => {
  const files = [...yamlFiles(join(repoRoot, 'data')), ...yamlFiles(fixturesDir), ...yamlFiles(join(repoRoot, 'examples'))];
  let quick = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    if (agree(text)) quick++;
  }
  // The real data is read quickly: that is the point of it.
  expect(quick).toBeGreaterThan(files.length / 2);
  for (const file of yamlFiles(join(repoRoot, 'data'))) expect({ file, quick: quickRead(readFileSync(file, 'utf8')) !== undefined }).toEqual({ file, quick: true });
});

describe('scalars resolve as the core schema of the yaml package says', () => {
  test.each([
    ['n: 1_000', { n: '1_000' }], ['n: 017', { n: 17 }], ['n: 0o17', { n: 15 }], ['n: 0x1F', { n: 31 }], ['n: 1e3', { n: 1000 }],
    ['n: .5', { n: 0.5 }], ['n: -.inf', { n: -Infinity }], ['n: 1e400', { n: Infinity }], ['n: +12', { n: 12 }], ['n: 1_000.5', { n: '1_000.5' }],
    ['b: yes', { b: 'yes' }], ['b: True', { b: true }], ['b: ON', { b: 'ON' }], ['z: ~', { z: null }], ['z:', { z: null }], ['z: Null', { z: null }],
    ['d: 2019-10-01', { d: '2019-10-01' }], ['t: 12:30', { t: '12:30' }], ['s: "1"', { s: '1' }], ["s: '0x1F'", { s: '0x1F' }],
  ])('%s', (text, value) => {
    expect(agree(text)).toBe(true);
    expect(quickRead(text)).toEqual(value);
  });
});

/** Plain scalars near the core schema's forms: numbers in every notation, its words in every case, and pieces of both. */
const digits = fc.string({ unit: fc.constantFrom('0', '1', '7', '8', '9', 'a', 'F', '_'), minLength: 0, maxLength: 4 });
const sign = fc.constantFrom('', '', '+', '-');
const scalarLike = fc.oneof(
  fc.tuple(sign, fc.constantFrom('', '', '0x', '0X', '0o', '0O', '0b'), digits, fc.constantFrom('', '.', '.5', '.0'), fc.constantFrom('', 'e3', 'E-2', 'e+10', 'e')).map((parts) => parts.join('')),
  fc.tuple(sign, fc.constantFrom('.inf', '.Inf', '.INF', '.iNF', '.nan', '.NaN', '.NAN', '.nAn', 'inf', 'nan')).map((parts) => parts.join('')),
  fc.constantFrom('~', '', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'fALSE', 'yes', 'No', 'on', 'OFF', 'y', 'n'),
  fc.array(fc.constantFrom('0', '1', '9', '0x', '0o', '.', 'e', 'E', '+', '-', '_', 'inf', 'nan', 'null', 'true', '~', ':'), { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join('')),
);

test('plain scalars, as values and as keys, read as the yaml package reads them (2,000 cases at full strength)', () => {
  let compared = 0;
  let texts = 0;
  fc.assert(fc.property(scalarLike, (scalar) => {
    for (const text of [`v: ${scalar}\n`, `${scalar}: v\n`, `a:\n  - ${scalar}: v\n`]) {
      const quick = quickRead(text);
      const careful = parseYaml(text, 'f.yaml');
      texts++;
      // The careful reading's value wherever both read the text; the quick one may decline, never differ.
      if (quick !== undefined && careful.problems.length === 0) {
        compared++;
        expect({ text, value: quick }).toEqual({ text, value: careful.source?.value });
      }
    }
  }), params(2000));
  // A quick reading that declined everything would agree with anything: most texts are compared.
  expect(compared).toBeGreaterThan(texts / 2);
});

describe('what is left to the careful reading', () => {
  test.each([
    ['an anchor and an alias', 'a: &x [1]\nb: *x\n'],
    ['an anchor on a scalar', 'a: &x 1\n'],
    ['an explicit core tag, resolved differently by the two', 'n: !!int "0x1F"\n'],
    ['an explicit float tag', 'n: !!float 1\n'],
    ['a custom tag', 'n: !thing x\n'],
    ['a directive', '%YAML 1.1\n---\nb: yes\n'],
    ['a merge key', 'base: &b {x: 1}\nitem: {<<: *b}\n'],
    ['nesting past the limit', `x: ${'['.repeat(70)}${']'.repeat(70)}\n`],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a null key, which js-yaml names "null" and yaml ""', '~: 1\n'],
    ['a key written null, further in', 'a:\n  - Null: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a tab as indentation', 'a:\n\tb: 1\n'],
    ['an indentation indicator', 'text: |2\n    \n'],
    ['a keep indicator', 'text: |+\n  line\n  '],
    ['a document marker with text glued on', '----\n'],
    ['an empty file', ''],
    ['only a comment', '# nothing\n'],
  ])('%s', (_what, text) => {
    expect(quickRead(text)).toBeUndefined();
  });
});

/** A block scalar of random lines, with any header (chomping, indentation indicator) and odd indentation. */
const blockScalar = fc.tuple(
  fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '|2', '>1', '|1-', '>2+'),
  fc.array(fc.tuple(fc.constantFrom('', ' ', '   ', '\t', '  '), fc.oneof(markdownText, oddText, fc.constant(''))), { maxLength: 8 }),
  fc.constantFrom('', '\n', '\n\n', '\nnext: x\n'),
).map(([header, lines, after]) => `text: ${header}\n${lines.map(([indent, line]) => line.split('\n').map((l) => `  ${indent}${l}`).join('\n')).join('\n')}${after}`);

/** Plain, quoted and flow scalars and collections, one a line, as hands write them. */
const handWritten = fc.array(fc.tuple(fc.constantFrom('a', 'b: c', '- x', '"q"', 'k'), oddScalarSource), { minLength: 1, maxLength: 6 })
  .map((pairs) => pairs.map(([key, value], i) => `${key.includes(':') || key.startsWith('-') ? key : `${key}${i}`}: ${value}`).join('\n'));

const valid = (file: string) => readFileSync(join(fixturesDir, 'valid', file), 'utf8');

describe('random text read both ways', () => {
  test.each([
    ['random structures', 300, randomYaml],
    ['YAML syntax strung together', 500, yamlSoup],
    ['block scalars', 1000, blockScalar],
    ['hand-written scalars', 1000, handWritten],
    ['a valid department file mutated', 400, mutated(valid('2019/departments/dwp.yaml'))],
    ['a valid report file mutated', 400, mutated(valid('2019/report.yaml'))],
  ] as const)('%s (%d cases at full strength)', (_what, runs, arbitrary) => {
    fc.assert(fc.property(arbitrary as fc.Arbitrary<string>, (text) => {
      agree(text);
    }), params(runs));
  });
});
