/// <reference lib="dom" />
// `covenant preview` as its user sees it in Chromium: a save shows on the page by itself, with no
// reload and the scroll kept; a broken file puts its problems over the report until it is mended.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fixturesDir } from '../helpers/fixtures.js';
import { startOn, type Started } from '../helpers/preview.js';

const DFE = 'data/2019/departments/dfe.yaml';
const TAG = '#pledge-dfe-staying-put .govuk-tag';

let browser: Browser;
let started: Started;
let page: Page;
const errors: string[] = [];
const foreign: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  started = await startOn(join(fixturesDir, 'report'), '2019');
  page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(started.preview.url)) foreign.push(r.url());
  });
  await page.goto(started.preview.url, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
  await started?.stop();
});

function edit(from: string, to: string): void {
  const file = join(started.cwd, DFE);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

const tag = () => page.locator(TAG).textContent();
const scrollY = () => page.evaluate(() => window.scrollY);

test('a save shows by itself, without a reload, the scroll kept; a broken file is named over the report until mended', async () => {
  expect(await tag()).toBe('On track');
  // Where a writer would be: the pledge in the middle of the screen, well down the page.
  await page.evaluate((selector) => {
    const box = document.querySelector(selector)!.getBoundingClientRect();
    window.scrollTo(0, window.scrollY + box.top - 300);
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  }, TAG);
  const scrolled = await scrollY();
  expect(scrolled).toBeGreaterThan(500);

  edit('status: on-track', 'status: met');
  await page.waitForFunction((selector) => document.querySelector(selector)?.textContent === 'Met', TAG, { timeout: 15_000 });
  expect(await scrollY()).toBe(scrolled);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await expect(page.locator('#covenant-preview-problems').isVisible()).resolves.toBe(false);

  // Broken: the panel names the file and line, over the last good report.
  edit('status: met', 'status: complete');
  const problems = page.locator('#covenant-preview-problems');
  await problems.waitFor({ state: 'visible', timeout: 15_000 });
  const text = await problems.locator('pre').textContent();
  expect(text).toContain(`${DFE}:11:13  error  status must be one of pledged, on-track, ongoing, delayed, met, not-met, withdrawn, not "complete"  enum`);
  expect(text).toContain('hint: did you mean "met"?');
  expect(await problems.getAttribute('role')).toBe('alert');
  expect(await tag()).toBe('Met');
  expect(await scrollY()).toBe(scrolled);

  // Mended: the panel goes, the new status shows.
  edit('status: complete', 'status: delayed');
  await problems.waitFor({ state: 'hidden', timeout: 15_000 });
  await page.waitForFunction((selector) => document.querySelector(selector)?.textContent === 'Delayed', TAG, { timeout: 15_000 });
  expect(await scrollY()).toBe(scrolled);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // The Content-Security-Policy let the page's own script run and blocked nothing it needs.
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('the Content-Security-Policy stops a script that is not the preview\'s own', async () => {
  const violations: string[] = [];
  page.on('console', (m) => violations.push(m.text()));
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
  });
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  expect(violations.join('\n')).toMatch(/Content Security Policy/);
  errors.length = 0;
});
