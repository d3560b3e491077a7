// From the domain model to the report model: what the report says and in which order.
import GithubSlugger from 'github-slugger';
import { STATUS_LABELS, type Department, type Pledge, type ProgrammeFile, type Status, type Year } from '../data/model.js';
import { difference } from '../figures.js';
import { FootnoteCounter, parseRich, type Footnote, type RichText } from './rich.js';
import { addedPledges, compareYears, countChanges, isRegression, pledgeKey, type ChangeSet } from './changes.js';
import type { ContentsEntry, DepartmentRef, PledgeRef, PledgeView, ReportMeta, ReportModel, SectionView, Signatory, SinceLastYear } from './model.js';
import { departmentRef, summarise } from './summary.js';
import { stepsByPledge, type History } from '../history/model.js';
import { progressSince } from './progress.js';
import { locator, TextSources, withTextSources, type Locate } from './sources.js';
import type { SourceRef } from '../document/types.js';
import type { Places } from '../data/source.js';

export interface BuildInput {
  programme: ProgrammeFile;
  year: Year;
  /** Where programme.yaml's texts are: its display path and places (Dataset's), when kept. */
  programmeSource?: { file: string; places?: Places };
  /** The year to compare with for "since last year", when its data exists. */
  previous?: Year;
  /** `report --draft`: not for publication. */
  draft?: boolean;
  /** Every year up to this one (historyUpTo), when there are three or more: "Progress since" and the annex's status histories. */
  history?: History;
}

const ACTIVE = new Set<Status>(['on-track', 'ongoing']);
const BAD = new Set<Status>(['delayed', 'not-met', 'withdrawn']);

/** Which way a status moved: the catalogue words it as "up from On track", "down from Met", "previously Ongoing". */
export function moveOf(from: Status, to: Status): 'up' | 'down' | 'previously' {
  if (isRegression(from, to)) return 'down';
  const up = to === 'met' || (ACTIVE.has(to) && (from === 'pledged' || BAD.has(from)));
  return up ? 'up' : 'previously';
}

/** The words for a status move in English, for the PDF writer until it reads the document. */
export function describeMove(from: Status, to: Status): string {
  const label = STATUS_LABELS[from];
  return { up: `up from ${label}`, down: `down from ${label}`, previously: `previously ${label}` }[moveOf(from, to)];
}

const OGL = /open government licen[cs]e/i;

/** The licence as named; linked when it is the Open Government Licence (its version, else 3). None is claimed when none is named. */
function licence(name: string | undefined): ReportMeta['licence'] {
  if (name === undefined) return null;
  if (!OGL.test(name)) return { name, url: null };
  const version = /open government licen[cs]e\s*v?(\d)/i.exec(name)?.[1] ?? '3';
  return { name, url: `https://www.nationalarchives.gov.uk/doc/open-government-licence/version/${version}/` };
}

function copyright(licenceName: string | undefined, publisher: string | undefined, year: string): string | null {
  if (licenceName === undefined) return null;
  // The Open Government Licence is the licence for Crown copyright material.
  if (OGL.test(licenceName)) return `© Crown copyright ${year}`;
  return publisher ? `© ${publisher} ${year}` : null;
}

