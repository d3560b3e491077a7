// The HTML writer: the document as one self-contained, accessible page in GOV.UK's style, with
// govuk-frontend's CSS inlined. No script, no request. Every string is escaped; only this module's
// own elements are written, so nothing from the data can become markup. Every word comes from the
// document or its labels.
import { readFileSync } from 'node:fs';
import type { Block, Document, DocumentLabels, Inline, TableCell } from '../document/types.js';
import { inlineText, SAFE_URL } from '../report/rich.js';
import { STATUS_COLOURS } from './status-colours.js';
import { fillLabel } from './index.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;
export function escapeHtml(text: string): string {
  // Most texts have nothing to escape: a test is quicker than a replace that finds nothing.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : text;
}

let css: string | undefined;
/** govuk-frontend's CSS plus the report's own, built by `npm run build` into build/. */
function stylesheet(): string {
  css ??= readFileSync(new URL('../../build/covenant.css', import.meta.url), 'utf8');
  return css;
}

const HEADING_CLASS = ['', 'govuk-heading-xl', 'govuk-heading-l', 'govuk-heading-m', 'govuk-heading-s', 'govuk-heading-s', 'govuk-heading-s'];
const PARAGRAPH_CLASS = { lead: 'govuk-body-l', small: 'govuk-body-s', signature: 'govuk-body covenant-signature', caption: 'govuk-caption-xl' };
/** Parts set apart on the page by their own style; other parts without a heading are plain. */
const PART_CLASS: Record<string, string> = { pledge: 'covenant-pledge', 'case-study': 'covenant-case-study', department: 'covenant-department' };
const SPAN_CLASS = { hidden: 'govuk-visually-hidden', change: 'covenant-change', regression: 'covenant-change covenant-change--regression' };


/** One writer per document: footnote back-links and ids are made once. */
class HtmlWriter {
  private readonly cited = new Set<number>();
  private tables = 0;

  constructor(private readonly labels: DocumentLabels) {}

  // Loops and concatenation, not map/join: these run for every node of a report of thousands of pages.
  inline(nodes: readonly Inline[]): string {
    let out = '';
    for (const n of nodes) out += this.inlineNode(n);
    return out;
  }

  private inlineNode(n: Inline): string {
    switch (n.type) {
      case 'text': return escapeHtml(n.text);
      case 'strong': return `<strong>${this.inline(n.children)}</strong>`;
      case 'em': return `<em>${this.inline(n.children)}</em>`;
      // A link the data could make dangerous (javascript:) is shown as its words only.
      case 'link': return SAFE_URL.test(n.href.trim()) ? `<a class="govuk-link" href="${escapeHtml(n.href)}">${this.inline(n.children)}</a>` : this.inline(n.children);
      case 'code': return `<code>${escapeHtml(n.text)}</code>`;
      case 'break': return '<br>';
      case 'status': return `<strong class="govuk-tag ${STATUS_COLOURS[n.status].tag}">${this.inline(n.children)}</strong>`;
      case 'span': return `<span class="${SPAN_CLASS[n.role]}">${this.inline(n.children)}</span>`;
      case 'footnote': {
        const id = this.cited.has(n.number) ? '' : ` id="fnref-${n.number}"`;
        this.cited.add(n.number);
        return `<sup${id}><a class="govuk-link" href="#fn-${n.number}" aria-label="${escapeHtml(fillLabel(this.labels.footnoteRef, { number: n.number }))}">[${n.number}]</a></sup>`;
      }
    }
  }

  list(b: Extract<Block, { type: 'list' }>): string {
    const tag = b.ordered ? 'ol' : 'ul';
    const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
    const kind = b.style === 'plain' ? '' : ` govuk-list--${b.ordered ? 'number' : 'bullet'}`;
    // An item of one paragraph is written without the <p>, as GOV.UK lists are.
    const items = b.items.map((item) => `<li>${item.length === 1 && item[0]!.type === 'paragraph' ? this.inline(item[0]!.children) : this.blocks(item)}</li>`).join('');
    return `<${tag} class="govuk-list${kind}"${start}>${items}</${tag}>`;
  }

