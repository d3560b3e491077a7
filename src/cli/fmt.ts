// `covenant fmt [year…] [--check]`: rewrite the data files in the canonical layout, or show (as a
// unified diff) what would change in the ones that are not in it.
import { realpathSync } from 'node:fs';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { writeFileAtomic } from '../data/atomic.js';
import { dataFiles } from '../data/data-files.js';
import { formatYaml } from '../data/format-yaml.js';
import { readText, type SourceFile } from '../data/source.js';
import { sortProblems, type Problem } from '../problems.js';
import { checkYear, dataDir, EXIT, type Io } from './io.js';
import { cannotWrite, writeProblems } from './failures.js';

export interface FmtOptions {
  data?: string;
  check: boolean;
}

const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

/** What fmt would change in a file, as `diff -u` shows it (three lines of context). */
export function layoutDiff(path: string, before: string, after: string): string {
  return createTwoFilesPatch(path, path, before, after, 'as written', 'canonical layout', { context: 3, headerOptions: FILE_HEADERS_ONLY });
}

/** Where a file really is: a data file that is a symbolic link is rewritten where it points, and stays a link. */
function target(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

export async function fmt(io: Io, years: string[], options: FmtOptions): Promise<number> {
  const listed = dataFiles(dataDir(io, options.data), io.cwd, years.map(checkYear));
  const problems: Problem[] = [...listed.problems];
  const changed: string[] = [];
  const sources = new Map<string, SourceFile>();
  // Files that could not be read or formatted: reported below, and neither rewritten nor counted as canonical.
  let unread = 0;
  for (const file of listed.files) {
    // Read as validate reads: strict UTF-8, the size limit, and a pipe refused rather than waited on.
    const read = readText(file.path, file.display);
    if ('problems' in read) {
      problems.push(...read.problems);
      unread++;
      continue;
    }
    const { text } = read;
    const formatted = formatYaml(text, file.kind, file.display);
    problems.push(...formatted.problems);
    if (formatted.source) sources.set(file.display, formatted.source);
    if (formatted.text === undefined) unread++;
    if (formatted.text === undefined || formatted.text === text) continue;
    changed.push(file.display);
    if (options.check) {
      io.stdout.write(layoutDiff(file.display, text, formatted.text));
      continue;
    }
    const failure = await writeFileAtomic(target(file.path), formatted.text).then(() => undefined, (error: unknown) => error);
    if (failure !== undefined) return cannotWrite(io, file.display, failure);
  }

  const folders = listed.problems.filter((p) => p.rule === 'cannot-read').length;
  const notRead = unread || folders
    ? `${unread ? `, ${unread} not read` : ''}${folders ? `, ${folders} folder${folders === 1 ? '' : 's'} not read` : ''} (see the problems)`
    : '';
  if (options.check) {
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
