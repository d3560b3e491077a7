// The pages a preview serves around the report: the live page (the report, the panel of problems
// over it and the script that keeps both current), the changes since last year, and the
// Content-Security-Policy each is sent with. Every text from the data is escaped here or by the writer.
import { randomBytes } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import { escapeHtml } from '../render/html.js';
import type { PageState } from './session.js';

export const EVENTS_PATH = '/_preview/events';

/** A fresh nonce for each page sent: the one script allowed to run on it. */
export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * The report is self-contained: styles inline, images as data: URLs, no script. The live page adds
 * one script, allowed by its nonce, which may talk to this server only. Inline styles are allowed
 * as the report's stylesheet is one; they cannot run code.
 */
const COMMON_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
export const REPORT_POLICY = COMMON_POLICY;
export const livePolicy = (nonce: string) => `${COMMON_POLICY}; script-src 'nonce-${nonce}'; connect-src 'self'`;

/** The panel over the page while the files as saved give no report: the problems, as `validate` prints them. */
const PANEL_CSS = `
.covenant-preview-problems{position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:65vh;overflow:auto;margin:0;
padding:15px 20px;background:#fff;color:#0b0c0c;border-bottom:5px solid #d4351c;box-shadow:0 2px 12px rgba(0,0,0,.35);
font:16px/1.4 system-ui,sans-serif}
.covenant-preview-problems[hidden]{display:none}
.covenant-preview-problems h2{margin:0 0 5px;font-size:19px;color:#d4351c}
.covenant-preview-problems p{margin:0 0 10px}
.covenant-preview-problems pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.35 ui-monospace,monospace}`;

/**
 * Puts a fetched page in place of this one. Only what changed is replaced: the browser lays out
 * again what it must, no more, and the rest of the page (where the reader is, what they selected)
 * stays as it was.
 */
const SWAP = `const styles = (doc) => [...doc.head.querySelectorAll('style')].map((s) => s.textContent).join('\\n');
const alike = (a, b) => a.nodeType === b.nodeType && a.nodeName === b.nodeName;
const morph = (from, to) => {
  for (const { name } of [...from.attributes]) if (!to.hasAttribute(name)) from.removeAttribute(name);
  for (const { name, value } of [...to.attributes]) if (from.getAttribute(name) !== value) from.setAttribute(name, value);
  const old = [...from.childNodes];
  const now = [...to.childNodes];
  if (old.length !== now.length || old.some((node, i) => !alike(node, now[i]))) {
    from.replaceChildren(...now.map((node) => document.adoptNode(node)));
    return;
  }
  old.forEach((node, i) => {
    if (node.isEqualNode(now[i])) return;
    if (node.nodeType === Node.ELEMENT_NODE) morph(node, now[i]);
    else node.nodeValue = now[i].nodeValue;
  });
};
const swap = (next) => {
  const x = scrollX, y = scrollY;
  if (styles(next) !== styles(document)) {
    document.head.querySelectorAll('style').forEach((s) => s.remove());
    next.head.querySelectorAll('style').forEach((s) => document.head.append(document.adoptNode(s)));
  }
  document.title = next.title;
  morph(document.body, next.body);
  scrollTo(x, y);
};`;

/** Keeps the page current: on news from the server, fetches the page again and puts what changed in place, keeping the scroll. */
const CLIENT = `(() => {
  'use strict';
  const meta = (doc, name) => doc.querySelector('meta[name="covenant-preview-' + name + '"]')?.content;
  const run = meta(document, 'run');
  let shown = Number(meta(document, 'version'));
  let wanted = shown;
  let problems = null;
  let busy = false;
  const showProblems = () => {
    const panel = document.getElementById('covenant-preview-problems');
    if (!panel) return;
    if (problems !== null) panel.querySelector('pre').textContent = problems;
    panel.hidden = problems === null;
  };
  ${SWAP}
  const update = async () => {
    if (busy) return;
    busy = true;
    try {
      while (wanted > shown) {
        const response = await fetch(location.pathname + location.search, { cache: 'no-store' });
        if (!response.ok) break;
        const next = new DOMParser().parseFromString(await response.text(), 'text/html');
        const version = Number(meta(next, 'version'));
        if (!(version > shown)) break;
        swap(next);
        shown = version;
      }
    } catch (error) {
      console.warn('covenant preview: could not fetch the new report', error);
    } finally {
      busy = false;
      showProblems();
    }
  };
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('state', (event) => {
    const state = JSON.parse(event.data);
    // Another run of covenant preview: its versions are its own.
    if (state.run !== run) return location.reload();
    problems = state.problems;
    wanted = Math.max(wanted, state.version);
    if (wanted > shown) update(); else showProblems();
  });
})();`;

/** What the live page adds to a page's head: its version, the panel's style and the script. */
function liveHead(state: PageState, run: string, nonce: string): string {
  return `<meta name="covenant-preview-run" content="${escapeHtml(run)}">\n<meta name="covenant-preview-version" content="${state.version}">\n`
    + `<style>${PANEL_CSS}</style>\n<script nonce="${escapeHtml(nonce)}">${CLIENT}</script>\n`;
}

function panel(problems: string | null): string {
  return `<section id="covenant-preview-problems" class="covenant-preview-problems" role="alert" aria-labelledby="covenant-preview-problems-title"${problems === null ? ' hidden' : ''}>
<h2 id="covenant-preview-problems-title">This page is not up to date</h2>
<p>covenant could not make the report from the files as they are saved now. What is below is from the last time it could. Fix what is said here and save: the page updates by itself.</p>
<pre>${escapeHtml(problems ?? '')}</pre>
</section>\n`;
}

/** A whole HTML page (the report, or one of the preview's own) made live. */
export function livePage(html: string, state: PageState, run: string, nonce: string): string {
  const headEnd = html.search(/<\/head>/i);
  const withHead = headEnd >= 0 ? html.slice(0, headEnd) + liveHead(state, run, nonce) + html.slice(headEnd) : liveHead(state, run, nonce) + html;
  const bodyEnd = withHead.search(/<\/body>\s*(<\/html>\s*)?$/i);
  return bodyEnd >= 0 ? withHead.slice(0, bodyEnd) + panel(state.problems) + withHead.slice(bodyEnd) : withHead + panel(state.problems);
}

const PAGE_CSS = `body{margin:0 auto;max-width:60em;padding:20px;font:19px/1.45 system-ui,sans-serif;color:#0b0c0c}
a{color:#1d70b8}table{border-collapse:collapse;width:100%;margin:0 0 30px;font-size:16px}
th,td{border-bottom:1px solid #b1b4b6;padding:8px 10px 8px 0;text-align:left;vertical-align:top}code{font-size:15px}`;

/** A page of the preview's own: a heading, and its body (already HTML). */
export function ownPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<main>
<p><a href="/">The report</a></p>
${body}
</main>
</body>
</html>
`;
}

/** The page while no report could be made yet: the panel over it says why. */
export function noReportPage(year: string): string {
  return ownPage(`No report of ${year} yet`, `<h1>No report of ${escapeHtml(year)} yet</h1>\n<p>covenant has not been able to make the report from the files yet. The problems are listed above.</p>\n`);
}

const markdown = new MarkdownIt({ html: false, linkify: false });

/** `diff --format md`'s Markdown, as a page. */
export function changesPage(title: string, md: string | undefined, year: string): string {
  const body = md === undefined
    ? `<h1>${escapeHtml(title)}</h1>\n<p>There is no previous year to compare ${escapeHtml(year)} with: its data folder has no year before it, and --previous was not given.</p>\n`
    : markdown.render(md);
  return ownPage(title, body);
}
