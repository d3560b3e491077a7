// Slips in the layout of a hand-edited file, said in plain words at the line that is wrong, once
// each: what a civil servant sees in place of the yaml parser's own account.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineSlips } from '../src/data/yaml-lines.js';
import { fixturesDir, repoRoot } from './helpers/fixtures.js';
import { run } from './helpers/run.js';
import { copyToTemp, removeTemp } from './helpers/temp-data.js';

/** Every .yaml file under `dir`. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : name.endsWith('.yaml') ? [path] : [];
  });
}

describe('lineSlips', () => {
  test('finds nothing in any file that YAML reads, shipped or fixture', () => {
    const valid = [join(repoRoot, 'data'), ...['valid', 'bom-crlf', 'report', 'pdf', 'prose', 'warnings', 'hostile', 'years'].map((f) => join(fixturesDir, f))];
    const files = valid.flatMap(yamlFiles);
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) expect([file, lineSlips(readFileSync(file, 'utf8'))]).toEqual([file, []]);
  });

  test('finds nothing in layouts YAML allows: text over several lines, plain or quoted; a list at its key\'s depth; flow lists', () => {
    const text = [
      'id: dwp', 'name: Department for Work', '  and Pensions', 'short_name: "DWP,', '  in short"', 'pledges:',
      '- id: a', '  theme: employment', '  outcomes: [live-independently, financial-stability]', "  commitment: 'It''s done: all of it'",
      '  status: met', '  progress: |', '      Indented further: and a colon.', '', '    # not a comment, text', '  next_steps: >-', '    Folded.',
      '  metrics:', '  - id: m', '    label: M', '    value: 1', '  links: [', '      {title: "A, [b]", url: "https://a.example"},', '    ]', '',
    ].join('\n');
    expect(lineSlips(text)).toEqual([]);
  });
});

describe('each slip with the line as it was meant, to read the file on', () => {
  test.each([
    ["an apostrophe inside '…'", "a:\n  b: 'PHE's plan' # note", "  b: 'PHE''s plan' # note"],
    ['text holding ": ", in curly quotes', 'a:\n  b: “We will: do \\ it”', '  b: "We will: do \\\\ it"'],
    ['no space after a colon', 'a:\n  - id:x', '  - id: x'],
    ['no space after a dash', 'a:\n  -id: x', '  - id: x'],
    ['a key without its colon', 'a:\n  b: 1\n  c d', '  c: d'],
    ['a tab', 'a:\n  b: 1\n\tc: 2', '  c: 2'],
    ['a line of a | block one space short', 'a: |\n  x\n - y', '  - y'],
    ['a key indented a space too far', 'a:\n  b: 1\n   c: 2', '  c: 2'],
  ])('%s', (_name, text, mend) => {
    expect(lineSlips(text).map((slip) => slip.mend)).toEqual([mend]);
  });
});

describe('validate names the slip, once, at its line', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyToTemp(join(fixturesDir, 'valid'));
  });
  afterEach(() => removeTemp(dir));

  const file = 'data/2019/departments/dwp.yaml';
  /** `in` (dwp.yaml unless named) with line `n` replaced (or lines, for several); the problems validate gives, as "line:column message (hint)". */
  async function slip(n: number, was: string, line: string | string[], path = join(dir, file)): Promise<string[]> {
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines[n - 1]).toBe(was);
    lines.splice(n - 1, 1, ...[line].flat());
    writeFileSync(path, lines.join('\n'));
    const result = await run(['validate', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    return (JSON.parse(result.stdout) as { file: string; line: number; column: number; message: string; hint?: string }[])
      .map((p) => `${p.file === file ? '' : `${p.file} `}${p.line}:${p.column} ${p.message}${p.hint ? ` (${p.hint})` : ''}`);
  }

  test.each([
    ['a key indented one space too far', 11, '    outcomes:', '     outcomes:',
      '11:6 this line is indented 5 spaces, more than the line above allows (line it up with the keys around it, at 4 spaces)'],
    ['a key indented one space short', 15, '    status: met', '   status: met',
      '15:4 this line is indented 3 spaces, which no key or list above it uses (line it up with the keys it belongs with, at 4 spaces)'],
    ['no space after a colon', 15, '    status: met', '    status:met', '15:12 "status:" needs a space after its colon (write "status: met")'],
    ['a key without its colon', 18, '    metrics:', '    metrics', '18:12 "metrics" has no colon: a key is followed by one (write "metrics:")'],
    ['no space after a dash', 9, '  - id: care-leaver-marker', '  -id: care-leaver-marker', '9:4 a list item needs a space after its dash (write "- id: care-leaver-marker")'],
    ['a dash one space in', 9, '  - id: care-leaver-marker', ' - id: care-leaver-marker',
      '9:2 this list item\'s dash is 1 space in, but its keys below are 4 spaces in (put the dash at 2 spaces, two before its keys)'],
    ['a dash one space out', 9, '  - id: care-leaver-marker', '   - id: care-leaver-marker',
      '9:4 this list item\'s dash is 3 spaces in, but its keys below are 4 spaces in (put the dash at 2 spaces, two before its keys)'],
    ['text holding ": "', 10, '    theme: employment', '    theme: employment: now',
      '10:22 this text holds ": ", which YAML reads as the start of another key (put the text in double quotes: theme: "employment: now")'],
    ['an apostrophe inside single quotes', 15, '    status: met', "    status: 'DWP's plan'",
      "15:17 an apostrophe inside '…' ends the text (write the apostrophe twice ('') or put the text in double quotes)"],
    ['the first key of a list item without its space', 28, '  - id: work-programme-early-access', '  - id:work-programme-early-access',
      '28:8 "id:" needs a space after its colon (write "id: work-programme-early-access")'],
    ['a key without its colon before its value', 15, '    status: met', '    status met', '15:11 "status" has no colon after it (write "status: met")'],
    ['a key at its list\'s dashes', 20, '        label: Care leavers identified by the Jobcentre Plus marker', '      label: Care leavers identified by the Jobcentre Plus marker',
      '20:7 this key is at the list\'s dashes, 6 spaces in (the keys of a list item line up after its "- ": indent it 8 spaces)'],
    ['a space before the first line', 1, 'id: dwp', ' id: dwp', '1:2 this line is indented 1 space, more than the line above allows (line it up with the keys around it, at 0 spaces)'],
  ])('%s', async (_name, n, was, line, expected) => {
    expect(await slip(n, was, line)).toEqual([expected]);
  });

  test('the last item of a list with its dash one space in', async () => {
    expect(await slip(12, '  - id: housing', ' - id: housing', join(dir, 'data/programme.yaml')))
      .toEqual(['data/programme.yaml 12:2 this line is indented 1 space, which no key or list above it uses (line it up with the keys it belongs with, at 2 spaces)']);
  });

  test('a line of text indented less than the rest of its | block', async () => {
    const report = join(dir, 'data/2019/report.yaml');
    expect(await slip(8, '    The Covenant is approaching the first anniversary of its national launch.',
      ['    The Covenant is approaching', '  the first anniversary of its national launch.'], report))
      .toEqual(['data/2019/report.yaml 9:3 this line of text is indented 2 spaces, less than the text above it (4) (the text under "body: |" keeps its indentation: indent this line 4 spaces too)']);
  });

  test('layouts YAML allows around a real slip are not blamed: a lone dash, text starting on the line after its key', async () => {
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, 'utf8')
      .replace('    next_steps: |\n      Review take-up in 2020.\n', '    next_steps:\n      Review take-up\n      in 2020.\n')
      .replace('      - title: Contact the care leavers team\n', '      -\n        title: Contact the care leavers team\n')
      .replace('    status: on-track', '    status:on-track'));
    const result = await run(['validate', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(result.stdout) as { line: number; message: string }[]).map((p) => `${p.line} ${p.message}`)).toEqual(['32 "status:" needs a space after its colon']);
  });
});
