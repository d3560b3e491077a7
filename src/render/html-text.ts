// Rich text as HTML with GOV.UK Frontend's classes. Every string is escaped; only the tree's own
// elements are ever written, so nothing from the data can become markup.
import { headingLevel, type Block, type Footnote, type Inline, type RichText } from './text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const HEADING_CLASS = ['', 'govuk-heading-xl', 'govuk-heading-l', 'govuk-heading-m', 'govuk-heading-s', 'govuk-heading-s', 'govuk-heading-s'];

/** One renderer per document: a footnote cited twice gets its back-link id only the first time. */
export function htmlTextRenderer() {
  const cited = new Set<number>();

  const inline = (nodes: readonly Inline[]): string =>
    nodes
      .map((n) => {
        switch (n.type) {
          case 'text': return escapeHtml(n.text);
          case 'strong': return `<strong>${inline(n.children)}</strong>`;
          case 'em': return `<em>${inline(n.children)}</em>`;
          case 'link': return `<a class="govuk-link" href="${escapeHtml(n.href)}">${inline(n.children)}</a>`;
          case 'code': return `<code>${escapeHtml(n.text)}</code>`;
          case 'break': return '<br>';
          case 'footnote': {
            const id = cited.has(n.number) ? '' : ` id="fnref-${n.number}"`;
            cited.add(n.number);
            return `<sup${id}><a class="govuk-link" href="#fn-${n.number}" aria-label="Footnote ${n.number}">[${n.number}]</a></sup>`;
          }
        }
      })
      .join('');

  const block = (b: Block, rich: RichText): string => {
    switch (b.type) {
      case 'paragraph': return `<p class="govuk-body">${inline(b.children)}</p>`;
      case 'heading': {
        const level = headingLevel(rich, b.level);
        return `<h${level} class="${HEADING_CLASS[level]}">${inline(b.children)}</h${level}>`;
      }
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
        // An item of one paragraph is written without the <p>, as GOV.UK lists are.
        const items = b.items
          .map((item) => `<li>${item.length === 1 && item[0]!.type === 'paragraph' ? inline(item[0]!.children) : blocks(item, rich)}</li>`)
          .join('');
        return `<${tag} class="govuk-list govuk-list--${b.ordered ? 'number' : 'bullet'}"${start}>${items}</${tag}>`;
      }
      case 'quote': return `<blockquote class="govuk-inset-text">${blocks(b.children, rich)}</blockquote>`;
      case 'code': return `<pre class="govuk-body"><code>${escapeHtml(b.text)}</code></pre>`;
      case 'rule': return '<hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible">';
    }
  };

  const blocks = (list: readonly Block[], rich: RichText): string => list.map((b) => block(b, rich)).join('\n');

  return {
    rich: (rich: RichText) => blocks(rich.blocks, rich),
    /** A footnote's text with a link back to where it is cited. */
    footnote: (note: Footnote) => {
      const [first, ...rest] = note.text.blocks;
      const lead = first?.type === 'paragraph' ? inline(first.children) : first ? block(first, note.text) : '';
      const more = rest.map((b) => block(b, note.text)).join('\n');
      return `${lead} <a class="govuk-link" href="#fnref-${note.number}" aria-label="Back to reference ${note.number}">↩</a>${more}`;
    },
  };
}
