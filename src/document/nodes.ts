// The document vocabulary: each element templates may write, turned into its block or inline node.
// Text directly in a block container becomes a paragraph, as in HTML; space runs read as one space.
import type { Block, ChartBar, Inline, StatusKey, TableCell, TableColumn, TableRow } from './types.js';

/** An element being read: its children are already made, as each closed before it. */
export interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  /** The template whose output held it, for errors. */
  template: string;
}

/** What each part of a block's structure makes: a table's cells and rows, a list's items. */
interface PartValues {
  item: Block[]; cell: TableCell; row: TableRow; thead: TableRow[]; tbody: TableRow[]; col: TableColumn; bar: ChartBar;
  caption: Inline[]; attribution: Inline[]; term: Inline[]; value: Inline[]; alt: Inline[];
}
type PartName = keyof PartValues;
type Part = { [K in PartName]: { kind: 'part'; name: K; value: PartValues[K]; template: string } }[PartName];

/**
 * An element made into its node as it closed, so no tree of elements is kept: an inline, a Markdown
 * subtree put in by reference, blocks, or a part its parent takes (a cell, a row, a caption).
 */
export type Made =
  | { kind: 'inline'; node: Inline }
  | { kind: 'rich'; tree: Block[] | Inline[]; inline: boolean }
  | { kind: 'blocks'; name: string; blocks: Block[]; template: string }
  | Part;
/** Text between elements, or what an element made. */
export type Node = string | Made;

export interface Context {
  /** A subtree parsed before (a Markdown field, the logo), by the number <rich ref> gives. */
  ref(index: number): Block[] | Inline[] | undefined;
  /** The footnotes cited by the subtrees used since the last <footnotes/>. */
  takeFootnotes(): { number: number; blocks: Block[] }[];
  /** Throws the template's mistake, named by the template that wrote it. */
  fail(template: string, reason: string): never;
}

/** Each element and the attributes it takes. */
export const ATTRIBUTES: Record<string, readonly string[]> = {
  section: ['role', 'id', 'break'], h: ['level', 'id', 'outline'], p: ['style'], list: ['ordered', 'start', 'style'], item: [],
  quote: [], attribution: [], rule: [], definitions: [], term: [], value: [], table: ['id', 'stack'], caption: [], col: ['weight', 'align'],
  thead: [], tbody: [], row: ['outline'], cell: ['header', 'align'], figure: ['id'], alt: [], bar: ['label', 'value', 'status', 'text'],
  note: ['role'], footnotes: [], contents: [], rich: ['ref', 'inline'], codeblock: [],
  strong: [], em: [], a: ['href'], code: [], br: [], status: ['value'], span: ['role'],
};
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set(['strong', 'em', 'a', 'code', 'br', 'status', 'span']);
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(Object.keys(ATTRIBUTES).filter((name) => !INLINE_ELEMENTS.has(name)));

const STATUSES: readonly StatusKey[] = ['pledged', 'on-track', 'ongoing', 'delayed', 'met', 'not-met', 'withdrawn'];
const PART_NAMES: ReadonlySet<string> = new Set<PartName>(['item', 'cell', 'row', 'thead', 'tbody', 'col', 'bar', 'caption', 'attribution', 'term', 'value', 'alt']);

/** The values of the parts named `name` among an element's children, in order. */
function parts<K extends PartName>(parent: Element, name: K): PartValues[K][] {
  const out: PartValues[K][] = [];
  for (const c of parent.children) if (typeof c !== 'string' && c.kind === 'part' && c.name === name) out.push(c.value as PartValues[K]);
  return out;
}

function attribute(element: Element, name: string, context: Context, allowed?: readonly string[]): string | undefined {
  const value = element.attributes[name];
  if (value !== undefined && allowed && !allowed.includes(value)) {
    context.fail(element.template, `<${element.name} ${name}="${value}">: ${name} is one of ${allowed.join(', ')}`);
  }
  return value;
}

function required(element: Element, name: string, context: Context, allowed?: readonly string[]): string {
  return attribute(element, name, context, allowed) ?? context.fail(element.template, `<${element.name}> needs a ${name} attribute`);
}

