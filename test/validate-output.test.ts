// The three ways `validate` prints problems (stylish, json, github) and when it uses colour.
import { Chalk } from 'chalk';
import { github } from '../src/formatters/github.js';
import { stylish } from '../src/formatters/stylish.js';
import type { Problem } from '../src/problems.js';
import { fixturesDir, invalidDir, validateJson } from './helpers/fixtures.js';
import { run } from './helpers/run.js';

const SEVERAL = [
  'several-problems/2019/departments/dfe.yaml:30:5  error  key "status" is already set on line 27 in the same mapping; keep one  yaml-duplicate-key',
  '  30 |     status: on-track',
  '     |     ^',
  '',
  'several-problems/2019/departments/dwp.yaml:15:13  error  status must be one of pledged, on-track, ongoing, delayed, met, not-met, withdrawn, not "complete"  enum',
  '  15 |     status: complete',
  '     |             ^^^^^^^^',
  '  hint: did you mean "met"?',
  '',
  'several-problems/2019/departments/dwp.yaml:21:16  error  value must be a number, not text ("3,162")  type',
  '  21 |         value: "3,162"',
  '     |                ^^^^^^^',
  '  hint: write the number without quotes, separators or units: value: 3162',
  '',
  'several-problems/2019/departments/dwp.yaml:27:14  error  url must start with https://, http:// or mailto:, not "www.gov.uk/government/publications/care…"  link',
  '  27 |         url: www.gov.uk/government/publications/care-leavers',
  '     |              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
  '',
  'several-problems/2019/departments/dwp.yaml:36:12  error  theme "housng" is not one of the themes in programme.yaml  unknown-theme',
  '  36 |     theme: housng',
  '     |            ^^^^^^',
  '  hint: did you mean "housing"?',
  '',
  'several-problems/2019/report.yaml:3:7  error  date must be a real date written YYYY-MM-DD, not "2019-13-01"  date',
  '  3 | date: 2019-13-01',
  '    |       ^^^^^^^^^^',
  '',
  'several-problems/2019/report.yaml:25:12  error  theme "health" is not one of the themes in programme.yaml  unknown-theme',
  '  25 |   - theme: health',
  '     |            ^^^^^^',
  '  hint: themes in programme.yaml: education, employment, housing',
  '',
  'several-problems/programme.yaml:5:5  error  outcome "financial-stability" is missing the required field "title"  required',
  '  5 |   - id: financial-stability',
  '    |     ^^^^^^^^^^^^^^^^^^^^^^^',
  '',
  '✖ 8 problems in 4 files (8 errors)',
  '',
].join('\n');

