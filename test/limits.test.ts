// What a data file may ask of the loader: its size, its nesting, its aliases, its errors. Each limit
// is a located problem, reached in well under the time limit: never a hang, a stack overflow or
// running out of memory. The big files are made in a temporary folder, not committed.
import { closeSync, cpSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_FILE_BYTES, MAX_YAML_ERRORS } from '../src/data/source.js';
import { fixturesDir, validateJson, type JsonProblem } from './helpers/fixtures.js';
import { run } from './helpers/run.js';

const DWP = 'data/2019/departments/dwp.yaml';
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'covenant-limits-'));
  cpSync(join(fixturesDir, 'valid'), join(root, 'data'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Replaces dwp.yaml with `text` and validates the folder: its problems in that file. */
async function dwpProblems(text: string): Promise<JsonProblem[]> {
  writeFileSync(join(root, DWP), text);
  const result = await validateJson(root, 'data');
  expect(result.code).toBe(1);
  expect(result.stderr).toBe('');
  return result.problems.filter((p) => p.file === DWP);
}

const problem = (line: number, column: number, rule: string, message: string, hint?: string): JsonProblem =>
  ({ file: DWP, line, column, severity: 'error', rule, message, ...(hint === undefined ? {} : { hint }) });

describe('file size', () => {
  test(`a file over ${MAX_FILE_BYTES / 1024 / 1024} MB is refused before it is read`, async () => {
    // A sparse file: its size on disk is a few bytes, so the test writes nothing big.
    const fd = openSync(join(root, DWP), 'w');
    ftruncateSync(fd, MAX_FILE_BYTES + 1);
    closeSync(fd);
    const result = await validateJson(root, 'data');
    expect(result.code).toBe(1);
    expect(result.problems).toEqual([problem(0, 0, 'file-too-large', 'the file is 20.0 MB; files over 20 MB are not read',
      'split a department into smaller files, or check the file is the one you meant')]);
  });
});

describe('nesting', () => {
  const tooDeep = (line: number, column: number) => problem(line, column, 'too-deep', `the data nests more than ${MAX_DEPTH} levels deep`,
    'a data file needs five or six levels; look for brackets [ { that are never closed, or lines indented ever further');

  test(`${MAX_DEPTH} levels are read; one more is too deep, reported at the bracket that opens it`, async () => {
    const nested = (n: number) => `id: dwp\nname: x\npledges: ${'['.repeat(n - 1)}${']'.repeat(n - 1)}\n`;
    expect((await dwpProblems(nested(MAX_DEPTH))).map((p) => p.rule)).not.toContain('too-deep');
    expect(await dwpProblems(nested(MAX_DEPTH + 1))).toEqual([tooDeep(3, 10 + MAX_DEPTH - 1)]);
  });

  test('block lists nest as deeply: "- - - …" on one line', async () => {
    expect(await dwpProblems(`${'- '.repeat(MAX_DEPTH + 1)}x\n`)).toEqual([tooDeep(1, 2 * MAX_DEPTH + 1)]);
  });

  test('mappings indented ever further', async () => {
    const lines = Array.from({ length: MAX_DEPTH + 5 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(await dwpProblems(lines)).toEqual([tooDeep(MAX_DEPTH + 1, MAX_DEPTH + 1)]);
  });

  // The parser's composer recurses once a level: a hundred thousand levels used to overflow the
  // stack, and after a first deep file had warmed the parser up, V8 aborted the whole process.
  test('a hundred thousand levels in two files, flow and block: two problems, no crash', async () => {
    writeFileSync(join(root, 'data/2019/departments/dfe.yaml'), `pledges: ${'['.repeat(100_000)}`);
    const result = await dwpProblems(`${'- '.repeat(100_000)}x`);
    expect(result).toEqual([tooDeep(1, 2 * MAX_DEPTH + 1)]);
    const all = await validateJson(root, 'data');
    expect(all.problems.find((p) => p.file.endsWith('dfe.yaml'))).toMatchObject({ line: 1, column: 10 + MAX_DEPTH - 1, rule: 'too-deep' });
  });

  test('twenty million brackets (under the size limit) are stopped at the depth limit', async () => {
    expect(await dwpProblems('['.repeat(MAX_FILE_BYTES - 1))).toEqual([tooDeep(1, MAX_DEPTH + 1)]);
  });
});

describe('aliases', () => {
  test(`aliases that expand past ${MAX_ALIAS_COUNT} copies: reported at the first alias`, async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`);
    const text = `id: dwp\nname: x\npledges: []\nl0: &l0 [lol]\n${levels.join('\n')}\n`;
    expect(await dwpProblems(text)).toEqual([problem(5, 10, 'yaml-alias-limit',
      `aliases expand to too much data (more than ${MAX_ALIAS_COUNT} copies); write the values out instead of using * aliases`)]);
  });
});

describe('files of junk, and of very many keys', () => {
  // Junk stops the parser at its first error; the slips found line by line are mended and the file
  // read again, at most a few times, so a large file of junk costs a few readings, not one an error.
  test('a megabyte of junk: one problem where reading stopped, in seconds', async () => {
    const problems = await dwpProblems('{{{raw}}}'.repeat(200_000));
    expect(problems).toEqual([problem(1, 10, 'yaml-syntax',
      'this line cannot be read as part of the data above it: check its indentation, and put text holding ": " or " #" in double quotes')]);
  });

  test(`more than ${MAX_YAML_ERRORS} slips: the first ${MAX_YAML_ERRORS}, then where reading stopped`, async () => {
    const problems = await dwpProblems(`id: dwp\nname: x\npledges:\n${"  - id: 'x's'\n".repeat(150)}`);
    expect(problems).toHaveLength(MAX_YAML_ERRORS + 1);
    expect(problems[0]).toEqual(problem(4, 11, 'yaml-layout', "an apostrophe inside '…' ends the text", "write the apostrophe twice ('') or put the text in double quotes"));
    expect(problems[MAX_YAML_ERRORS]).toMatchObject({ line: 103, rule: 'yaml-too-many-errors',
      message: `the file has more than ${MAX_YAML_ERRORS} YAML errors; it was not read past here` });
  });

  test('"- a: " repeated over 20 MB: the slip behind it, once, in seconds', async () => {
    const problems = await dwpProblems('- a: '.repeat(Math.floor((MAX_FILE_BYTES - 1) / 5)));
    expect(problems).toEqual([expect.objectContaining({ line: 1, column: 9, rule: 'yaml-layout', message: 'this text holds ": ", which YAML reads as the start of another key' })]);
  }, 30_000);

  // The parser compared each key with every earlier one, each problem searched its mapping and
  // each code frame split the whole file into lines: all three grew with the square of the keys.
  test('forty thousand repeated keys: each reported, in seconds', async () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `name: n${i}`).join('\n');
    const problems = await dwpProblems(`id: dwp\n${keys}\npledges: []\n`);
    expect(problems).toHaveLength(39_999);
    expect(problems[0]).toEqual(problem(3, 1, 'yaml-duplicate-key', 'key "name" is already set on line 2 in the same mapping; keep one'));
  }, 30_000);

  test('twenty thousand unknown keys: each reported and printed with its code frame, in seconds', async () => {
    writeFileSync(join(root, DWP), `id: dwp\nname: x\npledges: []\n${Array.from({ length: 20_000 }, (_, i) => `key${i}: x`).join('\n')}\n`);
    const result = await run(['validate', '--data', 'data'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('data/2019/departments/dwp.yaml:20003:1  error  unknown key "key19999"  unknown-key\n  20003 | key19999: x\n');
    expect(result.stdout).toContain('✖ 20000 problems in 1 file (20000 errors)');
  }, 30_000);

  test('a code frame shows the part of a very long line around the problem, not all of it', async () => {
    writeFileSync(join(root, DWP), `{ id: dwp, name: "${'y'.repeat(100_000)}", oops: 1, pledges: [], short_name: "${'z'.repeat(100_000)}" }\n`);
    const result = await run(['validate', '--data', 'data'], { cwd: root });
    expect(result.code).toBe(1);
    const [, shown, carets] = /\n {2}1 \| (.*)\n {4}\| (.*)\n/.exec(result.stdout)!;
    // 120 characters, the problem 40 from the start.
    const middle = '", oops: 1, pledges: [], short_name: "';
    expect(shown).toBe(`…${'y'.repeat(37)}${middle}${'z'.repeat(120 - 37 - middle.length)}…`);
    expect(carets).toBe(`${' '.repeat(shown!.indexOf('oops'))}^^^^`);
  });
});
