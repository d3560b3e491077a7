// The one step from a loaded, valid data set to a year's report in any format: which year it is
// compared with, the report model built once, and each writer given it. `report` and `preview`
// both render through here, so a change of pipeline is made in this file alone.
import { listYears } from '../data/dataset.js';
import type { Dataset } from '../data/model.js';
import { buildReport } from '../report/build.js';
import { writers, type ByteSink, type Format, type RenderOptions, type RenderWarning } from '../render/index.js';

/** A year's report, ready to be written in any format. */
export interface YearReport {
  /** A text format (md, html), whole. */
  text(format: Format): Promise<string>;
  /** A binary format (pdf), streamed into `out` as it is made; what it could not show as the data asks. */
  stream(format: Format, out: ByteSink): Promise<{ warnings: RenderWarning[] }>;
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

/** `year` of a data set loaded with `previous` (when there is one), as a report in every format. */
export function yearReport(dataset: Pick<Dataset, 'programme' | 'years'>, year: string, previous: string | undefined, options: RenderOptions): YearReport {
  const { programme, years } = dataset;
  const model = buildReport({ programme, year: years.get(year)!, ...(previous !== undefined ? { previous: years.get(previous)! } : {}) });
  return {
    text: async (format) => {
      const writer = writers[format];
      if (writer.kind !== 'text') throw new Error(`${format} is not a text format`);
      return writer.write(model, options);
    },
    stream: async (format, out) => {
      const writer = writers[format];
      if (writer.kind !== 'binary') throw new Error(`${format} is not a binary format`);
      return writer.write(model, options, out);
    },
  };
}
