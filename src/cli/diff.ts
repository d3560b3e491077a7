// `covenant diff <from> <to>`: what changed between two years, for analysts and CI.
import { loadDataset } from '../data/dataset.js';
import { diffFormatters, type DiffFormat } from '../diff/index.js';
import { isError } from '../problems.js';
import { compareYears } from '../report/changes.js';
import { progress } from './progress.js';
import { chalkFor, checkYear, dataDir, EXIT, type Io } from './io.js';
import { writeProblems } from './failures.js';

export interface DiffOptions {
  data?: string;
  format: DiffFormat;
  failOnRegression: boolean;
}

export async function diff(io: Io, from: string, to: string, options: DiffOptions): Promise<number> {
  const years = [...new Set([checkYear(from), checkYear(to)])];
  const reading = progress(io);
  const result = await loadDataset({ dataDir: dataDir(io, options.data), cwd: io.cwd, years, onFile: (n) => reading.update(`read ${n} files`) });
  reading.done();
  // Both years are validated first; warnings (an empty progress, say) are `validate`'s to show.
  if (!result.dataset || result.problems.some(isError)) {
    await writeProblems(io, result);
    return EXIT.invalidData;
  }
  const set = compareYears(result.dataset.years.get(from)!, result.dataset.years.get(to)!);
  const chalk = await chalkFor(io.stdout, io.env);
  io.stdout.write(diffFormatters[options.format](set, chalk));
  return options.failOnRegression && set.changes.some((c) => c.regression) ? EXIT.regression : EXIT.ok;
}
