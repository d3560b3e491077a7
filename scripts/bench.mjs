// The benchmark: whole `covenant` processes timed as a user runs them, on the shipped 2014 data and
// on synthetic data of 1,000 and 10,000 pledges, beside the tools people would use instead.
// Prints medians, peak memory and PDF pages per second, then PASS/FAIL against the budgets. `history`
// runs on four synthetic years of 10,000 pledges.
//   npm run bench            (BENCH_RUNS=5 by default; BENCH_SIZES=1000,10000)
// Then 10,000 pledges in each layout people write (scripts/synth.mjs LAYOUTS) and each shape
// (BENCH_SHAPES=40x250,100x100: departments × pledges), with a verdict for each.
//   BENCH_ONLY=layouts npm run bench   runs that part alone; BENCH_LAYOUTS=flow,quoted picks layouts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { departmentsFor, LAYOUTS, writeBigData } from './synth.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/covenant.js');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'covenant-bench-'));
const TIME = '/usr/bin/time';
const only = process.env.BENCH_ONLY;
const hasTime = existsSync(TIME);

function which(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim() || undefined;
}

/**
 * One run of a command: wall time (s), and with /usr/bin/time peak RSS (MB) and CPU time (user +
 * system, s). On a machine shared with other work, the CPU time says what the command cost when
 * the wall time says mostly how busy the machine was.
 */
