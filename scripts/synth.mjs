// Writes a large, valid data folder for scale tests and the benchmark: many departments, thousands
// of pledges of varied length, a narrative for every theme, and optionally a second year (2031) in
// which about a third of the statuses and figures move, or more years moving likewise. Deterministic:
// the same arguments give the same files. The layout varies as people write YAML (LAYOUTS below); the
// data does not. By hand: `node scripts/synth.mjs /tmp/big 10000 [--two-years | --years=4]
// [--layout flow] [--departments 100]`, then `covenant report 2030 --data /tmp/big`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';

const WORDS = ('care leavers support housing education employment advice council local authority young people ' +
  'training apprenticeship bursary mentor adviser guidance personal plan review placement foster home university ' +
  'college health wellbeing income benefit work coach pilot programme partnership evaluation report data record').split(' ');
const STATUSES = ['pledged', 'on-track', 'ongoing', 'delayed', 'met', 'not-met', 'withdrawn'];
const THEMES = ['Education', 'Employment', 'Financial support', 'Health', 'Housing', 'Youth justice', 'Advice and support', 'Data'];
const OUTCOMES = ['live-independently', 'education-employment-training', 'stability-and-safety', 'health-support', 'financial-stability'];

/**
 * The ways a department file is laid out, each valid YAML that a person or a tool writes:
 * - block: the yaml package's own layout (block lists and mappings, plain and | text);
 * - flow: lists and small mappings in brackets (`outcomes: [health-support]`, metrics as `{ id: …, value: 3 }`);
 * - quoted: every text in double quotes with escapes, a comment above each pledge and after some
 *   values, CRLF line ends and a byte-order mark;
 * - folded: text in folded (>) and literal (|) blocks over several lines, short texts in single
 *   quotes, comments.
 */
export const LAYOUTS = ['block', 'flow', 'quoted', 'folded'];

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

const plainSafe = (text) => /^[A-Za-z][\w .,'()/-]*$/.test(text) && !/: | #|[.,]$/.test(text) && !/^(?:true|false|null|yes|no|on|off)$/i.test(text);
/** Text wrapped at about 70 columns, for a folded block: each line at `pad`. */
const wrap = (text, pad) => text.replace(/(.{1,70})(?: |$)/g, `${pad}$1\n`).replace(/\n$/, '');

/** A scalar as the layout writes it, after "key:" at `indent` spaces. */
function scalar(value, layout, indent) {
  if (typeof value !== 'string') return ` ${value}`;
  const pad = ' '.repeat(indent + 2);
  if (layout === 'quoted') return ` ${JSON.stringify(value)}`;
  if (layout === 'folded' && value.length > 60) {
    if (!value.includes('\n\n') && !value.slice(0, -1).includes('\n')) return ` >\n${wrap(value.trimEnd(), pad)}`;
    return ` |\n${value.trimEnd().split('\n').map((l) => (l ? pad + l : '')).join('\n')}`;
  }
  if (layout === 'folded' && !value.includes('\n')) return ` '${value.replace(/'/g, "''")}'`;
  if (value.includes('\n')) return ` |${value.endsWith('\n') ? '' : '-'}\n${value.replace(/\n$/, '').split('\n').map((l) => (l ? pad + l : '')).join('\n')}`;
  return plainSafe(value) ? ` ${value}` : ` ${JSON.stringify(value)}`;
}

/** A flow mapping of scalars on one line: `{ id: people-helped, value: 3 }`. */
const flowMap = (record) => `{ ${Object.entries(record).map(([k, v]) => `${k}: ${typeof v === 'string' && !plainSafe(v) ? JSON.stringify(v) : v}`).join(', ')} }`;

/** A mapping in the layout, at `indent` spaces; `first` is what its first line starts with ("- " for a list item). */
function mapping(record, layout, indent, lines, first = '') {
  let lead = ' '.repeat(indent) + first;
  const pad = ' '.repeat(indent + first.length);
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value)) {
      const scalars = value.every((v) => typeof v !== 'object');
      if (layout === 'flow') lines.push(`${lead}${key}: [${value.map((v) => (typeof v === 'object' ? flowMap(v) : v)).join(', ')}]`);
      else {
        lines.push(`${lead}${key}:`);
        for (const item of value) {
          if (scalars) lines.push(`${pad}  -${scalar(item, layout, indent + first.length + 2)}`);
          else mapping(item, layout, indent + first.length + 2, lines, '- ');
        }
      }
    } else if (value !== null && typeof value === 'object') {
      lines.push(`${lead}${key}:`);
      mapping(value, layout, indent + first.length + 2, lines);
    } else {
      const comment = layout !== 'block' && layout !== 'flow' && key === 'status' ? '  # pledged, on-track, ongoing, delayed, met, not-met, withdrawn' : '';
      lines.push(`${lead}${key}:${scalar(value, layout, indent + first.length)}${comment}`);
    }
    lead = pad;
  }
}

