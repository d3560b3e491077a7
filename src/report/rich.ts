// Markdown in the data's text fields, parsed once into document-tree blocks (src/document/types.ts)
// that every writer lays out the same way: the same words in Markdown, HTML and PDF.
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type { Token } from 'markdown-it';
import type { Block as DocumentBlock, Inline, SourceRef } from '../document/types.js';

export type { Inline, SourceRef };

/** The document blocks Markdown in a field can make. */
export type Block =
  | Extract<DocumentBlock, { type: 'paragraph' | 'heading' | 'code' | 'rule' }>
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'quote'; children: Block[]; attribution: Inline[] | null };

export interface Footnote {
  number: number;
  text: RichText;
}

/** A parsed Markdown field. `kind` tells templates' helpers it is rich text, not a string. */
export interface RichText {
  kind: 'rich';
  /** The heading level of the part the text sits in: its own headings are already set below it. */
  level: number;
  blocks: Block[];
  footnotes: Footnote[];
}

/** Only these become links; anything else (javascript:, data:, relative) stays as typed text. */
export const SAFE_URL = /^(https?:\/\/|mailto:)/i;

// Raw HTML off (it is shown as text), no tables (a `|` is just a character), no typographic
// rewriting (the words stay as the author typed them).
const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false })
  .disable(['table', 'strikethrough'])
  .use(footnote);
md.validateLink = (url: string) => SAFE_URL.test(url.trim());

/**
 * How deeply emphasis and links may nest in the tree. markdown-it nests "****…a…****" as deep as
 * the asterisks go, and every writer walks the tree recursively: a hundred kilobytes of them
 * overflowed the stack. Deeper emphasis reads the same as the emphasis around it.
 */
const MAX_INLINE_DEPTH = 16;

/** Numbers footnotes across the whole report, in reading order. */
export class FootnoteCounter {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

interface Context {
  footnoteNumber: (id: number) => number;
  /** The part's heading level: headings written in the field go below it. */
  level: number;
  /** Where the field is in the data, carried on its text for writers' warnings. */
  source: SourceRef | undefined;
}

/** The node an inline token that opens and closes nothing stands for; null for one that adds nothing. */
function leaf(token: Token, footnoteNumber: (id: number) => number): Inline | null {
  switch (token.type) {
    case 'text':
    case 'html_inline':
      return { type: 'text', text: token.content };
    case 'softbreak':
      return { type: 'text', text: ' ' };
    case 'hardbreak':
      return { type: 'break' };
    case 'code_inline':
      return { type: 'code', text: token.content };
    // No images: nothing may be fetched. The description stands in for the picture.
    case 'image':
      return { type: 'text', text: token.content };
    case 'footnote_ref':
      return { type: 'footnote', number: footnoteNumber((token.meta as { id: number }).id) };
    default:
      return token.content ? { type: 'text', text: token.content } : null;
  }
}

function inlines(tokens: readonly Token[], context: Context): Inline[] {
  const { footnoteNumber, source } = context;
  const root: Inline[] = [];
  const stack: Inline[][] = [root];
  const top = () => stack[stack.length - 1]!;
  // Emphasis opened past MAX_INLINE_DEPTH, whose content joins the level it is in.
  let flattened = 0;
  const push = (node: Inline) => {
    const children = top();
    const last = children[children.length - 1];
    // Adjacent text runs (markdown-it splits at escapes and entities) become one.
    if (node.type === 'text' && last?.type === 'text') last.text += node.text;
    else children.push((node.type === 'text' || node.type === 'code') && source ? { ...node, source } : node);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'strong_open':
      case 'em_open':
      case 'link_open': {
        if (stack.length > MAX_INLINE_DEPTH) {
          flattened++;
          break;
        }
        const node: Inline = token.type === 'link_open'
          ? { type: 'link', href: String(token.attrGet('href') ?? ''), children: [] }
          : { type: token.type === 'strong_open' ? 'strong' : 'em', children: [] };
        push(node);
        stack.push((node as { children: Inline[] }).children);
        break;
      }
      case 'strong_close':
      case 'em_close':
      case 'link_close':
        // markdown-it closes in the reverse order it opens: the innermost, flattened ones first.
        if (flattened > 0) flattened--;
        else if (stack.length > 1) stack.pop();
        break;
      default: {
        const node = leaf(token, footnoteNumber);
        if (node) push(node);
      }
    }
  }
  return root;
}

/** The index of the token that closes the one at `from`, before `end`. */
function closingIndex(tokens: readonly Token[], from: number, end: number): number {
  let depth = 0;
  for (let j = from; j < end; j++) {
    depth += tokens[j]!.nesting;
    if (depth === 0) return j;
  }
  return end - 1;
}

