// Exit statuses users script against: 0 valid, 1 invalid data, 2 a wrong command line. Never a
// stack trace, whatever the input.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturesDir, invalidDir, repoRoot, STACK_LINE } from './helpers/fixtures.js';
import { main } from '../src/cli/main.js';
import { run, type RunResult } from './helpers/run.js';

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
    // The executable answers --version alone before loading the command line: the same answer.
    for (const flag of ['--version', '-V']) {
      expect(execFileSync(process.execPath, [join(repoRoot, 'bin/covenant.js'), flag], { encoding: 'utf8' })).toBe(version.stdout);
    }
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
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'covenant-'));
    cpSync(`${fixturesDir}valid`, join(root, 'data'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const departments = () => join(root, 'data/2019/departments');
  async function problems(): Promise<unknown> {
    const result = await run(['validate', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expectNoStack(result);
    return JSON.parse(result.stdout);
  }
  const unreadable = (file: string, message: string, hint?: string) =>
    ({ file, line: 0, column: 0, severity: 'error', rule: 'cannot-read', message, ...(hint ? { hint } : {}) });

  test('a folder named like a department file', async () => {
    mkdirSync(join(departments(), 'ho.yaml'));
    expect(await problems()).toStrictEqual([{
      file: 'data/2019/departments/ho.yaml', line: 0, column: 0, severity: 'error', rule: 'not-a-file',
      message: 'this is a folder, not a file', hint: 'data files are YAML files; rename or move this folder',
    }]);
  });

  // It used to be read, and reading a pipe waits for a writer: covenant hung.
  test('a named pipe named like a department file', async () => {
    execFileSync('mkfifo', [join(departments(), 'ho.yaml')]);
    expect(await problems()).toStrictEqual([{
      file: 'data/2019/departments/ho.yaml', line: 0, column: 0, severity: 'error', rule: 'not-a-file',
      message: 'this is not a file but a pipe, socket or device', hint: 'data files are YAML files; remove or rename this one',
    }]);
  });

  // It used to say "the file does not exist".
  test('a symbolic link that leads back to itself', async () => {
    symlinkSync('ho.yaml', join(departments(), 'ho.yaml'));
    expect(await problems()).toStrictEqual([
      unreadable('data/2019/departments/ho.yaml', 'the file cannot be read: a symbolic link that leads back to itself (ELOOP)')]);
  });

  // Reading failed after the file was found: an internal error, exit 70.
  (existsSync('/proc/self/mem') ? test : test.skip)('a file whose reading fails (EIO)', async () => {
    symlinkSync('/proc/self/mem', join(departments(), 'ho.yaml'));
    expect(await problems()).toStrictEqual([unreadable('data/2019/departments/ho.yaml', 'the file cannot be read: an input/output error (EIO)')]);
  });

  // A departments "folder" that is a file used to be read as no departments at all: a report of nothing.
  test('a departments folder that is not a folder', async () => {
    rmSync(departments(), { recursive: true });
    writeFileSync(departments(), 'not a folder');
    expect(await problems()).toStrictEqual([
      unreadable('data/2019/departments', 'the folder cannot be read: a part of its path is a file, not a folder (ENOTDIR)')]);
  });

  // Root reads anything, so the permission cases run only for other users (CI runs as one; see also cannot-read.test.ts).
  const asRoot = process.getuid?.() === 0;
  (asRoot ? test.skip : test)('a department file without read permission', async () => {
    chmodSync(join(departments(), 'dwp.yaml'), 0o000);
    expect(await problems()).toStrictEqual([unreadable('data/2019/departments/dwp.yaml', 'the file cannot be read: permission denied (EACCES)',
      'let the user running covenant read it (check its permissions and owner)')]);
  });
});

// Each message is compared whole, so a stack trace after it would fail the test too.
describe('exit 2: the command line is wrong, said on standard error with the usage line, nothing on standard output', () => {
  const usage = (command: string, args: string) => `Usage: covenant ${command}${args}\n(run covenant ${command}--help for more)\n`;
  const VALIDATE = usage('validate ', '[options] [year...]');
  const ROOT = 'Usage: covenant [options] [command]\n(run covenant --help for more)\n';
  const cases: [string, string[], string][] = [
    ['an unknown option', ['validate', '--frobnicate'], `error: unknown option '--frobnicate'\n${VALIDATE}`],
    ['a mistyped option', ['validate', '--fromat', 'json'], `error: unknown option '--fromat'\n(Did you mean --format?)\n${VALIDATE}`],
    ['a mistyped option of report', ['report', '2019', '--previus', '2018'],
      `error: unknown option '--previus'\n(Did you mean --previous?)\n${usage('report ', '[options] <year>')}`],
    ['a mistyped common option', ['--dat', 'x', 'validate'], `error: unknown option '--dat'\n(Did you mean --data?)\n${ROOT}`],
    ['an unknown command', ['frobnicate'], `error: unknown command 'frobnicate'\n${ROOT}`],
    ['a mistyped command', ['reprot', '2019'], `error: unknown command 'reprot'\n(Did you mean report?)\n${ROOT}`],
    ['a missing argument (covenant schema)', ['schema'], `error: missing required argument 'kind'\n${usage('schema ', '[options] <kind>')}`],
    ['a kind of schema that does not exist', ['schema', 'pledge'],
      `error: command-argument value 'pledge' is invalid for argument 'kind'. Allowed choices are programme, report, department.\n${usage('schema ', '[options] <kind>')}`],
    ['a bad --format value', ['validate', '--format', 'xml'],
      `error: option '--format <format>' argument 'xml' is invalid. Allowed choices are stylish, json, github.\n${VALIDATE}`],
    ['--format without a value', ['validate', '--format'], `error: option '--format <format>' argument missing\n${VALIDATE}`],
    ['a year that is not four digits', ['validate', '19'], `covenant: "19" is not a year: write four digits, like 2019\n${VALIDATE}`],
    ['a year with letters in it', ['validate', '2019', '20x9'], `covenant: "20x9" is not a year: write four digits, like 2019\n${VALIDATE}`],
    ['-o with two formats', ['report', '2019', '-o', 'x'],
      `covenant: -o names one file: choose one --format (md, html or pdf) to go with it\n${usage('report ', '[options] <year>')}`],
    ['--out and -o together', ['report', '2019', '--format', 'md', '--out', 'x', '-o', 'y.md'],
      `covenant: --out names a folder and -o a file: give one of them\n${usage('report ', '[options] <year>')}`],
    ['--previous the same year', ['report', '2019', '--previous', '2019'],
      `covenant: --previous must be a year before 2019, not 2019: the report says what changed since then\n${usage('report ', '[options] <year>')}`],
    ['--previous a later year', ['report', '2019', '--previous', '2020'],
      `covenant: --previous must be a year before 2019, not 2020: the report says what changed since then\n${usage('report ', '[options] <year>')}`],
    ['--templates naming no folder', ['report', '2019', '--templates', 'no-such-templates'],
      `covenant: --templates no-such-templates: there is no such folder\n${usage('report ', '[options] <year>')}`],
    ['--templates naming a folder without templates', ['report', '2019', '--templates', 'valid'],
      `covenant: --templates valid holds neither report.hbs, partials/ nor locales/: copy the templates to change from templates/document/ or templates/locales/, keeping their paths\n${usage('report ', '[options] <year>')}`],
  ];

  test.each(cases)('%s', async (_name, argv, message) => {
    const result = await run(argv, { cwd: fixturesDir });
    expect(result).toEqual({ code: 2, stdout: '', stderr: message });
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
    expect(result).toEqual({ code: 2, stdout: '', stderr: `covenant: "19" is not a year: write four digits, like 2019\n${VALIDATE}` });
  });
});

describe('exit 70: an internal error is one line on what failed and how to report it; the stack only with --debug', () => {
  // A failure no command expects, injected through the streams main is given: writing the result.
  async function failing(argv: string[]): Promise<RunResult> {
    let stderr = '';
    const stdout = {
      write(): boolean {
        throw new TypeError('the terminal went away');
      },
    };
    const code = await main({ argv, stdout, stderr: { write: (s: string | Uint8Array) => ((stderr += String(s)), true) }, env: {}, cwd: fixturesDir });
    return { code, stdout: '', stderr };
  }

  test('without --debug: what failed, that it is a bug, how to report it; no stack', async () => {
    const result = await failing(['validate', '--data', 'valid']);
    expect(result).toEqual({
      code: 70, stdout: '',
      stderr: 'covenant: internal error: the terminal went away\n' +
        'This is a bug in covenant. Please report it with the command you ran; --debug shows the details.\n',
    });
  });

  test('with --debug: the stack', async () => {
    const result = await failing(['--debug', 'validate', '--data', 'valid']);
    expect(result.code).toBe(70);
    expect(result.stderr).toMatch(/^covenant: internal error: the terminal went away\nTypeError: the terminal went away\n/);
    expect(result.stderr).toMatch(STACK_LINE);
  });

  // /dev/full takes the open and fails each write with ENOSPC, as a full disk does.
  (existsSync('/dev/full') ? test : test.skip)('standard output on a full disk: one line, exit 70, from the executable itself', () => {
    for (const argv of [['diff', '2014', '2019'], ['export', '2014', '--format', 'csv']]) {
      const result = spawnSync(process.execPath, [join(repoRoot, 'bin/covenant.js'), ...argv], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'] });
      expect({ code: result.status, stderr: result.stderr }).toEqual({ code: 70, stderr: 'covenant: could not write to standard output (ENOSPC)\n' });
    }
  });
});
