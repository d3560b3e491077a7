// From the domain model to the report model: what the report says and in which order.
import GithubSlugger from 'github-slugger';
import { STATUS_LABELS, type Department, type Pledge, type ProgrammeFile, type ReportFile, type Section, type Status, type Year } from '../data/model.js';
import { difference } from '../figures.js';
import { FootnoteCounter, parseRich, type Footnote, type RichText } from './rich.js';
import { addedPledges, compareYears, countChanges, isRegression, pledgeKey, type ChangeSet } from './changes.js';
import type { AnnexGroup, ContentsEntry, DepartmentRef, PledgeRef, PledgeView, ReportMeta, ReportModel, SectionView, Signatory, SinceLastYear } from './model.js';
import { departmentRef, summarise } from './summary.js';
import { stepsByPledge, type History, type StatusStep } from '../history/model.js';
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

/** What building the report carries from part to part: heading ids, footnote numbers, and where each text is written. */
interface BuildState {
  counter: FootnoteCounter;
  slugger: GithubSlugger;
  contents: ContentsEntry[];
  /** Footnotes are numbered in reading order and printed at the end of the part that cites them. */
  pending: Footnote[];
  texts: TextSources;
  inReport: Locate;
  inProgramme: Locate;
  locators: Map<Department, Locate>;
}

/** What a pledge's view is compared with: last year's changes and the status history, when there are. */
interface PledgeContext {
  programme: ProgrammeFile;
  changes: ChangeSet | undefined;
  added: ReadonlySet<string>;
  steps: ReadonlyMap<string, readonly StatusStep[]> | undefined;
}

type Story = Section & { index: number };
type PledgeAt = readonly [Department, Pledge, number];

/** The report model of a year: its parts in reading order, headings named and footnotes numbered as they come. */
export function buildReport(input: BuildInput): ReportModel {
  const { programme, year } = input;
  const report = year.report;
  const state = startBuild(input);
  const meta = reportMeta(input);
  const foreword = forewordPart(state, report);
  const introduction = part(state, report, 'Introduction', 'introduction');
  const summary = { ...heading(state, 'Summary of progress'), ...summarise(year.departments) };
  const changes = input.previous ? compareYears(input.previous, year) : undefined;
  const sinceLastYear = changes && input.previous
    ? { ...heading(state, `Changes since ${input.previous.year}`), ...since(changes, { programme, previous: input.previous, year }, (text, at) => richText(state, text, 3, at)!) }
    : null;
  const progress = input.history
    ? { ...heading(state, `Progress since ${input.history.years[0]!}`), ...progressSince(input.history, year.departments) }
    : null;
  takeFootnotes(state);
  addNameTexts(state, programme, year.departments);
  const pledges: PledgeContext = {
    programme, changes, added: changes ? addedPledges(changes) : new Set<string>(), steps: input.history ? stepsByPledge(input.history) : undefined,
  };
  const { sections, views } = themeSections(state, year, pledges);
  const conclusion = part(state, report, 'Conclusion', 'conclusion');
  const feedback = part(state, report, 'Feedback', 'feedback');
  meta.contact = richText(state, report.contact, 2, report.contact ? state.inReport('contact') : undefined);
  meta.colophon = Boolean(meta.copyright || meta.licence || meta.reference || meta.contact);
  takeFootnotes(state);
  const annex = { ...heading(state, 'Annex A: progress on each commitment'), groups: annexGroups(year.departments, views) };
  const principles = (programme.principles ?? []).map((text, i) => richText(state, text, 2, state.inProgramme('principles', i))).filter((r): r is RichText => r !== null);
  takeFootnotes(state);
  const signatories = signatoriesOf(year.departments);
  return withTextSources({
    meta, contents: state.contents, foreword, introduction, summary, sinceLastYear, progressSince: progress, sections, conclusion, feedback, annex,
    principles: principles.length > 0 ? { id: 'principles', items: principles } : null,
    signatories: signatories.length > 0 ? { id: 'signatories', items: signatories } : null,
  }, state.texts);
}