  table(b: Extract<Block, { type: 'table' }>): string {
    const n = ++this.tables;
    const captionId = b.id ? `${b.id}-caption` : `table-${n}-caption`;
    const headers = (b.head[b.head.length - 1]?.cells ?? []).map((c) => inlineText(c.blocks.flatMap((x) => (x.type === 'paragraph' ? x.children : []))));
    // A stacked table is shown as blocks on a phone, which takes its table semantics in some
    // browsers: its roles are written out so that it is still read as a table.
    const aria = (role: string) => (b.stack ? ` role="${role}"` : '');
    const cell = (c: TableCell, i: number, inHead: boolean) => {
      const numeric = (c.align ?? b.columns[i]?.align) === 'right';
      const content = c.blocks.length === 1 && c.blocks[0]!.type === 'paragraph' ? this.inline(c.blocks[0]!.children) : this.blocks(c.blocks);
      if (c.header) {
        const scope = c.header === 'col' ? 'col' : 'row';
        return `<th scope="${scope}" class="govuk-table__header${numeric && inHead ? ' govuk-table__header--numeric' : ''}"${aria(scope === 'col' ? 'columnheader' : 'rowheader')}>${content}</th>`;
      }
      const label = b.stack && headers[i] ? ` data-label="${escapeHtml(headers[i]!)}"` : '';
      return `<td class="govuk-table__cell${numeric ? ' govuk-table__cell--numeric' : ''}"${aria('cell')}${label}>${content}</td>`;
    };
    const rows = (list: typeof b.body, inHead: boolean) => list.map((r) => `<tr class="govuk-table__row"${aria('row')}>${r.cells.map((c, i) => cell(c, i, inHead)).join('')}</tr>`).join('\n');
    const total = b.columns.reduce((sum, c) => sum + (c.weight ?? 0), 0);
    const cols = total > 0 ? `<colgroup>${b.columns.map((c) => `<col style="width:${(((c.weight ?? 0) / total) * 100).toFixed(1)}%">`).join('')}</colgroup>` : '';
    return `<div class="covenant-table-wrapper${b.stack ? ' covenant-table--stack' : ''}" tabindex="0" role="region" aria-labelledby="${captionId}">
<table class="govuk-table"${b.id ? ` id="${escapeHtml(b.id)}"` : ''}${aria('table')}>
<caption class="govuk-table__caption govuk-table__caption--m" id="${captionId}">${this.inline(b.caption)}</caption>${cols}
${b.head.length ? `<thead class="govuk-table__head"${aria('rowgroup')}>${rows(b.head, true)}</thead>\n` : ''}<tbody class="govuk-table__body"${aria('rowgroup')}>
${rows(b.body, false)}
</tbody>
</table>
</div>`;
  }

  /** Horizontal bars, one a status present: inline SVG, its words from the figure. */
  figure(b: Extract<Block, { type: 'figure' }>): string {
    const bars = b.chart.bars;
    const max = Math.max(1, ...bars.map((r) => r.value));
    const [labelWidth, barSpace, rowHeight] = [130, 420, 34];
    const width = labelWidth + barSpace + 110;
    const height = bars.length * rowHeight + 8;
    const id = escapeHtml(b.id ?? 'chart');
    const rows = bars.map((bar, i) => {
      const y = i * rowHeight + 4;
      const barWidth = Math.max(2, Math.round((bar.value / max) * barSpace));
      const fill = bar.status ? STATUS_COLOURS[bar.status].fill : '#505a5f';
      return `<text x="${labelWidth - 10}" y="${y + 19}" text-anchor="end" font-family="arial, sans-serif" font-size="16" fill="#0b0c0c">${escapeHtml(bar.label)}</text>
<rect x="${labelWidth}" y="${y}" width="${barWidth}" height="24" fill="${fill}"></rect>
<text x="${labelWidth + barWidth + 8}" y="${y + 19}" font-family="arial, sans-serif" font-size="16" font-weight="bold" fill="#0b0c0c">${escapeHtml(bar.valueText)}</text>`;
    }).join('\n');
    return `<svg class="covenant-chart" role="img" aria-labelledby="${id}-title ${id}-description" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${escapeHtml(b.caption ? inlineText(b.caption) : this.labels.chart)}</title>
<desc id="${id}-description">${escapeHtml(b.alt)}</desc>
${rows}
</svg>`;
  }

