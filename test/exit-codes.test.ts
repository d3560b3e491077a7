// Exit statuses users script against: 0 valid, 1 invalid data, 2 a wrong command line. Never a
// stack trace, whatever the input.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturesDir, invalidDir, STACK_LINE } from './helpers/fixtures.js';
import { run, type RunResult } from './helpers/run.js';

const USAGE_HINT = '(run covenant --help for usage)\n';

function expectNoStack(result: RunResult): void {
  expect(result.stdout).not.toMatch(STACK_LINE);
  expect(result.stderr).not.toMatch(STACK_LINE);
}

describe('exit 0', () => {
  test('valid data', async () => {
    const result = await run(['validate', '--data', 'valid'], { cwd: fixturesDir });
    expect(result.code).toBe(0);
    expectNoStack(result);
  });

  test('--help and --version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: covenant \[options\] \[command\]/);
    expect(help.stdout).toContain('validate');
    expect(help.stdout).toContain('schema');
    const version = await run(['--version']);
    expect(version).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
    const validateHelp = await run(['validate', '--help']);
    expect(validateHelp.code).toBe(0);
    expect(validateHelp.stdout).toMatch(/^Usage: covenant validate \[options\] \[year\.\.\.\]/);
  });
});

describe('exit 1: the data is invalid', () => {
  test('a mistake in the data', async () => {
    const result = await run(['validate', '--data', 'enum-not-allowed'], { cwd: invalidDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expectNoStack(result);
  });

  test('a data folder that does not exist', async () => {
    const result = await run(['validate', '--data', 'no-such-folder', '--format', 'json'], { cwd: fixturesDir });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toStrictEqual([{
      file: 'no-such-folder', line: 0, column: 0, severity: 'error', rule: 'missing-data',
      message: 'the data folder does not exist', hint: 'run covenant where data/ is, or pass --data DIR (or set COVENANT_DATA)',
    }]);
    expectNoStack(result);
  });
});

describe('exit 1, not 70: a data file that cannot be read is the data\'s problem, not a bug', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'covenant-'));
    cpSync(`${fixturesDir}valid`, join(root, 'data'), { recursive: true });
    mkdirSync(join(root, 'data/2019/departments/ho.yaml'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('a folder named like a department file', async () => {
    const result = await run(['validate', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toStrictEqual([{
      file: 'data/2019/departments/ho.yaml', line: 0, column: 0, severity: 'error', rule: 'not-a-file',
      message: 'this is a folder, not a file', hint: 'data files are YAML files; rename or move this folder',
    }]);
    expectNoStack(result);
  });
});

// Each message is compared whole, so a stack trace after it would fail the test too.
describe('exit 2: the command line is wrong, said on standard error, nothing on standard output', () => {
  const cases: [string, string[], string][] = [
    ['an unknown option', ['validate', '--frobnicate'], "error: unknown option '--frobnicate'\n"],
    ['an unknown command', ['frobnicate'], "error: unknown command 'frobnicate'\n"],
    ['a missing argument (covenant schema)', ['schema'], "error: missing required argument 'kind'\n"],
    ['a kind of schema that does not exist', ['schema', 'pledge'],
      "error: command-argument value 'pledge' is invalid for argument 'kind'. Allowed choices are programme, report, department.\n"],
    ['a bad --format value', ['validate', '--format', 'xml'],
      "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are stylish, json, github.\n"],
    ['--format without a value', ['validate', '--format'], "error: option '--format <format>' argument missing\n"],
    ['a year that is not four digits', ['validate', '19'], 'covenant: "19" is not a year: write four digits, like 2019\n'],
    ['a year with letters in it', ['validate', '2019', '20x9'], 'covenant: "20x9" is not a year: write four digits, like 2019\n'],
  ];

  test.each(cases)('%s', async (_name, argv, message) => {
    const result = await run(argv, { cwd: fixturesDir });
    expect(result).toEqual({ code: 2, stdout: '', stderr: message + USAGE_HINT });
  });

  test('no command at all: the usage, on standard error', async () => {
    const result = await run([], { cwd: fixturesDir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: covenant \[options\] \[command\]/);
    expectNoStack(result);
  });

  test('a wrong year is found before any file is read: no problems printed', async () => {
    const result = await run(['validate', '2019', '19', '--data', 'no-such-folder'], { cwd: fixturesDir });
    expect(result).toEqual({ code: 2, stdout: '', stderr: `covenant: "19" is not a year: write four digits, like 2019\n${USAGE_HINT}` });
  });
});