/** A fresh state for one report, with the places of its cover's texts (title, subtitle, programme, publisher…) noted. */
function startBuild(input: BuildInput): BuildState {
  const { programme, year } = input;
  const report = year.report;
  const inReport = locator(year.reportFile, year.reportPlaces);
  const inProgramme = input.programmeSource ? locator(input.programmeSource.file, input.programmeSource.places) : locator('', undefined);
  const texts = new TextSources();
  texts.add(report.title, inReport('title'));
  texts.add(report.subtitle, inReport('subtitle'));
  texts.add(programme.name, inProgramme('name'));
  for (const key of ['publisher', 'licence', 'reference'] as const) texts.add(report[key], inReport(key));
  return {
    counter: new FootnoteCounter(), slugger: new GithubSlugger(), contents: [], pending: [], texts, inReport, inProgramme, locators: new Map(),
  };
}

/** A heading's id, unique in the report, and its entry in the contents. */
function heading(state: BuildState, title: string): ContentsEntry {
  const id = state.slugger.slug(title);
  state.contents.push({ id, title });
  return { id, title };
}

/** A text of the data as rich text, its footnotes held for the part that cites them; null when it is empty. */
function richText(state: BuildState, text: string | undefined | null, level: number, at?: SourceRef): RichText | null {
  if (text === undefined || text === null || text.trim() === '') return null;
  const parsed = parseRich(text, state.counter, level, at);
  state.pending.push(...parsed.footnotes);
  return parsed;
}

/** The footnotes cited since the last part, in number order, for the part that ends here. */
function takeFootnotes(state: BuildState): Footnote[] {
  const taken = state.pending.sort((a, b) => a.number - b.number);
  state.pending = [];
  return taken;
}

/** Where a department's file writes each of its fields, made once a department. */
function inFile(state: BuildState, department: Department): Locate {
  let found = state.locators.get(department);
  if (!found) state.locators.set(department, (found = locator(department.file, department.places)));
  return found;
}

