// The preview's HTTP server: its own few routes and nothing else (no file is ever served by the
// path asked for), only for the address it serves (a foreign Host is refused, against DNS
// rebinding), with Server-Sent Events to tell pages that the report changed.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { Chalk } from 'chalk';
import { diffFormatters } from '../diff/index.js';
import { changesPage, EVENTS_PATH, livePage, livePolicy, newNonce, noReportPage, REPORT_POLICY } from './page.js';
import type { Good, PageState, Pdf, PreviewSession } from './session.js';

export interface ServeOptions {
  host: string;
  /** 0 for any free port. */
  port: number;
  /** Told of each PDF made (its warnings are the terminal's to print) and of each request that failed. */
  onPdf?: (pdf: Pdf) => void;
  onError?: (what: string, error: unknown) => void;
}

export interface PreviewServer {
  /** The address pages are served at, e.g. http://127.0.0.1:4000/. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const plain = new Chalk({ level: 0 });

/** Names under which a browser on this machine reaches a loopback server. */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The Host header's name and port: `example.com:80`, `[::1]:4000`; undefined when it is not one. */
function splitHost(host: string): { name: string; port: number } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(host);
  return match ? { name: match[1]!.toLowerCase(), port: match[2] === undefined ? 80 : Number(match[2]) } : undefined;
}

/**
 * Whether a request's Host is this server. A page on another site can have its own name point at
 * 127.0.0.1 (DNS rebinding) and then read what this server answers: so only this server's own
 * names and IP addresses are served. An address typed as digits cannot be such a name.
 */
export function hostAllowed(header: string | undefined, host: string, port: number): boolean {
  if (header === undefined) return false;
  const given = splitHost(header);
  if (!given || given.port !== port) return false;
  const bare = given.name.replace(/^\[(.*)\]$/, '$1');
  return LOOPBACK_NAMES.has(given.name) || isIP(bare) !== 0 || given.name === host.toLowerCase();
}

/** The host as a URL names it; a server on every address is reached on this machine by loopback. */
function shownHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '[::1]';
  return isIP(host) === 6 ? `[${host}]` : host;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...(type.startsWith('text/') ? { 'Content-Security-Policy': REPORT_POLICY } : {}),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

const TEXT = 'text/plain; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

type Route = (res: ServerResponse) => Promise<void> | void;

/** The live page of `html`, with a fresh nonce for its script. */
function live(res: ServerResponse, session: PreviewSession, run: string, html: string): void {
  const nonce = newNonce();
  send(res, 200, HTML, livePage(html, session.state, run, nonce), { 'Content-Security-Policy': livePolicy(nonce) });
}

/** The report's routes, and the changes': each from the last good report, 503 while there has been none. */
function reportRoutes(session: PreviewSession, run: string, onPdf: ServeOptions['onPdf']): Record<string, Route> {
  const { year } = session.settings;
  const unavailable = (res: ServerResponse) =>
    send(res, 503, TEXT, `There is no report of ${year} yet: the data has problems.\n\n${session.state.problems ?? ''}`);
  /** A route that needs a report, given the last good one. */
  const withReport = (route: (res: ServerResponse, good: Good) => Promise<void> | void): Route => (res) => {
    const good = session.current;
    return good ? route(res, good) : unavailable(res);
  };
  return {
    '/': (res) => live(res, session, run, session.current?.html ?? noReportPage(year)),
    [`/covenant-${year}.html`]: withReport((res, good) => send(res, 200, HTML, good.html)),
    // text/plain, so that a browser shows it rather than downloading it.
    [`/covenant-${year}.md`]: withReport(async (res, good) => send(res, 200, TEXT, await session.markdown(good))),
    [`/covenant-${year}.pdf`]: withReport(async (res, good) => {
      const pdf = await session.pdf(good);
      onPdf?.(pdf);
      send(res, 200, 'application/pdf', pdf.bytes, { 'Content-Disposition': `inline; filename="covenant-${year}.pdf"` });
    }),
    '/changes': (res) => {
      const good = session.current;
      const set = good && session.changes(good);
      const title = good?.previous ? `Changes from ${good.previous} to ${year}` : `Changes to ${year}`;
      live(res, session, run, good ? changesPage(title, set && diffFormatters.md(set), year) : noReportPage(year));
    },
    '/changes.txt': withReport((res, good) => {
      const set = session.changes(good);
      send(res, 200, TEXT, set ? diffFormatters.text(set, plain) : `There is no previous year to compare ${year} with.\n`);
    }),
  };
}

