// `covenant validate [year…]`: check programme.yaml and the years, print every problem.
import { loadDataset } from '../data/dataset.js';
import { problemFormatters, type ProblemFormat } from '../formatters/index.js';
import { isError } from '../problems.js';
import { progress } from './progress.js';
import { chalkFor, checkYear, dataDir, EXIT, type Io } from './io.js';

export interface ValidateOptions {
  data?: string;
  format: ProblemFormat;
}

export async function validate(io: Io, years: string[], options: ValidateOptions): Promise<number> {
  const reading = progress(io);
  const result = await loadDataset({
    dataDir: dataDir(io, options.data),
    cwd: io.cwd,
    onFile: (n) => reading.update(`read ${n} files`),
    ...(years.length ? { years: years.map(checkYear) } : {}),
  });
  reading.done();
  const chalk = await chalkFor(io.stdout, io.env);
  io.stdout.write(problemFormatters[options.format](result, chalk));
  return result.problems.some(isError) ? EXIT.invalidData : EXIT.ok;
}