export function buildReport(input: BuildInput): ReportModel {
  const { programme, year } = input;
  const report = year.report;
  const counter = new FootnoteCounter();
  const slugger = new GithubSlugger();
  const contents: ContentsEntry[] = [];
  const heading = (title: string) => {
    const id = slugger.slug(title);
    contents.push({ id, title });
    return { id, title };
  };
  // Footnotes are numbered in reading order and printed at the end of the part that cites them.
  let pending: Footnote[] = [];
  const rich = (text: string | undefined | null, level: number, at?: SourceRef): RichText | null => {
    if (text === undefined || text === null || text.trim() === '') return null;
    const parsed = parseRich(text, counter, level, at);
    pending.push(...parsed.footnotes);
    return parsed;
  };
  const takeFootnotes = () => {
    const taken = pending.sort((a, b) => a.number - b.number);
    pending = [];
    return taken;
  };
  const inReport = locator(year.reportFile, year.reportPlaces);
  const inProgramme = input.programmeSource ? locator(input.programmeSource.file, input.programmeSource.places) : locator('', undefined);
  const texts = new TextSources();
  texts.add(report.title, inReport('title'));
  texts.add(report.subtitle, inReport('subtitle'));
  texts.add(programme.name, inProgramme('name'));
  for (const key of ['publisher', 'licence', 'reference'] as const) texts.add(report[key], inReport(key));
  const part = (title: string, key: 'introduction' | 'conclusion' | 'feedback' | 'contact') => {
    const body = rich(report[key], 2, report[key] ? inReport(key) : undefined);
    return body ? { ...heading(title), body, footnotes: takeFootnotes() } : null;
  };

  const meta: ReportMeta = {
    year: year.year,
    programme: programme.name,
    title: report.title,
    subtitle: report.subtitle ?? null,
    date: report.date ?? null,
    publisher: report.publisher ?? null,
    reference: report.reference ?? null,
    licence: licence(report.licence),
    copyright: copyright(report.licence, report.publisher, (report.date ?? year.year).slice(0, 4)),
    rights: rights(report.licence, report.publisher, (report.date ?? year.year).slice(0, 4)),
    language: report.language ?? 'en-GB',
    draft: input.draft ?? false,
    colour: report.colour?.toLowerCase() ?? null,
    logo: year.logo && report.logo ? { type: 'image', alt: report.logo.alt, mediaType: year.logo.mediaType, data: year.logo.data, width: null } : null,
    contact: null,
    colophon: false,
    fullTitle: report.subtitle ? `${report.title}: ${report.subtitle}` : report.title,
  };

  const foreword = report.foreword
    ? (() => {
        const body = rich(report.foreword.body, 2, inReport('foreword', 'body'));
        if (!body) return null;
        const signed = report.foreword.signed_by;
        texts.add(signed?.name, inReport('foreword', 'signed_by', 'name'));
        texts.add(signed?.role, inReport('foreword', 'signed_by', 'role'));
        return { ...heading('Foreword'), body, signedBy: signed ? { name: signed.name, role: signed.role ?? null } : null, footnotes: takeFootnotes() };
      })()
    : null;
  const introduction = part('Introduction', 'introduction');
  const summary = { ...heading('Summary of progress'), ...summarise(year.departments) };
  const changes = input.previous ? compareYears(input.previous, year) : undefined;
  const added = changes ? addedPledges(changes) : new Set<string>();
  const sinceLastYear = changes && input.previous
    ? { ...heading(`Changes since ${input.previous.year}`), ...since(changes, { programme, previous: input.previous, year }, (text, at) => rich(text, 3, at)!) }
    : null;
  const progress = input.history
    ? { ...heading(`Progress since ${input.history.years[0]!}`), ...progressSince(input.history, year.departments) }
    : null;
  const steps = input.history ? stepsByPledge(input.history) : undefined;
  takeFootnotes();

  const locators = new Map<Department, Locate>();
  const inFile = (d: Department) => {
    let found = locators.get(d);
    if (!found) locators.set(d, (found = locator(d.file, d.places)));
    return found;
  };
  for (const d of year.departments) {
    texts.add(d.name, inFile(d)('name'));
    texts.add(d.short_name, inFile(d)('short_name'));
    if (d.signatory) for (const k of ['name', 'position'] as const) texts.add(d.signatory[k], inFile(d)('signatory', k));
  }
  const pledgeView = (department: Department, pledge: Pledge, index: number): PledgeView => {
    const key = pledgeKey(department.id, pledge.id);
    const at = inFile(department);
    const field = (name: 'commitment' | 'progress' | 'next_steps') => (pledge[name] ? at('pledges', index, name) : undefined);
    const before = changes?.previous.get(key);
    const previousStatus = before && before.status !== pledge.status ? before.status : null;
    return {
      id: pledge.id,
      anchor: `pledge-${department.id}-${pledge.id}`,
      department: departmentRef(department),
      theme: pledge.theme,
      status: pledge.status,
      statusLabel: STATUS_LABELS[pledge.status],
      previousStatus,
      previousStatusLabel: previousStatus ? STATUS_LABELS[previousStatus] : null,
      statusChange: previousStatus ? describeMove(previousStatus, pledge.status) : null,
      statusMove: previousStatus ? moveOf(previousStatus, pledge.status) : null,
      outcomes: (programme.outcomes ?? []).filter((o) => pledge.outcomes?.includes(o.id)).map((o) => ({ id: o.id, title: o.title })),
      regression: previousStatus !== null && isRegression(previousStatus, pledge.status),
      isNew: added.has(key),
      commitment: rich(pledge.commitment, 4, field('commitment'))!,
      progress: rich(pledge.progress, 4, field('progress')),
      nextSteps: rich(pledge.next_steps, 4, field('next_steps')),
      metrics: (pledge.metrics ?? []).map((m, i) => {
        texts.add(m.label, at('pledges', index, 'metrics', i, 'label'));
        const was = before?.metrics.get(m.id);
        const moved = was !== undefined && was !== m.value;
        return { id: m.id, label: m.label, value: m.value, unit: m.unit ?? null, previous: moved ? was : null, change: moved ? difference(was, m.value) : null };
      }),
      links: (pledge.links ?? []).map((l, i) => {
        texts.add(l.title, at('pledges', index, 'links', i, 'title'));
        return { title: l.title, url: l.url };
      }),
      history: (steps?.get(key) ?? []).map((step) => ({ year: step.year, status: step.status, regression: step.regression })),
    };
  };

  const narrative = new Map((report.sections ?? []).map((s, i) => [s.theme, { ...s, index: i }]));
  programme.themes.forEach((t, i) => texts.add(t.title, inProgramme('themes', i, 'title')));
  (programme.outcomes ?? []).forEach((o, i) => texts.add(o.title, inProgramme('outcomes', i, 'title')));
  const views = new Map<string, PledgeView>();
  const sections: SectionView[] = [];
  for (const theme of programme.themes) {
    const story = narrative.get(theme.id);
    const pledges = year.departments.flatMap((d) => d.pledges.flatMap((p, i) => (p.theme === theme.id ? [[d, p, i] as const] : [])));
    if (!story && pledges.length === 0) continue;
    const head = heading(theme.title);
    const inStory = (...segments: (string | number)[]) => (story ? inReport('sections', story.index, ...segments) : undefined);
    const body = rich(story?.body, 2, inStory('body'));
    const caseStudies = (story?.case_studies ?? []).map((c, i) => {
      texts.add(c.title, inStory('case_studies', i, 'title'));
      return { title: c.title, body: rich(c.body, 3, inStory('case_studies', i, 'body'))! };
    });
    const quotes = (story?.quotes ?? []).map((q, i) => {
      texts.add(q.attribution, inStory('quotes', i, 'attribution'));
      return { text: rich(q.text, 3, inStory('quotes', i, 'text'))!, attribution: q.attribution ?? null };
    });
    const pledgeViews = pledges.map(([d, p, i]) => {
      const view = pledgeView(d, p, i);
      views.set(view.anchor, view);
      return view;
    });
    const nextSteps = rich(story?.next_steps, 3, story?.next_steps ? inStory('next_steps') : undefined);
    sections.push({ ...head, body, caseStudies, quotes, pledges: pledgeViews, departments: byDepartment(pledgeViews), nextSteps, footnotes: takeFootnotes() });
  }

  const conclusion = part('Conclusion', 'conclusion');
  const feedback = part('Feedback', 'feedback');
  meta.contact = rich(report.contact, 2, report.contact ? inReport('contact') : undefined);
  meta.colophon = Boolean(meta.copyright || meta.licence || meta.reference || meta.contact);
  takeFootnotes();
  const annex = {
    ...heading('Annex A: progress on each commitment'),
    groups: year.departments
      .filter((d) => d.pledges.length > 0)
      .map((d) => ({ department: departmentRef(d), pledges: d.pledges.map((p) => views.get(`pledge-${d.id}-${p.id}`)!) })),
  };

  const principles = (programme.principles ?? []).map((text, i) => rich(text, 2, inProgramme('principles', i))).filter((r): r is RichText => r !== null);
  takeFootnotes();
  const signatories: Signatory[] = year.departments.flatMap((d) => d.signatory
    ? [{ department: departmentRef(d), name: d.signatory.name ?? null, position: d.signatory.position ?? null, date: d.signatory.date ?? null }]
    : []);
  return withTextSources({
    meta, contents, foreword, introduction, summary, sinceLastYear, progressSince: progress, sections, conclusion, feedback, annex,
    principles: principles.length > 0 ? { id: 'principles', items: principles } : null,
    signatories: signatories.length > 0 ? { id: 'signatories', items: signatories } : null,
  }, texts);
}