function number(element: Element, name: string, context: Context): number | undefined {
  const value = element.attributes[name];
  if (value === undefined) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : context.fail(element.template, `<${element.name} ${name}="${value}">: ${name} must be a number`);
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
function inlineChildren(parent: Element, context: Context, edges = true): Inline[] {
  return inlineRun(parent.children, parent, context, edges);
}

/** inlineChildren of a run of nodes; `parent` is theirs, for errors. */
function inlineRun(nodes: readonly Node[], parent: Element, context: Context, edges: boolean): Inline[] {
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
    if (typeof child === 'string') pushText(/\s\s|[\t\n\r]/.test(child) ? child.replace(/\s+/g, ' ') : child);
    else if (child.kind === 'inline') out.push(child.node);
    else if (child.kind === 'rich') {
      const { tree } = child;
      const inlines = tree.length > 0 && isBlock(tree[0]!) ? flatten(tree as Block[]) : (tree as Inline[]);
      for (const node of inlines) if (node.type === 'text' && node.source === undefined) pushText(node.text); else out.push(node);
    } else context.fail(child.template, `<${child.name}> is a block: it cannot be inside <${parent.name}>`);
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
/** The text directly inside an element (a code span keeps its spaces as written). */
const ownText = (element: Element) => element.children.filter((c): c is string => typeof c === 'string').join('');

function toInline(element: Element, context: Context): Inline {
  const children = () => inlineChildren(element, context, false);
  switch (element.name) {
    case 'strong': case 'em': return { type: element.name, children: children() };
    case 'a': return { type: 'link', href: required(element, 'href', context), children: children() };
    case 'code': return { type: 'code', text: ownText(element) };
    case 'br': return { type: 'break' };
    case 'status': return { type: 'status', status: required(element, 'value', context, STATUSES) as StatusKey, children: children() };
    default: return { type: 'span', role: required(element, 'role', context, ['change', 'regression', 'hidden']) as 'change', children: children() };
  }
}

/** Whether a node belongs to a run of inline content (a paragraph, when it stands among blocks). */
const isInline = (node: Node) => typeof node === 'string' || node.kind === 'inline' || (node.kind === 'rich' && node.inline);

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
    const children = inlineRun(run, parent, context, true);
    if (children.length > 0) out.push({ type: 'paragraph', children });
    run = [];
  };
  for (const child of parent.children) {
    if (isInline(child)) {
      run.push(child);
      continue;
    }
    endRun();
    const made = child as Exclude<Made, { kind: 'inline' }>;
    if (made.kind === 'rich') out.push(...(made.tree as Block[]));
    else if (made.kind === 'blocks') out.push(...made.blocks);
    else context.fail(made.template, `<${made.name}> cannot be inside <${parent.name}>`);
  }
  endRun();
  return out;
}

function cell(element: Element, context: Context): TableCell {
  const header = attribute(element, 'header', context, ['col', 'row']) as TableCell['header'];
  const align = attribute(element, 'align', context, ['left', 'right']) as TableCell['align'];
  return { blocks: blockChildren(element, context), ...(header ? { header } : {}), ...(align ? { align } : {}) };
}

function row(element: Element, context: Context): TableRow {
  const cells = parts(element, 'cell');
  const name = element.attributes.outline;
  if (name === undefined) return { cells };
  // Written as the data has it, an attribute's line breaks and space runs are one space.
  const outline = name.replace(/\s+/g, ' ').trim();
  if (outline === '') context.fail(element.template, '<row outline=""> names no group: outline is the name a reader jumps to, such as {{department.name}}');
  return { cells, outline };
}

function table(element: Element): Block {
  const caption = parts(element, 'caption')[0];
  const columns = parts(element, 'col');
  const head = parts(element, 'thead')[0] ?? [];
  const body = parts(element, 'tbody')[0] ?? [];
  let width = 0;
  for (const r of head) width = Math.max(width, r.cells.length);
  for (const r of body) width = Math.max(width, r.cells.length);
  while (columns.length < width) columns.push({ weight: null });
  const id = element.attributes.id;
  return {
    type: 'table', ...(id ? { id } : {}), caption: caption ?? [],
    columns, head, body, ...(element.attributes.stack === 'true' ? { stack: true } : {}),
  };
}

function figure(element: Element, context: Context): Block {
  const alt = parts(element, 'alt')[0];
  const caption = parts(element, 'caption')[0];
  const altText = alt ? alt.map((n) => (n.type === 'text' ? n.text : '')).join('') : context.fail(element.template, '<figure> needs an <alt> that says what it shows');
  const id = element.attributes.id;
  return { type: 'figure', ...(id ? { id } : {}), alt: altText, caption: caption ?? null, chart: { kind: 'bar', bars: parts(element, 'bar') } };
}

