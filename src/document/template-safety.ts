// What keeps custom templates (--templates DIR) to their folder and their job: templates and words
// read only from inside the folder, never waiting on a pipe; a bound on the work and output of one
// rendering; and strict output, where a value that is not text (an object, a list, a field that is not there) is
// an error rather than "[object Object]" or nothing in a publication.
/// <reference types="handlebars" />
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, realpathSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Templates are a few kilobytes; a larger file is not a template someone meant to use. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;
/** Template calls (partials, block iterations) allowed for each value in the report model, and besides. */
export const STEPS_PER_VALUE = 50;
export const BASE_STEPS = 20_000;
/** A rendered template longer than this (characters) is stopped: about ten times the 10,000-pledge report. */
export const MAX_OUTPUT = 256 * 1024 * 1024;

/** A template file that may not be used, or a rendering that went past a bound: `file` is absolute. */
export class TemplateLimitError extends Error {
  constructor(readonly file: string, reason: string) {
    super(reason);
  }
}

export interface TemplateFile {
  /** As templates call it: "report", "partials/pledge". */
  name: string;
  /** Absolute path, as found in the folder (not resolved). */
  file: string;
  text: string;
}

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
};

/** Resolves `path`, which must stay inside `root` (already resolved): a link out of the folder is refused. */
function resolveInside(root: string, path: string, what: string): string {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    throw new TemplateLimitError(path, `the ${what} cannot be read (${(error as { code?: string }).code ?? String(error)})`);
  }
  if (!inside(root, real)) {
    throw new TemplateLimitError(path, `the ${what} is a symbolic link to ${real}, outside the templates folder: ${what === 'catalogue' ? 'words' : 'templates'} are read only from inside --templates`);
  }
  return real;
}

/**
 * One file's text from inside `root` (already resolved): a regular file of at most MAX_TEMPLATE_BYTES,
 * in UTF-8, opened without waiting. `what` names it in errors: "template", "catalogue".
 */
export function readConfined(root: string, file: string, what = 'template'): string {
  const real = resolveInside(root, file, what);
  let fd: number;
  try {
    // O_NONBLOCK: a pipe named *.hbs is refused below rather than waited on for ever.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    throw new TemplateLimitError(file, `the ${what} cannot be read (${(error as { code?: string }).code ?? String(error)})`);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new TemplateLimitError(file, `the ${what} is not a file but a folder, pipe, socket or device`);
    if (info.size > MAX_TEMPLATE_BYTES) {
      throw new TemplateLimitError(file, `the ${what} is ${(info.size / 1024 / 1024).toFixed(1)} MB; ${what}s over ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB are not read`);
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(fd));
  } catch (error) {
    if (error instanceof TemplateLimitError) throw error;
    const code = (error as { code?: string }).code;
    throw new TemplateLimitError(file, code ? `the ${what} cannot be read (${code})` : `the ${what} is not valid UTF-8: save it as UTF-8`);
  } finally {
    closeSync(fd);
  }
}

/**
 * The report.hbs and partials/*.hbs of the --templates folder `root`. Every file, and the partials
 * folder itself, must resolve inside `root`.
 */
export function readTemplateFolder(root: string): TemplateFile[] {
  const top = realpathSync(root);
  const found: TemplateFile[] = [];
  const add = (folder: string, prefix: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // no such folder: the shipped templates serve
    }
    resolveInside(top, folder, 'folder');
    for (const entry of entries.filter((e) => e.name.endsWith('.hbs')).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = join(folder, entry.name);
      found.push({ name: prefix + entry.name.slice(0, -'.hbs'.length), file, text: readConfined(top, file) });
    }
  };
  add(root, '');
  add(join(root, 'partials'), 'partials/');
  return found;
}

/** How many values (objects, lists and what they hold) a report model has: the measure of the work it may need. */
function sizeOf(view: unknown): number {
  // A loop with a stack and a Set, not recursion and a WeakSet: a model of 10,000 pledges has millions of values.
  const seen = new Set<object>();
  const stack: object[] = [];
  let count = 1;
  if (view !== null && typeof view === 'object') stack.push(view);
  const visit = (item: unknown) => {
    count++;
    if (item !== null && typeof item === 'object') stack.push(item);
  };
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) for (const item of value) visit(item);
    else for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) visit((value as Record<string, unknown>)[key]);
  }
  return count;
}

