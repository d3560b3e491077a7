// The benchmark: whole `covenant` processes timed as a user runs them, on the shipped 2014 data and
// on synthetic data of 1,000 and 10,000 pledges, beside the tools people would use instead.
// Prints medians, peak memory and PDF pages per second, then PASS/FAIL against the budgets.
//   npm run bench            (BENCH_RUNS=5 by default; BENCH_SIZES=1000,10000)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { departmentsFor, writeBigData } from './synth.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/covenant.js');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'covenant-bench-'));
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

function which(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim() || undefined;
}

/** One run of a command: wall time (s) and peak RSS (MB, when /usr/bin/time is there). */
function once(command, args, env) {
  const started = process.hrtime.bigint();
  const result = hasTime
    ? spawnSync(TIME, ['-f', '%M', command, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 30 })
    : spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr.slice(-500)}`);
  return { wall, peak: hasTime ? Number(result.stderr.trim().split('\n').pop()) / 1024 : undefined };
}

/**
 * Runs commands `times` times each, taking turns (a b a b …), so that the machine getting busier
 * or quieter during the benchmark weighs on each alike: the median wall time (s) and the largest
 * peak RSS (MB) of each.
 */
function measureTogether(commands, { times = runs } = {}) {
  const walls = commands.map(() => []);
  const peaks = commands.map(() => 0);
  for (let i = 0; i < times; i++) {
    commands.forEach(([command, args, env = {}], k) => {
      const { wall, peak } = once(command, args, env);
      walls[k].push(wall);
      if (peak !== undefined) peaks[k] = Math.max(peaks[k], peak);
    });
  }
  return walls.map((w, k) => {
    w.sort((a, b) => a - b);
    return { median: w[Math.floor(w.length / 2)], peak: hasTime ? peaks[k] : undefined };
  });
}

const measure = (command, args, { times = runs, env = {} } = {}) => measureTogether([[command, args, env]], { times })[0];

const rows = [];
const verdicts = [];
function row(name, m, extra = '') {
  rows.push([name, `${m.median.toFixed(3)} s`, m.peak === undefined ? 'n/a' : `${m.peak.toFixed(0)} MB`, extra]);
  return m;
}
function budget(name, ok, detail) {
  verdicts.push(`${ok ? 'PASS' : 'FAIL'}  ${name}  (${detail})`);
}
const covenant = (...args) => measure(process.execPath, [bin, ...args]);
const pages = (file) => Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1] ?? 0);

console.log(`covenant benchmark: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; median of ${runs} runs\n`);

// Start-up: the commands a user runs to see the tool is there. Each is a tenth of a second, where
// the machine's noise is largest, so each comparison takes turns and has at least 11 runs.
const quick = Math.max(runs, 11);
const [nodeBare, version, help] = measureTogether([[process.execPath, ['-e', '0']], [process.execPath, [bin, '--version']], [process.execPath, [bin, '--help']]], { times: quick });
row('node -e 0', nodeBare);
row('covenant --version', version);
row('covenant --help', help);
budget('--version ≤ 1.5 × node -e 0', version.median <= 1.5 * nodeBare.median, `${(version.median / nodeBare.median).toFixed(2)} ×`);
budget('--help ≤ 1.5 × node -e 0', help.median <= 1.5 * nodeBare.median, `${(help.median / nodeBare.median).toFixed(2)} ×`);

// The shipped 2014 report, beside pandoc and Chromium on covenant's own output, taking turns.
const out2014 = join(work, '2014');
const data2014 = ['--data', join(root, 'data'), '--out', out2014];
const report2014 = (format) => [process.execPath, [bin, 'report', '2014', '--format', format, ...data2014]];
row('covenant validate (data/)', covenant('validate', '--data', join(root, 'data')));
row('covenant report 2014 --format md', measure(...report2014('md')));

const pandoc = which('pandoc');
if (pandoc) {
  const [html, p] = measureTogether([report2014('html'), [pandoc, ['-s', join(out2014, 'covenant-2014.md'), '-o', join(work, 'pandoc.html'), '--metadata', 'title=2014']]], { times: quick });
  row('covenant report 2014 --format html', html);
  row('pandoc -s covenant-2014.md -o html', p);
  budget('report 2014 html ≤ 1.0 × pandoc', html.median <= p.median, `${(html.median / p.median).toFixed(2)} ×`);
} else {
  row('covenant report 2014 --format html', measure(...report2014('html')));
  verdicts.push('SKIP  report 2014 html ≤ 1.0 × pandoc  (pandoc is not installed: apt-get install pandoc)');
}

const chromium = process.env.CHROMIUM_PATH ?? which('chromium');
const pdfRow = (m) => {
  const pdfPages = pages(join(out2014, 'covenant-2014.pdf'));
  return row('covenant report 2014 --format pdf', m, pdfPages ? `${pdfPages} pages, ${(pdfPages / m.median).toFixed(0)} pages/s` : '');
};
if (chromium) {
  // Chromium prints the HTML that covenant wrote above.
  const [pdf, c] = measureTogether([report2014('pdf'), [chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--no-first-run', `--user-data-dir=${join(work, 'chromium')}`, '--no-pdf-header-footer', `--print-to-pdf=${join(work, 'chromium.pdf')}`,
    `file://${join(out2014, 'covenant-2014.html')}`]]]);
  pdfRow(pdf);
  row('chromium --print-to-pdf covenant-2014.html', c);
  budget('report 2014 pdf ≤ 0.25 × Chromium', pdf.median <= 0.25 * c.median, `${(pdf.median / c.median).toFixed(2)} ×`);
} else {
  pdfRow(measure(...report2014('pdf')));
  verdicts.push('SKIP  report 2014 pdf ≤ 0.25 × Chromium  (no chromium: apt-get install chromium)');
}

