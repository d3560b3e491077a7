// The one step from a loaded, valid data set to a year's report in any format: which year it is
// compared with, the report model and its document built once, and each writer given the document.
// `report` and `preview` both render through here, so a change of pipeline is made in this file alone.
import { listYears } from '../data/dataset.js';
import type { Dataset } from '../data/model.js';
import { buildDocument } from '../document/build.js';
import { CatalogueError } from '../document/catalogue.js';
import { TemplateError } from '../document/templates.js';
import { DocumentSyntaxError } from '../document/xml.js';
import { historyUpTo, HISTORY_MINIMUM } from '../history/model.js';
import { buildReport } from '../report/build.js';
import { writers, type ByteSink, type Format, type RenderOptions, type RenderWarning } from '../render/index.js';

/** How a year is rendered: the command line's choices that change the report. */
export interface YearOptions {
  /** Makes the paths in template errors relative. */
  cwd: string;
  /** A folder whose templates and catalogues replace the shipped ones by file name (absolute). */
  templates?: string;
  /** Not for publication: a Draft note on the cover, and every format marks it. */
  draft?: boolean;
  /** SOURCE_DATE_EPOCH from the environment: the date written into binary formats. */
  sourceDateEpoch?: string;
}

/** A year's report, its document made, ready to be written in any format. */
export interface YearReport {
  /** A text format (md, html), whole. */
  text(format: Format): Promise<string>;
  /** A binary format (pdf), streamed into `out` as it is made; what it could not show as the data asks. */
  stream(format: Format, out: ByteSink): Promise<{ warnings: RenderWarning[] }>;
}

/** A mistake in the templates or their catalogue (the user's to mend, exit 1), as against a bug. */
export type TemplateMistake = TemplateError | DocumentSyntaxError | CatalogueError;

export function isTemplateMistake(error: unknown): error is TemplateMistake {
  return error instanceof TemplateError || error instanceof DocumentSyntaxError || error instanceof CatalogueError;
}

/**
 * The year the report says what changed since: the one --previous names, else the year before when
 * its data exists; none otherwise.
 */
export function comparedYear(dataDir: string, year: string, given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  const before = String(Number(year) - 1);
  return listYears(dataDir).includes(before) ? before : undefined;
}

/**
 * The years a report on `year` reads: itself and the year it is compared with; and, with three or
 * more years on record up to it, every one of them, for the part on progress since the first (each
 * is checked, since its figures are printed). Later years are never read.
 */
export function yearsToRead(dataDir: string, year: string, previous: string | undefined): string[] {
  const upTo = listYears(dataDir).filter((y) => y <= year);
  return [...new Set([year, ...(previous !== undefined ? [previous] : []), ...(upTo.length >= HISTORY_MINIMUM ? upTo : [])])];
}

/**
 * `year` of a data set loaded with `previous` (when there is one), its document written by the
 * templates once for every format. Throws a TemplateMistake (see isTemplateMistake) for a
 * template's or catalogue's error, before any format is written.
 */
export async function yearReport(dataset: Pick<Dataset, 'programme' | 'years'> & Partial<Pick<Dataset, 'programmeFile' | 'programmePlaces'>>,
  year: string, previous: string | undefined, options: YearOptions): Promise<YearReport> {
  const { programme, years, programmeFile, programmePlaces } = dataset;
  const history = historyUpTo([...years.values()], year);
  const model = buildReport({
    programme, year: years.get(year)!, draft: options.draft ?? false,
    ...(previous !== undefined ? { previous: years.get(previous)! } : {}), ...(history ? { history } : {}),
    ...(programmeFile !== undefined ? { programmeSource: { file: programmeFile, ...(programmePlaces ? { places: programmePlaces } : {}) } } : {}),
  });
  const doc = await buildDocument(model, { cwd: options.cwd, ...(options.templates !== undefined ? { templates: options.templates } : {}) });
  const renderOptions: RenderOptions = { ...(options.sourceDateEpoch !== undefined ? { sourceDateEpoch: options.sourceDateEpoch } : {}) };
  return {
    text: async (format) => {
      const writer = writers[format];
      if (writer.kind !== 'text') throw new Error(`${format} is not a text format`);
      return writer.write(doc, renderOptions);
    },
    stream: async (format, out) => {
      const writer = writers[format];
      if (writer.kind !== 'binary') throw new Error(`${format} is not a binary format`);
      return writer.write(doc, renderOptions, out);
    },
  };
}
