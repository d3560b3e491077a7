// The document vocabulary: each element templates may write, turned into its block or inline node.
// Text directly in a block container becomes a paragraph, as in HTML; space runs read as one space.
import type { Block, ChartBar, Inline, StatusKey, TableCell, TableColumn, TableRow } from './types.js';

export interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  /** The template whose output held it, for errors. */
  template: string;
}
export type Node = Element | string;

export interface Context {
  /** A subtree parsed before (a Markdown field, the logo), by the number <rich ref> gives. */
  ref(index: number): Block[] | Inline[] | undefined;
  /** The footnotes cited by the subtrees used since the last <footnotes/>. */
  takeFootnotes(): { number: number; blocks: Block[] }[];
  fail(at: Node, reason: string): never;
}

/** Each element and the attributes it takes. */
export const ATTRIBUTES: Record<string, readonly string[]> = {
  section: ['role', 'id', 'break'], h: ['level', 'id', 'outline'], p: ['style'], list: ['ordered', 'start', 'style'], item: [],
  quote: [], attribution: [], rule: [], definitions: [], term: [], value: [], table: ['id', 'stack'], caption: [], col: ['weight', 'align'],
  thead: [], tbody: [], row: [], cell: ['header', 'align'], figure: ['id'], alt: [], bar: ['label', 'value', 'status', 'text'],
  note: ['role'], footnotes: [], contents: [], rich: ['ref', 'inline'], codeblock: [],
  strong: [], em: [], a: ['href'], code: [], br: [], status: ['value'], span: ['role'],
};
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set(['strong', 'em', 'a', 'code', 'br', 'status', 'span']);
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(Object.keys(ATTRIBUTES).filter((name) => !INLINE_ELEMENTS.has(name)));

const STATUSES: readonly StatusKey[] = ['pledged', 'on-track', 'ongoing', 'delayed', 'met', 'not-met', 'withdrawn'];

const isElement = (node: Node): node is Element => typeof node !== 'string';
function elements(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  for (const c of parent.children) if (typeof c !== 'string' && c.name === name) out.push(c);
  return out;
}

function attribute(element: Element, name: string, context: Context, allowed?: readonly string[]): string | undefined {
  const value = element.attributes[name];
  if (value !== undefined && allowed && !allowed.includes(value)) {
    context.fail(element, `<${element.name} ${name}="${value}">: ${name} is one of ${allowed.join(', ')}`);
  }
  return value;
}

function required(element: Element, name: string, context: Context, allowed?: readonly string[]): string {
  return attribute(element, name, context, allowed) ?? context.fail(element, `<${element.name}> needs a ${name} attribute`);
}

function number(element: Element, name: string, context: Context): number | undefined {
  const value = element.attributes[name];
  if (value === undefined) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : context.fail(element, `<${element.name} ${name}="${value}">: ${name} must be a number`);
}

function ref(element: Element, context: Context): Block[] | Inline[] {
  return context.ref(Number(element.attributes.ref)) ?? context.fail(element, `<rich ref="${element.attributes.ref ?? ''}"> names no subtree: write it with {{rich …}}`);
}

/** The words of rich blocks on one line, for a place that holds inline content. */
function flatten(blocks: readonly Block[]): Inline[] {
  const out: Inline[] = [];
  for (const block of blocks) {
    const inlines = block.type === 'paragraph' || block.type === 'heading' ? block.children
      : block.type === 'list' ? block.items.flatMap((item) => flatten(item))
        : block.type === 'quote' ? flatten(block.children) : block.type === 'code' ? [{ type: 'code', text: block.text } as Inline] : [];
    if (inlines.length === 0) continue;
    if (out.length > 0) out.push({ type: 'text', text: ' ' });
    out.push(...inlines);
  }
  return out;
}

/**
 * Inline content: template text with space runs as one space, and the inline elements. At the edges
 * of a block (`edges`) space is dropped; inside an inline element it is kept ("Status: ").
 */
export function inlineChildren(parent: Element, context: Context, edges = true): Inline[] {
  return inlineRun(parent.children, parent.name, context, edges);
}

