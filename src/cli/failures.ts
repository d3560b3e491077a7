// How a command tells what stopped it, on standard error: problems in the data (as `validate`
// prints them), or a file it could not write (a message, never a stack trace).
import type { LoadResult } from '../data/dataset.js';
import { problemFormatters } from '../formatters/index.js';
import { chalkFor, EXIT, type Io } from './io.js';

export async function writeProblems(io: Io, result: Pick<LoadResult, 'problems' | 'sources' | 'fileCount'>): Promise<void> {
  const chalk = await chalkFor(io.stderr, io.env);
  io.stderr.write(problemFormatters.stylish(result, chalk));
}

/** A write that failed (no space, no permission): said plainly; exit 70, as nothing was wrong with the data. */
export function cannotWrite(io: Io, path: string, error: unknown): number {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  io.stderr.write(`covenant: could not write ${path} (${reason}); nothing was changed there\n`);
  return EXIT.internal;
}
