// The preview's benchmark: from a department file of 2014 written to its new words seen in
// Chromium (the page updating by itself), and a PDF of 2014 asked of the warm process after a save.
// Part of `npm run bench`; alone: node scripts/bench-preview.mjs (after npm run build).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `covenant preview 2014` on a copy of the data: its address, and how to stop it. */
async function start(root, data) {
  const child = spawn(process.execPath, [join(root, 'bin/covenant.js'), 'preview', '2014', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!/Ctrl-C to stop/.test(stdout)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`covenant preview did not start: ${stderr}`);
    await sleep(20);
  }
  const url = /^covenant preview of 2014: (\S+)$/m.exec(stdout)[1];
  return {
    url,
    /** How long the server took to make each report after the first, by what it printed. */
    made: () => [...stderr.matchAll(/report made \(\d+ files? read, (\d+) ms\)/g)].slice(1).map((m) => Number(m[1])),
    stop: async () => {
      child.kill('SIGINT');
      const code = await exited;
      if (code !== 0) throw new Error(`covenant preview exited ${code} on Ctrl-C: ${stderr}`);
    },
  };
}

/** Writes round `n`'s words into a pledge's progress in `file`: the text the page must come to show. */
function save(file, n) {
  const text = readFileSync(file, 'utf8').replace(/ \(bench \d+\)$/m, '');
  const marker = `(bench ${n})`;
  const next = text.replace(/^(\s+progress: \|\n.*)$/m, `$1 ${marker}`);
  if (next === text) throw new Error(`no progress field in ${file}`);
  writeFileSync(file, next);
  return marker;
}

async function fetchText(url) {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
}

/** Save-to-page in Chromium: `rounds` saves, each timed from the write to the page showing its words (after the next frame). */
async function pageRounds(url, file, rounds, chromiumPath) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    await page.goto(url, { waitUntil: 'load' });
    const times = [];
    for (let n = 1; n <= rounds; n++) {
      const marker = `(bench ${n})`;
      // The watch for the words is set up in the page before the file is written.
      await page.evaluate((m) => {
        window.benchSeen = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (!document.body.textContent.includes(m)) return;
            observer.disconnect();
            requestAnimationFrame(() => resolve());
          });
          observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
        });
      }, marker);
      const started = performance.now();
      save(file, n);
      await page.evaluate(() => window.benchSeen);
      times.push(performance.now() - started);
      await sleep(300);
    }
    return times;
  } finally {
    await browser.close();
  }
}

/** The PDF asked for after a save, in the warm process: the first (cold) time, and the median of `rounds` after saves. */
async function pdfRounds(url, file, rounds, from) {
  const pdf = `${url}covenant-2014.pdf`;
  const coldStart = performance.now();
  if ((await fetch(pdf).then((r) => r.arrayBuffer())).byteLength === 0) throw new Error('an empty PDF');
  const cold = performance.now() - coldStart;
  const times = [];
  for (let n = from; n < from + rounds; n++) {
    const marker = save(file, n);
    // The report is made again (the Markdown shows the words) before the PDF is asked for.
    const deadline = Date.now() + 30_000;
    while (!(await fetchText(`${url}covenant-2014.md`)).text.includes(marker)) {
      if (Date.now() > deadline) throw new Error('the preview did not take the save');
      await sleep(10);
    }
    const started = performance.now();
    const response = await fetch(pdf);
    const bytes = await response.arrayBuffer();
    times.push(performance.now() - started);
    if (response.status !== 200 || bytes.byteLength === 0) throw new Error(`PDF: ${response.status}`);
  }
  return { cold, times };
}

/** The preview's rows and budget verdicts for bench.mjs. */
export async function benchPreview({ root, chromium, runs }) {
  const work = mkdtempSync(join(tmpdir(), 'covenant-bench-preview-'));
  const data = join(work, 'data');
  cpSync(join(root, 'data'), data, { recursive: true });
  // As data edited some time ago: the first reading may keep every file.
  const past = new Date(Date.now() - 3_600_000);
  const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  for (const f of walk(data)) utimesSync(f, past, past);
  const file = join(data, '2014/departments/dfe.yaml');
  const rounds = Math.max(runs, 11);
  // As the general benchmark's rows: name, median, CPU time, peak memory (neither measured here), and notes.
  const rows = [];
  const verdicts = [];
  const preview = await start(root, data);
  try {
    if (chromium && statSync(chromium, { throwIfNoEntry: false })) {
      const times = await pageRounds(preview.url, file, rounds, chromium);
      const m = median(times);
      rows.push(['preview 2014: save → page updated in Chromium', `${(m / 1000).toFixed(3)} s`, 'n/a', 'n/a', `median of ${rounds}; ${times.map((t) => t.toFixed(0)).join(', ')} ms; the server's part (read, check, HTML) ${median(preview.made())} ms`]);
      verdicts.push(`${m <= 150 ? 'PASS' : 'FAIL'}  preview: save → updated page ≤ 150 ms  (${m.toFixed(0)} ms)`);
    } else {
      verdicts.push('SKIP  preview: save → updated page ≤ 150 ms  (no chromium: apt-get install chromium)');
    }
    const { cold, times } = await pdfRounds(preview.url, file, rounds, 1000);
    const m = median(times);
    rows.push(['preview 2014: first PDF (cold)', `${(cold / 1000).toFixed(3)} s`, 'n/a', 'n/a', '']);
    rows.push(['preview 2014: PDF after a save (warm)', `${(m / 1000).toFixed(3)} s`, 'n/a', 'n/a', `median of ${rounds}; ${times.map((t) => t.toFixed(0)).join(', ')} ms`]);
    verdicts.push(`${m <= 150 ? 'PASS' : 'FAIL'}  preview: warm PDF of 2014 ≤ 150 ms  (${m.toFixed(0)} ms)`);
  } finally {
    await preview.stop();
    rmSync(work, { recursive: true, force: true });
  }
  return { rows, verdicts };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { rows, verdicts } = await benchPreview({ root, chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', runs: Number(process.env.BENCH_RUNS ?? 5) });
  for (const r of rows) console.log(r.join('  '));
  console.log(verdicts.join('\n'));
}