/** inlineChildren of a run of nodes; `name` is their parent's, for errors. */
function inlineRun(nodes: readonly Node[], name: string, context: Context, edges: boolean): Inline[] {
  const out: Inline[] = [];
  // Text nodes made here may be joined and trimmed; a subtree's own nodes are shared (the annex shows
  // a commitment again) and never changed. Made in order, so the first and the latest tell which are ours.
  let first: Inline | undefined;
  let latest: { type: 'text'; text: string } | undefined;
  const pushText = (text: string) => {
    if (latest !== undefined && out[out.length - 1] === latest) latest.text += text;
    else {
      latest = { type: 'text', text };
      first ??= latest;
      out.push(latest);
    }
  };
  for (const child of nodes) {
    if (!isElement(child)) pushText(/\s\s|[\t\n\r]/.test(child) ? child.replace(/\s+/g, ' ') : child);
    else if (child.name === 'rich') {
      const tree = ref(child, context);
      const inlines = tree.length > 0 && isBlock(tree[0]!) ? flatten(tree as Block[]) : (tree as Inline[]);
      for (const node of inlines) if (node.type === 'text' && node.source === undefined) pushText(node.text); else out.push(node);
    } else if (INLINE_ELEMENTS.has(child.name)) out.push(toInline(child, context));
    else context.fail(child, `<${child.name}> is a block: it cannot be inside <${name}>`);
  }
  if (edges && out.length > 0) {
    const head = out[0]!;
    if (head === first && head.type === 'text') head.text = head.text.replace(/^ +/, '');
    const tail = out[out.length - 1]!;
    if (tail === latest && tail.type === 'text') tail.text = tail.text.replace(/ +$/, '');
  }
  return withoutEmptyText(out);
}

/** Drops empty text nodes; most runs have none, and keep their array. */
function withoutEmptyText(nodes: Inline[]): Inline[] {
  for (const n of nodes) if (n.type === 'text' && n.text === '') return nodes.filter((m) => m.type !== 'text' || m.text !== '');
  return nodes;
}

const BLANK = /^\s*$/;
const BLOCK_TYPES: ReadonlySet<string> = new Set(['paragraph', 'heading', 'list', 'quote', 'code', 'rule', 'definitions', 'table', 'figure', 'image', 'note', 'footnotes', 'contents', 'section']);
const isBlock = (node: Block | Inline): node is Block => BLOCK_TYPES.has(node.type);

function toInline(element: Element, context: Context): Inline {
  const children = () => inlineChildren(element, context, false);
  switch (element.name) {
    case 'strong': case 'em': return { type: element.name, children: children() };
    case 'a': return { type: 'link', href: required(element, 'href', context), children: children() };
    case 'code': return { type: 'code', text: element.children.filter((c): c is string => typeof c === 'string').join('') };
    case 'br': return { type: 'break' };
    case 'status': return { type: 'status', status: required(element, 'value', context, STATUSES) as StatusKey, children: children() };
    default: return { type: 'span', role: required(element, 'role', context, ['change', 'regression', 'hidden']) as 'change', children: children() };
  }
}

/** Block content: block elements, and runs of text and inline elements as paragraphs. */
export function blockChildren(parent: Element, context: Context): Block[] {
  const out: Block[] = [];
  let run: Node[] = [];
  const endRun = () => {
    // Most runs are the templates' line breaks between blocks: nothing to make a paragraph of.
    if (run.every((node) => typeof node === 'string' && BLANK.test(node))) {
      run = [];
      return;
    }
    const children = inlineRun(run, parent.name, context, true);
    if (children.length > 0) out.push({ type: 'paragraph', children });
    run = [];
  };
  for (const child of parent.children) {
    const inline = !isElement(child) || INLINE_ELEMENTS.has(child.name) || (child.name === 'rich' && child.attributes.inline === 'true');
    if (inline) {
      run.push(child);
      continue;
    }
    endRun();
    if (child.name === 'rich') out.push(...(ref(child, context) as Block[]));
    else out.push(...toBlock(child, parent, context));
  }
  endRun();
  return out;
}

function cell(element: Element, context: Context): TableCell {
  const header = attribute(element, 'header', context, ['col', 'row']) as TableCell['header'];
  const align = attribute(element, 'align', context, ['left', 'right']) as TableCell['align'];
  return { blocks: blockChildren(element, context), ...(header ? { header } : {}), ...(align ? { align } : {}) };
}

const rows = (group: Element | undefined, context: Context): TableRow[] =>
  group ? elements(group, 'row').map((row) => ({ cells: elements(row, 'cell').map((c) => cell(c, context)) })) : [];