// The preview: a save to its page updated in Chromium, and a PDF from the warm process (bench-preview.mjs).
const { benchPreview } = await import('./bench-preview.mjs');
const previewed = await benchPreview({ root, chromium, runs });
rows.push(...previewed.rows);
verdicts.push(...previewed.verdicts);

// Scale: synthetic programmes, two years each, one year reported.
const scale = {};
for (const size of sizes) {
  const data = join(work, `data-${size}`);
  writeBigData(data, { pledges: size, departments: departmentsFor(size), twoYears: true });
  const out = join(work, `out-${size}`);
  const reps = size >= 10000 ? Math.min(runs, 3) : runs;
  const m = (...args) => measure(process.execPath, [bin, ...args, '--data', data], { times: reps });
  scale[size] = {
    validate: row(`validate 2031 (${size} pledges)`, m('validate', '2031')),
    html: row(`report 2031 --format html (${size})`, m('report', '2031', '--format', 'html', '--out', out)),
    md: row(`report 2031 --format md (${size})`, m('report', '2031', '--format', 'md', '--out', out)),
    pdf: row(`report 2031 --format pdf (${size})`, m('report', '2031', '--format', 'pdf', '--out', out)),
    diff: row(`diff 2030 2031 (${size})`, m('diff', '2030', '2031', '--format', 'json')),
  };
  const p = pages(join(out, 'covenant-2031.pdf'));
  rows.find((r) => r[0] === `report 2031 --format pdf (${size})`)[3] = p ? `${p} pages, ${(p / scale[size].pdf.median).toFixed(0)} pages/s, ${(statSync(join(out, 'covenant-2031.pdf')).size / 2 ** 20).toFixed(1)} MB` : '';
}
if (scale[10000]) {
  const s = scale[10000];
  budget('10,000 pledges: validate ≤ 3 s', s.validate.median <= 3, `${s.validate.median.toFixed(2)} s`);
  budget('10,000 pledges: report html ≤ 3 s', s.html.median <= 3, `${s.html.median.toFixed(2)} s`);
  budget('10,000 pledges: report pdf ≤ 30 s', s.pdf.median <= 30, `${s.pdf.median.toFixed(2)} s`);
  budget('10,000 pledges: diff ≤ 3 s', s.diff.median <= 3, `${s.diff.median.toFixed(2)} s`);
  if (scale[1000]) {
    for (const step of ['validate', 'html', 'pdf', 'diff']) {
      const ratio = s[step].median / scale[1000][step].median;
      // Linear growth is 10 × for 10 × the pledges; start-up makes the small run relatively slow, so ≤ 10 × passes.
      budget(`${step}: 1,000 → 10,000 pledges grows no faster than linearly`, ratio <= 10, `${ratio.toFixed(1)} × the time for 10 × the pledges`);
    }
  }
}

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), 4));
console.log(['command'.padEnd(widths[0]), 'median'.padStart(widths[1]), 'peak RSS'.padStart(widths[2]), 'notes'].join('  '));
for (const r of rows) console.log([r[0].padEnd(widths[0]), r[1].padStart(widths[1]), r[2].padStart(widths[2]), r[3]].join('  '));
console.log(`\n${verdicts.join('\n')}`);
rmSync(work, { recursive: true, force: true });
