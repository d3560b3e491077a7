// --templates: overrides by file name, and template mistakes reported with their file and line.
import { run } from './helpers/run.js';

const report = (templates: string, format = 'html') =>
  run(['report', '2019', '--data', 'test/fixtures/report', '--format', format, '-o', '-', '--templates', templates]);

describe('custom templates', () => {
  test('the worked example replaces the cover and the Markdown pledge, and nothing else', async () => {
    const html = await report('examples/custom-templates');
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('Draft: not for publication');
    expect(html.stdout).toContain('<h2 class="govuk-heading-l" id="annex-a-progress-on-each-commitment">');
    const md = await report('examples/custom-templates', 'md');
    expect(md.stdout).toContain("- **DWP** (Met, up from On track): DWP will introduce a 'marker' to identify care leavers. *Progress:* The marker is in place.");
    expect(md.stdout).toContain('## Annex A: progress on each commitment');
  });

  test('a syntax error names the template file and line; nothing is written', async () => {
    const result = await report('test/fixtures/templates/syntax');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "covenant: template error: test/fixtures/templates/syntax/html/partials/cover.hbs:6:1: syntax error: Expecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'\n");
  });

  test('a field the model does not have is an error, not an empty string', async () => {
    const result = await report('test/fixtures/templates/unknown-field');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('covenant: template error: test/fixtures/templates/unknown-field/html/partials/cover.hbs:3:6: "subtitel" not defined\n');
  });

  test('so is one tested by #if, which Handlebars strict mode does not check', async () => {
    const result = await report('test/fixtures/templates/unknown-in-if');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'covenant: template error: test/fixtures/templates/unknown-in-if/html/partials/cover.hbs:3:1: #if names a field the report model does not have\n');
  });
});
