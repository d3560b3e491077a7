// Writes a large, valid data folder for scale tests and the benchmark: many departments, thousands
// of pledges of varied length, a narrative for every theme, and optionally a second year (2031) in
// which about a third of the statuses and figures move, or more years moving likewise. Deterministic:
// the same arguments give the same files. By hand: `node scripts/synth.mjs /tmp/big 10000
// [--two-years | --years=4]`, then `covenant report 2030 --data /tmp/big`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';

const WORDS = ('care leavers support housing education employment advice council local authority young people ' +
  'training apprenticeship bursary mentor adviser guidance personal plan review placement foster home university ' +
  'college health wellbeing income benefit work coach pilot programme partnership evaluation report data record').split(' ');
const STATUSES = ['pledged', 'on-track', 'ongoing', 'delayed', 'met', 'not-met', 'withdrawn'];
const THEMES = ['Education', 'Employment', 'Financial support', 'Health', 'Housing', 'Youth justice', 'Advice and support', 'Data'];

/** A small seeded generator (mulberry32): no Math.random, so the files are the same every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** 2,000 distinct words ("support0001 … data2000"), so a test can tell that not one is lost. */
export function longCommitment(count = 2000) {
  return Array.from({ length: count }, (_, i) => `${WORDS[i % WORDS.length]}${String(i + 1).padStart(4, '0')}`).join(' ');
}

/**
 * Writes `<dir>/programme.yaml` and `<dir>/2030/` with `pledges` pledges across `departments`
 * departments. With `long: true` the first pledge's commitment is longCommitment(). With
 * `twoYears: true`, also `<dir>/2031/` with the same pledges, a third of them moved. With `years: n`,
 * n years from 2030, each with a third of the year before's pledges moved (`years: 2` is `twoYears`).
 * Returns the commitments' texts, in file order.
 */
export function writeBigData(dir, { pledges = 500, departments = 20, long = false, seed = 1, twoYears = false, years: yearCount } = {}) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const sentence = (min, max) => {
    const n = min + Math.floor(next() * (max - min + 1));
    const words = Array.from({ length: n }, () => pick(WORDS));
    return `${words[0][0].toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const paragraph = (sentences) => Array.from({ length: sentences }, () => sentence(8, 22)).join(' ');
  const themes = THEMES.map((title) => ({ id: slug(title), title }));

  const years = Array.from({ length: yearCount ?? (twoYears ? 2 : 1) }, (_, i) => String(2030 + i));
  for (const year of years) mkdirSync(join(dir, year, 'departments'), { recursive: true });
  writeFileSync(join(dir, 'programme.yaml'), stringify({ name: 'Care Leaver Covenant', themes }));
  const report = {
    title: 'Care Leaver Covenant',
    subtitle: `Progress on ${pledges} pledges`,
    date: '2030-10-01',
    publisher: 'HM Government',
    reference: 'CLC-2030-SCALE',
    foreword: { body: `${paragraph(5)}\n\n${paragraph(4)}\n`, signed_by: { name: 'A Minister', role: 'Minister for Children' } },
    introduction: `${paragraph(4)}\n`,
    sections: themes.map((theme) => ({
      theme: theme.id,
      body: `${paragraph(4)}\n\n${paragraph(3)}\n`,
      case_studies: [{ title: `${theme.title} in practice`, body: `${paragraph(5)}\n` }],
      quotes: [{ text: sentence(15, 30), attribution: 'A care leaver' }],
      next_steps: `${paragraph(2)}\n`,
    })),
    conclusion: `${paragraph(3)}\n`,
    feedback: `${paragraph(1)}\n`,
  };
  for (const year of years) writeFileSync(join(dir, year, 'report.yaml'), stringify({ ...report, date: `${year}-10-01` }));

  const commitments = [];
  const perDepartment = Math.ceil(pledges / departments);
  for (let d = 0; d < departments; d++) {
    const id = `dept-${String(d + 1).padStart(2, '0')}`;
    const list = [];
    for (let p = d * perDepartment; p < Math.min(pledges, (d + 1) * perDepartment); p++) {
      const commitment = long && p === 0 ? longCommitment() : sentence(10, 28);
      commitments.push(commitment);
      const progress = next() < 0.8 ? sentence(8, 30) : `${paragraph(2)}\n\n${sentence(8, 20)}`;
      list.push({
        id: `pledge-${p + 1}`,
        theme: pick(themes).id,
        commitment: `${commitment}\n`,
        status: pick(STATUSES),
        progress: `${progress}\n`,
        ...(next() < 0.15 ? { next_steps: `${sentence(8, 16)}\n` } : {}),
        ...(next() < 0.4 ? { metrics: [{ id: 'people-helped', label: 'People helped', value: Math.floor(next() * 5000) }] } : {}),
        ...(next() < 0.2 ? { links: [{ title: 'Guidance', url: `https://www.gov.uk/guidance/${id}-${p + 1}` }] } : {}),
      });
    }
    const department = { id, name: `Department number ${d + 1}`, short_name: `D${d + 1}` };
    writeFileSync(join(dir, '2030', 'departments', `${id}.yaml`), stringify({ ...department, pledges: list }, { lineWidth: 0 }));
    let before = list;
    for (const year of years.slice(1)) {
      const moved = before.map((pledge) => (next() < 0.33
        ? { ...pledge, status: pick(STATUSES), ...(pledge.metrics ? { metrics: [{ ...pledge.metrics[0], value: pledge.metrics[0].value + Math.floor(next() * 500) }] } : {}) }
        : pledge));
      writeFileSync(join(dir, year, 'departments', `${id}.yaml`), stringify({ ...department, pledges: moved }, { lineWidth: 0 }));
      before = moved;
    }
  }
  return { commitments };
}

/** A department count that grows with the programme: 25 pledges a department, 40 at most. */
export function departmentsFor(pledges) {
  return Math.min(40, Math.max(1, Math.round(pledges / 25)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, count] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!dir) {
    process.stderr.write('usage: node scripts/synth.mjs <dir> [pledges] [--two-years | --years=N]\n');
    process.exit(2);
  }
  const years = Number(process.argv.find((a) => a.startsWith('--years='))?.slice('--years='.length) ?? 0) || undefined;
  const { commitments } = writeBigData(dir, { pledges: Number(count ?? 500), departments: departmentsFor(Number(count ?? 500)), twoYears: process.argv.includes('--two-years'), years });
  process.stderr.write(`wrote ${commitments.length} pledges under ${dir}\n`);
}
