// The preview's HTTP server: its own few routes and nothing else (no file is ever served by the
// path asked for), only for the address it serves (a foreign Host is refused, against DNS
// rebinding), with Server-Sent Events to tell pages that the report changed.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { Chalk } from 'chalk';
import { diffFormatters } from '../diff/index.js';
import { changesPage, EVENTS_PATH, livePage, livePolicy, newNonce, noReportPage, REPORT_POLICY } from './page.js';
import type { PageState, Pdf, PreviewSession } from './session.js';

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

export async function servePreview(session: PreviewSession, options: ServeOptions): Promise<PreviewServer> {
  const { year } = session.settings;
  // Each run of the server is told apart, so that a page left open from an earlier run reloads.
  const run = randomBytes(9).toString('base64url');
  const streams = new Set<ServerResponse>();
  let port = options.port;

  const live = (res: ServerResponse, html: string) => {
    const nonce = newNonce();
    send(res, 200, HTML, livePage(html, session.state, run, nonce), { 'Content-Security-Policy': livePolicy(nonce) });
  };
  const unavailable = (res: ServerResponse) =>
    send(res, 503, TEXT, `There is no report of ${year} yet: the data has problems.\n\n${session.state.problems ?? ''}`);

  const routes: Record<string, (res: ServerResponse) => Promise<void> | void> = {
    '/': (res) => live(res, session.current?.html ?? noReportPage(year)),
    [`/covenant-${year}.html`]: (res) => (session.current ? send(res, 200, HTML, session.current.html) : unavailable(res)),
    [`/covenant-${year}.md`]: async (res) => {
      const good = session.current;
      if (!good) return unavailable(res);
      // text/plain, so that a browser shows it rather than downloading it.
      send(res, 200, TEXT, await session.markdown(good));
    },
    [`/covenant-${year}.pdf`]: async (res) => {
      const good = session.current;
      if (!good) return unavailable(res);
      const pdf = await session.pdf(good);
      options.onPdf?.(pdf);
      send(res, 200, 'application/pdf', pdf.bytes, { 'Content-Disposition': `inline; filename="covenant-${year}.pdf"` });
    },
    '/changes': (res) => {
      const good = session.current;
      const set = good && session.changes(good);
      const title = good?.previous ? `Changes from ${good.previous} to ${year}` : `Changes to ${year}`;
      live(res, good ? changesPage(title, set && diffFormatters.md(set), year) : noReportPage(year));
    },
    '/changes.txt': (res) => {
      const good = session.current;
      if (!good) return unavailable(res);
      const set = session.changes(good);
      send(res, 200, TEXT, set ? diffFormatters.text(set, plain) : `There is no previous year to compare ${year} with.\n`);
    },
    [EVENTS_PATH]: (res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.write(`retry: 1000\n\n${event(session.state)}`);
      streams.add(res);
      res.on('close', () => streams.delete(res));
    },
  };
  const event = (state: PageState) => `event: state\ndata: ${JSON.stringify({ run, ...state })}\n\n`;
  const unsubscribe = session.onChange((state) => {
    for (const res of streams) res.write(event(state));
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req.headers.host, options.host, port)) {
      return send(res, 403, TEXT, `This preview answers requests for ${url()} only, not for the host "${req.headers.host ?? ''}".\n`);
    }
    const target = req.url ?? '';
    // Only a path (never http://other/…), and never one that climbs (.., or %2e%2e, or with backslashes).
    if (!target.startsWith('/')) return send(res, 400, TEXT, 'Bad request: a path was expected.\n');
    const path = target.split(/[?#]/, 1)[0]!;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return send(res, 400, TEXT, 'Bad request: the path is not valid percent-encoded UTF-8.\n');
    }
    if (decoded.split(/[/\\]/).includes('..')) return send(res, 400, TEXT, 'Bad request: paths with .. are refused.\n');
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (!route) return send(res, 404, TEXT, `Not found: ${decoded}\n\nThis preview serves ${Object.keys(routes).filter((r) => r !== EVENTS_PATH).join(', ')}.\n`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, TEXT, 'Only GET and HEAD are answered.\n', { Allow: 'GET, HEAD' });
    await route(res);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.onError?.(`${req.method ?? 'GET'} ${req.url ?? ''}`, error);
      if (!res.headersSent) send(res, 500, TEXT, `covenant could not make this: ${error instanceof Error ? error.message : String(error)}\n`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = () => `http://${shownHost(options.host)}:${port}/`;
  // Keeps idle event streams open through proxies and sleeping laptops; never keeps the process alive.
  const beat = setInterval(() => streams.forEach((res) => res.write(':\n\n')), 20_000).unref();

  return {
    url: url(),
    port,
    close: () => new Promise<void>((resolve) => {
      clearInterval(beat);
      unsubscribe();
      for (const res of streams) res.end();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
