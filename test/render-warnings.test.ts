// A writer's warnings printed at the place in the data their text came from: the source the
// document's text carries, narrowed to the character itself, without parsing the data again.
import { writeRenderWarnings } from '../src/cli/render-warnings.js';
import type { RenderWarning } from '../src/render/index.js';

const FILE = 'data/2024/departments/dwp.yaml';
const TEXT = 'id: dwp\npledges:\n  - commitment: |\n      Work with 住 and 中.\n';
const sources = new Map([[FILE, { path: FILE, text: TEXT }]]);

async function printed(warnings: RenderWarning[]): Promise<string> {
  let err = '';
  const stream = { write: (chunk: string | Uint8Array) => ((err += String(chunk)), true) };
  await writeRenderWarnings({ argv: [], stdout: stream, stderr: stream, env: { NO_COLOR: '1' }, cwd: '/' }, warnings, sources);
  return err;
}

const glyph = (char: string, source?: RenderWarning['source']): RenderWarning => ({
  rule: 'missing-glyph', text: char, message: `"${char}" is in none of the PDF's fonts: the PDF shows \ufffd in its place`, ...(source ? { source } : {}),
});

describe('warnings with a source', () => {
  test('point at the character, after the start of its field, and group a field\'s characters', async () => {
    const at = { file: FILE, line: 3, column: 17, field: 'pledges[0].commitment' };
    const err = await printed([glyph('住', at), glyph('中', at)]);
    expect(err).toContain(`${FILE}:4:17  warning  pledges[0].commitment: 2 characters are in none of the PDF's fonts ("住" "中"): the PDF shows \ufffd in their place  missing-glyph`);
    expect(err).toContain('! 1 problem in 1 file (1 warning)');
  });

  test('without a field name, give the place and the message alone', async () => {
    const err = await printed([glyph('住', { file: FILE, line: 3, column: 17 })]);
    expect(err).toContain(`${FILE}:4:17  warning  "住" is in none of the PDF's fonts`);
  });

  test('without a source, are found in the data where its text is', async () => {
    const err = await printed([glyph('中')]);
    expect(err).toContain(`${FILE}:4:`);
    expect(err).toContain('pledges[0].commitment: "中"');
  });
});
