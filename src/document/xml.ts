// The templates' output, a small XML vocabulary whose elements are the document's node kinds,
// read into blocks with saxes, a small strict XML parser. Data text arrives escaped by Handlebars,
// and Markdown fields as references to subtrees parsed before (<rich ref="7"/>), so nothing from
// the data is read as markup.
import { SaxesParser } from 'saxes';
import type { Block } from './types.js';
import { BLOCK_ELEMENTS, blockChildren, INLINE_ELEMENTS, make, type Context, type Element } from './nodes.js';

/**
 * A mistake in the document a template wrote, named by the template whose output held it (its line
 * is not known here: a loop writes its lines many times; names are checked with lines at compile).
 */
export class DocumentSyntaxError extends Error {
  constructor(readonly template: string, readonly reason: string) {
    super(`${template}: ${reason}`);
  }
}

/** The processing instruction that marks where a template's output starts and ends. */
export const TEMPLATE_MARK = 'covenant-template';

/**
 * Characters XML may not hold (C0 controls but tab and line ends, lone surrogates, U+FFFE, U+FFFF),
 * which text from the data may: each is carried through the parser as U+F8FF, its code in hex and
 * U+F8FE, and put back in the text. U+F8FF itself is carried so too, so the mark is never the data's.
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uF8FF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CARRIED = /\uF8FF([0-9a-f]{4})\uF8FE/g;
/** Any character UNSAFE could match, alone: a quick test that spares most outputs the slower search. */
const MAYBE_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uF8FF\uFFFE\uFFFF]/;
const carry = (text: string) => (MAYBE_UNSAFE.test(text) ? text.replace(UNSAFE, (c) => `\uF8FF${c.charCodeAt(0).toString(16).padStart(4, '0')}\uF8FE`) : text);
const restore = (text: string) => text.replace(CARRIED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * The document's blocks from the templates' output; `subtrees` gives what <rich ref> names. Each
 * element is made into its node as it closes, so no tree of elements is kept: the output of ten
 * thousand pledges is read in one pass, and what is read is soon garbage.
 */
export function readDocument(output: string, subtrees: Pick<Context, 'ref' | 'takeFootnotes'>, file: string): Block[] {
  const xml = carry(output);
  // Compared once: the strings are long, and equal ones are compared character by character.
  const carried = xml !== output;
  const back = carried ? restore : (text: string) => text;
  const context: Context = { ...subtrees, fail: (template, reason) => { throw new DocumentSyntaxError(template, reason); } };
  const root: Element = { name: 'document', attributes: {}, children: [], template: file };
  const stack: Element[] = [root];
  const templates: string[] = [file];
  const current = () => templates[templates.length - 1]!;
  // No positions: the output's lines mean nothing to a template's author, and tracking them costs a third of the time.
  const parser = new SaxesParser({ position: false });
  parser.on('processinginstruction', ({ target, body }) => {
    if (target !== TEMPLATE_MARK) return;
    if (body) templates.push(body);
    else if (templates.length > 1) templates.pop();
  });
  let opened = false;
  parser.on('opentag', (tag) => {
    const name = tag.name;
    // The root wrapped round the output below is the root element here.
    if (!opened) {
      opened = true;
      return;
    }
    if (!BLOCK_ELEMENTS.has(name) && !INLINE_ELEMENTS.has(name)) {
      throw new DocumentSyntaxError(current(), `<${name}> is not an element of the document; the elements are ${[...BLOCK_ELEMENTS, ...INLINE_ELEMENTS].sort().join(', ')}`);
    }
    const attributes = tag.attributes as Record<string, string>;
    if (carried) for (const key of Object.keys(attributes)) attributes[key] = back(attributes[key]!);
    stack.push({ name, attributes, children: [], template: current() });
  });
  parser.on('text', (raw) => {
    const text = back(raw);
    const children = stack[stack.length - 1]!.children;
    const last = children[children.length - 1];
    if (typeof last === 'string') children[children.length - 1] = last + text;
    else children.push(text);
  });
  parser.on('closetag', () => {
    if (stack.length < 2) return;
    const element = stack.pop()!;
    stack[stack.length - 1]!.children.push(make(element, context));
  });
  parser.on('error', (error) => {
    // saxes says "1:2: unclosed tag: p"; the output's line means nothing to the template's author.
    throw new DocumentSyntaxError(current(), error.message.replace(/^\d+:\d+: /, ''));
  });
  // One root element, as XML has: the document. Written in three pieces: joining them would copy the whole output.
  parser.write('<document>').write(xml).write('</document>').close();
  return blockChildren(root, context);
}
