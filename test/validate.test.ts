// `covenant validate` on real data folders: the valid fixture, and one folder a mistake, each
// reported with the exact file, line, column, rule and message. Every expected position is also
// checked against the fixture itself: the text at line:column must be the offending node (for a
// missing field, the mapping that lacks it; for an unknown key, the key).
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { run } from './helpers/run.js';
import { copyToTemp, removeTemp } from './helpers/temp-data.js';
import { fixtureLine, fixturesDir, invalidDir, repoRoot, STACK_LINE, validateJson, type JsonProblem } from './helpers/fixtures.js';

const dwp = (folder: string) => `${folder}/2019/departments/dwp.yaml`;
const dfe = (folder: string) => `${folder}/2019/departments/dfe.yaml`;
const report = (folder: string) => `${folder}/2019/report.yaml`;
const programme = (folder: string) => `${folder}/programme.yaml`;

/** An expected problem, and the text that must start at its line:column in the fixture. */
type Expected = JsonProblem & { at?: string };

const error = (file: string, line: number, column: number, rule: string, message: string, hint: string | undefined, at: string): Expected =>
  ({ file, line, column, severity: 'error', rule, message, ...(hint === undefined ? {} : { hint }), at });

const STATUS_ENUM = 'status must be one of pledged, on-track, ongoing, delayed, met, not-met, withdrawn, not "complete"';
const TAB = 'tabs are not allowed for indentation in YAML; indent with spaces';
const LINK = 'url must start with https://, http:// or mailto:, not';

