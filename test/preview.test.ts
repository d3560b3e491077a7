// `covenant preview`: its routes and nothing else, for its own address only, the report made again
// on a save (problems shown over the last good one), and nothing written anywhere.
import { jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowser } from '../src/preview/open.js';
import { hostAllowed } from '../src/preview/server.js';
import { fixturesDir } from './helpers/fixtures.js';
import { events, get, snapshot, startOn, type Started } from './helpers/preview.js';
import { run } from './helpers/run.js';

jest.setTimeout(30_000);

const fixture = join(fixturesDir, 'report');
const DFE = 'data/2019/departments/dfe.yaml';

describe('a preview of the report fixture', () => {
  let started: Started;
  let port: number;
  beforeAll(async () => {
    started = await startOn(fixture, '2019');
    port = started.preview.server.port;
  });
  afterAll(() => started.stop());

  test('serves the report at / with a CSP that allows its one script by nonce', async () => {
    const page = await get(port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('Care leaver covenant');
    const csp = String(page.headers['content-security-policy']);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    const scripts = [...page.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts).toEqual([` nonce="${nonce}"`]);
    // A fresh nonce for every page.
    expect((await get(port, '/')).headers['content-security-policy']).not.toBe(csp);
  });

  test('the report as `report` writes it, the Markdown and the changes since last year', async () => {
    const html = await get(port, '/covenant-2019.html');
    expect(html.status).toBe(200);
    expect(html.text).not.toContain('<script');
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    const md = await get(port, '/covenant-2019.md');
    expect(md.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(md.text).toMatch(/^# Care leaver covenant/m);
    const text = await get(port, '/changes.txt');
    expect(text.text).toMatch(/^Changes from 2018 to 2019/);
    const changes = await get(port, '/changes');
    expect(changes.status).toBe(200);
    expect(changes.text).toContain('<h2>Changes from 2018 to 2019</h2>');
    expect(changes.text).toContain('<table>');
  });

  test('the PDF is made on request in memory, and kept until the data changes', async () => {
    const first = await get(port, '/covenant-2019.pdf');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toBe('inline; filename="covenant-2019.pdf"');
    expect(first.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const again = await get(port, '/covenant-2019.pdf');
    expect(again.body.equals(first.body)).toBe(true);
    expect(started.preview.session.current?.pdf).toBeDefined();
    const head = await get(port, '/covenant-2019.pdf', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(first.body.length);
  });

  test.each([
    ['a foreign name (DNS rebinding)', 'attacker.example:PORT'],
    ['a foreign name on the default port', 'attacker.example'],
    ['this address on another port', '127.0.0.1:1'],
    ['a name ending like localhost', 'localhost.attacker.example:PORT'],
  ])('refuses a request whose Host is %s: 403', async (_, host) => {
    const response = await get(port, '/', { host: host.replace('PORT', String(port)) });
    expect(response.status).toBe(403);
    expect(response.text).toContain(`answers requests for http://127.0.0.1:${port}/ only`);
    expect(response.text).not.toContain('Care leaver covenant');
  });

  test('refuses what a page of another site loads (403), but not a link followed from it', async () => {
    const loaded = await get(port, '/covenant-2019.pdf', { headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' } });
    expect(loaded.status).toBe(403);
    expect(loaded.text).toBe('This preview does not answer requests made by pages of other sites.\n');
    expect((await get(port, '/', { headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' } })).status).toBe(200);
    expect((await get(port, '/covenant-2019.md', { headers: { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors' } })).status).toBe(200);
  });

  test('refuses a request without a Host: 400', async () => {
    expect((await get(port, '/', { host: '' })).status).toBe(400);
  });

  test.each(['localhost:PORT', '127.0.0.1:PORT', 'LOCALHOST:PORT'])('serves the Host %s', async (host) => {
    expect((await get(port, '/', { host: host.replace('PORT', String(port)) })).status).toBe(200);
  });

  test.each(['/../../etc/passwd', '/..', '/%2e%2e/data/programme.yaml', '/a/..%2f..%2fprogramme.yaml', '/..\\programme.yaml'])('refuses the path %s: 400', async (path) => {
    const response = await get(port, path);
    expect(response.status).toBe(400);
    expect(response.text).toBe('Bad request: paths with .. are refused.\n');
  });

  test.each(['/data/programme.yaml', '/data/', '/2019/departments/dfe.yaml', '/programme.yaml', '/covenant-2018.pdf', '/favicon.ico', '/toString', '/__proto__'])('answers %s with 404 (no file from the path, no listing)', async (path) => {
    const response = await get(port, path);
    expect(response.status).toBe(404);
    expect(response.text).toMatch(/^Not found: /);
    expect(response.text).not.toContain('id: dfe');
  });

  test('a path that is not one (absolute-form) or not UTF-8 is a 400; a POST a 405', async () => {
    expect((await get(port, 'http://attacker.example/')).status).toBe(400);
    expect((await get(port, '/%ff')).status).toBe(400);
    const post = await get(port, '/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  test('nothing is written: not in the working folder, not in the data', async () => {
    const before = snapshot(started.cwd);
    for (const path of ['/', '/covenant-2019.html', '/covenant-2019.md', '/covenant-2019.pdf', '/changes', '/changes.txt', '/nope']) await get(port, path);
    expect(snapshot(started.cwd)).toEqual(before);
    expect(before.some((line) => line.includes('reports'))).toBe(false);
  });
});

describe('a save', () => {
  let started: Started;
  let port: number;
  beforeEach(async () => {
    started = await startOn(fixture, '2019');
    port = started.preview.server.port;
  });
  afterEach(() => started.stop());

  const edit = (from: string | RegExp, to: string) => {
    const file = join(started.cwd, DFE);
    writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  };

  test('re-renders, re-reading the file saved only; a broken file is shown over the last good report; the next good save clears it', async () => {
    const stream = await events(port);
    const first = await stream.next((s) => s.version === 1);
    expect(first.problems).toBeNull();
    expect((await get(port, '/')).text).toContain('On track');

    let next = stream.next((s) => s.version === 2);
    edit('status: on-track', 'status: not-met');
    expect((await next).problems).toBeNull();
    const page = (await get(port, '/')).text;
    expect(page).toContain('Not met');
    expect(started.stderr()).toMatch(/report made \(1 file read, \d+ ms\)/);

    // Broken: the problems over the last good report, as `validate` prints them, escaped.
    const broken = stream.next((s) => s.problems !== null);
    edit('status: not-met', 'status: <b>done</b>');
    const state = await broken;
    expect(state.version).toBe(2);
    expect(state.problems).toContain(`${DFE}:11:13  error  status must be one of pledged, on-track, ongoing, delayed, met, not-met, withdrawn, not "<b>done</b>"  enum`);
    expect(state.problems).toContain('  11 |     status: <b>done</b>');
    expect(state.problems).toContain('✖ 1 problem in 1 file (1 error)');
    const over = (await get(port, '/')).text;
    expect(over).toContain('Not met');
    expect(over).toMatch(/<section id="covenant-preview-problems"[^>]*role="alert"[^>]*>/);
    expect(over).not.toMatch(/<section id="covenant-preview-problems"[^>]*hidden/);
    expect(over).toContain('not &quot;&lt;b&gt;done&lt;/b&gt;&quot;');
    expect(over).not.toContain('<b>done</b>');
    expect(started.stderr()).toContain(`${DFE}:11:13  error  status must be one of`);

    next = stream.next((s) => s.version === 3);
    edit('status: <b>done</b>', 'status: met');
    expect((await next).problems).toBeNull();
    const fixed = (await get(port, '/')).text;
    expect(fixed).toMatch(/<section id="covenant-preview-problems"[^>]*hidden/);
    stream.close();
  });

  test('the PDF is made again after a save', async () => {
    const before = (await get(port, '/covenant-2019.pdf')).body;
    const stream = await events(port);
    const next = stream.next((s) => s.version === 2);
    edit('status: on-track', 'status: delayed');
    await next;
    const after = (await get(port, '/covenant-2019.pdf')).body;
    expect(after.equals(before)).toBe(false);
    stream.close();
  });

  test('an editor\'s several writes of one save make one new report; a save that changes nothing none', async () => {
    const stream = await events(port);
    const next = stream.next((s) => s.version === 2);
    const file = join(started.cwd, DFE);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, '');
    writeFileSync(file, text.slice(0, 100));
    writeFileSync(file, text.replace('status: on-track', 'status: met'));
    await next;
    // The same bytes saved again, and a scratch file beside it.
    writeFileSync(file, readFileSync(file));
    writeFileSync(join(started.cwd, 'data/2019/departments/.dfe.yaml.swp'), 'x');
    await new Promise((r) => setTimeout(r, 600));
    expect(stream.states.map((s) => s.version)).toEqual([1, 2]);
    stream.close();
  });

  test('a department file added, and the previous year removed, are seen', async () => {
    const stream = await events(port);
    let next = stream.next((s) => s.version === 2);
    writeFileSync(join(started.cwd, 'data/2019/departments/moj.yaml'),
      'id: moj\nname: Ministry of Justice\npledges:\n  - id: prison-leavers\n    theme: housing\n    commitment: Help care leavers leaving prison.\n    status: pledged\n');
    await next;
    expect((await get(port, '/')).text).toContain('Ministry of Justice');
    expect(started.preview.session.previous).toBe('2018');
    next = stream.next((s) => s.version === 3);
    const { renameSync } = await import('node:fs');
    renameSync(join(started.cwd, 'data/2018'), join(started.cwd, 'old-2018'));
    await next;
    expect(started.preview.session.previous).toBeUndefined();
    expect((await get(port, '/changes.txt')).text).toBe('There is no previous year to compare 2019 with.\n');
    stream.close();
  });
});

test('data wrong from the start: the problems on a page of their own, 503 for the formats, the report on the first good save', async () => {
  const started = await startOn(fixture, '2019', {}, (cwd) => {
    const file = join(cwd, DFE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('theme: housing', 'theme: housng'));
  });
  try {
    const port = started.preview.server.port;
    expect(started.preview.session.state.version).toBe(0);
    const page = await get(port, '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>No report of 2019 yet</h1>');
    expect(page.text).toContain(`${DFE}:6:12  error  theme &quot;housng&quot; is not one of the themes in programme.yaml`);
    expect(page.text).toContain('hint: did you mean &quot;housing&quot;?');
    for (const path of ['/covenant-2019.pdf', '/covenant-2019.md', '/covenant-2019.html', '/changes.txt']) {
      const response = await get(port, path);
      expect(response.status).toBe(503);
      expect(response.text).toContain(`There is no report of 2019 yet: the data has problems.\n\n${DFE}:6:12  error`);
    }
    const stream = await events(port);
    const next = stream.next((s) => s.version === 1);
    const file = join(started.cwd, DFE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('theme: housng', 'theme: housing'));
    expect((await next).problems).toBeNull();
    expect((await get(port, '/')).text).toContain('Care leaver covenant');
    expect((await get(port, '/covenant-2019.pdf')).status).toBe(200);
    stream.close();
  } finally {
    await started.stop();
  }
});

describe('templates', () => {
  test('a template that fails shows its error over the last good report; saving it mended clears it', async () => {
    const partial = (cwd: string) => join(cwd, 'templates/partials/colophon.hbs');
    const started = await startOn(fixture, '2019', { templates: 'templates' }, (cwd) => {
      mkdirSync(join(cwd, 'templates/partials'), { recursive: true });
      writeFileSync(partial(cwd), '<section role="colophon">\n<p>Our own colophon</p>\n</section>\n');
    });
    try {
      const port = started.preview.server.port;
      expect((await get(port, '/')).text).toContain('Our own colophon');
      expect(started.preview.watcher.folders).toContain(join(started.cwd, 'templates/partials'));
      const stream = await events(port);
      const broken = stream.next((s) => s.problems !== null);
      writeFileSync(partial(started.cwd), '<section role="colophon">\n<p>{{publisherr}}</p>\n</section>\n');
      const state = await broken;
      expect(state.problems).toMatch(/^template error: templates\/partials\/colophon\.hbs:2:\d+: /);
      expect(state.problems).toContain('publisherr');
      expect((await get(port, '/')).text).toContain('Our own colophon');
      expect(started.stderr()).toContain('template error: templates/partials/colophon.hbs:2:');
      const mended = stream.next((s) => s.version === 2 && s.problems === null);
      writeFileSync(partial(started.cwd), '<section role="colophon">\n<p>Our mended colophon</p>\n</section>\n');
      await mended;
      expect((await get(port, '/')).text).toContain('Our mended colophon');
      expect((await get(port, '/covenant-2019.md')).text).toContain('Our mended colophon');
      stream.close();
    } finally {
      await started.stop();
    }
  });

  test('a word changed in the folder\'s catalogue is in the report on save; a word covenant does not use is named', async () => {
    const catalogue = (cwd: string) => join(cwd, 'templates/locales/en-GB.yaml');
    const started = await startOn(fixture, '2019', { templates: 'templates' }, (cwd) => {
      mkdirSync(join(cwd, 'templates/locales'), { recursive: true });
      writeFileSync(catalogue(cwd), 'heading:\n  annex: "Annex A: our own list"\n');
    });
    try {
      const port = started.preview.server.port;
      expect((await get(port, '/')).text).toContain('Annex A: our own list');
      expect(started.preview.watcher.folders).toContain(join(started.cwd, 'templates/locales'));
      const stream = await events(port);
      const broken = stream.next((s) => s.problems !== null);
      writeFileSync(catalogue(started.cwd), 'heading:\n  anex: "Annex A: misspelt"\n');
      expect((await broken).problems).toBe('template error: templates/locales/en-GB.yaml: "heading.anex" is not a word covenant uses (did you mean "heading.annex"?)');
      const changed = stream.next((s) => s.version === 2 && s.problems === null);
      writeFileSync(catalogue(started.cwd), 'heading:\n  annex: "Annex A: every pledge"\n');
      await changed;
      const page = (await get(port, '/')).text;
      expect(page).toContain('Annex A: every pledge');
      expect(page).not.toContain('our own list');
      stream.close();
    } finally {
      await started.stop();
    }
  });

  test('--templates in the layout of earlier templates is told the new one (exit 2)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'covenant-preview-old-'));
    try {
      mkdirSync(join(cwd, 'old/html/partials'), { recursive: true });
      const result = await run(['preview', '2019', '--templates', join(cwd, 'old'), '--data', fixture]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('has html/, the layout of covenant\'s earlier templates');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

test('--draft shows the report as report --draft makes it', async () => {
  const started = await startOn(fixture, '2019', { draft: true });
  try {
    const port = started.preview.server.port;
    const [html, draft] = await Promise.all([get(port, '/covenant-2019.html'), run(['report', '2019', '--format', 'html', '-o', '-', '--draft', '--data', fixture])]);
    expect(draft.code).toBe(0);
    expect(html.text).toBe(draft.stdout);
  } finally {
    await started.stop();
  }
});

describe('the command line', () => {
  test.each([
    [['preview', '19'], '"19" is not a year'],
    [['preview', '2019', '--port', '70000'], '--port must be a port number from 0 to 65535'],
    [['preview', '2019', '--port', 'eighty'], '--port must be a port number'],
    [['preview', '2019', '--previous', '2019'], '--previous must be a year before 2019'],
    [['preview', '2019', '--templates', 'nowhere'], '--templates nowhere: there is no such folder'],
    [['preview', '2019', '--host', ''], '--host needs an address'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const result = await run([...argv, '--data', fixture]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: covenant preview');
  });

  test('a port in use is said plainly (exit 2)', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const result = await run(['preview', '2019', '--port', String(port), '--data', fixture]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`covenant: port ${port} on 127.0.0.1 is in use: choose another with --port, or leave --port out to have one chosen`);
    } finally {
      taken.close();
    }
  });

  test('Ctrl-C closes the server and the watches and exits 0', async () => {
    const child = spawn(process.execPath, [join(process.cwd(), 'bin/covenant.js'), 'preview', '2019', '--port', '0', '--data', fixture], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (!/Ctrl-C to stop/.test(stdout)) {
      if (Date.now() > deadline) throw new Error(`the preview did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const url = /^covenant preview of 2019: (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(stdout)?.[1];
    expect(url).toBeDefined();
    expect(stdout).toContain(`  PDF       ${url}covenant-2019.pdf`);
    expect((await fetch(url!)).status).toBe(200);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('covenant: preview stopped by SIGINT; nothing was written');
    await expect(fetch(url!)).rejects.toThrow();
  }, 40_000);
});

test('a crash while rendering is shown, kept out of the way of the server, and cleared by the next good render', async () => {
  const started = await startOn(fixture, '2019');
  try {
    const { session } = started.preview;
    let broken = true;
    // A writer that fails for a reason of its own, not the data's or a template's.
    Object.defineProperty(session.settings.render, 'templates', { get: () => { if (broken) throw new Error('the layout ran out of pages'); return undefined; }, configurable: true });
    const [crashed] = await session.refresh(true);
    expect(crashed).toMatchObject({ kind: 'failed', message: 'covenant could not render the report: the layout ran out of pages' });
    expect(session.state).toEqual({ version: 1, problems: 'covenant could not render the report: the layout ran out of pages' });
    const page = await get(started.preview.server.port, '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Care leaver covenant');
    expect(page.text).toContain('<pre>covenant could not render the report: the layout ran out of pages</pre>');
    broken = false;
    const [rendered] = await session.refresh();
    expect(rendered).toMatchObject({ kind: 'rendered', version: 2 });
    expect(session.state).toEqual({ version: 2, problems: null });
  } finally {
    await started.stop();
  }
});

test('readings asked for while one runs follow it, and their outcomes are told once', async () => {
  const started = await startOn(fixture, '2019');
  try {
    const { session } = started.preview;
    const first = session.refresh(true);
    const second = session.refresh(true);
    const third = session.refresh();
    expect((await first).map((o) => o.kind)).toEqual(['rendered', 'rendered']);
    expect(await second).toEqual([]);
    expect(await third).toEqual([]);
    expect(session.state.version).toBe(3);
  } finally {
    await started.stop();
  }
});

test('--open runs $BROWSER with the address; a browser that cannot be run is said', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'covenant-open-'));
  try {
    const script = join(dir, 'browser.sh');
    // Written aside and renamed: the test sees the file whole or not at all.
    writeFileSync(script, `#!/bin/sh\nprintf '%s' "$1" > "${dir}/opening" && mv "${dir}/opening" "${dir}/opened"\n`, { mode: 0o755 });
    expect(await openBrowser('http://127.0.0.1:4000/', { BROWSER: script })).toBeUndefined();
    const deadline = Date.now() + 10_000;
    while (!existsSync(join(dir, 'opened')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(readFileSync(join(dir, 'opened'), 'utf8')).toBe('http://127.0.0.1:4000/');
    expect(await openBrowser('http://127.0.0.1:4000/', { BROWSER: join(dir, 'no-such-browser') })).toBe(`${join(dir, 'no-such-browser')}: ENOENT`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hostAllowed: names of this server and IP addresses only, on its port', () => {
  expect(hostAllowed('127.0.0.1:4000', '127.0.0.1', 4000)).toBe(true);
  expect(hostAllowed('[::1]:4000', '127.0.0.1', 4000)).toBe(true);
  expect(hostAllowed('192.168.1.20:4000', '0.0.0.0', 4000)).toBe(true);
  expect(hostAllowed('reports.internal:4000', 'reports.internal', 4000)).toBe(true);
  expect(hostAllowed('reports.internal:4000', '0.0.0.0', 4000)).toBe(false);
  expect(hostAllowed('example.com', '127.0.0.1', 80)).toBe(false);
  expect(hostAllowed('localhost', '127.0.0.1', 80)).toBe(true);
  expect(hostAllowed(undefined, '127.0.0.1', 80)).toBe(false);
  expect(hostAllowed('a b:80', '127.0.0.1', 80)).toBe(false);
});

