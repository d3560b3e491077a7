// The PDF's text against a browser's: covenant's HTML printed by Chromium (--print-to-pdf) and
// covenant's own PDF, both read back by pdftotext, give the same paragraphs in the same order for
// English, Welsh, Arabic, Hebrew, Urdu, Hindi, Bengali, Chinese and English with Arabic and numbers.
// Needs Chromium, poppler-utils and the fonts .ci/run installs (fonts-noto-core, fonts-noto-cjk).
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturesDir, repoRoot } from '../helpers/fixtures.js';
import { run } from '../helpers/run.js';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'covenant-scripts-'));
  const result = await run(['report', '2024', '--data', join(fixturesDir, 'scripts'), '--out', out], { cwd: repoRoot, env: { SOURCE_DATE_EPOCH: '1727740800' } });
  expect(result.stderr).not.toMatch(/missing-glyph|error/);
  expect(result.code).toBe(0);
  execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', `--user-data-dir=${join(out, 'profile')}`,
    '--no-pdf-header-footer', `--print-to-pdf=${join(out, 'chromium.pdf')}`, pathToFileURL(join(out, 'covenant-2024.html')).href], { stdio: 'ignore', timeout: 90_000 });
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

/** The introduction's paragraphs as pdftotext reads them (its default, reading order): the lines from the first to the last, blank ones dropped. */
function introduction(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const from = lines.findIndex((line) => line.startsWith('English:'));
  const to = lines.findIndex((line) => line.startsWith('In 2014,'));
  return from === -1 || to === -1 ? lines : lines.slice(from, to + 1);
}

test('each paragraph reads back from the PDF as from Chromium’s print of the HTML, word for word and in order', () => {
  const browser = introduction(join(out, 'chromium.pdf'));
  const ours = introduction(join(out, 'covenant-2024.pdf'));
  // Nine paragraphs, one line each in both: a line is compared whole, bidi marks included.
  expect(browser).toHaveLength(9);
  expect(ours).toEqual(browser);
  // Not only what the two agree on: brackets around the Hebrew word, and the Arabic aside between
  // its English neighbours (poppler lists a right-to-left stretch inside U+202B … U+202C).
  expect(ours[3]).toContain('שלום (עולם) לכל');
  expect(ours[8]).toMatch(/^In 2014, 3,162 care leavers \(7,000 .*أي.*used the marker\.$/);
});