/** The cover's and colophon's facts from report.yaml; the contact and colophon are filled in once the body is built. */
function reportMeta(input: BuildInput): ReportMeta {
  const { programme, year } = input;
  const report = year.report;
  return {
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
}

/** The foreword and who signed it; none when report.yaml has no foreword body. */
function forewordPart(state: BuildState, report: ReportFile): ReportModel['foreword'] {
  if (!report.foreword) return null;
  const body = richText(state, report.foreword.body, 2, state.inReport('foreword', 'body'));
  if (!body) return null;
  const signed = report.foreword.signed_by;
  state.texts.add(signed?.name, state.inReport('foreword', 'signed_by', 'name'));
  state.texts.add(signed?.role, state.inReport('foreword', 'signed_by', 'role'));
  return { ...heading(state, 'Foreword'), body, signedBy: signed ? { name: signed.name, role: signed.role ?? null } : null, footnotes: takeFootnotes(state) };
}

/** A part of report.yaml that is one text under a heading (introduction, conclusion, feedback); none when it is empty. */
function part(state: BuildState, report: ReportFile, title: string, key: 'introduction' | 'conclusion' | 'feedback' | 'contact'): ReportModel['introduction'] {
  const body = richText(state, report[key], 2, report[key] ? state.inReport(key) : undefined);
  return body ? { ...heading(state, title), body, footnotes: takeFootnotes(state) } : null;
}

/** Notes where the names the templates show are written: departments and their signatories, themes, outcomes. */
function addNameTexts(state: BuildState, programme: ProgrammeFile, departments: readonly Department[]): void {
  for (const d of departments) {
    const at = inFile(state, d);
    state.texts.add(d.name, at('name'));
    state.texts.add(d.short_name, at('short_name'));
    if (d.signatory) for (const k of ['name', 'position'] as const) state.texts.add(d.signatory[k], at('signatory', k));
  }
  programme.themes.forEach((t, i) => state.texts.add(t.title, state.inProgramme('themes', i, 'title')));
  (programme.outcomes ?? []).forEach((o, i) => state.texts.add(o.title, state.inProgramme('outcomes', i, 'title')));
}

/** A section a theme that has a story or pledges, in the programme's order, and every pledge's view by its anchor for the annex. */
function themeSections(state: BuildState, year: Year, pledges: PledgeContext): { sections: SectionView[]; views: Map<string, PledgeView> } {
  const narrative = new Map<string, Story>((year.report.sections ?? []).map((s, i) => [s.theme, { ...s, index: i }]));
  const views = new Map<string, PledgeView>();
  const sections: SectionView[] = [];
  for (const theme of pledges.programme.themes) {
    const story = narrative.get(theme.id);
    const found = year.departments.flatMap((d) => d.pledges.flatMap((p, i): PledgeAt[] => (p.theme === theme.id ? [[d, p, i]] : [])));
    if (!story && found.length === 0) continue;
    sections.push(sectionView(state, theme.title, story, found, pledges, views));
  }
  return { sections, views };
}

/** A theme's section: its story, case studies and quotes, its pledges (added to `views`), and the footnotes they cite. */
function sectionView(state: BuildState, title: string, story: Story | undefined, found: readonly PledgeAt[], pledges: PledgeContext, views: Map<string, PledgeView>): SectionView {
  const head = heading(state, title);
  const inStory = (...segments: (string | number)[]) => (story ? state.inReport('sections', story.index, ...segments) : undefined);
  const body = richText(state, story?.body, 2, inStory('body'));
  const caseStudies = (story?.case_studies ?? []).map((c, i) => {
    state.texts.add(c.title, inStory('case_studies', i, 'title'));
    return { title: c.title, body: richText(state, c.body, 3, inStory('case_studies', i, 'body'))! };
  });
  const quotes = (story?.quotes ?? []).map((q, i) => {
    state.texts.add(q.attribution, inStory('quotes', i, 'attribution'));
    return { text: richText(state, q.text, 3, inStory('quotes', i, 'text'))!, attribution: q.attribution ?? null };
  });
  const pledgeViews = found.map(([d, p, i]) => {
    const view = pledgeView(state, pledges, d, p, i);
    views.set(view.anchor, view);
    return view;
  });
  const nextSteps = richText(state, story?.next_steps, 3, story?.next_steps ? inStory('next_steps') : undefined);
  return { ...head, body, caseStudies, quotes, pledges: pledgeViews, departments: byDepartment(pledgeViews), nextSteps, footnotes: takeFootnotes(state) };
}

/** One pledge as the report shows it: its texts, figures and links, and how it moved since last year. */
function pledgeView(state: BuildState, context: PledgeContext, department: Department, pledge: Pledge, index: number): PledgeView {
  const key = pledgeKey(department.id, pledge.id);
  const at = inFile(state, department);
  const field = (name: 'commitment' | 'progress' | 'next_steps') => (pledge[name] ? at('pledges', index, name) : undefined);
  const before = context.changes?.previous.get(key);
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
    outcomes: (context.programme.outcomes ?? []).filter((o) => pledge.outcomes?.includes(o.id)).map((o) => ({ id: o.id, title: o.title })),
    regression: previousStatus !== null && isRegression(previousStatus, pledge.status),
    isNew: context.added.has(key),
    commitment: richText(state, pledge.commitment, 4, field('commitment'))!,
    progress: richText(state, pledge.progress, 4, field('progress')),
    nextSteps: richText(state, pledge.next_steps, 4, field('next_steps')),
    metrics: (pledge.metrics ?? []).map((m, i) => {
      state.texts.add(m.label, at('pledges', index, 'metrics', i, 'label'));
      const was = before?.metrics.get(m.id);
      const moved = was !== undefined && was !== m.value;
      return { id: m.id, label: m.label, value: m.value, unit: m.unit ?? null, previous: moved ? was : null, change: moved ? difference(was, m.value) : null };
    }),
    links: (pledge.links ?? []).map((l, i) => {
      state.texts.add(l.title, at('pledges', index, 'links', i, 'title'));
      return { title: l.title, url: l.url };
    }),
    history: (context.steps?.get(key) ?? []).map((step) => ({ year: step.year, status: step.status, regression: step.regression })),
  };
}

/** Annex A: every department's pledges, in the department's own order, as the sections showed them. */
function annexGroups(departments: readonly Department[], views: ReadonlyMap<string, PledgeView>): AnnexGroup[] {
  return departments
    .filter((d) => d.pledges.length > 0)
    .map((d) => ({ department: departmentRef(d), pledges: d.pledges.map((p) => views.get(`pledge-${d.id}-${p.id}`)!) }));
}

/** Who signed each department's covenant, for the departments that say. */
function signatoriesOf(departments: readonly Department[]): Signatory[] {
  return departments.flatMap((d) => d.signatory
    ? [{ department: departmentRef(d), name: d.signatory.name ?? null, position: d.signatory.position ?? null, date: d.signatory.date ?? null }]
    : []);
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

