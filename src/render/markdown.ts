// The Markdown writer: the document as CommonMark with GFM tables and footnotes, for GitHub and
// pandoc. Text is escaped so that nothing from the data becomes structure: a `|` stays in its cell,
// a leading `#` or `-` stays a character. Every word comes from the document.
import type { Block, Document, Inline, TableRow } from '../document/types.js';

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
 * inside an emphasis looks like one), so adjacent ones are joined and nested ones flattened. A
 * status badge is written as strong, so it is strong here too.
 */
function normalise(nodes: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'link' || node.type === 'span') {
      out.push({ ...node, children: normalise(node.children) });
    } else if (node.type === 'strong' || node.type === 'em' || node.type === 'status') {
      const kind = node.type === 'em' ? 'em' : 'strong';
      const children = normalise(normalise(node.children).flatMap((c) => (c.type === kind ? c.children : [c])));
      const last = out[out.length - 1];
      if (last?.type === kind) last.children = normalise([...last.children, ...children]);
      else out.push({ type: kind, children });
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
        case 'strong': case 'status': return `**${inline(n.children, place)}**`;
        case 'em': return `*${inline(n.children, place)}*`;
        // Words for screen readers are words in plain text: "Status: **Met**".
        case 'span': return inline(n.children, place);
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

const quoted = (text: string) => text.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');

/** A heading's trailing " #" would be read as its closing sequence and dropped. */
const heading = (level: number, children: readonly Inline[]) => `${'#'.repeat(level)} ${inline(children, 'heading').replace(/(^|[ \t])(#+)$/, '$1\\$2')}`;

/** Blocks on one line, for a table cell: paragraphs and list items joined by line breaks. */
export function cell(blocks: readonly Block[]): string {
  const flat = (b: Block): string[] => {
    switch (b.type) {
      case 'paragraph': case 'heading': return [inline(b.children, 'cell')];
      case 'list': return b.items.map((item, i) => `${b.ordered ? `${b.start + i}.` : '•'} ${item.flatMap(flat).join(' ')}`);
      case 'quote': case 'note': case 'section': return b.children.flatMap(flat);
      case 'code': return [code(b.text.replace(/\n/g, ' ')).replace(/\|/g, '\\|')];
      case 'definitions': return b.items.map((item) => `${inline(item.term, 'cell')}: ${inline(item.value, 'cell')}`);
      default: return [];
    }
  };
  return blocks.flatMap(flat).join('<br><br>');
}

function table(b: Extract<Block, { type: 'table' }>): string {
  const row = (r: TableRow) => `| ${b.columns.map((_, i) => cell(r.cells[i]?.blocks ?? [])).join(' | ')} |`;
  // GFM needs a header row: a table without one gets an empty one.
  const head = b.head.length > 0 ? b.head.map(row) : [`|${' |'.repeat(b.columns.length)}`];
  const rule = `| ${b.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  const caption = b.caption.length > 0 ? `**${inline(b.caption, 'block')}**\n\n` : '';
  return `${caption}${[head[0], rule, ...head.slice(1), ...b.body.map(row)].join('\n')}`;
}

function footnotes(b: Extract<Block, { type: 'footnotes' }>): string {
  const notes = b.items.map(({ number, blocks: content }) => {
    const [first, ...rest] = content;
    const lead = first?.type === 'paragraph' ? inline(first.children, 'block') : first ? block(first) : '';
    const more = rest.map((x) => `\n\n    ${indent(block(x), '    ')}`).join('');
    return `[^${number}]: ${indent(lead, '    ')}${more}`;
  });
  return [...(b.heading ? [heading(2, b.heading)] : []), notes.join('\n')].join('\n\n');
}

function block(b: Block): string {
  switch (b.type) {
    case 'paragraph': {
      const text = inline(b.children, 'block');
      return b.style === 'lead' ? `**${text}**` : text;
    }
    case 'heading': return heading(b.level, b.children);
    case 'list':
      return b.items
        .map((item, i) => {
          const marker = b.ordered ? `${b.start + i}. ` : '- ';
          return marker + indent(blocks(item), ' '.repeat(marker.length));
        })
        .join('\n');
    case 'quote': {
      const attribution = b.attribution ? `\n\n— ${inline(b.attribution, 'block')}` : '';
      return quoted(blocks(b.children) + attribution);
    }
    case 'code': {
      const fence = '`'.repeat(Math.max(3, ...(b.text.match(/`{3,}/g) ?? []).map((r) => r.length + 1)));
      return `${fence}\n${b.text}\n${fence}`;
    }
    case 'rule': return '---';
    case 'definitions': return b.items.map((item) => `- **${inline(item.term, 'block')}**: ${indent(inline(item.value, 'block'), '  ')}`).join('\n');
    case 'table': return table(b);
    // Markdown draws no charts: its text alternative and its table are in the document beside it.
    case 'figure': return '';
    case 'image': return `![${escapeMarkdown(b.alt)}](data:${b.mediaType};base64,${Buffer.from(b.data).toString('base64')})`;
    case 'note': return quoted(blocks(b.children));
    case 'footnotes': return footnotes(b);
    case 'contents': return [heading(2, b.heading), b.entries.filter((e) => e.level === 2).map((e) => `- [${inline(e.children, 'block')}](#${e.id})`).join('\n')].join('\n\n');
    case 'section': return blocks(b.children);
  }
}

/** Blocks as Markdown, separated by blank lines. */
export function blocks(list: readonly Block[]): string {
  return list.map(block).filter((text) => text !== '').join('\n\n');
}

/**
 * Blank lines collapsed and trailing spaces dropped. Not with /$/m: JavaScript ends lines at U+2028
 * and U+2029 too, CommonMark does not, and the space it took from "1. \u2029" ended a list and let
 * a later ``` swallow the rest of the report.
 */
function tidy(text: string): string {
  return text.replace(/[ \t]+(?=\n|$)/g, '').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

export function writeMarkdown(doc: Document): string {
  return tidy(blocks(doc.blocks));
}