function once(command, args, env) {
  const started = process.hrtime.bigint();
  const result = hasTime
    ? spawnSync(TIME, ['-f', '%M %U %S', command, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 30 })
    : spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr.slice(-500)}`);
  if (!hasTime) return { wall };
  const [peak, user, system] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, peak: peak / 1024, cpu: user + system };
}

/**
 * Runs commands `times` times each, taking turns (a b a b …), so that the machine getting busier
 * or quieter during the benchmark weighs on each alike: the median wall time (s) and the largest
 * peak RSS (MB) of each.
 */
function measureTogether(commands, { times = runs } = {}) {
  const walls = commands.map(() => []);
  const cpus = commands.map(() => []);
  const peaks = commands.map(() => 0);
  for (let i = 0; i < times; i++) {
    commands.forEach(([command, args, env = {}], k) => {
      const { wall, peak, cpu } = once(command, args, env);
      walls[k].push(wall);
      if (cpu !== undefined) cpus[k].push(cpu);
      if (peak !== undefined) peaks[k] = Math.max(peaks[k], peak);
    });
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return walls.map((w, k) => ({ median: median(w), peak: hasTime ? peaks[k] : undefined, cpu: hasTime ? median(cpus[k]) : undefined }));
}

const measure = (command, args, { times = runs, env = {} } = {}) => measureTogether([[command, args, env]], { times })[0];

const rows = [];
const verdicts = [];
function row(name, m, extra = '') {
  rows.push([name, `${m.median.toFixed(3)} s`, m.cpu === undefined ? 'n/a' : `${m.cpu.toFixed(2)} s`, m.peak === undefined ? 'n/a' : `${m.peak.toFixed(0)} MB`, extra]);
  return m;
}
function budget(name, ok, detail) {
  verdicts.push(`${ok ? 'PASS' : 'FAIL'}  ${name}  (${detail})`);
}
const covenant = (...args) => measure(process.execPath, [bin, ...args]);
const pages = (file) => Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1] ?? 0);

console.log(`covenant benchmark: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; median of ${runs} runs; load average ${loadavg()[0].toFixed(1)} at the start\n`);

if (only !== 'layouts') await general();
layouts();

async function general() {
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
  rows.find((r) => r[0] === `report 2031 --format pdf (${size})`)[4] = p ? `${p} pages, ${(p / scale[size].pdf.median).toFixed(0)} pages/s, ${(statSync(join(out, 'covenant-2031.pdf')).size / 2 ** 20).toFixed(1)} MB` : '';
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

// Every year in view: `history` reads four years of 10,000 pledges, a third of them moving each year.
if (sizes.includes(10000)) {
  const data = join(work, 'data-history');
  writeBigData(data, { pledges: 10000, departments: departmentsFor(10000), years: 4 });
  const m = (format) => measure(process.execPath, [bin, 'history', '--format', format, '--data', data], { times: Math.min(runs, 3) });
  const text = row('history, 4 years × 10,000 pledges, text', m('text'));
  const json = row('history, 4 years × 10,000 pledges, json', m('json'));
  budget('4 years × 10,000 pledges: history ≤ 3 s', Math.max(text.median, json.median) <= 3, `text ${text.median.toFixed(2)} s, json ${json.median.toFixed(2)} s`);
  // The report on the last year shows progress since the first: beside the report on the second
  // year (two years, no such part), taking turns, with CPU time as the machine may be busy.
  const out = join(work, 'out-history');
  const report = (year) => [process.execPath, [bin, 'report', year, '--format', 'html', '--data', data, '--out', out]];
  const [two, four] = measureTogether([report('2031'), report('2033')], { times: Math.min(runs, 3) });
  row('report 2031 --format html, 2 years × 10,000 pledges', two);
  row('report 2033 --format html, 4 years × 10,000 (progress since 2030)', four,
    `${(statSync(join(out, 'covenant-2033.html')).size / 2 ** 20).toFixed(1)} MB; ${(four.median / two.median).toFixed(2)} × the 2-year report`);
}
}

/**
 * 10,000 pledges, two years, in every layout and shape: the budgets hold whatever way the YAML is
 * written. A reading that is quick only for one layout shows here as one FAIL.
 */
function layouts() {
  const wanted = (process.env.BENCH_LAYOUTS ?? LAYOUTS.join(',')).split(',');
  const shapes = (process.env.BENCH_SHAPES ?? '40x250,100x100').split(',').map((s) => s.split('x').map(Number));
  const reps = Math.min(runs, 3);
  const budgets = { validate: 1, html: 2, diff: 1.5, export: 1.5 };
  for (const layout of wanted) {
    for (const [departments, perDepartment] of shapes) {
      const name = `${layout} ${departments}×${perDepartment}`;
      const data = join(work, `layout-${layout}-${departments}`);
      writeBigData(data, { pledges: departments * perDepartment, departments, twoYears: true, layout });
      const out = join(work, `layout-out-${layout}-${departments}`);
      const m = (...args) => measure(process.execPath, [bin, ...args, '--data', data], { times: reps });
      const got = {
        validate: row(`${name}: validate 2031`, m('validate', '2031')),
        html: row(`${name}: report 2031 --format html`, m('report', '2031', '--format', 'html', '--out', out)),
        diff: row(`${name}: diff 2030 2031`, m('diff', '2030', '2031', '--format', 'json')),
        export: row(`${name}: export 2031 --format csv`, m('export', '2031', '--format', 'csv')),
      };
      const failed = Object.entries(budgets).filter(([step, limit]) => got[step].median > limit);
      const detail = Object.entries(budgets).map(([step, limit]) => `${step} ${got[step].median.toFixed(2)} s of ${limit} s${got[step].cpu === undefined ? '' : ` (CPU ${got[step].cpu.toFixed(2)} s)`}`).join(', ');
      const peak = Math.max(...Object.values(got).map((g) => g.peak ?? 0));
      budget(`10,000 pledges, ${name}: validate ≤ 1 s, html ≤ 2 s, diff ≤ 1.5 s, export ≤ 1.5 s`, failed.length === 0,
        `${detail}; peak ${hasTime ? `${peak.toFixed(0)} MB` : 'n/a'}`);
      rmSync(data, { recursive: true, force: true });
    }
  }
}

const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i].length), 8));
console.log(['command'.padEnd(widths[0]), 'median'.padStart(widths[1]), 'CPU'.padStart(widths[2]), 'peak RSS'.padStart(widths[3]), 'notes'].join('  '));
for (const r of rows) console.log([r[0].padEnd(widths[0]), r[1].padStart(widths[1]), r[2].padStart(widths[2]), r[3].padStart(widths[3]), r[4]].join('  '));
console.log(`\n${verdicts.join('\n')}`);
rmSync(work, { recursive: true, force: true });
