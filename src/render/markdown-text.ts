// Rich text and plain strings written as CommonMark/GFM, escaped so that text from the data can
// never become structure: a `|` stays in its cell, a leading `#` or `-` stays a character.
import { headingLevel, type Block, type Inline, type RichText } from './text.js';

/** Escapes a plain string for Markdown inline context (one line: line endings, a lone \r too, become spaces). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    // "1." and "1)" would start a list: the dot is escaped, as only punctuation can be ("\1" shows the backslash).
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A link destination: angle brackets when it holds spaces or parentheses. */
export function escapeUrl(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

/**
 * A code span that shows `text` as it is: a fence longer than any run of backticks inside, and a
 * space inside each fence when the text starts or ends with a backtick or a space (CommonMark takes
 * one off each side). Empty text is no span at all: `` would open one that swallows what follows.
 */
function code(text: string): string {
  if (text === '') return '';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return /^[` ]|[` ]$/.test(text) && /[^ ]/.test(text) ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/**
 * The same emphasis with the same delimiter side by side, or one inside the other at its edge,
 * would run together: *a**b* is not two emphasised words. They read the same merged (an emphasis
 * inside an emphasis looks like one), so adjacent ones are joined and nested ones flattened.
 */
function normalise(nodes: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'link') {
      out.push({ ...node, children: normalise(node.children) });
    } else if (node.type === 'strong' || node.type === 'em') {
      const children = normalise(normalise(node.children).flatMap((c) => (c.type === node.type ? c.children : [c])));
      const last = out[out.length - 1];
      if (last?.type === node.type) last.children = normalise([...last.children, ...children]);
      else out.push({ type: node.type, children });
    } else {
      out.push(node);
    }
  }
  return out;
}

/** Where inline content is written: a paragraph, a table cell, or an ATX heading (both one line). */
type Place = 'block' | 'cell' | 'heading';

function inline(written: readonly Inline[], place: Place): string {
  return normalise(written)
    .map((n) => {
      switch (n.type) {
        case 'text': return escapeMarkdown(n.text);
        case 'strong': return `**${inline(n.children, place)}**`;
        case 'em': return `*${inline(n.children, place)}*`;
        case 'link': return `[${inline(n.children, place)}](${escapeUrl(n.href)})`;
        // GFM splits table cells at a | even inside a code span, unless it is escaped.
        case 'code': return place === 'cell' ? code(n.text).replace(/\|/g, '\\|') : code(n.text);
        case 'break': return place === 'block' ? '\\\n' : '<br>';
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
    case 'paragraph': return inline(b.children, 'block');
    // A heading's trailing " #" would be read as its closing sequence and dropped.
    case 'heading': return `${'#'.repeat(headingLevel(rich, b.level))} ${inline(b.children, 'heading').replace(/(^|[ \t])(#+)$/, '$1\\$2')}`;
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
      case 'paragraph': case 'heading': return [inline(b.children, 'cell')];
      case 'list': return b.items.map((item, i) => `${b.ordered ? `${b.start + i}.` : '•'} ${item.flatMap(flat).join(' ')}`);
      case 'quote': return b.children.flatMap(flat);
      case 'code': return [code(b.text.replace(/\n/g, ' ')).replace(/\|/g, '\\|')];
      case 'rule': return [];
    }
  };
  return rich.blocks.flatMap(flat).join('<br><br>');
}
