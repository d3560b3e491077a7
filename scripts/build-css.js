// Builds the report's stylesheet from govuk-frontend's Sass at install time (npm run build), so
// the CSS inlined into every HTML report is GOV.UK's own, without its font or any asset URL.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const source = new URL('../templates/html/style.scss', import.meta.url);
const target = new URL('../build/covenant.css', import.meta.url);

const { css } = sass.compile(fileURLToPath(source), {
  loadPaths: [fileURLToPath(new URL('../node_modules/', import.meta.url))],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import'],
});
// The report must open with no network: a url() would be a request (or a broken asset).
const urls = css.match(/url\((?!["']?data:)[^)]*\)/g);
if (urls) {
  console.error(`build-css: the stylesheet refers to external files: ${urls.slice(0, 5).join(', ')}`);
  process.exit(1);
}
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, css.replace(/^\uFEFF/, ''));
