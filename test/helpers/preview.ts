// A preview started in-process on a throwaway copy of a fixture, and the ways tests talk to it:
// plain HTTP requests (any Host, any raw path) and its stream of Server-Sent Events.
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreview, type PreviewOptions, type RunningPreview } from '../../src/cli/preview.js';
import type { Io } from '../../src/cli/io.js';

export interface Started {
  /** The temporary folder, used as the working directory; the data is in data/. */
  cwd: string;
  preview: RunningPreview;
  /** What the preview printed to standard error so far. */
  stderr: () => string;
  stop(): Promise<void>;
}

/**
 * Copies `fixture` to a temporary data/ folder and starts a preview of `year` on it (any free
 * port), after `setUp` has added to the folder. The copies' times are set an hour back, so that the first reading may keep every file.
 */
export async function startOn(fixture: string, year: string, options: PreviewOptions = {}, setUp?: (cwd: string) => void): Promise<Started> {
  const cwd = mkdtempSync(join(tmpdir(), 'covenant-preview-'));
  cpSync(fixture, join(cwd, 'data'), { recursive: true });
  setUp?.(cwd);
  const past = new Date(Date.now() - 3_600_000);
  for (const file of walk(cwd)) utimesSync(file, past, past);
  let stderr = '';
  const io: Io = {
    argv: [],
    stdout: { write: () => true },
    stderr: { write: (chunk) => ((stderr += String(chunk)), true) },
    env: {},
    cwd,
  };
  const preview = await startPreview(io, year, { port: '0', ...options });
  return {
    cwd, preview, stderr: () => stderr,
    stop: async () => {
      await preview.close();
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

/** Every file under a folder. */
export function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Every file and folder under `dir`, with its size and modification time: to show nothing was written. */
export function snapshot(dir: string): string[] {
  const entries = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const path = join(d, e.name);
    const info = statSync(path);
    return [`${path} ${info.size} ${info.mtimeMs}`, ...(e.isDirectory() ? entries(path) : [])];
  });
  return entries(dir).sort();
}

export interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/** One request, its path sent exactly as given (no ../ resolved) and with the Host given. */
export function get(port: number, path: string, options: { host?: string; method?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const host = options.host ?? `127.0.0.1:${port}`;
    // An empty host: no Host header at all.
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', setHost: false, headers: { ...options.headers, ...(host ? { Host: host } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export interface State {
  run: string;
  version: number;
  problems: string | null;
}

/** The preview's event stream: every state it sent, and a way to wait for one (the first since the last waited for). */
export function events(port: number): Promise<{ states: State[]; next(test: (s: State) => boolean, ms?: number): Promise<State>; close(): void }> {
  return new Promise((resolve, reject) => {
    const states: State[] = [];
    let seen = 0;
    const waiting: { test: (s: State) => boolean; done: (s: State) => void }[] = [];
    const req = httpRequest({ host: '127.0.0.1', port, path: '/_preview/events', headers: { Host: `127.0.0.1:${port}` } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (!/^event: state$/m.test(message) || data === undefined) continue;
          const state = JSON.parse(data) as State;
          states.push(state);
          for (const w of waiting.filter((w) => w.test(state))) {
            waiting.splice(waiting.indexOf(w), 1);
            seen = states.length;
            w.done(state);
          }
        }
      });
      resolve({
        states,
        next: (test, ms = 15_000) => new Promise((done, fail) => {
          // A state that came since the last one waited for counts.
          const index = states.findIndex((s, i) => i >= seen && test(s));
          if (index >= 0) {
            seen = index + 1;
            return done(states[index]!);
          }
          const timer = setTimeout(() => fail(new Error(`no such state in ${ms} ms; states: ${JSON.stringify(states)}`)), ms);
          waiting.push({ test, done: (s) => (clearTimeout(timer), done(s)) });
        }),
        close: () => req.destroy(),
      });
    });
    req.on('error', (error) => ((error as { code?: string }).code === 'ECONNRESET' ? undefined : reject(error)));
    req.end();
  });
}
