// The report model: everything the published report says, in reading order, built once and laid
// out by every writer. Optional parts are null (never missing) so strict templates can test them.
import type { Status } from '../data/model.js';
import type { Block } from '../document/types.js';
import type { Footnote, RichText } from './rich.js';

export interface DepartmentRef {
  id: string;
  name: string;
  /** The short name where there is one, else the name: for tables. */
  shortName: string;
}

export interface MetricView {
  id: string;
  label: string;
  value: number;
  unit: string | null;
  /** Last year's value, when it differs. */
  previous: number | null;
  change: number | null;
}

export interface PledgeView {
  id: string;
  /** Unique in the report: department id and pledge id. */
  anchor: string;
  department: DepartmentRef;
  theme: string;
  status: Status;
  statusLabel: string;
  /** Last year's status when it changed, e.g. on-track for "Met, up from On track". */
  previousStatus: Status | null;
  previousStatusLabel: string | null;
  /** How the status moved, in words: "up from On track", "down from Met", "previously Ongoing". */
  statusChange: string | null;
  /** How the status moved, as the catalogue's key under move.: up, down or previously. */
  statusMove: 'up' | 'down' | 'previously' | null;
  /** The outcomes (programme.yaml) the pledge serves, in the programme's order. */
  outcomes: { id: string; title: string }[];
  regression: boolean;
  /** Added since the previous year's report. */
  isNew: boolean;
  commitment: RichText;
  progress: RichText | null;
  nextSteps: RichText | null;
  metrics: MetricView[];
  links: { title: string; url: string }[];
  /** "Pledged 2013 → Met 2014": the first year's status, then each move, when the report shows progress over time; else empty. */
  history: { year: string; status: Status; regression: boolean }[];
}

export interface QuoteView {
  text: RichText;
  attribution: string | null;
}

export interface CaseStudyView {
  title: string;
  body: RichText;
}

export interface SectionView {
  id: string;
  title: string;
  body: RichText | null;
  caseStudies: CaseStudyView[];
  quotes: QuoteView[];
  pledges: PledgeView[];
  /** The same pledges under one heading a department, in the order departments are listed. */
  departments: { department: DepartmentRef; pledges: PledgeView[] }[];
  nextSteps: RichText | null;
  /** Footnotes referred to in this section, numbered report-wide. */
  footnotes: Footnote[];
}

export interface StatusCount {
  status: Status;
  label: string;
  count: number;
  /** Whole per cent of all pledges. */
  percent: number;
  definition: string;
}

export interface DepartmentSummary {
  department: DepartmentRef;
  /** One entry per status in `Summary.statuses`, same order. */
  counts: { status: Status; count: number }[];
  total: number;
}

export interface Summary {
  total: number;
  departmentCount: number;
  /** Every status, in order, with its count (zero included) and definition. */
  byStatus: StatusCount[];
  /** The statuses that occur this year: the columns of the per-department table. */
  statuses: { status: Status; label: string }[];
  byDepartment: DepartmentSummary[];
  /** The statuses with pledges this year, with their counts: `byStatus` without the empty ones. */
  present: StatusCount[];
  /** Departments with at least one pledge: those the pledges are from. */
  pledgingDepartments: number;
  /** One sentence that says what the table and chart show, for the chart's text alternative. */
  description: string;
}

export interface PledgeRef {
  department: DepartmentRef;
  id: string;
  commitment: RichText;
  status: Status;
  statusLabel: string;
}

export interface SinceLastYear {
  previousYear: string;
  metSinceLastYear: number;
  regressions: number;
  statusChanges: number;
  added: PledgeRef[];
  removed: PledgeRef[];
  moves: { pledge: PledgeRef; from: Status; fromLabel: string; to: Status; toLabel: string; regression: boolean }[];
  /** Commitments whose wording changed, with last year's words. */
  reworded: { pledge: PledgeRef; from: RichText }[];
  /** Pledges that moved to another theme: the themes' titles. */
  themeMoves: { pledge: PledgeRef; from: string; to: string }[];
  /** Figures that moved, came or went (a null side). */
  figures: { pledge: PledgeRef; label: string; unit: string | null; change: 'moved' | 'new' | 'gone'; from: number | null; to: number | null }[];
  /** Departments new this year, and those no longer reporting: their names. */
  departmentsAdded: string[];
  departmentsRemoved: string[];
  /** Whether any change beyond the counts is listed: for templates' "nothing moved". */
  total: number;
}

