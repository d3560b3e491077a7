// `covenant preview <year>`: the year's report served to a browser from a warm process, made again
// on every save and shown without a reload; the problems over the last good report while the data
// is wrong. Nothing is written to disk.
import { existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { displayPath } from '../problems.js';
import { watchFolders, type Watcher } from '../preview/watch.js';
import { PreviewSession, type Outcome, type Pdf } from '../preview/session.js';
import { servePreview, type PreviewServer } from '../preview/server.js';
import { writeProblems } from './failures.js';
import { checkYear, dataDir, EXIT, UsageError, type Io } from './io.js';
import { writeRenderWarnings } from './render-warnings.js';
import { checkTemplates } from './report.js';
import { untilStopped } from './signals.js';

export interface PreviewOptions {
  data?: string;
  port?: string;
  host?: string;
  open?: boolean;
  previous?: string;
  templates?: string;
  /** Shown as `report --draft` would make it. */
  draft?: boolean;
}

export interface RunningPreview {
  url: string;
  session: PreviewSession;
  server: PreviewServer;
  watcher: Watcher;
  /** Stops watching and serving. */
  close(): Promise<void>;
}

/** Tried first when no --port is given, so that a bookmark keeps working; any free port when it is taken. */
export const DEFAULT_PORT = 8014;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;

function portOf(given: string | undefined): number | undefined {
  if (given === undefined) return undefined;
  if (!/^\d{1,5}$/.test(given) || Number(given) > 65535) throw new UsageError(`--port must be a port number from 0 to 65535 (0: any free port), not "${given}"`);
  return Number(given);
}

/** Why the server could not listen, in words, when it is the command line's doing. */
function listenProblem(error: unknown, host: string, port: number): UsageError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return new UsageError(`port ${port} on ${host} is in use: choose another with --port, or leave --port out to have one chosen`);
  if (code === 'EACCES') return new UsageError(`port ${port} needs privileges to listen on: choose one above 1023 with --port`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new UsageError(`--host ${host}: this machine has no such address`);
  return undefined;
}

async function listen(session: PreviewSession, io: Io, host: string, port: number | undefined, debug: boolean): Promise<PreviewServer> {
  // A PDF's warnings (characters no font has) are printed once, when it is made, not each time it is served.
  const told = new WeakSet<Pdf>();
  const serve = (p: number) => servePreview(session, {
    host, port: p,
    onPdf: (pdf: Pdf) => {
      if (told.has(pdf)) return;
      told.add(pdf);
      writeRenderWarnings(io, pdf.warnings, session.current?.sources ?? new Map()).catch((error: unknown) => internal(io, 'printing the PDF\'s warnings', error, debug));
    },
    onError: (what, error) => internal(io, what, error, debug),
  });
  try {
    return await serve(port ?? DEFAULT_PORT);
  } catch (error) {
    if (port === undefined && (error as { code?: unknown }).code === 'EADDRINUSE') return serve(0);
    throw listenProblem(error, host, port ?? DEFAULT_PORT) ?? error;
  }
}

/** Starts serving and watching, once the data has been read a first time. */
export async function startPreview(io: Io, year: string, options: PreviewOptions): Promise<RunningPreview> {
  checkYear(year);
  if (options.previous !== undefined) {
    checkYear(options.previous);
    if (Number(options.previous) >= Number(year)) throw new UsageError(`--previous must be a year before ${year}, not ${options.previous}: the report says what changed since then`);
  }
  const templates = options.templates === undefined ? undefined : resolve(io.cwd, options.templates);
  if (templates !== undefined) checkTemplates(templates, options.templates!);
  const port = portOf(options.port);
  const host = options.host ?? '127.0.0.1';
  if (host.trim() === '') throw new UsageError('--host needs an address: --host 0.0.0.0 to serve every network, for example');
  const debug = io.argv.includes('--debug');
  const dir = dataDir(io, options.data);

  const session = new PreviewSession({
    dataDir: dir, cwd: io.cwd, year, ...(options.previous !== undefined ? { previous: options.previous } : {}),
    render: { cwd: io.cwd, draft: options.draft ?? false, ...(templates !== undefined ? { templates } : {}) },
  });
  const report = (outcomes: Outcome[]) => Promise.all(outcomes.map((o) => tell(io, o, debug)));
  const folders = () => {
    const years = [year, session.previous].filter((y): y is string => y !== undefined);
    // report.hbs, partials/*.hbs and locales/<language>.yaml: the layout `report --templates` reads.
    const templateFolders = templates === undefined ? [] : [templates, join(templates, 'partials'), join(templates, 'locales')];
    // A data folder not made yet is watched for from its parent.
    return [existsSync(dir) ? dir : dirname(dir), ...years.flatMap((y) => [join(dir, y), join(dir, y, 'departments')]), ...templateFolders];
  };
  const watcher = watchFolders({
    folders,
    onChange: (paths) => {
      const template = templates !== undefined && paths.some((p) => p === templates || p.startsWith(templates + sep));
      session.refresh(template)
        .then(async (outcomes) => {
          watcher.update();
          await report(outcomes);
        })
        .catch((error: unknown) => internal(io, 'reading the data again', error, debug));
    },
  });
  // Watched before the first reading, so that a save during it is not missed.
  await report(await session.refresh());
  let server: PreviewServer;
  try {
    server = await listen(session, io, host, port, debug);
  } catch (error) {
    watcher.close();
    throw error;
  }
  return {
    url: server.url, session, server, watcher,
    close: async () => {
      watcher.close();
      await server.close();
    },
  };
}

/** A failure the server lives through: said in the terminal (the stack with --debug). */
function internal(io: Io, what: string, error: unknown, debug: boolean): void {
  const detail = error instanceof Error ? (debug && error.stack) || error.message : String(error);
  io.stderr.write(`covenant: ${what} failed: ${detail}\n`);
}

/** What a reading came to, in the terminal. */
async function tell(io: Io, outcome: Outcome, debug: boolean): Promise<void> {
  const time = new Date().toTimeString().slice(0, 8);
  switch (outcome.kind) {
    case 'rendered':
      io.stderr.write(`${time} report made (${outcome.filesRead} ${outcome.filesRead === 1 ? 'file' : 'files'} read, ${Math.round(outcome.ms)} ms)\n`);
      return;
    case 'invalid':
      io.stderr.write(`${time} the data has problems; the page shows them over the last good report:\n`);
      await writeProblems(io, outcome.result);
      return;
    case 'failed':
      io.stderr.write(`${time} ${outcome.message}\n`);
      if (debug && outcome.error instanceof Error && outcome.error.stack) io.stderr.write(`${outcome.error.stack}\n`);
      return;
    case 'unchanged':
      return;
  }
}

export async function preview(io: Io, year: string, options: PreviewOptions): Promise<number> {
  const running = await startPreview(io, year, options);
  const { url, session } = running;
  const watched = running.watcher.folders.map((f) => `${displayPath(io.cwd, f)}/`).join(', ');
  io.stdout.write([
    `covenant preview of ${year}: ${url}`,
    `  PDF       ${url}covenant-${year}.pdf`,
    `  Markdown  ${url}covenant-${year}.md`,
    `  changes   ${url}changes${session.previous !== undefined ? ` (since ${session.previous})` : ''}`,
    `watching ${watched}; Ctrl-C to stop`,
    '',
  ].join('\n'));
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.test(host)) io.stderr.write(`covenant: serving on ${host}: anyone who can reach this machine on port ${running.server.port} can read the report\n`);
  if (options.open) {
    const { openBrowser } = await import('../preview/open.js');
    const failed = await openBrowser(url, io.env);
    if (failed) io.stderr.write(`covenant: could not open a browser (${failed}): open ${url} yourself\n`);
  }
  const signal = await untilStopped();
  await running.close();
  io.stderr.write(`\ncovenant: preview stopped by ${signal}; nothing was written\n`);
  return EXIT.ok;
}
