// Rich text and plain strings written as CommonMark/GFM, escaped so that text from the data can
// never become structure: a `|` stays in its cell, a leading `#` or `-` stays a character.
import { headingLevel, type Block, type Inline, type RichText } from './text.js';

/** Escapes a plain string for Markdown inline context (one line: newlines become spaces). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^(\s*)([#>+=-]|\d+(?=[.)]))/, '$1\\$2')
    .replace(/^(\s*\\?\d+)([.)])/, '$1\\$2');
}

/** A link destination: angle brackets when it holds spaces or parentheses. */
export function escapeUrl(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return /^`|`$/.test(text) ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

function inline(nodes: readonly Inline[], oneLine: boolean): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text': return escapeMarkdown(n.text);
        case 'strong': return `**${inline(n.children, oneLine)}**`;
        case 'em': return `*${inline(n.children, oneLine)}*`;
        case 'link': return `[${inline(n.children, oneLine)}](${escapeUrl(n.href)})`;
        // GFM splits table cells at a | even inside a code span, unless it is escaped.
        case 'code': return oneLine ? code(n.text).replace(/\|/g, '\\|') : code(n.text);
        case 'break': return oneLine ? '<br>' : '\\\n';
        case 'footnote': return `[^${n.number}]`;
      }
    })
    .join('');
}

function indent(text: string, by: string): string {
  return text.split('\n').map((line, i) => (i === 0 || line === '' ? line : by + line)).join('\n');
}

function block(b: Block, rich: RichText): string {
  switch (b.type) {
    case 'paragraph': return inline(b.children, false);
    case 'heading': return `${'#'.repeat(headingLevel(rich, b.level))} ${inline(b.children, false)}`;
    case 'list':
      return b.items
        .map((item, i) => {
          const marker = b.ordered ? `${b.start + i}. ` : '- ';
          return marker + indent(item.map((x) => block(x, rich)).join('\n\n'), ' '.repeat(marker.length));
        })
        .join('\n');
    case 'quote': return b.children.map((x) => block(x, rich)).join('\n\n').split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');
    case 'code': {
      const fence = '`'.repeat(Math.max(3, ...(b.text.match(/`{3,}/g) ?? []).map((r) => r.length + 1)));
      return `${fence}\n${b.text}\n${fence}`;
    }
    case 'rule': return '***';
  }
}

/** Rich text as Markdown blocks separated by blank lines. */
export function richToMarkdown(rich: RichText): string {
  return rich.blocks.map((b) => block(b, rich)).join('\n\n');
}

/** Rich text on one line, for a table cell: paragraphs and list items joined by line breaks. */
export function richToMarkdownCell(rich: RichText): string {
  const flat = (b: Block): string[] => {
    switch (b.type) {
      case 'paragraph': case 'heading': return [inline(b.children, true)];
      case 'list': return b.items.map((item, i) => `${b.ordered ? `${b.start + i}.` : '•'} ${item.flatMap(flat).join(' ')}`);
      case 'quote': return b.children.flatMap(flat);
      case 'code': return [code(b.text.replace(/\n/g, ' ')).replace(/\|/g, '\\|')];
      case 'rule': return [];
    }
  };
  return rich.blocks.flatMap(flat).join('<br><br>');
}