/** A department file's text in one of LAYOUTS. */
export function departmentText(department, layout) {
  if (layout === 'block') return stringify(department, { lineWidth: 0 });
  const { pledges, ...head } = department;
  const lines = layout === 'flow' ? [] : ['# yaml-language-server: $schema=../../../schemas/department.schema.json'];
  mapping(head, layout, 0, lines);
  lines.push('pledges:');
  for (const pledge of pledges) {
    if (layout !== 'flow') lines.push(`  # ${pledge.id}`);
    mapping(pledge, layout, 2, lines, '- ');
  }
  const text = `${lines.join('\n')}\n`;
  return layout === 'quoted' ? `\ufeff${text.replace(/\n/g, '\r\n')}` : text;
}

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
export function writeBigData(dir, { pledges = 500, departments = 20, long = false, seed = 1, twoYears = false, years: yearCount, layout = 'block' } = {}) {
  if (!LAYOUTS.includes(layout)) throw new Error(`layout must be one of ${LAYOUTS.join(', ')}`);
  const next = random(seed);
  // Outcomes come from a stream of their own, so that the rest reads as it always has.
  const nextOutcome = random(seed + 1);
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
  writeFileSync(join(dir, 'programme.yaml'), stringify({ name: 'Care Leaver Covenant', outcomes: OUTCOMES.map((id) => ({ id, title: id.replace(/-/g, ' ') })), themes }));
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
        ...((outcomes) => (outcomes.length ? { outcomes } : {}))(OUTCOMES.filter(() => nextOutcome() < 0.3).slice(0, 2)),
        commitment: `${commitment}\n`,
        status: pick(STATUSES),
        progress: `${progress}\n`,
        ...(next() < 0.15 ? { next_steps: `${sentence(8, 16)}\n` } : {}),
        ...(next() < 0.4 ? { metrics: [{ id: 'people-helped', label: 'People helped', value: Math.floor(next() * 5000) }] } : {}),
        ...(next() < 0.2 ? { links: [{ title: 'Guidance', url: `https://www.gov.uk/guidance/${id}-${p + 1}` }] } : {}),
      });
    }
    const department = { id, name: `Department number ${d + 1}`, short_name: `D${d + 1}` };
    writeFileSync(join(dir, '2030', 'departments', `${id}.yaml`), departmentText({ ...department, pledges: list }, layout));
    let before = list;
    for (const year of years.slice(1)) {
      const moved = before.map((pledge) => (next() < 0.33
        ? { ...pledge, status: pick(STATUSES), ...(pledge.metrics ? { metrics: [{ ...pledge.metrics[0], value: pledge.metrics[0].value + Math.floor(next() * 500) }] } : {}) }
        : pledge));
      writeFileSync(join(dir, year, 'departments', `${id}.yaml`), departmentText({ ...department, pledges: moved }, layout));
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
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args.splice(args.indexOf(name), 2)[1] : undefined);
  const layout = option('--layout') ?? 'block';
  const departments = option('--departments');
  const [dir, count] = args.filter((a) => !a.startsWith('--'));
  if (!dir) {
    process.stderr.write(`usage: node scripts/synth.mjs <dir> [pledges] [--two-years | --years=N] [--layout ${LAYOUTS.join('|')}] [--departments N]\n`);
    process.exit(2);
  }
  const pledges = Number(count ?? 500);
  const years = Number(args.find((a) => a.startsWith('--years='))?.slice('--years='.length) ?? 0) || undefined;
  const { commitments } = writeBigData(dir, { pledges, departments: departments ? Number(departments) : departmentsFor(pledges), twoYears: args.includes('--two-years'), years, layout });
  process.stderr.write(`wrote ${commitments.length} pledges under ${dir}\n`);
}