/** A theme's pledges under one heading a department, departments in the order the pledges come. */
function byDepartment(pledges: readonly PledgeView[]): { department: DepartmentRef; pledges: PledgeView[] }[] {
  const groups = new Map<string, { department: DepartmentRef; pledges: PledgeView[] }>();
  for (const pledge of pledges) {
    const group = groups.get(pledge.department.id) ?? { department: pledge.department, pledges: [] };
    group.pledges.push(pledge);
    groups.set(pledge.department.id, group);
  }
  return [...groups.values()];
}

function rights(licenceName: string | undefined, publisher: string | undefined, year: string): ReportMeta['rights'] {
  if (licenceName === undefined) return null;
  if (OGL.test(licenceName)) return { crown: true, holder: null, year };
  return publisher ? { crown: false, holder: publisher, year } : null;
}

/** "Since last year": the counts, and every change `diff` finds, from the same comparison. */
function since(changes: ChangeSet, years: { programme: ProgrammeFile; previous: Year; year: Year }, rich: (text: string, at?: SourceRef) => RichText): SinceLastYear {
  const { programme, previous, year } = years;
  const find = (y: Year, department: string, pledge: string) => {
    const d = y.departments.find((x) => x.id === department)!;
    const index = d.pledges.findIndex((p) => p.id === pledge);
    return { d, found: d.pledges[index]!, at: locator(d.file, d.places)('pledges', index, 'commitment') };
  };
  const ref = (y: Year, department: string, pledge: string): PledgeRef => {
    const { d, found, at } = find(y, department, pledge);
    return { department: departmentRef(d), id: pledge, commitment: rich(found.commitment, at), status: found.status, statusLabel: STATUS_LABELS[found.status] };
  };
  const theme = (id: string) => programme.themes.find((t) => t.id === id)?.title ?? id;
  const counts = countChanges(changes);
  const out: SinceLastYear = {
    previousYear: previous.year, metSinceLastYear: counts.metSinceLastYear, regressions: counts.regressions, statusChanges: counts.byKind.status,
    added: [], removed: [], moves: [], reworded: [], themeMoves: [], figures: [], departmentsAdded: [], departmentsRemoved: [], total: changes.changes.length,
  };
  for (const change of changes.changes) {
    switch (change.kind) {
      case 'status':
        out.moves.push({ pledge: ref(year, change.department, change.pledge), from: change.from, fromLabel: STATUS_LABELS[change.from],
          to: change.to, toLabel: STATUS_LABELS[change.to], regression: change.regression });
        break;
      case 'added': out.added.push(ref(year, change.department, change.pledge)); break;
      case 'removed': out.removed.push(ref(previous, change.department, change.pledge)); break;
      case 'commitment': out.reworded.push({ pledge: ref(year, change.department, change.pledge), from: rich(change.from, find(previous, change.department, change.pledge).at) }); break;
      case 'theme': out.themeMoves.push({ pledge: ref(year, change.department, change.pledge), from: theme(change.from), to: theme(change.to) }); break;
      case 'metric': {
        const label = changes.metricLabels.get(`${change.department}/${change.pledge}/${change.metric}`);
        out.figures.push({ pledge: ref(year, change.department, change.pledge), label: label?.label ?? change.metric, unit: label?.unit ?? null,
          change: change.from === null ? 'new' : change.to === null ? 'gone' : 'moved', from: change.from, to: change.to });
        break;
      }
      case 'department-added': out.departmentsAdded.push(change.to); break;
      case 'department-removed': out.departmentsRemoved.push(change.from); break;
    }
  }
  return out;
}

