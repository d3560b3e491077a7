// `covenant report <year>`: validate, build the report model and its document once, write each
// format asked for from that one document.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataset, type LoadResult } from '../data/dataset.js';
import type { Dataset } from '../data/model.js';
import { makeFolders, stageFile, streamStaged, type Staged } from '../data/atomic.js';
import { displayPath, isError } from '../problems.js';
import { asFinal } from '../data/rules.js';
import { FORMATS, writers, type Format, type RenderWarning } from '../render/index.js';
import { cannotWrite, writeProblems } from './failures.js';
import { writeRenderWarnings } from './render-warnings.js';
import { progress } from './progress.js';
import { checkYear, dataDir, EXIT, UsageError, type Io } from './io.js';
import { comparedYear, isTemplateMistake, yearReport, yearsToRead, type YearReport } from './render-year.js';

export interface ReportOptions {
  data?: string;
  format: Format | 'all';
  out: string;
  output?: string;
  templates?: string;
  previous?: string;
  /** Refuse to write while the year is unfinished: what validate warns of is an error. */
  final?: boolean;
  /** Not for publication: a Draft note on the cover, and every format marks it. */
  draft?: boolean;
}

const LAST_PDF_SECOND = 253402300799;

const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * A --templates folder must exist and hold templates: a typo must not publish the shipped look. A
 * folder in the old layout (one folder a format) is said so, with the way to the new one.
 */
export function checkTemplates(dir: string, given: string): void {
  if (!isFolder(dir)) throw new UsageError(`--templates ${given}: there is no such folder`);
  const old = ['html', 'markdown'].filter((format) => isFolder(join(dir, format)));
  if (old.length > 0) {
    throw new UsageError(`--templates ${given} has ${old.map((f) => `${f}/`).join(' and ')}, the layout of covenant's earlier templates: `
      + 'one set of templates now writes every format. Copy the files to change from templates/document/ (report.hbs, partials/*.hbs) '
      + 'or templates/locales/ (the words) into the folder, keeping their paths, and make the same change there; `covenant templates` lists what they may use');
  }
  // Any template file will do here: one misnamed is the templates' error, naming what it could have meant.
  const held = readdirSync(dir).filter((name) => name.endsWith('.hbs') || name === 'partials' || name === 'locales');
  if (held.length === 0) {
    throw new UsageError(`--templates ${given} holds neither report.hbs, partials/ nor locales/: copy the templates to change from templates/document/ or templates/locales/, keeping their paths`);
  }
}

/** -o with no name is a usage error; -o naming a folder (reports/, or one that exists) writes covenant-<year>.<ext> into it, as --out does. */
function checkOutput(io: Io, options: ReportOptions): ReportOptions {
  const { output, ...rest } = options;
  if (output === undefined || output === '-') return options;
  if (output.trim() === '') throw new UsageError('-o needs a file name (or - for standard output)');
  return /[/\\]$/.test(output) || isFolder(resolve(io.cwd, output)) ? { ...rest, out: output } : options;
}

/** Where the report's files go and what is staged so far: what staging and committing them share. */
interface Writing {
  io: Io;
  options: ReportOptions;
  year: string;
  written: { file: Staged; shown: string }[];
}

/** Writes the year's report in each format asked for; the exit code says how it went. */
export async function report(io: Io, year: string, options: ReportOptions): Promise<number> {
  const checked = checkOptions(io, year, options);
  options = checked.options;
  const formats = checked.formats;
  const dir = dataDir(io, options.data);
  const previous = comparedYear(dir, year, options.previous);
  const result = await readData(io, dir, year, previous, formats, options.final ?? false);
  if (!result.dataset || result.problems.some(isError)) {
    await writeProblems(io, result);
    return EXIT.invalidData;
  }
  const epoch = sourceDateEpoch(io);
  // The document is made before any file is written: a template error leaves no partial set.
  const rendered = await renderYear(io, result.dataset, year, previous, options, epoch);
  if (!rendered) return EXIT.invalidData;
  // Binary formats (PDF) stream into their file as they are made, before the text files are written.
  const outputs: { format: Format; data: string }[] = [];
  for (const format of formats) {
    if (writers[format].kind === 'text') outputs.push({ format, data: await rendered.text(format) });
  }
  if (options.output === '-') {
    if (writers[formats[0]!].kind === 'binary') await writeRenderWarnings(io, (await rendered.stream(formats[0]!, { write: (chunk) => io.stdout.write(chunk) })).warnings, result.sources);
    else io.stdout.write(outputs[0]!.data);
    return EXIT.ok;
  }
  return writeFiles({ io, options, year, written: [] }, rendered, formats, outputs, result.sources);
}

/** The command line's usage mistakes, before any data is read; the options with -o settled, and the formats to write. */
function checkOptions(io: Io, year: string, given: ReportOptions): { options: ReportOptions; formats: Format[] } {
  checkYear(year);
  if (given.previous !== undefined) {
    checkYear(given.previous);
    if (Number(given.previous) >= Number(year)) throw new UsageError(`--previous must be a year before ${year}, not ${given.previous}: the report says what changed since then`);
  }
  if (given.final && given.draft) throw new UsageError('--final and --draft contradict each other: a final report is for publication, a draft is not');
  if (given.templates !== undefined) checkTemplates(resolve(io.cwd, given.templates), given.templates);
  const options = checkOutput(io, given);
  const formats: Format[] = options.format === 'all' ? [...FORMATS] : [options.format];
  if (options.output !== undefined && formats.length > 1) {
    throw new UsageError('-o names one file: choose one --format (md, html or pdf) to go with it');
  }
  return { options, formats };
}

