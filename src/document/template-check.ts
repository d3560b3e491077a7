// What Handlebars' strict mode lets through, found in a template before it runs: a helper or
// partial that does not exist, names every object inherits (constructor, __proto__), and elements
// the document does not have.
/// <reference types="handlebars" />
import { closest } from '../data/suggest.js';
import { ATTRIBUTES } from './nodes.js';

/** A mistake in a template, and where it is (line 1-based, column 1-based). */
export interface TemplateMistake {
  line: number;
  column: number;
  reason: string;
}

/**
 * Names found on every object. Strict mode lets them through (`name in object` is true) and the
 * prototype protections then print nothing, or a warning on the process's console: either way an
 * empty string in a publication, where a misspelt field is an error.
 */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

type Node = { type?: unknown; loc?: hbs.AST.SourceLocation };

const at = (node: Node, reason: string): TemplateMistake =>
  ({ line: node.loc?.start.line ?? 0, column: (node.loc?.start.column ?? 0) + 1, reason });

/** Every node of the tree, in source order. */
function* nodes(value: unknown): Generator<Node> {
  if (Array.isArray(value)) {
    for (const item of value) yield* nodes(item);
  } else if (value !== null && typeof value === 'object') {
    if (typeof (value as Node).type === 'string') yield value as Node;
    for (const [key, child] of Object.entries(value)) if (key !== 'loc') yield* nodes(child);
  }
}

function mistake(node: Node, helpers: ReadonlySet<string>, partials: ReadonlySet<string>): TemplateMistake | undefined {
  if (node.type === 'PathExpression') {
    const path = node as hbs.AST.PathExpression;
    const inherited = path.parts.find((part) => INHERITED.has(part));
    if (inherited) return at(node, `"${inherited}" is not a field of the report model`);
  }
  if (node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression') {
    const call = node as hbs.AST.MustacheStatement;
    const name = call.path.type === 'PathExpression' ? (call.path as hbs.AST.PathExpression).original : undefined;
    // With arguments it is a helper call; without, {{name}} and {{#name}} read a field.
    if (name !== undefined && (call.params.length > 0 || call.hash) && !helpers.has(name)) {
      return at(node, `"${name}" is not a helper; the helpers are ${[...helpers].sort().join(', ')}`);
    }
    if (name === 'lookup') {
      const field = call.params.find((p): p is hbs.AST.StringLiteral => p.type === 'StringLiteral' && INHERITED.has((p as hbs.AST.StringLiteral).value));
      if (field) return at(field, `"${field.value}" is not a field of the report model`);
    }
  }
  if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
    const partial = node as hbs.AST.PartialStatement;
    const name = partial.name.type === 'PathExpression' ? partial.name.original : undefined;
    if (name !== undefined && !partials.has(name)) return at(node, `there is no partial "${name}"`);
  }
  return undefined;
}

/** The first mistake in a parsed template, in source order. */
export function checkTemplate(ast: hbs.AST.Program, helpers: ReadonlySet<string>, partials: ReadonlySet<string>): TemplateMistake | undefined {
  for (const node of nodes(ast.body)) {
    const found = mistake(node, helpers, partials);
    if (found) return found;
  }
  return undefined;
}

/**
 * The document elements a template writes, checked in its own text so the error has its line: an
 * element or attribute the document does not have. Handlebars' {{…}} are blanked first (their
 * output is escaped text, or markup the helpers write); nesting is checked on the output.
 */
export function checkMarkup(text: string): TemplateMistake | undefined {
  const blank = text.replace(/\{\{[\s\S]*?\}\}\}?/g, (m) => m.replace(/[^\n]/g, ' '));
  const tag = /<([A-Za-z][\w-]*)((?:\s+[\w-]+\s*=\s*"[^"]*")*)\s*\/?>/g;
  for (const match of blank.matchAll(tag)) {
    const name = match[1]!;
    const line = blank.slice(0, match.index).split('\n').length;
    const column = match.index! - blank.lastIndexOf('\n', match.index! - 1);
    const allowed = ATTRIBUTES[name];
    if (!allowed) {
      const near = closest(name, Object.keys(ATTRIBUTES));
      return { line, column, reason: `<${name}> is not an element of the document${near ? ` (did you mean <${near}>?)` : ''}; the elements are ${Object.keys(ATTRIBUTES).sort().join(', ')}` };
    }
    for (const [, attribute] of match[2]!.matchAll(/([\w-]+)\s*=/g)) {
      if (!allowed.includes(attribute!)) {
        return { line, column, reason: `<${name}> has no attribute "${attribute}"${allowed.length ? `; it takes ${allowed.join(', ')}` : ''}` };
      }
    }
    // These helpers write an element, which an attribute's value cannot hold.
    const written = text.slice(match.index, match.index! + match[0].length);
    const node = /([\w-]+)\s*=\s*"[^"]*?\{\{\{?\s*(text|rich|inline|image)\s+([^\s}]+)/.exec(written);
    if (node) {
      const [, attribute, helper, field] = node;
      return { line, column, reason: `<${name} ${attribute}="{{${helper} ${field}}}">: an attribute holds plain words, not what {{${helper}}} writes; write {{${field}}}` };
    }
  }
  return undefined;
}