function toBlock(element: Element, context: Context): Block[] {
  const attr = (name: string, allowed?: readonly string[]) => attribute(element, name, context, allowed);
  switch (element.name) {
    case 'section': {
      const id = attr('id');
      const breaks = attr('break', ['page', 'none']) as 'page' | 'none' | undefined;
      return [{ type: 'section', role: required(element, 'role', context), ...(id ? { id } : {}), ...(breaks ? { break: breaks } : {}), children: blockChildren(element, context) }];
    }
    case 'h': {
      const level = number(element, 'level', context);
      if (level === undefined || !Number.isInteger(level) || level < 1 || level > 6) context.fail(element.template, '<h> needs a level from 1 to 6');
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
      const items = parts(element, 'item');
      return items.length > 0 ? [{ type: 'list', ordered: attr('ordered') === 'true', start: number(element, 'start', context) ?? 1, ...(style ? { style } : {}), items }] : [];
    }
    case 'quote': {
      const attribution = parts(element, 'attribution')[0];
      const body = { ...element, children: element.children.filter((c) => typeof c === 'string' || c.kind !== 'part' || c.name !== 'attribution') };
      return [{ type: 'quote', children: blockChildren(body, context), attribution: attribution ?? null }];
    }
    case 'codeblock': return [{ type: 'code', text: ownText(element) }];
    case 'rule': return [{ type: 'rule' }];
    case 'definitions': {
      const terms = parts(element, 'term');
      const values = parts(element, 'value');
      if (terms.length !== values.length) context.fail(element.template, '<definitions> holds a <value> after each <term>');
      return terms.length > 0 ? [{ type: 'definitions', items: terms.map((term, i) => ({ term, value: values[i]! })) }] : [];
    }
    case 'table': return [table(element)];
    case 'figure': return [figure(element, context)];
    case 'note': return [{ type: 'note', role: required(element, 'role', context, ['banner', 'draft', 'callout']) as 'banner', children: blockChildren(element, context) }];
    case 'footnotes': {
      const items = context.takeFootnotes();
      return items.length > 0 ? [{ type: 'footnotes', heading: null, items }] : [];
    }
    // Its entries are the outline headings after it, known once the whole document is read.
    default: return [{ type: 'contents', heading: inlineChildren(element, context), entries: [] }];
  }
}

/** What a part makes, for the element it is in. */
function partValue(element: Element, name: PartName, context: Context): PartValues[PartName] {
  switch (name) {
    case 'item': return blockChildren(element, context);
    case 'cell': return cell(element, context);
    case 'row': return row(element, context);
    case 'thead': {
      const rows = parts(element, 'row');
      if (rows.some((r) => r.outline !== undefined)) context.fail(element.template, '<row outline> starts a group of body rows: it cannot be in <thead>, whose rows repeat on every page');
      return rows;
    }
    case 'tbody': return parts(element, 'row');
    case 'col': {
      const align = attribute(element, 'align', context, ['left', 'right']) as TableColumn['align'];
      return { weight: number(element, 'weight', context) ?? null, ...(align ? { align } : {}) };
    }
    case 'bar': {
      const status = attribute(element, 'status', context, STATUSES) as StatusKey | undefined;
      return { label: required(element, 'label', context), value: number(element, 'value', context) ?? 0, valueText: element.attributes.text ?? '', ...(status ? { status } : {}) };
    }
    default: return inlineChildren(element, context);
  }
}

/** An element made into its node as it closes, its children made before it. */
export function make(element: Element, context: Context): Made {
  const { name } = element;
  if (INLINE_ELEMENTS.has(name)) return { kind: 'inline', node: toInline(element, context) };
  if (name === 'rich') {
    const tree = context.ref(Number(element.attributes.ref))
      ?? context.fail(element.template, `<rich ref="${element.attributes.ref ?? ''}"> names no subtree: write it with {{rich …}}`);
    return { kind: 'rich', tree, inline: element.attributes.inline === 'true' };
  }
  if (PART_NAMES.has(name)) return { kind: 'part', name, value: partValue(element, name as PartName, context), template: element.template } as Part;
  return { kind: 'blocks', name, blocks: toBlock(element, context), template: element.template };
}
