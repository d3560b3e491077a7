/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML report as a reader's browser sees it: accessible (axe-core, WCAG 2.0–2.2 A and AA),
// self-contained (no request, no script error, no dialog) and readable on a 375 px phone.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { run } from '../helpers/run.js';

const require = createRequire(import.meta.url);
const axeSource = () => readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'covenant-browser-'));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await rm(out, { recursive: true, force: true });
});

async function report(name: string, args: string[]): Promise<string> {
  const file = join(out, `${name}.html`);
  const result = await run(['report', ...args, '--format', 'html', '-o', file]);
  expect(result.stderr).not.toMatch(/error/i);
  expect(result.code).toBe(0);
  return file;
}

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
  dialogs: string[];
}

async function open(file: string, width: number): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const opened: Opened = { page, requests: [], errors: [], dialogs: [] };
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) opened.requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') opened.errors.push(m.text());
  });
  page.on('pageerror', (e) => opened.errors.push(e.message));
  page.on('dialog', async (d) => {
    opened.dialogs.push(d.message());
    await d.dismiss();
  });
  await page.route(/^(?!file:)/, (route) => route.abort());
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return opened;
}

const cases: [string, string[]][] = [
  ['2014', ['2014']],
  ['fixture', ['2019', '--data', 'test/fixtures/valid']],
];

describe.each(cases)('the HTML report of %s', (name, args) => {
  let file: string;
  beforeAll(async () => {
    file = await report(name, args);
  });

  test('has no WCAG 2.2 A or AA violation (axe-core)', async () => {
    const { page } = await open(file, 1024);
    await page.addScriptTag({ content: await axeSource() });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  test('makes no request, logs no error and opens no dialog', async () => {
    const { page, requests, errors, dialogs } = await open(file, 1024);
    await page.waitForTimeout(200);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  test('never scrolls sideways at 375 px; wide tables scroll in their own focusable box', async () => {
    const { page } = await open(file, 375);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      wrappers: [...document.querySelectorAll('.covenant-table-wrapper')].map((w) => w.getAttribute('tabindex')),
    }));
    expect(layout.scrollWidth).toBeLessThanOrEqual(375);
    expect(layout.wrappers.length).toBeGreaterThan(0);
    expect(layout.wrappers.every((t) => t === '0')).toBe(true);
    // The annex is a card a row on a phone: its progress is in view, not scrolled off to the right.
    const progress = await page.evaluate(() => [...document.querySelectorAll('.covenant-section--annex td[data-label="Progress"]')].map((cell) => cell.getBoundingClientRect().right));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((right) => right <= 375)).toBe(true);
    // ...and still a table to a screen reader: Chromium's own accessibility tree, with its rows and cells.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree') as { nodes: { role?: { value: string }; name?: { value: string } }[] };
    const roles = nodes.map((n) => n.role?.value);
    expect(nodes.some((n) => n.role?.value === 'table' && /^Every commitment/.test(n.name?.value ?? ''))).toBe(true);
    expect(roles.filter((r) => r === 'rowheader').length).toBeGreaterThanOrEqual(progress.length);
    await page.close();
  });

  test('at 390 px the status changes and the pledges by department read without sideways scrolling', async () => {
    const { page } = await open(file, 390);
    const tables = await page.evaluate(() => ['#changes-status', '#summary-department'].map((id) => {
      const table = document.querySelector(id);
      const wrapper = table?.closest('.covenant-table-wrapper');
      return {
        id,
        present: Boolean(table),
        // Its box needs no scrolling, and every cell is within the screen.
        scrolls: wrapper ? wrapper.scrollWidth > wrapper.clientWidth : false,
        outside: [...(table?.querySelectorAll('th, td') ?? [])].filter((cell) => cell.getBoundingClientRect().right > 390).length,
      };
    }));
    for (const table of tables.filter((t) => t.present)) expect(table).toEqual({ id: table.id, present: true, scrolls: false, outside: 0 });
    expect(tables.find((t) => t.id === '#summary-department')!.present).toBe(true);
    await page.close();
  });

  test('has one h1, headings in order, a skip link and the contents in a nav', async () => {
    const { page } = await open(file, 1024);
    const structure = await page.evaluate(() => ({
      levels: [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1])),
      skip: document.querySelector('a.govuk-skip-link')?.getAttribute('href'),
      navLinks: document.querySelectorAll('nav a[href^="#"]').length,
      lang: document.documentElement.lang,
      scripts: document.querySelectorAll('script').length,
    }));
    expect(structure.levels.filter((l) => l === 1)).toHaveLength(1);
    structure.levels.forEach((level, i) => {
      if (i > 0) expect(level).toBeLessThanOrEqual(structure.levels[i - 1]! + 1);
    });
    expect(structure.skip).toBe('#main-content');
    expect(structure.navLinks).toBeGreaterThan(3);
    expect(structure.lang).toBe('en-GB');
    await page.close();
  });
});

// Every text field of test/fixtures/hostile holds script, event handlers, javascript: and data:
// links and images: none of it may run, load or fail in a browser.
describe('the HTML report of the hostile fixture', () => {
  let file: string;
  beforeAll(async () => {
    file = await report('hostile', ['2019', '--data', 'test/fixtures/hostile']);
  });

  test('opens no dialog, makes no request, logs no error, runs no script', async () => {
    const { page, requests, errors, dialogs } = await open(file, 1024);
    // Every link leads somewhere harmless: a part of the page, an https: address or an email.
    const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')));
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    expect(links.filter((href) => !/^(#|https:\/\/|mailto:)/.test(href ?? ''))).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('script, img, iframe, object, embed').length)).toBe(0);
    expect(await page.evaluate(() => document.body.innerText)).toContain("<script>alert('title')</script>");
    await page.close();
  });
});