const ANSI = /\u001b\[[0-9;]*m/;
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('stylish (the default)', () => {
  test('prints each problem with file:line:column, message, rule, a code frame with a caret, a hint, and a closing count', async () => {
    const result = await run(['validate', '--data', 'several-problems'], { cwd: invalidDir });
    expect(result).toEqual({ code: 1, stdout: SEVERAL, stderr: '' });
  });

  test('--format stylish is the same as the default', async () => {
    const result = await run(['validate', '--data', 'several-problems', '--format', 'stylish'], { cwd: invalidDir });
    expect(result.stdout).toBe(SEVERAL);
  });

  test('in a file with a BOM and CRLF line endings, the frame shows the line without a carriage return', async () => {
    const result = await run(['validate', '--data', 'bom-crlf-enum'], { cwd: invalidDir });
    expect(result.stdout).toBe([
      'bom-crlf-enum/2019/departments/dwp.yaml:15:13  error  status must be one of pledged, on-track, ongoing, delayed, met, not-met, withdrawn, not "complete"  enum',
      '  15 |     status: complete',
      '     |             ^^^^^^^^',
      '  hint: did you mean "met"?',
      '',
      '✖ 1 problem in 1 file (1 error)',
      '',
    ].join('\n'));
  });

  test('a tab is shown as one space so that the caret stays under it', async () => {
    const result = await run(['validate', '--data', 'tab-indentation'], { cwd: invalidDir });
    expect(result.stdout).toBe([
      'tab-indentation/2019/departments/dwp.yaml:7:1  error  tabs are not allowed for indentation in YAML; indent with spaces  yaml-tab-as-indent',
      '  7 |  date: 2018-10-24',
      '    | ^',
      '  hint: indent it with 2 spaces, as the line above is',
      '',
      '✖ 1 problem in 1 file (1 error)',
      '',
    ].join('\n'));
  });

  test('an unclosed quote is shown where it opens, not at the end of the file', async () => {
    const result = await run(['validate', '--data', 'yaml-unclosed-quote'], { cwd: invalidDir });
    expect(result.stdout).toBe([
      'yaml-unclosed-quote/2019/departments/dwp.yaml:20:16  error  the quote " that opens this text is never closed; add the closing " where the text ends  yaml-missing-char',
      '  20 |         label: "Care leavers identified by the Jobcentre Plus marker',
      '     |                ^',
      '',
      '✖ 1 problem in 1 file (1 error)',
      '',
    ].join('\n'));
  });

  test('a file that is not UTF-8 has no frame (its text cannot be shown) but keeps its position and hint', async () => {
    const result = await run(['validate', '--data', 'invalid-utf8'], { cwd: invalidDir });
    expect(result.stdout).toBe([
      'invalid-utf8/2019/departments/dfe.yaml:14:64  error  the file is not valid UTF-8 (byte 0xa3 at line 14)  encoding',
      '  hint: save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)',
      '',
      '✖ 1 problem in 1 file (1 error)',
      '',
    ].join('\n'));
  });

  test('warnings alone are printed, counted as warnings, and exit 0', async () => {
    const result = await run(['validate', '--data', 'warnings'], { cwd: fixturesDir });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'warnings/2019/departments/dwp.yaml:33:15  warning  progress of pledge "work-programme-early-access" is still empty  empty-progress',
        '  33 |     progress: |',
        '     |               ^',
        '  hint: write what happened this year, or remove the key',
        '',
        'warnings/2019/departments/ho.yml  warning  this file is ignored: department files end in .yaml  ignored-file',
        '  hint: rename it to ho.yaml',
        '',
        '! 2 problems in 2 files (2 warnings)',
        '',
      ].join('\n'),
    });
  });

  test('the closing line counts errors and warnings apart', () => {
    const problem = (file: string, severity: Problem['severity']): Problem =>
      ({ file, line: 0, column: 0, severity, rule: 'r', message: 'm' });
    const text = stylish({ problems: [problem('a.yaml', 'error'), problem('a.yaml', 'error'), problem('b.yaml', 'warning')], sources: new Map(), fileCount: 5 },
      new Chalk({ level: 0 }));
    expect(text.split('\n').slice(-2)).toEqual(['✖ 3 problems in 2 files (2 errors and 1 warning)', '']);
  });
});

describe('--format json', () => {
  test('is an array of { file, line, column, severity, rule, message, hint? } and nothing else', async () => {
    const { problems, stdout, code } = await validateJson(invalidDir, 'several-problems');
    expect(code).toBe(1);
    expect(stdout.endsWith(']\n')).toBe(true);
    expect(problems).toHaveLength(8);
    for (const problem of problems) {
      expect(Object.keys(problem).sort()).toEqual(
        ['column', 'file', 'line', 'message', 'rule', 'severity', ...(problem.hint === undefined ? [] : ['hint'])].sort());
      expect(problem).toEqual({
        file: expect.any(String), line: expect.any(Number), column: expect.any(Number), severity: 'error',
        rule: expect.stringMatching(/^[a-z]+(-[a-z]+)*$/), message: expect.any(String),
        ...(problem.hint === undefined ? {} : { hint: expect.any(String) }),
      });
    }
  });

  test('is never coloured, even on a terminal or with FORCE_COLOR', async () => {
    const result = await run(['validate', '--data', 'several-problems', '--format', 'json'], { cwd: invalidDir, tty: true, env: { FORCE_COLOR: '1' } });
    expect(result.stdout).not.toMatch(ANSI);
    expect(JSON.parse(result.stdout)).toHaveLength(8);
  });

  test('a problem with no position has line and column 0', async () => {
    const { problems } = await validateJson(fixturesDir, 'warnings');
    expect(problems[1]).toStrictEqual({
      file: 'warnings/2019/departments/ho.yml', line: 0, column: 0, severity: 'warning', rule: 'ignored-file',
      message: 'this file is ignored: department files end in .yaml', hint: 'rename it to ho.yaml',
    });
  });
});

