// The one reading of a data file (src/data/read.ts): values by YAML 1.2's core schema, and the
// place of every value and key, whatever the layout.
import { readData } from '../src/data/read.js';
import type { Segment } from '../src/data/source.js';

const read = (text: string) => readData(text, 'f.yaml');
const valueOf = (text: string) => {
  const loaded = read(text);
  expect(loaded.problems).toEqual([]);
  return loaded.source!.value;
};
/** "line:column text" of the place of `segments` (and `key`) in `text`. */
const placeOf = (text: string, segments: Segment[], key?: string) => {
  const { line, column, length } = read(text).source!.places.at(segments, key);
  return `${line}:${column} ${text.split(/\r?\n/)[line - 1]!.slice(column - 1, column - 1 + length)}`;
};

describe('values: the YAML 1.2 core schema', () => {
  test.each([
    ['yes, no, on, off (YAML 1.1 booleans) are text', 'a: [yes, no, on, off, y, n]', { a: ['yes', 'no', 'on', 'off', 'y', 'n'] }],
    ['true and false, in the three spellings', 'a: [true, True, TRUE, false, False, FALSE]', { a: [true, true, true, false, false, false] }],
    ['dates and times are text', 'a: 2019-10-01\nb: 2019-10-01T10:00:00Z', { a: '2019-10-01', b: '2019-10-01T10:00:00Z' }],
    ['null as ~, null, Null, NULL and nothing', 'a: ~\nb: null\nc: Null\nd: NULL\ne:', { a: null, b: null, c: null, d: null, e: null }],
    ['integers: decimal, octal 0o, hexadecimal 0x; 012 is twelve', 'a: [12, -3, +4, 0o17, 0x1F, 012]', { a: [12, -3, 4, 15, 31, 12] }],
    ['YAML 1.1 forms are text: 0b, 1_000, 017 as octal is not', 'a: [0b11, 1_000, 1:30]', { a: ['0b11', '1_000', '1:30'] }],
    ['floats', 'a: [1.5, 1e3, -.5, .inf, -.Inf, 6.]', { a: [1.5, 1000, -0.5, Infinity, -Infinity, 6] }],
    ['explicit tags', 'a: !!str 3\nb: !!int "3"\nc: !!float "1.5"', { a: '3', b: 3, c: 1.5 }],
    ['<< is a key like any other, not a merge', 'a: &x {b: 1}\nc:\n  <<: *x\n  d: 2', { a: { b: 1 }, c: { '<<': { b: 1 }, d: 2 } }],
    ['quoted text stays text', 'a: "yes"\nb: \'12\'\nc: "2019-10-01"', { a: 'yes', b: '12', c: '2019-10-01' }],
    ['block scalars: literal, folded, kept and stripped', 'a: |\n  x\n  y\nb: >-\n  x\n  y\nc: |+\n  x\n\nd: e', { a: 'x\ny\n', b: 'x y', c: 'x\n\n', d: 'e' }],
  ])('%s', (_name, text, expected) => {
    expect(valueOf(text)).toEqual(expected);
  });

  test('a byte-order mark and CRLF line ends are read as nothing and as line ends', () => {
    expect(valueOf('\uFEFFa: 1\r\nb: |\r\n  x\r\n  y\r\n')).toEqual({ a: 1, b: 'x\ny\n' });
  });

  test('a carriage return alone ends a line, as YAML 1.2 says', () => {
    expect(valueOf('a: 1\rb: 2\r')).toEqual({ a: 1, b: 2 });
  });

  test('a key written as null (~) is the key "null", reported as unknown where it is written', () => {
    expect(valueOf('~: x')).toEqual({ null: 'x' });
    expect(placeOf('a: 1\n~: x', [], 'null')).toBe('2:1 ~');
  });
});