  footnotes(b: Extract<Block, { type: 'footnotes' }>): string {
    const items = b.items.map(({ number, blocks: content }) => {
      const [first, ...rest] = content;
      const lead = first?.type === 'paragraph' ? this.inline(first.children) : first ? this.block(first, '') : '';
      const back = `<a class="govuk-link" href="#fnref-${number}" aria-label="${escapeHtml(fillLabel(this.labels.footnoteBack, { number }))}">↩</a>`;
      return `<li id="fn-${number}" value="${number}">${number}. ${lead} ${back}${rest.map((x) => this.block(x, '')).join('\n')}</li>`;
    });
    const heading = b.heading ? `<h2 class="govuk-heading-m">${this.inline(b.heading)}</h2>\n` : '';
    return `${heading}<ol class="govuk-list covenant-footnotes" aria-label="${escapeHtml(b.heading ? inlineText(b.heading) : this.labels.footnotes)}">\n${items.join('\n')}\n</ol>`;
  }

  section(b: Extract<Block, { type: 'section' }>): string {
    const first = b.children[0];
    const labelled = first?.type === 'heading' && first.id && first.outline ? first.id : undefined;
    const own = labelled ? 'covenant-part' : PART_CLASS[b.role];
    const classes = [...(own ? [own] : []), `covenant-section--${b.role}`, ...(b.break === 'page' ? ['covenant-break'] : [])].join(' ');
    const id = b.id ? ` id="${escapeHtml(b.id)}"` : '';
    if (labelled) return `<section class="${classes}"${id} aria-labelledby="${escapeHtml(labelled)}">\n${this.blocks(b.children, b.role)}\n</section>`;
    return `<div class="${classes}"${id}>\n${this.blocks(b.children, b.role)}\n</div>`;
  }

  block(b: Block, role: string): string {
    switch (b.type) {
      case 'paragraph': return `<p class="${b.style ? PARAGRAPH_CLASS[b.style] : 'govuk-body'}">${this.inline(b.children)}</p>`;
      case 'heading': return `<h${b.level} class="${HEADING_CLASS[b.level]}"${b.id ? ` id="${escapeHtml(b.id)}"` : ''}>${this.inline(b.children)}</h${b.level}>`;
      case 'list': return this.list(b);
      case 'quote': return b.attribution
        ? `<figure class="covenant-quote">\n<blockquote>${this.blocks(b.children)}</blockquote>\n<figcaption>${this.inline(b.attribution)}</figcaption>\n</figure>`
        : `<blockquote class="govuk-inset-text">${this.blocks(b.children)}</blockquote>`;
      case 'code': return `<pre class="govuk-body"><code>${escapeHtml(b.text)}</code></pre>`;
      case 'rule': return '<hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible">';
      case 'definitions': {
        // The cover's details read on one line each; elsewhere, GOV.UK's summary list.
        if (role === 'cover') return `<dl class="covenant-meta">\n${b.items.map((i) => `<div><dt>${this.inline(i.term)}</dt> <dd>${this.inline(i.value)}</dd></div>`).join('\n')}\n</dl>`;
        return `<dl class="govuk-summary-list covenant-status-list">\n${b.items.map((i) => `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${this.inline(i.term)}</dt><dd class="govuk-summary-list__value">${this.inline(i.value)}</dd></div>`).join('\n')}\n</dl>`;
      }
      case 'table': return this.table(b);
      case 'figure': return this.figure(b);
      case 'image': return `<img class="covenant-logo" src="data:${b.mediaType};base64,${Buffer.from(b.data).toString('base64')}" alt="${escapeHtml(b.alt)}"${b.width ? ` width="${b.width}"` : ''}>`;
      case 'note': return `<div class="covenant-note covenant-note--${b.role}" role="note">\n${this.blocks(b.children)}\n</div>`;
      case 'footnotes': return this.footnotes(b);
      case 'contents': return `<nav class="covenant-contents" aria-labelledby="contents-heading">
<h2 class="govuk-heading-m" id="contents-heading">${this.inline(b.heading)}</h2>
<ol class="govuk-list govuk-list--number">
${b.entries.filter((e) => e.level === 2).map((e) => `<li><a class="govuk-link" href="#${escapeHtml(e.id)}">${this.inline(e.children)}</a></li>`).join('\n')}
</ol>
</nav>`;
      case 'section': return this.section(b);
    }
  }