describe('--format github', () => {
  test('prints one workflow command a problem, the hint in brackets after the message', async () => {
    const result = await run(['validate', '--data', 'several-problems', '--format', 'github'], { cwd: invalidDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe([
      '::error file=several-problems/2019/departments/dfe.yaml,line=30,col=5,title=covenant yaml-duplicate-key::key "status" is already set on line 27 in the same mapping; keep one',
      '::error file=several-problems/2019/departments/dwp.yaml,line=15,col=13,title=covenant enum::status must be one of pledged, on-track, ongoing, delayed, met, not-met, withdrawn, not "complete" (did you mean "met"?)',
      '::error file=several-problems/2019/departments/dwp.yaml,line=21,col=16,title=covenant type::value must be a number, not text ("3,162") (write the number without quotes, separators or units: value: 3162)',
      '::error file=several-problems/2019/departments/dwp.yaml,line=27,col=14,title=covenant link::url must start with https://, http:// or mailto:, not "www.gov.uk/government/publications/care…"',
      '::error file=several-problems/2019/departments/dwp.yaml,line=36,col=12,title=covenant unknown-theme::theme "housng" is not one of the themes in programme.yaml (did you mean "housing"?)',
      '::error file=several-problems/2019/report.yaml,line=3,col=7,title=covenant date::date must be a real date written YYYY-MM-DD, not "2019-13-01"',
      '::error file=several-problems/2019/report.yaml,line=25,col=12,title=covenant unknown-theme::theme "health" is not one of the themes in programme.yaml (themes in programme.yaml: education, employment, housing)',
      '::error file=several-problems/programme.yaml,line=5,col=5,title=covenant required::outcome "financial-stability" is missing the required field "title"',
      '',
    ].join('\n'));
  });

  test('warnings are ::warning, and a problem with no position has no line or col', async () => {
    const result = await run(['validate', '--data', 'warnings', '--format', 'github'], { cwd: fixturesDir });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        '::warning file=warnings/2019/departments/dwp.yaml,line=33,col=15,title=covenant empty-progress::progress of pledge "work-programme-early-access" is still empty (write what happened this year, or remove the key)',
        '::warning file=warnings/2019/departments/ho.yml,title=covenant ignored-file::this file is ignored: department files end in .yaml (rename it to ho.yaml)',
        '',
      ].join('\n'),
    });
  });

  test('escapes %, CR and LF in the message, and also : and , in the properties', () => {
    const text = github({
      problems: [{ file: 'data/a,b:c.yaml', line: 2, column: 3, severity: 'error', rule: 'r', message: '100% of\r\nit', hint: 'x: y, z' }],
      sources: new Map(),
      fileCount: 1,
    });
    expect(text).toBe('::error file=data/a%2Cb%3Ac.yaml,line=2,col=3,title=covenant r::100%25 of%0D%0Ait (x: y, z)\n');
  });
});

describe('colour', () => {
  const args = ['validate', '--data', 'several-problems'];

  test('none when standard output is not a terminal', async () => {
    const result = await run(args, { cwd: invalidDir, tty: false });
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout).toBe(SEVERAL);
  });

  test('on a terminal', async () => {
    const result = await run(args, { cwd: invalidDir, tty: true });
    expect(result.stdout).toMatch(ANSI);
    expect(stripAnsi(result.stdout)).toBe(SEVERAL);
  });

  test('none on a terminal when NO_COLOR is set', async () => {
    expect((await run(args, { cwd: invalidDir, tty: true, env: { NO_COLOR: '1' } })).stdout).toBe(SEVERAL);
  });

  test('none on a dumb terminal', async () => {
    expect((await run(args, { cwd: invalidDir, tty: true, env: { TERM: 'dumb' } })).stdout).toBe(SEVERAL);
  });

  test('with FORCE_COLOR=1 even when not a terminal: red errors, the same words', async () => {
    const result = await run(args, { cwd: invalidDir, tty: false, env: { FORCE_COLOR: '1' } });
    expect(result.stdout).toContain('\u001b[31merror\u001b[39m');
    expect(stripAnsi(result.stdout)).toBe(SEVERAL);
  });

  test('on the "no problems" line too, with FORCE_COLOR=1', async () => {
    const result = await run(['validate', '--data', 'valid'], { cwd: fixturesDir, env: { FORCE_COLOR: '1' } });
    expect(result.stdout).toBe('\u001b[32m✓\u001b[39m 4 files checked, no problems\n');
  });

  test('none with FORCE_COLOR=0 on a terminal, and NO_COLOR wins over FORCE_COLOR', async () => {
    expect((await run(args, { cwd: invalidDir, tty: true, env: { FORCE_COLOR: '0' } })).stdout).toBe(SEVERAL);
    expect((await run(args, { cwd: invalidDir, tty: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).toBe(SEVERAL);
  });
});