function table(element: Element, context: Context): Block {
  const captionElement = elements(element, 'caption')[0];
  const columns: TableColumn[] = elements(element, 'col').map((col) => {
    const align = attribute(col, 'align', context, ['left', 'right']) as TableColumn['align'];
    return { weight: number(col, 'weight', context) ?? null, ...(align ? { align } : {}) };
  });
  const head = rows(elements(element, 'thead')[0], context);
  const body = rows(elements(element, 'tbody')[0], context);
  const width = [...head, ...body].reduce((most, r) => Math.max(most, r.cells.length), 0);
  while (columns.length < width) columns.push({ weight: null });
  const id = element.attributes.id;
  return {
    type: 'table', ...(id ? { id } : {}), caption: captionElement ? inlineChildren(captionElement, context) : [],
    columns, head, body, ...(element.attributes.stack === 'true' ? { stack: true } : {}),
  };
}

function figure(element: Element, context: Context): Block {
  const alt = elements(element, 'alt')[0];
  const caption = elements(element, 'caption')[0];
  const bars: ChartBar[] = elements(element, 'bar').map((bar) => {
    const status = attribute(bar, 'status', context, STATUSES) as StatusKey | undefined;
    return { label: required(bar, 'label', context), value: number(bar, 'value', context) ?? 0, valueText: bar.attributes.text ?? '', ...(status ? { status } : {}) };
  });
  const altText = alt ? inlineChildren(alt, context).map((n) => (n.type === 'text' ? n.text : '')).join('') : context.fail(element, '<figure> needs an <alt> that says what it shows');
  const id = element.attributes.id;
  return { type: 'figure', ...(id ? { id } : {}), alt: altText, caption: caption ? inlineChildren(caption, context) : null, chart: { kind: 'bar', bars } };
}

function toBlock(element: Element, parent: Element, context: Context): Block[] {
  const attr = (name: string, allowed?: readonly string[]) => attribute(element, name, context, allowed);
  switch (element.name) {
    case 'section': {
      const id = attr('id');
      const breaks = attr('break', ['page', 'none']) as 'page' | 'none' | undefined;
      return [{ type: 'section', role: required(element, 'role', context), ...(id ? { id } : {}), ...(breaks ? { break: breaks } : {}), children: blockChildren(element, context) }];
    }
    case 'h': {
      const level = number(element, 'level', context);
      if (level === undefined || !Number.isInteger(level) || level < 1 || level > 6) context.fail(element, '<h> needs a level from 1 to 6');
      const id = attr('id');
      return [{ type: 'heading', level: level as 1, ...(id ? { id } : {}), ...(attr('outline') === 'true' ? { outline: true } : {}), children: inlineChildren(element, context) }];
    }
    case 'p': {
      const style = attr('style', ['lead', 'small', 'signature', 'caption']) as 'lead' | undefined;
      const children = inlineChildren(element, context);
      return children.length > 0 ? [{ type: 'paragraph', children, ...(style ? { style } : {}) }] : [];
    }
    case 'list': {
      const style = attr('style', ['bullet', 'plain']) as 'bullet' | undefined;
      const items = elements(element, 'item').map((item) => blockChildren(item, context));
      return items.length > 0 ? [{ type: 'list', ordered: attr('ordered') === 'true', start: number(element, 'start', context) ?? 1, ...(style ? { style } : {}), items }] : [];
    }
    case 'quote': {
      const attribution = elements(element, 'attribution')[0];
      const body = { ...element, children: element.children.filter((c) => !isElement(c) || c.name !== 'attribution') };
      return [{ type: 'quote', children: blockChildren(body, context), attribution: attribution ? inlineChildren(attribution, context) : null }];
    }
    case 'codeblock': return [{ type: 'code', text: element.children.filter((c): c is string => typeof c === 'string').join('') }];
    case 'rule': return [{ type: 'rule' }];
    case 'definitions': {
      const terms = elements(element, 'term');
      const values = elements(element, 'value');
      if (terms.length !== values.length) context.fail(element, '<definitions> holds a <value> after each <term>');
      return terms.length > 0 ? [{ type: 'definitions', items: terms.map((term, i) => ({ term: inlineChildren(term, context), value: inlineChildren(values[i]!, context) })) }] : [];
    }
    case 'table': return [table(element, context)];
    case 'figure': return [figure(element, context)];
    case 'note': return [{ type: 'note', role: required(element, 'role', context, ['banner', 'draft', 'callout']) as 'banner', children: blockChildren(element, context) }];
    // Filled in once the whole document is read (document/assemble.ts).
    case 'footnotes': {
      const items = context.takeFootnotes();
      return items.length > 0 ? [{ type: 'footnotes', heading: null, items }] : [];
    }
    // Its entries are the outline headings after it, known once the whole document is read.
    case 'contents': return [{ type: 'contents', heading: inlineChildren(element, context), entries: [] }];
    default: return context.fail(element, `<${element.name}> cannot be inside <${parent.name}>`);
  }
}