  blocks(list: readonly Block[], role = ''): string {
    let out = '';
    for (let i = 0; i < list.length; i++) out += (i > 0 ? '\n' : '') + this.block(list[i]!, role);
    return out;
  }
}

/** The report's own colour in place of GOV.UK blue, where the stylesheet uses it for bands and bars. */
function brand(colour: string | null): string {
  if (!colour || !/^#[0-9a-f]{6}$/i.test(colour)) return '';
  return `.covenant-masthead{background:${colour}}.covenant-contents{border-left-color:${colour}}`;
}

/**
 * GOV.UK's page: the cover as a masthead across the page, the reading column, the wide parts (the
 * annex's table) across the page again, and the colophon as the footer.
 */
function page(doc: Document): string {
  const writer = new HtmlWriter(doc.labels);
  const wide = new Set(['annex']);
  const out: string[] = [];
  let column: string[] = [];
  const endColumn = () => {
    if (column.length > 0) out.push(`<div class="govuk-grid-row">\n<div class="govuk-grid-column-two-thirds-from-desktop">\n${column.join('\n')}\n</div>\n</div>`);
    column = [];
  };
  let cover = '';
  let footer = '';
  for (const block of doc.blocks) {
    const role = block.type === 'section' ? block.role : '';
    if (role === 'cover' && block.type === 'section') cover = `<div class="covenant-masthead">\n<div class="govuk-width-container">\n${writer.blocks(block.children, 'cover')}\n</div>\n</div>`;
    else if (role === 'colophon' && block.type === 'section') footer = `<footer class="covenant-footer">\n<div class="govuk-width-container">\n${writer.blocks(block.children)}\n</div>\n</footer>`;
    else if (wide.has(role)) {
      endColumn();
      out.push(writer.blocks([block]));
    } else column.push(writer.blocks([block]));
  }
  endColumn();
  const { meta, labels } = doc;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(meta.lang)}" class="govuk-template">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(meta.runningTitle)}</title>
${meta.author ? `<meta name="author" content="${escapeHtml(meta.author)}">\n` : ''}<style>${stylesheet()}${brand(meta.colour)}</style>
</head>
<body class="govuk-template__body${meta.draft ? ' covenant-draft' : ''}">
<a href="#main-content" class="govuk-skip-link">${escapeHtml(labels.skipLink)}</a>
<header class="covenant-publisher-bar">
<div class="govuk-width-container">${escapeHtml(meta.masthead)}</div>
</header>
<main id="main-content">
${cover}
<div class="govuk-width-container">
${out.join('\n')}
</div>
</main>
${footer}
</body>
</html>
`;
}

export function writeHtml(doc: Document): string {
  return page(doc);
}
