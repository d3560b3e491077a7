// Warnings from a writer (a character no PDF font has), printed as `validate` prints problems: at
// every place in the data that holds the text, with its file, line, column and field.
import { REPLACEMENT } from '../data/coverage.js';
import type { SourceText } from '../data/source.js';
import { problemFormatters } from '../formatters/index.js';
import { sortProblems, type Problem } from '../problems.js';
import type { RenderWarning } from '../render/index.js';
import { chalkFor, type Io } from './io.js';


export async function writeRenderWarnings(io: Io, warnings: readonly RenderWarning[], sources: ReadonlyMap<string, SourceText>): Promise<void> {
  if (warnings.length === 0) return;
  const { locateWarning } = await import('./locate-warning.js');
  // One problem a field and rule: a name in Chinese is one warning listing its characters, not one a character.
  const byField = new Map<string, { first: Problem; field: string; texts: string[]; hints: string[] }>();
  for (const warning of warnings) {
    const located = locateWarning(warning, sources);
    if (located.length === 0) io.stderr.write(`covenant: warning: ${warning.message}\n`);
    for (const { problem, field } of located) {
      const key = warning.rule === 'missing-glyph' ? `${problem.file}\0${field}` : `${byField.size}`;
      const group = byField.get(key);
      if (!group) byField.set(key, { first: problem, field, texts: [warning.text], hints: warning.hint ? [warning.hint] : [] });
      else if (!group.texts.includes(warning.text)) group.texts.push(warning.text);
      if (group && warning.hint && !group.hints.includes(warning.hint)) group.hints.push(warning.hint);
    }
  }
  const problems = [...byField.values()].map(({ first, field, texts, hints }): Problem => texts.length === 1 ? first : {
    ...first,
    message: `${field}: ${texts.length} characters are in none of the PDF's fonts (${texts.map((t) => `"${t}"`).join(' ')}): the PDF shows ${REPLACEMENT} in their place`,
    ...(hints.length ? { hint: hints.join('; ') } : {}),
  });
  if (problems.length === 0) return;
  const chalk = await chalkFor(io.stderr, io.env);
  io.stderr.write(problemFormatters.stylish({ problems: sortProblems(problems), sources, fileCount: new Set(problems.map((p) => p.file)).size }, chalk));
}