const cases: Record<string, Expected[]> = {
  'yaml-unclosed-quote': [
    error(dwp('yaml-unclosed-quote'), 20, 16, 'yaml-missing-char',
      'the quote " that opens this text is never closed; add the closing " where the text ends', undefined, '"Care leavers identified'),
  ],
  'wrong-indentation': [
    error(dwp('wrong-indentation'), 15, 6, 'yaml-layout', 'this line is indented 5 spaces, more than the line above allows',
      'line it up with the keys around it, at 4 spaces', 'status: met'),
  ],
  'tab-indentation': [error(dwp('tab-indentation'), 7, 1, 'yaml-tab-as-indent', TAB, 'indent it with 2 spaces, as the line above is', '\tdate: 2018-10-24')],
  'duplicate-key': [
    error(dwp('duplicate-key'), 35, 5, 'yaml-duplicate-key', 'key "status" is already set on line 32 in the same mapping; keep one',
      undefined, 'status: met'),
  ],
  'alias-bomb': [
    error(report('alias-bomb'), 35, 14, 'yaml-alias-limit',
      'aliases expand to too much data (more than 100 copies); write the values out instead of using * aliases', undefined, '*lol1, *lol1'),
  ],
  'invalid-utf8': [
    // The fixture's `at` is checked byte by byte below: the text is not UTF-8.
    error(dfe('invalid-utf8'), 14, 64, 'encoding', 'the file is not valid UTF-8 (byte 0xa3 at line 14)',
      'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)', ''),
  ],
  'empty-file': [
    error(dfe('empty-file'), 1, 1, 'empty-file', 'the file is empty: a department file needs at least id, name and pledges', undefined, ''),
  ],
  'list-instead-of-mapping': [
    error(dwp('list-instead-of-mapping'), 5, 3, 'type', 'signatory must be a mapping (key: value lines), not a list', undefined, '- name: Amber Rudd'),
  ],
  'unknown-key': [
    error(dwp('unknown-key'), 28, 5, 'required', 'pledge "work-programme-early-access" is missing the required field "status"',
      undefined, 'id: work-programme-early-access'),
    error(dwp('unknown-key'), 32, 5, 'unknown-key', 'unknown key "stauts"', 'did you mean "status"?', 'stauts: on-track'),
  ],
  'missing-required-field': [
    error(dfe('missing-required-field'), 23, 5, 'required', 'pledge "virtual-school-heads" is missing the required field "commitment"',
      undefined, 'id: virtual-school-heads'),
  ],
  'wrong-type': [
    error(dwp('wrong-type'), 11, 15, 'type', 'outcomes must be a list (lines starting with "- "), not text ("financial-stability")',
      undefined, 'financial-stability'),
  ],
  'enum-not-allowed': [error(dwp('enum-not-allowed'), 15, 13, 'enum', STATUS_ENUM, 'did you mean "met"?', 'complete')],
  'impossible-date': [
    error(dwp('impossible-date'), 7, 9, 'date', 'date must be a real date written YYYY-MM-DD, not "2019-02-30"', undefined, '2019-02-30'),
  ],
  'metric-value-as-text': [
    error(dwp('metric-value-as-text'), 21, 16, 'type', 'value must be a number, not text ("3,162")',
      'write the number without quotes, separators or units: value: 3162', '"3,162"'),
  ],
  'non-http-url': [
    error(dwp('non-http-url'), 27, 14, 'link', `${LINK} "ftp://ftp.example.gov.uk/care-leavers.p…"`, undefined, 'ftp://'),
    error(dwp('non-http-url'), 47, 14, 'link', `${LINK} "javascript:void(0)"`, undefined, 'javascript:void(0)'),
  ],
  // A key set twice leaves a readable file: its other problems are found in the same run.
  'duplicate-key-and-more': [
    error(dwp('duplicate-key-and-more'), 35, 5, 'yaml-duplicate-key', 'key "status" is already set on line 32 in the same mapping; keep one', undefined, 'status: met'),
    error(dwp('duplicate-key-and-more'), 37, 12, 'unknown-theme', 'theme "housng" is not one of the themes in programme.yaml', 'did you mean "housing"?', 'housng'),
  ],
  // Six mistakes of a hurried edit, one a syntax error (an apostrophe inside '…'): all found in one run.
  'mistakes-combined': [
    error(dwp('mistakes-combined'), 7, 9, 'date', 'date must be a real date written YYYY-MM-DD, not "2018-02-30"', undefined, '2018-02-30'),
    error(dwp('mistakes-combined'), 15, 13, 'enum', 'status must be one of pledged, on-track, ongoing, delayed, met, not-met, withdrawn, not "“met”"',
      'curly quotes are part of the text in YAML: write status: met', '“met”'),
    error(dwp('mistakes-combined'), 21, 16, 'type', 'value must be a number, not text ("3,162")',
      'write the number without quotes, separators or units: value: 3162', '"3,162"'),
    error(dwp('mistakes-combined'), 29, 12, 'unknown-theme', 'theme "employmnt" is not one of the themes in programme.yaml', 'did you mean "employment"?', 'employmnt'),
    error(dwp('mistakes-combined'), 30, 21, 'yaml-layout', "an apostrophe inside '…' ends the text",
      "write the apostrophe twice ('') or put the text in double quotes", "'s advisers"),
    error(dwp('mistakes-combined'), 35, 9, 'duplicate-id', 'pledge id "work-programme-early-access" is already used on line 28',
      'ids must be unique: give this one its own id', 'work-programme-early-access'),
  ],
  // A tab does not turn the messages for other lines into the parser's terms.
  'tab-among-slips': [
    error(dwp('tab-among-slips'), 7, 1, 'yaml-tab-as-indent', TAB, 'indent it with 2 spaces, as the line above is', '\tdate: 2018-10-24'),
    error(dwp('tab-among-slips'), 15, 12, 'yaml-layout', '"status:" needs a space after its colon', 'write "status: met"', 'met'),
    error(dwp('tab-among-slips'), 29, 12, 'unknown-theme', 'theme "employmnt" is not one of the themes in programme.yaml', 'did you mean "employment"?', 'employmnt'),
  ],
  // A line of the text's own list, one space short: it belongs to the text, and is to be indented.
  'block-text-list-short': [
    error(dwp('block-text-list-short'), 19, 6, 'yaml-layout', 'this line of text is indented 5 spaces, less than the text above it (6)',
      'the text under "progress: |" keeps its indentation: indent this line 6 spaces too', '- a pilot in the North West'),
  ],
  // Curly quotes from a word processor: hints to paste, with straight quotes and nothing cut.
  'curly-quotes': [
    error(dwp('curly-quotes'), 15, 13, 'enum', 'status must be one of pledged, on-track, ongoing, delayed, met, not-met, withdrawn, not "“met”"',
      'curly quotes are part of the text in YAML: write status: met', '“met”'),
    error(dwp('curly-quotes'), 30, 26, 'yaml-layout', 'this text holds ": ", which YAML reads as the start of another key',
      'put the text in double quotes: commitment: "DWP will: give care leavers the chance to join the Work Programme at the earliest opportunity."', ': give'),
  ],
  // An alias with no anchor is said to be one, at its line; the file is read on past it.
  'undefined-alias': [
    error(dwp('undefined-alias'), 10, 12, 'yaml-unknown-alias', 'the alias *employment is not defined: no anchor &employment is written above it',
      'write the value out here, or put &employment in front of the value it should copy', '*employment'),
    error(dwp('undefined-alias'), 32, 13, 'enum', STATUS_ENUM, 'did you mean "met"?', 'complete'),
  ],
  // Only programme.yaml is wrong: the files naming "education" are not blamed for it.
  'themes-without-ids': [
    error(programme('themes-without-ids'), 8, 5, 'type', 'theme 1 must be a mapping (key: value lines), not text ("education")',
      'write "- id: education" and, under it, "title: education"', 'education'),
  ],
  'unknown-theme': [
    error(dfe('unknown-theme'), 24, 12, 'unknown-theme', 'theme "educaton" is not one of the themes in programme.yaml',
      'did you mean "education"?', 'educaton'),
  ],
  'unknown-outcome': [
    error(dwp('unknown-outcome'), 39, 9, 'unknown-outcome', 'outcome "health-support" is not one of the outcomes in programme.yaml',
      'outcomes in programme.yaml: live-independently, financial-stability', 'health-support'),
  ],
  'duplicate-pledge-id': [
    error(dwp('duplicate-pledge-id'), 35, 9, 'duplicate-id', 'pledge id "work-programme-early-access" is already used on line 28',
      'ids must be unique: give this one its own id', 'work-programme-early-access'),
  ],
  'duplicate-metric-id': [
    error(dwp('duplicate-metric-id'), 22, 13, 'duplicate-id', 'metric id "care-leavers-identified" is already used on line 19',
      'ids must be unique: give this one its own id', 'care-leavers-identified'),
  ],
  'id-not-file-name': [
    error(dfe('id-not-file-name'), 1, 5, 'id-matches-file', 'id "dfes" does not match the file name dfe.yaml',
      'write id: dfe, or rename the file to dfes.yaml', 'dfes'),
  ],
  'unknown-section-theme': [
    error(report('unknown-section-theme'), 25, 12, 'unknown-theme', 'theme "health" is not one of the themes in programme.yaml',
      'themes in programme.yaml: education, employment, housing', 'health'),
  ],
  // The same mistake as enum-not-allowed in a file with a BOM and CRLF line endings: same position.
  'bom-crlf-enum': [error(dwp('bom-crlf-enum'), 15, 13, 'enum', STATUS_ENUM, 'did you mean "met"?', 'complete')],
  'bom-id-not-file-name': [
    error(dfe('bom-id-not-file-name'), 1, 5, 'id-matches-file', 'id "dfes" does not match the file name dfe.yaml',
      'write id: dfe, or rename the file to dfes.yaml', 'dfes'),
  ],
  // Problems in four files, of every stage (YAML, schema, cross-file), all in one run, sorted by
  // file and then line. dfe.yaml's duplicate key stops that file before its schema check.
  'several-problems': [
    error(dfe('several-problems'), 30, 5, 'yaml-duplicate-key', 'key "status" is already set on line 27 in the same mapping; keep one',
      undefined, 'status: on-track'),
    error(dwp('several-problems'), 15, 13, 'enum', STATUS_ENUM, 'did you mean "met"?', 'complete'),
    error(dwp('several-problems'), 21, 16, 'type', 'value must be a number, not text ("3,162")',
      'write the number without quotes, separators or units: value: 3162', '"3,162"'),
    error(dwp('several-problems'), 27, 14, 'link', `${LINK} "www.gov.uk/government/publications/care…"`, undefined, 'www.gov.uk/'),
    error(dwp('several-problems'), 36, 12, 'unknown-theme', 'theme "housng" is not one of the themes in programme.yaml',
      'did you mean "housing"?', 'housng'),
    error(report('several-problems'), 3, 7, 'date', 'date must be a real date written YYYY-MM-DD, not "2019-13-01"', undefined, '2019-13-01'),
    error(report('several-problems'), 25, 12, 'unknown-theme', 'theme "health" is not one of the themes in programme.yaml',
      'themes in programme.yaml: education, employment, housing', 'health'),
    error(programme('several-problems'), 5, 5, 'required', 'outcome "financial-stability" is missing the required field "title"',
      undefined, 'id: financial-stability'),
  ],
};