/** The statuses counted in one year of "Progress since". */
export interface YearCount {
  year: string;
  total: number;
  /** One entry per status in `ProgressSince.statuses`, same order; per cents of that year's total. */
  counts: { status: Status; count: number; percent: number }[];
  /** Only the statuses with pledges that year: the bars of its chart. */
  present: { status: Status; count: number; percent: number }[];
}

/** A figure reported in two or more years, as a small chart and a table. */
export interface FigureTrend {
  /** Unique in the report: the chart's id. */
  id: string;
  department: DepartmentRef;
  pledge: string;
  label: string;
  unit: string | null;
  /** The years it was reported, ascending; years without it are left out. */
  points: { year: string; value: number }[];
}

/** "Progress since <first year>": every year up to the report's, when there are three or more. */
export interface ProgressSince {
  firstYear: string;
  /** The report's year: the last of `years`. */
  lastYear: string;
  years: string[];
  /** The statuses with pledges in any of the years: the columns of the counts table, in STATUSES order. */
  statuses: { status: Status }[];
  byYear: YearCount[];
  figures: FigureTrend[];
}

export interface Signatory {
  department: DepartmentRef;
  name: string | null;
  position: string | null;
  /** ISO date or null. */
  date: string | null;
}

export interface AnnexGroup {
  department: DepartmentRef;
  pledges: PledgeView[];
}

export interface ContentsEntry {
  id: string;
  title: string;
}

export interface ReportMeta {
  year: string;
  programme: string;
  title: string;
  subtitle: string | null;
  /** ISO date or null. */
  date: string | null;
  publisher: string | null;
  reference: string | null;
  /** The licence report.yaml names (null when it names none); a link only for the Open Government Licence. */
  licence: { name: string; url: string | null } | null;
  /** "© Crown copyright 2014" under the Open Government Licence, else "© <publisher> <year>"; null without a licence. */
  copyright: string | null;
  /** The same as data, for the catalogue's words: Crown copyright, or a named holder, and the year. */
  rights: { crown: boolean; holder: string | null; year: string } | null;
  /** BCP 47 language of the report's words (report.yaml `language`, else en-GB). */
  language: string;
  /** Set by `report --draft`. */
  draft: boolean;
  /** The cover's logo or crest (report.yaml `logo`), read from its file. */
  logo: Extract<Block, { type: 'image' }> | null;
  /** report.yaml's `colour` (#rrggbb), or null for the default. */
  colour: string | null;
  /** Whether there is anything for the closing colophon: copyright, licence, reference or contact. */
  colophon: boolean;
  contact: RichText | null;
  /** "Care leaver strategy: One year on progress update": the footer's short title. */
  fullTitle: string;
}

export interface ReportModel {
  meta: ReportMeta;
  contents: ContentsEntry[];
  foreword: { id: string; title: string; body: RichText; signedBy: { name: string; role: string | null } | null; footnotes: Footnote[] } | null;
  introduction: { id: string; title: string; body: RichText; footnotes: Footnote[] } | null;
  summary: Summary & { id: string; title: string };
  sinceLastYear: (SinceLastYear & { id: string; title: string }) | null;
  progressSince: (ProgressSince & { id: string; title: string }) | null;
  sections: SectionView[];
  conclusion: { id: string; title: string; body: RichText; footnotes: Footnote[] } | null;
  feedback: { id: string; title: string; body: RichText; footnotes: Footnote[] } | null;
  annex: { id: string; title: string; groups: AnnexGroup[] };
  /** The programme's principles (programme.yaml), each a Markdown text. */
  principles: { id: string; items: RichText[] } | null;
  /** Who signed each department's covenant, for departments that say. */
  signatories: { id: string; items: Signatory[] } | null;
}