/** Turns markdown-it's flat block tokens into nested blocks. */
function blocks(tokens: readonly Token[], start: number, end: number, context: Context): Block[] {
  const out: Block[] = [];
  let i = start;
  const closing = (from: number) => closingIndex(tokens, from, end);
  while (i < end) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'paragraph_open': {
        const inline = tokens[i + 1]!;
        out.push({ type: 'paragraph', children: inlines(inline.children ?? [], context) });
        i = closing(i) + 1;
        break;
      }
      case 'heading_open': {
        const inline = tokens[i + 1]!;
        out.push({ type: 'heading', level: headingLevel(context.level, Number(token.tag.slice(1))), children: inlines(inline.children ?? [], context) });
        i = closing(i) + 1;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const close = closing(i);
        const items: Block[][] = [];
        for (let j = i + 1; j < close;) {
          const itemClose = closing(j);
          items.push(blocks(tokens, j + 1, itemClose, context));
          j = itemClose + 1;
        }
        const ordered = token.type === 'ordered_list_open';
        out.push({ type: 'list', ordered, start: ordered ? Number(token.attrGet('start') ?? 1) : 1, items });
        i = close + 1;
        break;
      }
      case 'blockquote_open': {
        const close = closing(i);
        out.push({ type: 'quote', children: blocks(tokens, i + 1, close, context), attribution: null });
        i = close + 1;
        break;
      }
      case 'fence':
      case 'code_block':
        out.push({ type: 'code', text: token.content.replace(/\n$/, '') });
        i++;
        break;
      case 'html_block':
        out.push({ type: 'paragraph', children: [{ type: 'text', text: token.content.replace(/\n$/, ''), ...(context.source ? { source: context.source } : {}) }] });
        i++;
        break;
      case 'hr':
        out.push({ type: 'rule' });
        i++;
        break;
      default:
        i = token.nesting === 1 ? closing(i) + 1 : i + 1;
    }
  }
  return out;
}

/**
 * Parses one Markdown field that sits under a heading of `level`. Footnotes get report-wide numbers
 * from `counter`, in order of first reference; `at` is where the field is written, when known.
 */
export function parseRich(source: string, counter: FootnoteCounter, level: number, at?: SourceRef): RichText {
  if (PLAIN_LINE.test(source)) return plainLine(source, level, at);
  return parseMarkdown(source, counter, level, at);
}

/**
 * One line of prose with nothing Markdown reads as markup: no character that starts an inline
 * construct (escapes, code, emphasis, links, footnotes, autolinks, entities), nothing at its start
 * that starts a block (a list, a heading, a quote, a rule, indented code), no space at its ends.
 * Most commitments and progress notes are such a line; markdown-it would make of it one paragraph
 * of the same text, which a property test checks.
 */
const PLAIN_LINE = /^(?![-+*=>#~_]|\d{1,9}[.)](?:\s|$))[^\s\x00\\`*_[\]!<>&~^](?:(?:[^\s\x00\\`*_[\]!<>&~^]| )*[^\s\x00\\`*_[\]!<>&~^])?\n?$/;

function plainLine(source: string, level: number, at: SourceRef | undefined): RichText {
  const text = source.endsWith('\n') ? source.slice(0, -1) : source;
  return { kind: 'rich', level, blocks: [{ type: 'paragraph', children: [at ? { type: 'text', text, source: at } : { type: 'text', text }] }], footnotes: [] };
}

/** parseRich by markdown-it, whatever the text. */
export function parseMarkdown(source: string, counter: FootnoteCounter, level: number, at?: SourceRef): RichText {
  const env: Record<string, unknown> = {};
  const tokens = md.parse(source, env);
  const numbers = new Map<number, number>();
  const footnoteNumber = (id: number) => {
    let n = numbers.get(id);
    if (n === undefined) numbers.set(id, (n = counter.take()));
    return n;
  };
  const context: Context = { footnoteNumber, level, source: at };
  const footStart = tokens.findIndex((t) => t.type === 'footnote_block_open');
  const body = blocks(tokens, 0, footStart === -1 ? tokens.length : footStart, context);
  const footnotes: Footnote[] = [];
  if (footStart !== -1) {
    for (let i = footStart; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type !== 'footnote_open') continue;
      const id = (token.meta as { id: number }).id;
      const close = tokens.findIndex((t, j) => j > i && t.type === 'footnote_close');
      // A definition nobody refers to still gets a number, after the referenced ones.
      const number = footnoteNumber(id);
      const content = blocks(tokens, i + 1, close, context);
      footnotes.push({ number, text: { kind: 'rich', level, blocks: content, footnotes: [] } });
      i = close;
    }
    footnotes.sort((a, b) => a.number - b.number);
  }
  return { kind: 'rich', level, blocks: body, footnotes };
}

/** The words of inline content, without markup. */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes
    .map((n) => (n.type === 'text' || n.type === 'code' ? n.text : n.type === 'break' ? ' ' : n.type === 'footnote' ? '' : inlineText(n.children)))
    .join('');
}

function blockText(nodes: readonly Block[]): string[] {
  return nodes.flatMap((b): string[] => {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        return [inlineText(b.children)];
      case 'list':
        return b.items.flatMap(blockText);
      case 'quote':
        return blockText(b.children);
      case 'code':
        return [b.text];
      case 'rule':
        return [];
    }
  });
}

/** The words of rich text, without markup: for alt text, search and tests. */
export function plainText(value: RichText): string {
  return blockText(value.blocks).join('\n\n');
}

/** The level a heading written in a field is shown at: always below the part it sits in. */
function headingLevel(part: number, written: number): 1 | 2 | 3 | 4 | 5 | 6 {
  return Math.min(6, part + written) as 1 | 2 | 3 | 4 | 5 | 6;
}
