// The templates' output, a small XML vocabulary whose elements are the document's node kinds,
// read into blocks with htmlparser2. Data text arrives escaped by Handlebars, and Markdown fields as
// references to subtrees parsed before (<rich ref="7"/>), so nothing from the data is read as markup.
import { Parser } from 'htmlparser2';
import type { Block } from './types.js';
import { BLOCK_ELEMENTS, blockChildren, INLINE_ELEMENTS, type Context, type Element, type Node } from './nodes.js';

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

const MARK = new RegExp(`^\\?${TEMPLATE_MARK}(?: (.*?))?\\?$`);

/** Parses the whole output into elements, keeping for each the template it came from. */
function parseElements(xml: string, file: string): Element {
  const root: Element = { name: 'document', attributes: {}, children: [], template: file };
  const stack: Element[] = [root];
  const templates: string[] = [file];
  let failure: DocumentSyntaxError | undefined;
  const fail = (reason: string) => {
    failure ??= new DocumentSyntaxError(templates[templates.length - 1]!, reason);
  };
  const parser = new Parser({
    onprocessinginstruction(_name, data) {
      const match = MARK.exec(data);
      if (!match) return;
      if (match[1]) templates.push(match[1]);
      else if (templates.length > 1) templates.pop();
    },
    onopentag(name, attributes) {
      if (!BLOCK_ELEMENTS.has(name) && !INLINE_ELEMENTS.has(name)) {
        fail(`<${name}> is not an element of the document; the elements are ${[...BLOCK_ELEMENTS, ...INLINE_ELEMENTS].sort().join(', ')}`);
      }
      const element: Element = { name, attributes, children: [], template: templates[templates.length - 1]! };
      stack[stack.length - 1]!.children.push(element);
      stack.push(element);
    },
    ontext(text) {
      const children = stack[stack.length - 1]!.children;
      const last = children[children.length - 1];
      if (typeof last === 'string') children[children.length - 1] = last + text;
      else children.push(text);
    },
    onclosetag(name, implied) {
      // A self-closed element (<rule/>) is closed by implication too: its source ends with "/>".
      const selfClosed = xml.slice(parser.startIndex, parser.endIndex + 1).endsWith('/>');
      if (implied && !selfClosed) fail(`<${name}> is not closed`);
      if (stack.length > 1) stack.pop();
    },
  }, { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true });
  parser.write(xml);
  parser.end();
  if (failure) throw failure;
  return root;
}

/** The document's blocks from the templates' output; `subtrees` gives what <rich ref> names. */
export function readDocument(xml: string, subtrees: Pick<Context, 'ref' | 'takeFootnotes'>, file: string): Block[] {
  const root = parseElements(xml, file);
  const context: Context = {
    ...subtrees,
    fail: (at: Node, reason: string): never => {
      const element = typeof at === 'string' ? root : at;
      throw new DocumentSyntaxError(element.template, reason);
    },
  };
  return blockChildren(root, context);
}
