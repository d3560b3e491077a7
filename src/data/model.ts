// The validated domain model every later stage consumes. Field names are the YAML's own
// (the brief's contract); the types come from the schemas via schema-types.ts.
import type { Logo } from './logo.js';
import type { Places } from './source.js';
import type { DepartmentFile, ProgrammeFile, ReportFile } from './schema-types.js';

export type { ProgrammeFile, ReportFile, DepartmentFile };
export type Pledge = DepartmentFile['pledges'][number];
export type Status = Pledge['status'];
export type Metric = NonNullable<Pledge['metrics']>[number];
export type Link = NonNullable<Pledge['links']>[number];
export type Theme = ProgrammeFile['themes'][number];
export type Outcome = NonNullable<ProgrammeFile['outcomes']>[number];
export type Section = NonNullable<ReportFile['sections']>[number];

/** Every status, in the order reports list them. */
export const STATUSES: readonly Status[] = ['pledged', 'on-track', 'ongoing', 'delayed', 'met', 'not-met', 'withdrawn'];

export const STATUS_LABELS: Record<Status, string> = {
  pledged: 'Pledged',
  'on-track': 'On track',
  ongoing: 'Ongoing',
  delayed: 'Delayed',
  met: 'Met',
  'not-met': 'Not met',
  withdrawn: 'Withdrawn',
};

export interface Department extends DepartmentFile {
  /** Display path of the file it was read from. */
  file: string;
  /** Where each value is written in that file, kept from its one reading: for the positions a report carries. */
  places?: Places;
}

export interface Year {
  year: string;
  report: ReportFile;
  reportFile: string;
  /** Where each value of report.yaml is written. */
  reportPlaces?: Places;
  /** Sorted by name. */
  departments: Department[];
  /** The cover's logo, read from the file report.yaml names. */
  logo?: Logo;
}

export interface Dataset {
  programme: ProgrammeFile;
  programmeFile: string;
  /** Where each value of programme.yaml is written. */
  programmePlaces?: Places;
  /** The years loaded, keyed by year. */
  years: Map<string, Year>;
  /** Every year folder that exists in the data folder, ascending. */
  available: string[];
}

const byName = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

export function sortDepartments(departments: Department[]): Department[] {
  return [...departments].sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
}
