// `covenant export <year> [--format csv|json] [-o FILE]`: one row a pledge, for spreadsheets.
import { resolve } from 'node:path';
import { writeFileAtomic } from '../data/atomic.js';
import { loadDataset } from '../data/dataset.js';
import { exportWriters, type ExportFormat } from '../export/index.js';
import { exportTable } from '../export/rows.js';
import { isError } from '../problems.js';
import { checkYear, dataDir, EXIT, type Io } from './io.js';
import { cannotWrite, writeProblems } from './failures.js';

export interface ExportOptions {
  data?: string;
  format: ExportFormat;
  /** A file to write, or "-" (or nothing) for standard output. */
  output?: string;
}

export async function exportYear(io: Io, year: string, options: ExportOptions): Promise<number> {
  const result = await loadDataset({ dataDir: dataDir(io, options.data), cwd: io.cwd, years: [checkYear(year)] });
  const data = result.dataset?.years.get(year);
  if (!data || result.problems.some(isError)) {
    await writeProblems(io, result);
    return EXIT.invalidData;
  }
  const text = exportWriters[options.format](exportTable(data));
  if (options.output === undefined || options.output === '-') {
    io.stdout.write(text);
    return EXIT.ok;
  }
  const failure = await writeFileAtomic(resolve(io.cwd, options.output), text).then(() => undefined, (error: unknown) => error);
  return failure === undefined ? EXIT.ok : cannotWrite(io, options.output, failure);
}