describe('places: every value and key at its own text', () => {
  const flow = 'id: dwp\npledges: [{id: a, outcomes: [x, "y z"]}, {id: b, metrics: [{id: m, value: 3}]}]\n';
  test.each([
    [[], undefined, '1:1 id: dwp'],
    [['pledges'], undefined, '2:10 [{id: a, outcomes: [x, "y z"]}, {id: b, metrics: [{id: m, value: 3}]}]'],
    [['pledges', 0, 'outcomes', 1], undefined, '2:33 "y z"'],
    [['pledges', 1, 'metrics', 0], 'value', '2:68 value'],
    [['pledges', 1, 'metrics', 0, 'value'], undefined, '2:75 3'],
    // A place that does not exist: its nearest ancestor that does.
    [['pledges', 1, 'links', 0], undefined, '2:42 {id: b, metrics: [{id: m, value: 3}]}'],
  ] as [Segment[], string | undefined, string][])('in flow collections: %j %s', (segments, key, expected) => {
    expect(placeOf(flow, segments, key)).toBe(expected);
  });

  const block = [
    '# a comment', 'id: dwp # the id', 'pledges:', '  - id: a', '    commitment: >', '      Folded', '      text.', '    status: "met"',
    '    outcomes:', '    - x', '    - &o y', '  - id: b', '    outcomes: *o', '    progress:', '',
  ].join('\r\n');
  test.each([
    [['id'], undefined, '2:5 dwp'],
    [['pledges', 0, 'commitment'], undefined, '5:17 >'],
    [['pledges', 0, 'status'], undefined, '8:13 "met"'],
    [['pledges', 0, 'outcomes', 1], undefined, '11:7 &o y'],
    [['pledges', 1, 'outcomes'], undefined, '13:15 *o'],
    [['pledges', 1], 'progress', '14:5 progress'],
    // An empty value: just after its key's colon.
    [['pledges', 1, 'progress'], undefined, '14:14 '],
  ] as [Segment[], string | undefined, string][])('in block collections, with comments, anchors and CRLF: %j %s', (segments, key, expected) => {
    expect(placeOf(`\uFEFF${block}`, segments, key)).toBe(expected);
  });

  test('a key set twice: the value read is the last, the place the first, and the second reported', () => {
    const loaded = read('a: 1\nb: 2\na: 3\n');
    expect(loaded.source!.value).toEqual({ a: 3, b: 2 });
    expect(loaded.problems).toEqual([{ file: 'f.yaml', line: 3, column: 1, severity: 'error', rule: 'yaml-duplicate-key',
      message: 'key "a" is already set on line 1 in the same mapping; keep one' }]);
  });
});

describe('syntax errors: said plainly, at their line, and read on past where that is safe', () => {
  const said = (text: string) => read(text).problems.map((p) => `${p.line}:${p.column} ${p.rule} ${p.message}${p.hint ? ` (${p.hint})` : ''}`);

  test('an alias with no anchor: named, and the rest of the file read', () => {
    const loaded = read('a: *nowhere\nb: 2\n');
    expect(said('a: *nowhere\nb: 2\n')).toEqual(['1:4 yaml-unknown-alias the alias *nowhere is not defined: no anchor &nowhere is written above it (write the value out here, or put &nowhere in front of the value it should copy)']);
    expect(loaded.source!.value).toEqual({ a: null, b: 2 });
    expect([...loaded.silent!]).toEqual([1]);
  });

  test('a second document: where it starts, and the first read', () => {
    expect(said('a: 1\n---\nb: 2\n')).toEqual(['2:1 yaml-multiple-docs the file holds more than one YAML document (a second "---"); keep one']);
    expect(read('a: 1\n---\nb: 2\n').source!.value).toEqual({ a: 1 });
  });

  test('a tag YAML does not know', () => {
    expect(said('a: !foo x\n')).toEqual(['1:10 yaml-syntax the tag !foo is not one YAML reads here; remove it']);
  });

  test('a slip and a key set twice: both, and the value as meant', () => {
    expect(said("a: 1\na: 2\nb: 'it's'\n")).toEqual([
      "3:7 yaml-layout an apostrophe inside '…' ends the text (write the apostrophe twice ('') or put the text in double quotes)",
      '2:1 yaml-duplicate-key key "a" is already set on line 1 in the same mapping; keep one',
    ]);
    expect(read("a: 1\na: 2\nb: 'it's'\n").source!.value).toEqual({ a: 2, b: "it's" });
  });
});
