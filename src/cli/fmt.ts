// `covenant fmt [year…] [--check]`: rewrite the data files in the canonical layout, or list the
// ones that are not in it.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../data/atomic.js';
import { dataFiles } from '../data/data-files.js';
import { formatYaml } from '../data/format-yaml.js';
import type { SourceFile } from '../data/source.js';
import { sortProblems, type Problem } from '../problems.js';
import { checkYear, dataDir, EXIT, type Io } from './io.js';
import { cannotWrite, writeProblems } from './failures.js';

export interface FmtOptions {
  data?: string;
  check: boolean;
}

const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

export async function fmt(io: Io, years: string[], options: FmtOptions): Promise<number> {
  const listed = dataFiles(dataDir(io, options.data), io.cwd, years.map(checkYear));
  const problems: Problem[] = [...listed.problems];
  const changed: string[] = [];
  const sources = new Map<string, SourceFile>();
  // Files that could not be read or formatted: reported below, and neither rewritten nor counted as canonical.
  let unread = 0;
  for (const file of listed.files) {
    const text = await readFile(file.path, 'utf8').catch(() => undefined);
    if (text === undefined) {
      problems.push({ file: file.display, line: 0, column: 0, severity: 'error', rule: 'missing-file', message: 'the file could not be read' });
      unread++;
      continue;
    }
    const formatted = formatYaml(text, file.kind, file.display);
    problems.push(...formatted.problems);
    if (formatted.source) sources.set(file.display, formatted.source);
    if (formatted.text === undefined) unread++;
    if (formatted.text === undefined || formatted.text === text) continue;
    changed.push(file.display);
    if (options.check) continue;
    const failure = await writeFileAtomic(file.path, formatted.text).then(() => undefined, (error: unknown) => error);
    if (failure !== undefined) return cannotWrite(io, file.display, failure);
  }

  const notRead = unread ? `, ${unread} not read (see the problems)` : '';
  if (options.check) {
    for (const path of changed) io.stdout.write(`${path}\n`);
    io.stdout.write(changed.length
      ? `${files(changed.length)} not in the canonical layout: run covenant fmt to rewrite ${changed.length === 1 ? 'it' : 'them'}${notRead}\n`
      : `${files(listed.files.length - unread)} checked: all in the canonical layout${notRead}\n`);
  } else {
    for (const path of changed) io.stdout.write(`formatted ${path}\n`);
    io.stdout.write(`${files(changed.length)} rewritten, ${listed.files.length - changed.length - unread} already canonical${notRead}\n`);
  }
  if (problems.length > 0) {
    await writeProblems(io, { problems: sortProblems(problems), sources, fileCount: listed.files.length });
    return EXIT.invalidData;
  }
  return options.check && changed.length > 0 ? EXIT.invalidData : EXIT.ok;
}
