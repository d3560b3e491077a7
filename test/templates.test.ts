// --templates: overrides by file name, template mistakes reported with their file and line, and
// no way for a template to reach past the report model (prototypes, files, the console).
// The look of every format follows (test/document.test.ts).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helpers } from '../src/document/helpers.js';
import { run } from './helpers/run.js';

const report = (templates: string, format = 'html') =>
  run(['report', '2019', '--data', 'test/fixtures/report', '--format', format, '-o', '-', '--templates', templates]);

describe('custom templates', () => {
  test('the worked example adds a banner, renames a heading and drops a part, and changes nothing else', async () => {
    const html = await report('examples/custom-templates');
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('<div class="covenant-note covenant-note--banner" role="note">\n<p class="govuk-body">Draft: not for publication</p>\n</div>');
    expect(html.stdout).toContain('<h2 class="govuk-heading-l" id="annex-a-progress-on-each-commitment">Annex A: every commitment and its progress</h2>');
    expect(html.stdout).not.toContain('Principles');
    const md = await report('examples/custom-templates', 'md');
    expect(md.stdout).toMatch(/^> Draft: not for publication\n/);
    expect(md.stdout).toContain('## Annex A: every commitment and its progress');
    expect(md.stdout).not.toContain('## Principles');
    // Everything else is the shipped templates'.
    expect(md.stdout).toContain("**Met**, up from On track\n\nDWP will introduce a 'marker' to identify care leavers.");
  });

  test('a syntax error names the template file and line; nothing is written', async () => {
    const result = await report('test/fixtures/templates/syntax');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "covenant: template error: test/fixtures/templates/syntax/partials/cover.hbs:6:1: syntax error: Expecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'\n");
  });

  test('a field the model does not have is an error, not an empty string', async () => {
    const result = await report('test/fixtures/templates/unknown-field');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('covenant: template error: test/fixtures/templates/unknown-field/partials/cover.hbs:3:6: "subtitel" not defined\n');
  });

  test('so is one tested by #if, which Handlebars strict mode does not check', async () => {
    const result = await report('test/fixtures/templates/unknown-in-if');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'covenant: template error: test/fixtures/templates/unknown-in-if/partials/cover.hbs:3:1: #if names a field the report model does not have\n');
  });
});

describe('custom templates are safe: no way out of the report model', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'covenant-templates-'));
    mkdirSync(join(dir, 'partials'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** The report with a cover partial of these lines; the error, if any, with the file's path made short. */
  async function withCover(...lines: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    writeFileSync(join(dir, 'partials/cover.hbs'), `<section role="cover">\n${lines.join('\n')}\n</section>\n`);
    const result = await report(dir);
    return { ...result, stderr: result.stderr.replace(`${dir}/`, '') };
  }
  const failure = (line: number, column: number, reason: string) =>
    ({ code: 1, stdout: '', stderr: `covenant: template error: partials/cover.hbs:${line}:${column}: ${reason}\n` });

  // Handlebars' prototype protections would print nothing for these, silently: strict templates fail instead.
  test.each([
    ['{{constructor.name}}', 3, '"constructor" is not a field of the report model'],
    ['{{__proto__}}', 3, '"__proto__" is not a field of the report model'],
    ['{{title.constructor}}', 3, '"constructor" is not a field of the report model'],
    ['{{lookup this "constructor"}}', 15, '"constructor" is not a field of the report model'],
    ['{{#with (lookup this "__proto__")}}x{{/with}}', 22, '"__proto__" is not a field of the report model'],
    ['{{toString}}', 3, '"toString" is not a field of the report model'],
  ])('%s fails with the file, line and column', async (expression, column, reason) => {
    expect(await withCover('<p>x</p>', expression)).toEqual(failure(3, column, reason));
  });

  // A pledge may be called "constructor" (a valid id): looking it up by the data's own value
  // reaches only Handlebars' protections, which give nothing rather than Object's constructor.
  test('a lookup whose field comes from the data prints nothing of the prototype', async () => {
    const data = join(dir, 'data');
    cpSync('test/fixtures/report', data, { recursive: true });
    const dwp = join(data, '2019/departments/dwp.yaml');
    writeFileSync(dwp, readFileSync(dwp, 'utf8').replace('id: care-leaver-marker', 'id: constructor'));
    writeFileSync(join(dir, 'report.hbs'), '{{#each sections}}{{#each pledges}}<p>[{{id}}: {{lookup ../this id}}]</p>{{/each}}{{/each}}\n');
    const result = await run(['report', '2019', '--data', data, '--format', 'md', '-o', '-', '--templates', dir]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('\\[constructor: \\]');
  });

  // {{log}} wrote to the process's console, and so into the report when it went to standard output.
  test.each([
    ['{{log "from the template"}}', 1, '"log" is not a helper'],
    ['{{readFile "/etc/passwd"}}', 1, '"readFile" is not a helper'],
    ['{{#env "HOME"}}x{{/env}}', 1, '"env" is not a helper'],
    ['{{formatDate (exec "id")}}', 14, '"exec" is not a helper'],
  ])('%s: an unknown helper fails before anything is written', async (expression, column, reason) => {
    const result = await withCover(expression);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^covenant: template error: partials/cover\\.hbs:2:${column}: ${reason}; the helpers are each, formatDate, `));
  });

  test('{{log}} without arguments reads a field, which the model does not have', async () => {
    expect(await withCover('{{log}}')).toEqual(failure(2, 3, '"log" not defined'));
  });

  test('#each and #with over a field the model does not have fail like #if', async () => {
    expect(await withCover('{{#each pledgez}}x{{/each}}')).toEqual(failure(2, 1, '#each names a field the report model does not have'));
    expect(await withCover('<p>', '{{#with signed_by}}{{name}}{{/with}}')).toEqual(failure(3, 1, '#with names a field the report model does not have'));
  });

  test('a partial that does not exist', async () => {
    expect(await withCover('{{> masthead}}')).toEqual(failure(2, 1, 'there is no partial "masthead"'));
  });

  test('the helpers only format values: none reaches files, the environment or processes', () => {
    expect(Object.keys(helpers).sort()).toEqual(['formatDate', 'formatDifference', 'formatFigure', 'formatNumber', 'formatPercent', 'formatSigned', 'image', 'inline', 'link', 'rich', 't', 'text']);
    const source = readFileSync('src/document/helpers.ts', 'utf8');
    expect(source.match(/^import .*$/gm)).toEqual([
      "import type { HelperDelegate } from 'handlebars';", "import { difference, formatNumber, signedNumber, withUnit } from '../figures.js';",
      "import type { RichText } from '../report/rich.js';", "import type { TextSources } from '../report/sources.js';", "import type { Catalogue, Markup, Params } from './catalogue.js';", "import type { Block, Inline } from './types.js';",
    ]);
    expect(source).not.toMatch(/\b(process|require|import\(|globalThis|eval|Function)\b/);
    // The figures they write come from a module that imports nothing.
    const figures = readFileSync('src/figures.ts', 'utf8');
    expect(figures).not.toMatch(/^import /m);
    expect(figures).not.toMatch(/\b(process|require|import\(|globalThis|eval|Function)\b/);
  });
});