/** The open event streams: each told the page's state when it opens and whenever it changes. */
function eventStreams(session: PreviewSession, run: string) {
  const streams = new Set<ServerResponse>();
  const event = (state: PageState) => `event: state\ndata: ${JSON.stringify({ run, ...state })}\n\n`;
  const unsubscribe = session.onChange((state) => streams.forEach((res) => res.write(event(state))));
  // Keeps idle streams open through proxies and sleeping laptops; never keeps the process alive.
  const beat = setInterval(() => streams.forEach((res) => res.write(':\n\n')), 20_000).unref();
  return {
    route: ((res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Cross-Origin-Resource-Policy': 'same-origin' });
      res.write(`retry: 1000\n\n${event(session.state)}`);
      streams.add(res);
      res.on('close', () => streams.delete(res));
    }) satisfies Route,
    close() {
      clearInterval(beat);
      unsubscribe();
      streams.forEach((res) => res.end());
    },
  };
}

/**
 * Why a request is refused before any route is looked at: another Host, a page of another site, or
 * a target that is not a plain path (http://other/…, bad percent-encoding, a .. that climbs, even as %2e%2e or with a backslash).
 */
function refusal(req: IncomingMessage, options: ServeOptions, port: number): { status: number; text: string } | { path: string; shown: string } {
  if (!hostAllowed(req.headers.host, options.host, port)) {
    return { status: 403, text: `This preview answers requests for http://${shownHost(options.host)}:${port}/ only, not for the host "${req.headers.host ?? ''}".\n` };
  }
  // A page on another site may link here (a navigation), but not load the preview's addresses into
  // itself: that would make it render PDFs on the machine at will.
  if (req.headers['sec-fetch-site'] === 'cross-site' && req.headers['sec-fetch-mode'] !== 'navigate') {
    return { status: 403, text: 'This preview does not answer requests made by pages of other sites.\n' };
  }
  const target = req.url ?? '';
  if (!target.startsWith('/')) return { status: 400, text: 'Bad request: a path was expected.\n' };
  const path = target.split(/[?#]/, 1)[0]!;
  let shown: string;
  try {
    shown = decodeURIComponent(path);
  } catch {
    return { status: 400, text: 'Bad request: the path is not valid percent-encoded UTF-8.\n' };
  }
  if (shown.split(/[/\\]/).includes('..')) return { status: 400, text: 'Bad request: paths with .. are refused.\n' };
  return { path, shown };
}

function listen(server: Server, options: ServeOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function servePreview(session: PreviewSession, options: ServeOptions): Promise<PreviewServer> {
  // Each run of the server is told apart, so that a page left open from an earlier run reloads.
  const run = randomBytes(9).toString('base64url');
  const events = eventStreams(session, run);
  const routes: Record<string, Route> = { ...reportRoutes(session, run, options.onPdf), [EVENTS_PATH]: events.route };
  const served = Object.keys(routes).filter((r) => r !== EVENTS_PATH).join(', ');
  let port = options.port;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const checked = refusal(req, options, port);
    if ('status' in checked) return send(res, checked.status, TEXT, checked.text);
    const route = Object.hasOwn(routes, checked.path) ? routes[checked.path] : undefined;
    if (!route) return send(res, 404, TEXT, `Not found: ${checked.shown}\n\nThis preview serves ${served}.\n`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, TEXT, 'Only GET and HEAD are answered.\n', { Allow: 'GET, HEAD' });
    await route(res);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.onError?.(`${req.method ?? 'GET'} ${req.url ?? ''}`, error);
      if (!res.headersSent) send(res, 500, TEXT, `covenant could not make this: ${error instanceof Error ? error.message : String(error)}\n`);
      else res.destroy();
    });
  });
  try {
    port = await listen(server, options);
  } catch (error) {
    events.close();
    throw error;
  }
  return {
    url: `http://${shownHost(options.host)}:${port}/`,
    port,
    close: () => new Promise<void>((resolve) => {
      events.close();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
