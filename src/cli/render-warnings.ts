// Warnings from a writer (a character no PDF font has), printed as `validate` prints problems: at
// every place in the data that holds the text, with its file, line, column and field.
import type { SourceText } from '../data/source.js';
import { problemFormatters } from '../formatters/index.js';
import { sortProblems, type Problem } from '../problems.js';
import type { RenderWarning } from '../render/index.js';
import { chalkFor, type Io } from './io.js';

export async function writeRenderWarnings(io: Io, warnings: readonly RenderWarning[], sources: ReadonlyMap<string, SourceText>): Promise<void> {
  if (warnings.length === 0) return;
  const { locateWarning } = await import('./locate-warning.js');
  const problems: Problem[] = [];
  for (const warning of warnings) {
    const located = locateWarning(warning, sources);
    if (located.length) problems.push(...located);
    else io.stderr.write(`covenant: warning: ${warning.message}\n`);
  }
  if (problems.length === 0) return;
  const chalk = await chalkFor(io.stderr, io.env);
  io.stderr.write(problemFormatters.stylish({ problems: sortProblems(problems), sources, fileCount: new Set(problems.map((p) => p.file)).size }, chalk));
}