/** Reads and checks the years the report needs, showing progress on a terminal; --final makes an unfinished year an error. */
async function readData(io: Io, dir: string, year: string, previous: string | undefined, formats: readonly Format[], final: boolean): Promise<LoadResult> {
  const reading = progress(io);
  const result = await loadDataset({ dataDir: dir, cwd: io.cwd, years: yearsToRead(dir, year, previous),
    // The PDF warns of missing characters where the data writes them: only it needs the places.
    keepPlaces: formats.includes('pdf'), onFile: (n) => reading.update(`read ${n} files`) });
  reading.done();
  // --final: what is only unfinished while drafting (an empty progress, no date) stops a final report.
  if (final) result.problems = asFinal(result.problems);
  return result;
}

/** SOURCE_DATE_EPOCH, when set: a whole number of seconds a PDF date can hold. */
function sourceDateEpoch(io: Io): string | undefined {
  const epoch = io.env.SOURCE_DATE_EPOCH?.trim();
  if (epoch && !/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "${epoch}"`);
  // A PDF date has a four-digit year: the last second it can hold is in 9999.
  if (epoch && Number(epoch) > LAST_PDF_SECOND) throw new UsageError(`SOURCE_DATE_EPOCH must be at most ${LAST_PDF_SECOND} (the end of 9999), not ${epoch}`);
  return epoch || undefined;
}

/** The year's document, made once for every format; undefined, the mistake said, when a template is wrong. */
async function renderYear(io: Io, dataset: Dataset, year: string, previous: string | undefined, options: ReportOptions, epoch: string | undefined): Promise<YearReport | undefined> {
  try {
    return await yearReport(dataset, year, previous, {
      cwd: io.cwd, draft: options.draft ?? false,
      ...(options.templates ? { templates: resolve(io.cwd, options.templates) } : {}), ...(epoch ? { sourceDateEpoch: epoch } : {}),
    });
  } catch (error) {
    if (!isTemplateMistake(error)) throw error;
    io.stderr.write(`covenant: template error: ${error.message}\n`);
    return undefined;
  }
}

/**
 * Every file is written under a temporary name first, and only when all are whole are they put in
 * place: a failure (no space, a folder where a file should go) leaves the earlier set as it was.
 */
async function writeFiles(writing: Writing, rendered: YearReport, formats: readonly Format[], outputs: readonly { format: Format; data: string }[],
  sources: LoadResult['sources']): Promise<number> {
  for (const format of formats) {
    if (writers[format].kind !== 'binary') continue;
    let warnings: RenderWarning[] = [];
    const failed = await stage(writing, format, async (target) => {
      const streamed = await streamStaged(target, (out) => rendered.stream(format, out));
      warnings = streamed.result.warnings;
      return streamed.staged;
    });
    if (failed !== undefined) return failed;
    await writeRenderWarnings(writing.io, warnings, sources);
  }
  for (const { format, data } of outputs) {
    const failed = await stage(writing, format, (target) => stageFile(target, data));
    if (failed !== undefined) return failed;
  }
  return commitAll(writing);
}

/** Where a format's file goes: -o's file, else covenant-<year>.<ext> in --out. */
function targetOf(writing: Writing, format: Format): string {
  const { io, options, year } = writing;
  return options.output !== undefined
    ? resolve(io.cwd, options.output)
    : join(resolve(io.cwd, options.out), `covenant-${year}.${writers[format].extension}`);
}

/** Stages one format's file; on failure discards all staged so far and returns the exit code. */
async function stage(writing: Writing, format: Format, write: (target: string) => Promise<Staged>): Promise<number | undefined> {
  const { io, options, written } = writing;
  const target = targetOf(writing, format);
  const shown = options.output ?? displayPath(io.cwd, target);
  try {
    await makeFolders(resolve(target, '..'));
    written.push({ file: await write(target), shown });
    return undefined;
  } catch (error) {
    // A failed write (no space, no permission) is said plainly; a failure to lay out is a bug.
    await Promise.all(written.map(({ file }) => file.discard()));
    if (!isSystemError(error)) throw error;
    return cannotWrite(io, shown, error);
  }
}

/** Puts every staged file in place, in order, saying each; the first that fails discards the rest. */
async function commitAll(writing: Writing): Promise<number> {
  const { io, written } = writing;
  for (const [i, { file, shown }] of written.entries()) {
    try {
      await file.commit();
    } catch (error) {
      await Promise.all(written.slice(i + 1).map((later) => later.file.discard()));
      return cannotWrite(io, shown, error);
    }
    io.stderr.write(`wrote ${shown}\n`);
  }
  return EXIT.ok;
}

/** An error from the system (ENOSPC, EACCES…), which carries the call that failed: not a bug in covenant. */
function isSystemError(error: unknown): boolean {
  return typeof (error as { code?: unknown } | null)?.code === 'string' && typeof (error as { syscall?: unknown }).syscall === 'string';
}