const withoutAt = (expected: Expected[]): JsonProblem[] => expected.map(({ at: _at, ...problem }) => problem);

describe('validate: the valid fixture', () => {
  test('passes with exit 0 and says how many files it checked', async () => {
    const result = await run(['validate', '--data', 'valid'], { cwd: fixturesDir });
    expect(result).toEqual({ code: 0, stdout: '✓ 4 files checked, no problems\n', stderr: '' });
  });

  test('prints an empty JSON array and no GitHub annotations', async () => {
    expect(await run(['validate', '--data', 'valid', '--format', 'json'], { cwd: fixturesDir }))
      .toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    expect(await run(['validate', '--data', 'valid', '--format', 'github'], { cwd: fixturesDir }))
      .toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('is what the brief asks of it: 3 themes, 2 outcomes, one year, two departments of 2-3 pledges', () => {
    const read = (file: string) => parse(readFileSync(`${fixturesDir}valid/${file}`, 'utf8')) as Record<string, unknown[]>;
    expect(read('programme.yaml').themes).toHaveLength(3);
    expect(read('programme.yaml').outcomes).toHaveLength(2);
    expect(readdirSync(`${fixturesDir}valid`).sort()).toEqual(['2019', 'programme.yaml']);
    expect(readdirSync(`${fixturesDir}valid/2019/departments`).sort()).toEqual(['dfe.yaml', 'dwp.yaml']);
    for (const [file, count] of [['dfe', 2], ['dwp', 3]] as const) {
      const department = read(`2019/departments/${file}.yaml`);
      const pledges = department.pledges as Record<string, unknown>[];
      expect(pledges).toHaveLength(count);
      expect(department.signatory).toEqual({ name: expect.any(String), position: expect.any(String), date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
      expect(pledges.some((p) => Array.isArray(p.metrics))).toBe(true);
      expect(pledges.some((p) => Array.isArray(p.links))).toBe(true);
    }
  });

  test('with the year named, the year is checked; with the data folder given by COVENANT_DATA too', async () => {
    expect((await run(['validate', '2019', '--data', 'valid'], { cwd: fixturesDir })).code).toBe(0);
    expect(await run(['validate'], { cwd: fixturesDir, env: { COVENANT_DATA: 'valid' } }))
      .toEqual({ code: 0, stdout: '✓ 4 files checked, no problems\n', stderr: '' });
  });

  test('an empty COVENANT_DATA is unset (CI files often set one empty); an empty --data is a usage error', async () => {
    const shipped = await run(['validate'], { cwd: repoRoot, env: { COVENANT_DATA: '' } });
    expect(shipped.code).toBe(0);
    expect(shipped).toEqual(await run(['validate'], { cwd: repoRoot }));
    const empty = await run(['validate', '--data', ''], { cwd: fixturesDir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--data needs a folder: --data DIR');
  });
});

describe('did you mean', () => {
  test('counts two letters swapped as one slip', async () => {
    const { closest, distance } = await import('../src/data/suggest.js');
    expect(distance('nmae', 'name')).toBe(1);
    expect(distance('ab', 'ba')).toBe(1);
    expect(distance('kitten', 'sitting')).toBe(3);
    expect(closest('titel', ['title', 'subtitle'])).toBe('title');
    expect(closest('vlaue', ['id', 'label', 'value', 'unit'])).toBe('value');
    expect(closest('mte', ['met', 'not-met'])).toBe('met');
  });

  test('stops counting past a limit, and still finds the nearest within it', async () => {
    const { closest, distance } = await import('../src/data/suggest.js');
    expect(distance('kitten', 'sitting', 3)).toBe(3);
    expect(distance('kitten', 'sitting', 2)).toBeGreaterThan(2);
    expect(distance('ab', 'abcdefgh', 2)).toBeGreaterThan(2);
    // The first of two equally near, as before; nothing when the nearest is past a third of the word.
    expect(closest('stats', ['state', 'stat', 'status'])).toBe('state');
    expect(closest('key19999', ['id', 'name', 'short_name', 'pledges'])).toBeUndefined();
  });
});

describe('validate: a file with a byte order mark and CRLF line endings', () => {
  test('is accepted', async () => {
    const result = await run(['validate', '--data', 'bom-crlf'], { cwd: fixturesDir });
    expect(result).toEqual({ code: 0, stdout: '✓ 4 files checked, no problems\n', stderr: '' });
  });

  test('the fixture invalid/bom-id-not-file-name/2019/departments/dfe.yaml starts with a BOM', () => {
    expect([...readFileSync(`${invalidDir}bom-id-not-file-name/2019/departments/dfe.yaml`).subarray(0, 5)]).toEqual([0xef, 0xbb, 0xbf, 0x69, 0x64]);
  });

  test.each(['bom-crlf/2019/departments/dwp.yaml', 'bom-crlf/2019/report.yaml', 'invalid/bom-crlf-enum/2019/departments/dwp.yaml'])(
    'the fixture %s really starts with a BOM and ends every line with CRLF', (file) => {
      const bytes = readFileSync(`${fixturesDir}${file}`);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text.match(/\r\n/g)?.length).toBeGreaterThan(30);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    });
});

describe('validate: a year with no folder', () => {
  test('is an error that lists the years that exist', async () => {
    const result = await validateJson(fixturesDir, 'valid', ['2020']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.problems).toStrictEqual([{
      file: 'valid/2020', line: 0, column: 0, severity: 'error', rule: 'missing-year',
      message: 'there is no folder for 2020', hint: 'years in valid: 2019',
    }]);
  });

  test('is reported next to the years that do exist, which are still checked', async () => {
    const result = await validateJson(invalidDir, 'enum-not-allowed', ['2019', '2020']);
    expect(result.code).toBe(1);
    expect(result.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`)).toEqual([
      'enum-not-allowed/2019/departments/dwp.yaml:15:13 enum',
      'enum-not-allowed/2020:0:0 missing-year',
    ]);
  });

  test('in stylish output, names the folder and the years', async () => {
    const result = await run(['validate', '2020', '--data', 'valid'], { cwd: fixturesDir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe([
      'valid/2020  error  there is no folder for 2020  missing-year',
      '  hint: years in valid: 2019',
      '',
      '✖ 1 problem in 1 file (1 error)',
      '',
    ].join('\n'));
  });
});

describe('validate: each mistake is reported at its place, with its rule and message', () => {
  test.each(Object.keys(cases))('%s', async (name) => {
    const result = await validateJson(invalidDir, name);
    expect(result.problems).toStrictEqual(withoutAt(cases[name]!));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
  });

  // The expectations above are only right if line:column is where the mistake is in the file.
  test.each(Object.keys(cases))('%s: each expected line:column is the offending text in the fixture', (name) => {
    for (const { file, line, column, at } of cases[name]!) {
      if (!at) continue;
      expect(fixtureLine(invalidDir, file, line).slice(column - 1, column - 1 + at.length)).toBe(at);
    }
  });

  test('invalid-utf8: the fixture holds the byte 0xA3 (a Windows-1252 "£") at line 14, column 64', () => {
    const bytes = readFileSync(`${invalidDir}${dfe('invalid-utf8')}`);
    const lines = bytes.toString('latin1').split('\n');
    expect(lines[13]!.slice(0, 64)).toBe('      DfE will encourage local authorities to provide at least \xa3');
    expect(bytes.filter((b) => b >= 0x80)).toEqual(Buffer.from([0xa3]));
  });

  test('empty-file: the fixture is empty', () => {
    expect(readFileSync(`${invalidDir}${dfe('empty-file')}`)).toHaveLength(0);
  });

  test('every folder in invalid/ is tested here, and is a complete data folder', () => {
    const folders = readdirSync(invalidDir).sort();
    expect(folders).toEqual([...Object.keys(cases), 'tab-indentation-after-block-text'].sort());
    for (const name of folders) {
      for (const file of [programme(name), report(name), dwp(name), dfe(name)]) expect(() => readFileSync(`${invalidDir}${file}`)).not.toThrow();
    }
  });

  test('a tab after a block of text is still reported as a tab, once on its line', async () => {
    // A tab in front of a key that follows a `|` block makes the YAML parser see the line as part of
    // the block. The user must still be told about the tab, on the line where it is, and nothing
    // about the lines after it, which are right.
    const { problems, code } = await validateJson(invalidDir, 'tab-indentation-after-block-text');
    expect(code).toBe(1);
    expect(fixtureLine(invalidDir, dwp('tab-indentation-after-block-text'), 15)).toBe('\tstatus: met');
    expect(problems[0]).toStrictEqual({
      file: dwp('tab-indentation-after-block-text'), line: 15, column: 1, severity: 'error', rule: 'yaml-tab-as-indent', message: TAB,
      hint: 'indent it with 4 spaces, as the line above is',
    });
    expect(problems).toHaveLength(1);
  });

  test('no output holds a stack trace', async () => {
    for (const name of [...Object.keys(cases), 'tab-indentation-after-block-text']) {
      for (const format of ['stylish', 'json', 'github']) {
        const result = await run(['validate', '--data', name, '--format', format], { cwd: invalidDir });
        expect(result.stdout + result.stderr).not.toMatch(STACK_LINE);
      }
    }
  });
});

describe('a department file named in capitals', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyToTemp(join(fixturesDir, 'valid'));
    renameSync(join(dir, 'data/2019/departments/dwp.yaml'), join(dir, 'data/2019/departments/DWP.yaml'));
  });
  afterEach(() => removeTemp(dir));

  const hints = async () => (JSON.parse((await run(['validate', '--format', 'json'], { cwd: dir })).stdout) as JsonProblem[]).map((p) => [p.rule, p.hint]);

  test('is only ever told to take a valid id', async () => {
    expect(await hints()).toEqual([['id-matches-file', 'rename the file to dwp.yaml']]);
    const file = join(dir, 'data/2019/departments/DWP.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('id: dwp', 'id: DWP'));
    expect(await hints()).toEqual([['id', 'did you mean "dwp"?'], ['id-matches-file', 'rename the file to dwp.yaml and write id: dwp']]);
  });
});

describe('control characters', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyToTemp(join(fixturesDir, 'valid'));
    const file = join(dir, 'data/2019/departments/dwp.yaml');
    writeFileSync(file, readFileSync(file, 'utf8')
      .replace('name: Department for Work and Pensions', 'name: "Department for Work\\0 and Pensions"')
      .replace('    status: met', '    status: "\\e[2J\\e[31mmet\\x07"'));
  });
  afterEach(() => removeTemp(dir));

  test('in the data are problems, where they are; in what is printed, they are shown, not obeyed', async () => {
    const json = JSON.parse((await run(['validate', '--format', 'json'], { cwd: dir })).stdout) as JsonProblem[];
    expect(json.filter((p) => p.rule === 'control-character').map((p) => [p.line, p.column, p.message])).toEqual([
      [2, 7, 'the text holds the control character U+0000, which a report cannot show'],
      [15, 13, 'the text holds the control character U+001B, which a report cannot show'],
    ]);
    for (const format of ['stylish', 'github']) {
      const result = await run(['validate', '--format', format], { cwd: dir, env: { FORCE_COLOR: '0' } });
      expect(result.code).toBe(1);
      expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
      expect(result.stdout).toContain('not "\\u{1b}[2J\\u{1b}[31mmet\\u{7}"');
    }
  });
});

describe('links and encodings', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyToTemp(join(fixturesDir, 'valid'));
  });
  afterEach(() => removeTemp(dir));
  const dwp = () => join(dir, 'data/2019/departments/dwp.yaml');

  test.each([
    ['https://', 'url needs a host after https://, not "https://"'],
    ['mailto:', 'url needs an address after mailto:, not "mailto:"'],
    ['http://[::1', 'url is not a valid web address: "http://[::1"'],
    ['www.gov.uk/x', 'url must start with https://, http:// or mailto:, not "www.gov.uk/x"'],
    ['HTTPS://WWW.GOV.UK/', null],
    ['https://llyw.cymru/ŵ', null],
  ])('url: %s', async (url, message) => {
    writeFileSync(dwp(), readFileSync(dwp(), 'utf8').replace('url: https://www.gov.uk/government/publications/care-leavers', `url: "${url}"`));
    const result = await run(['validate', '--format', 'json'], { cwd: dir });
    const problems = result.code === 0 ? [] : (JSON.parse(result.stdout) as JsonProblem[]);
    expect(problems.map((p) => [p.line, p.rule, p.message])).toEqual(message ? [[27, 'link', message]] : []);
  });

  test('a YAML 1.1 merge key is said to be one', async () => {
    writeFileSync(dwp(), readFileSync(dwp(), 'utf8').replace('  - id: personal-budgeting-support\n', '  - <<: {status: met}\n    id: merged\n    theme: employment\n    commitment: x\n  - id: personal-budgeting-support\n'));
    const problems = JSON.parse((await run(['validate', '--format', 'json'], { cwd: dir })).stdout) as JsonProblem[];
    expect(problems.map((p) => [p.line, p.rule, p.message])).toEqual([
      [35, 'unknown-key', 'merge keys (<<: *name) are not read: each key must be written out'],
      [35, 'required', 'pledge "merged" is missing the required field "status"'],
    ]);
  });

  test('a file saved as UTF-16, with or without its byte order mark, is said to be UTF-16', async () => {
    const text = readFileSync(dwp(), 'utf8');
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), Buffer.from(text, 'utf16le')]) {
      writeFileSync(dwp(), bytes);
      const problems = JSON.parse((await run(['validate', '--format', 'json'], { cwd: dir })).stdout) as JsonProblem[];
      expect(problems.map((p) => [p.line, p.column, p.rule, p.message, p.hint])).toEqual([
        [1, 1, 'encoding', 'the file is UTF-16, not UTF-8', 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)'],
      ]);
    }
  });
});

describe('what the data folder holds that covenant does not read', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyToTemp(join(fixturesDir, 'valid'));
  });
  afterEach(() => removeTemp(dir));

  test('is a warning: a misspelt departments folder, a .YAML file, a year folder with more than its year', async () => {
    renameSync(join(dir, 'data/2019/departments/dfe.yaml'), join(dir, 'data/2019/departments/dfe.YAML'));
    mkdirSync(join(dir, 'data/2020-draft'));
    const first = JSON.parse((await run(['validate', '--format', 'json'], { cwd: dir })).stdout) as JsonProblem[];
    expect(first.map((p) => [p.file, p.severity, p.rule, p.hint])).toEqual([
      ['data/2019/departments/dfe.YAML', 'warning', 'ignored-file', 'rename it to dfe.yaml'],
      ['data/2020-draft', 'warning', 'ignored-folder', 'rename it to 2020 if it is that year\'s data, or move it out of data'],
    ]);
    renameSync(join(dir, 'data/2019/departments'), join(dir, 'data/2019/deparments'));
    const second = JSON.parse((await run(['validate', '2019', '--format', 'json'], { cwd: dir })).stdout) as JsonProblem[];
    expect(second.map((p) => [p.file, p.rule, p.message])).toEqual([
      ['data/2019/deparments', 'ignored-folder', 'this folder is ignored: a year\'s department files go in departments/'],
      ['data/2019/departments', 'no-departments', '2019 has no department files'],
      ['data/2020-draft', 'ignored-folder', 'this folder is ignored: a year\'s folder is named with its four digits alone'],
    ]);
  });

  test('paths outside the working folder are shown in full, not as ../../', async () => {
    const result = await run(['validate', '--data', join(dir, 'data', 'nowhere'), '--format', 'json'], { cwd: fixturesDir });
    expect((JSON.parse(result.stdout) as JsonProblem[])[0]!.file).toBe(join(dir, 'data', 'nowhere'));
  });
});

describe('text the PDF cannot show', () => {
  // Which characters a format can show is its writer's business: the data is valid, and the PDF
  // writer warns, at the field's file and line, when it is asked for a PDF.
  test('is no problem of the data: validate knows no fonts', async () => {
    const result = await run(['validate', '--data', 'pdf', '--format', 'json'], { cwd: fixturesDir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  test('is a warning from the PDF writer, at the field', async () => {
    // An emoji newer than every installed font (a colour emoji font cannot be embedded in a PDF).
    const dir = copyToTemp(join(fixturesDir, 'pdf'));
    try {
      const file = join(dir, 'data/2024/departments/dwp.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('住', '\u{1fae8}'));
      const result = await run(['report', '2024', '--format', 'pdf', '-o', 'out.pdf'], { cwd: dir });
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('data/2024/departments/dwp.yaml:8:79  warning  pledges[0].commitment: "\u{1fae8}" (U+1FAE8) is in none of the PDF\'s fonts');
    } finally {
      removeTemp(dir);
    }
  });
});
