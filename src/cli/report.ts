// `covenant report <year>`: validate, build the report model once, write each format asked for.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataset } from '../data/dataset.js';
import { makeFolders, stageFile, streamStaged, type Staged } from '../data/atomic.js';
import { displayPath, isError } from '../problems.js';
import { FORMATS, writers, type Format, type RenderWarning } from '../render/index.js';
import { TemplateError } from '../render/templates.js';
import { cannotWrite, writeProblems } from './failures.js';
import { writeRenderWarnings } from './render-warnings.js';
import { progress } from './progress.js';
import { checkYear, dataDir, EXIT, UsageError, type Io } from './io.js';
import { comparedYear, yearReport } from './render-year.js';

export interface ReportOptions {
  data?: string;
  format: Format | 'all';
  out: string;
  output?: string;
  templates?: string;
  previous?: string;
}

/** The formats whose look --templates can change (the PDF's layout is code). */
const TEMPLATE_FORMATS = ['markdown', 'html'];

const LAST_PDF_SECOND = 253402300799;

/** A --templates folder must exist and hold a format's folder: a typo must not publish the shipped look. */
export function checkTemplates(dir: string, given: string): void {
  const isFolder = (path: string) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  };
  if (!isFolder(dir)) throw new UsageError(`--templates ${given}: there is no such folder`);
  if (!TEMPLATE_FORMATS.some((format) => isFolder(join(dir, format)))) {
    throw new UsageError(`--templates ${given} holds neither markdown/ nor html/: copy the templates to change from templates/markdown/ or templates/html/, keeping their paths`);
  }
}

export async function report(io: Io, year: string, options: ReportOptions): Promise<number> {
  checkYear(year);
  if (options.previous !== undefined) {
    checkYear(options.previous);
    if (Number(options.previous) >= Number(year)) throw new UsageError(`--previous must be a year before ${year}, not ${options.previous}: the report says what changed since then`);
  }
  if (options.templates !== undefined) checkTemplates(resolve(io.cwd, options.templates), options.templates);
  const formats: Format[] = options.format === 'all' ? [...FORMATS] : [options.format];
  if (options.output !== undefined && formats.length > 1) {
    throw new UsageError('-o names one file: choose one --format (md, html or pdf) to go with it');
  }

  const dir = dataDir(io, options.data);
  const previous = comparedYear(dir, year, options.previous);
  const reading = progress(io);
  const result = await loadDataset({ dataDir: dir, cwd: io.cwd, years: previous !== undefined ? [year, previous] : [year], onFile: (n) => reading.update(`read ${n} files`) });
  reading.done();
  if (!result.dataset || result.problems.some(isError)) {
    await writeProblems(io, result);
    return EXIT.invalidData;
  }
  const epoch = io.env.SOURCE_DATE_EPOCH?.trim();
  if (epoch && !/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "${epoch}"`);
  // A PDF date has a four-digit year: the last second it can hold is in 9999.
  if (epoch && Number(epoch) > LAST_PDF_SECOND) throw new UsageError(`SOURCE_DATE_EPOCH must be at most ${LAST_PDF_SECOND} (the end of 9999), not ${epoch}`);
  const renderOptions = { cwd: io.cwd, ...(options.templates ? { templates: resolve(io.cwd, options.templates) } : {}), ...(epoch ? { sourceDateEpoch: epoch } : {}) };
  const rendered = yearReport(result.dataset, year, previous, renderOptions);
  // Text formats are rendered before any file is written: a template error leaves no partial set.
  // Binary formats (PDF) stream into their file as they are made, before the text files are written.
  const outputs: { format: Format; data: string }[] = [];
  try {
    for (const format of formats) {
      if (writers[format].kind === 'text') outputs.push({ format, data: await rendered.text(format) });
    }
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    io.stderr.write(`covenant: template error: ${error.message}\n`);
    return EXIT.invalidData;
  }

  const targetOf = (format: Format) => options.output !== undefined
    ? resolve(io.cwd, options.output)
    : join(resolve(io.cwd, options.out), `covenant-${year}.${writers[format].extension}`);
  if (options.output === '-') {
    if (writers[formats[0]!].kind === 'binary') await writeRenderWarnings(io, (await rendered.stream(formats[0]!, { write: (chunk) => io.stdout.write(chunk) })).warnings, result.sources);
    else io.stdout.write(outputs[0]!.data);
    return EXIT.ok;
  }

  // Every file is written under a temporary name first, and only when all are whole are they put in
  // place: a failure (no space, a folder where a file should go) leaves the earlier set as it was.
  const written: { file: Staged; shown: string }[] = [];
  const stage = async (format: Format, write: (target: string) => Promise<Staged>): Promise<number | undefined> => {
    const target = targetOf(format);
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
  };
  for (const format of formats) {
    if (writers[format].kind !== 'binary') continue;
    let warnings: RenderWarning[] = [];
    const failed = await stage(format, async (target) => {
      const streamed = await streamStaged(target, (out) => rendered.stream(format, out));
      warnings = streamed.result.warnings;
      return streamed.staged;
    });
    if (failed !== undefined) return failed;
    await writeRenderWarnings(io, warnings, result.sources);
  }
  for (const { format, data } of outputs) {
    const failed = await stage(format, (target) => stageFile(target, data));
    if (failed !== undefined) return failed;
  }
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
