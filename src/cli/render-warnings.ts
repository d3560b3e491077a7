// Warnings from a writer (a character no PDF font has), printed as `validate` prints problems: at
// every place in the data that holds the text, with its file, line, column and field.
import type { SourceText } from '../data/source.js';
import { problemFormatters } from '../formatters/index.js';
import { sortProblems, type Problem } from '../problems.js';
import { REPLACEMENT, type RenderWarning } from '../render/index.js';
import { chalkFor, type Io } from './io.js';
import type { Located } from './locate-warning.js';

/** The data's files by path, each with where its lines start, made when first asked for. */
class Files {
  private readonly known = new Map<string, { text: string; starts: number[] } | null>();

  constructor(private readonly sources: ReadonlyMap<string, SourceText>) {}

  get(path: string): { text: string; starts: number[] } | null {
    let file = this.known.get(path);
    if (file === undefined) {
      const source = [...this.sources.values()].find((s) => s.path === path);
      file = source ? { text: source.text, starts: [0] } : null;
      if (file) for (let i = file.text.indexOf('\n'); i !== -1; i = file.text.indexOf('\n', i + 1)) file.starts.push(i + 1);
      this.known.set(path, file);
    }
    return file;
  }
}

/**
 * Where the data holds a warning's text, from the source the document's text carries: the
 * character itself when it is written after the start of the field (not spelt by an escape), else
 * the field. Null when the warning has no source; the data is then searched (locate-warning.ts).
 */
function fromSource(warning: RenderWarning, files: Files): Located | null {
  const at = warning.source;
  if (!at) return null;
  let { line, column } = at;
  const file = files.get(at.file);
  if (file) {
    const { starts } = file;
    const from = (starts[line - 1] ?? 0) + column - 1;
    const found = file.text.indexOf(warning.text, from);
    if (found !== -1) {
      let l = line;
      while (l < starts.length && starts[l]! <= found) l++;
      [line, column] = [l, found - starts[l - 1]! + 1];
    }
  }
  const field = at.field ?? '';
  const message = field ? `${field}: ${warning.message}` : warning.message;
  return { field, problem: { file: at.file, line, column, length: 1, severity: 'warning', rule: warning.rule, message } };
}

export async function writeRenderWarnings(io: Io, warnings: readonly RenderWarning[], sources: ReadonlyMap<string, SourceText>): Promise<void> {
  if (warnings.length === 0) return;
  // Text the document made itself (a label) has no source: only then is the data searched for it.
  const locateWarning = warnings.every((w) => w.source) ? () => [] : (await import('./locate-warning.js')).locateWarning;
  // One problem a field and rule: a name in Chinese is one warning listing its characters, not one a character.
  const files = new Files(sources);
  const byField = new Map<string, { first: Problem; field: string; texts: string[]; hints: string[] }>();
  for (const warning of warnings) {
    const own = fromSource(warning, files);
    const located = own ? [own] : locateWarning(warning, sources);
    if (located.length === 0) io.stderr.write(`covenant: warning: ${warning.message}\n`);
    for (const { problem, field } of located) {
      // A field without a name is known by where it is.
      const key = warning.rule !== 'missing-glyph' ? `${byField.size}` : field ? `${problem.file}\0${field}` : `${problem.file}\0${warning.source?.line}:${warning.source?.column}`;
      const group = byField.get(key);
      if (!group) byField.set(key, { first: problem, field, texts: [warning.text], hints: warning.hint ? [warning.hint] : [] });
      else if (!group.texts.includes(warning.text)) group.texts.push(warning.text);
      if (group && warning.hint && !group.hints.includes(warning.hint)) group.hints.push(warning.hint);
    }
  }
  const problems = [...byField.values()].map(({ first, field, texts, hints }): Problem => texts.length === 1 ? first : {
    ...first,
    message: `${field ? `${field}: ` : ''}${texts.length} characters are in none of the PDF's fonts (${texts.map((t) => `"${t}"`).join(' ')}): the PDF shows ${REPLACEMENT} in their place`,
    ...(hints.length ? { hint: hints.join('; ') } : {}),
  });
  if (problems.length === 0) return;
  const chalk = await chalkFor(io.stderr, io.env);
  io.stderr.write(problemFormatters.stylish({ problems: sortProblems(problems), sources, fileCount: new Set(problems.map((p) => p.file)).size }, chalk));
}