let budget: { left: number; limit: number } | undefined;

/**
 * Runs one rendering of `view` with its bound: every template call and block iteration is a step
 * (step() below), so a partial that includes the next twice, twenty deep, stops in a moment, not
 * after hours; signals cannot end a rendering that never yields, so the bound must.
 */
export function withinBudget<T>(view: unknown, render: () => T): T {
  const limit = BASE_STEPS + STEPS_PER_VALUE * sizeOf(view);
  budget = { left: limit, limit };
  try {
    return render();
  } finally {
    budget = undefined;
  }
}

/** One step of work in `file` (a template called, a block's body run). */
export function step(file: string): void {
  if (budget && --budget.left < 0) {
    throw new TemplateLimitError(file, `the templates did more than ${budget.limit.toLocaleString('en-GB')} steps of work for this report, and were stopped here: ` +
      'a partial that includes partials more than once, in a chain, doubles its work at each level');
  }
}

/** Checks what one template call produced. */
export function produced(file: string, output: string): string {
  if (output.length > MAX_OUTPUT) {
    throw new TemplateLimitError(file, `the template wrote more than ${MAX_OUTPUT / 1024 / 1024} MB and was stopped: look for partials that include others many times`);
  }
  return output;
}

type Options = { loc?: { start: { line: number; column: number } } };

/** An error Handlebars' error handling places at the template's line and column. */
function located(options: Options, message: string): Error {
  return Object.assign(new Error(message), { lineNumber: options.loc?.start.line ?? 0, column: options.loc?.start.column ?? 0 });
}

const own = (object: unknown, field: string) => Object.prototype.hasOwnProperty.call(object, field);

/**
 * The helpers strict output calls (their names start with $, which templates have no reason to
 * write): `$value` prints a value that must be text, a number or absent (null); `$field` is
 * `lookup` with a field written in the template, which must exist.
 */
export const strictHelpers = {
  $value(value: unknown, name: string, options: Options): unknown {
    if (value === undefined) throw located(options, `"${name}" not defined`);
    if (Array.isArray(value)) throw located(options, `{{${name}}} is a list, not text: write {{#each ${name}}}…{{/each}}`);
    if (value !== null && typeof value === 'object') {
      const fields = Object.keys(value).slice(0, 8).join(', ');
      throw located(options, `{{${name}}} is a group of fields, not text: name one of them (${fields})`);
    }
    return value;
  },
  $field(object: unknown, field: string, options: Options): unknown {
    if (object === null || typeof object !== 'object' || !own(object, field)) throw located(options, `"${field}" not defined`);
    return (object as Record<string, unknown>)[field];
  },
};

const pathTo = (name: string, loc: hbs.AST.SourceLocation): hbs.AST.PathExpression =>
  ({ type: 'PathExpression', data: false, depth: 0, parts: [name], original: name, loc } as hbs.AST.PathExpression);

const text = (value: string, loc: hbs.AST.SourceLocation): hbs.AST.StringLiteral =>
  ({ type: 'StringLiteral', value, original: value, loc } as hbs.AST.StringLiteral);

/**
 * Rewrites a parsed template so what it prints goes through strictHelpers: `{{field}}` becomes
 * `{{$value field "field"}}` (unless `field` is a helper), `lookup x "name"` becomes `$field`.
 */
export function strictOutput(ast: hbs.AST.Program, helpers: ReadonlySet<string>): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const n = node as { type?: string };
    if (n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement') {
      const call = node as hbs.AST.MustacheStatement;
      const path = call.path.type === 'PathExpression' ? (call.path as hbs.AST.PathExpression) : undefined;
      if (path?.original === 'lookup' && call.params[1]?.type === 'StringLiteral') {
        call.path = pathTo('$field', path.loc);
        call.loc = call.params[1].loc; // an error points at the field's name
      }
      else if (n.type === 'MustacheStatement' && path && call.params.length === 0 && !call.hash && !helpers.has(path.original)) {
        const name = path.original === '.' || path.original === 'this' ? 'this' : path.original;
        call.params = [path, text(name, path.loc)];
        call.path = pathTo('$value', path.loc);
        call.loc = path.loc;
      }
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'loc') visit(child);
  };
  visit(ast.body);
}
