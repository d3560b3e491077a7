// The Handlebars templates that write the document: the shipped ones in templates/document/, any of
// which a --templates DIR overrides by file name. Errors name the template file and line.
//
// The shipped templates are checked and compiled once, at build time (scripts/build-templates.js,
// into build/templates.cjs): a run without --templates loads only Handlebars' runtime. Custom
// templates are compiled when they are used, with the same options and the same checks.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';
// The runtime alone, imported so that the bundle holds it; the compiler is loaded only for --templates.
import runtime from 'handlebars/runtime.js';
import { closest } from '../data/suggest.js';
import { displayPath } from '../problems.js';
import { helpers } from './helpers.js';
import { checkMarkup, checkTemplate } from './template-check.js';
import { produced, readTemplateFolder, step, strictHelpers, strictOutput, TemplateLimitError, withinBudget } from './template-safety.js';
import { TEMPLATE_MARK } from './xml.js';

/** The shipped templates' folder: report.hbs and partials/*.hbs. */
export const shippedTemplates = fileURLToPath(new URL('../../templates/document/', import.meta.url));

/**
 * How every template is compiled. strict: a field the model does not have is an error, never an
 * empty string in a publication. Escaping on: data text is text in the document's XML. knownHelpers:
 * the names of Handlebars' own plumbing, and the removed {{log}}, are read as fields (and, being
 * none, fail) rather than called.
 */
export const COMPILE_OPTIONS = {
  strict: true, preventIndent: true,
  // covenant's helpers are always there: known, they are called directly rather than looked up at each use.
  knownHelpers: {
    log: false, helperMissing: false, blockHelperMissing: false,
    ...Object.fromEntries(Object.keys({ ...helpers, ...strictHelpers }).map((name) => [name, true])),
  },
};

/** A shipped template as the build compiled it: its file (from the package root) and its code. */
interface Precompiled {
  file: string;
  spec: TemplateSpecification;
}

type Environment = typeof Handlebars;
const require = createRequire(import.meta.url);

/** A template that could not be compiled or rendered: exit 1, with the file and line. */
export class TemplateError extends Error {
  constructor(readonly file: string, readonly line: number, readonly column: number, readonly reason: string) {
    super(`${file}${line ? `:${line}:${column}` : ''}: ${reason}`);
  }
}

interface Source {
  name: string;
  file: string;
  text: string;
}

/**
 * A folder's report.hbs and partials/*.hbs, each named as templates call it ("partials/pledge"),
 * read safely (template-safety.ts): only from inside the folder, never from a pipe.
 */
export async function templateSources(dir: string, display: (file: string) => string): Promise<Source[]> {
  try {
    return readTemplateFolder(dir);
  } catch (error) {
    // A template the user cannot use (a link out of the folder, a pipe, permissions) is theirs to fix, not a bug.
    if (error instanceof TemplateLimitError) throw new TemplateError(display(error.file), 0, 0, error.message);
    throw error;
  }
}

/** The partials among templates' names, as a template calls them: "partials/pledge" is {{> pledge}}. */
export function partialNames(names: Iterable<string>): Set<string> {
  return new Set([...names].filter((name) => name.startsWith('partials/')).map((name) => name.slice('partials/'.length)));
}

function position(error: unknown): { line: number; column: number; reason: string } {
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e.message ?? error);
  const parse = /Parse error on line (\d+):[\s\S]*?\n(Expecting [^\n]*|[^\n]*)$/.exec(message);
  if (parse) return { line: Number(parse[1]), column: 1, reason: `syntax error: ${parse[2]}` };
  const at = / - (\d+):(\d+)$/.exec(message);
  if (at) return { line: Number(at[1]), column: Number(at[2]) + 1, reason: message.replace(/ - \d+:\d+$/, '').replace(/ in \[object Object\]/, '') };
  return { line: e.lineNumber ?? 0, column: (e.column ?? 0) + 1, reason: message };
}

/**
 * Handlebars' strict mode checks {{field}} but not the arguments of #if, #unless, #each and #with,
 * so {{#if subtitel}} would quietly print nothing. The report model has no undefined values (an
 * absent part is null), so an undefined argument can only be a field the model does not have.
 */
function guardBlockHelpers(hb: typeof Handlebars): void {
  for (const name of ['if', 'unless', 'each', 'with']) {
    const original = hb.helpers[name]!;
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1] as Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } };
      if (args.length > 1 && args[0] === undefined) {
        const error = new Error(`#${name} names a field the report model does not have`) as Error & { lineNumber?: number; column?: number };
        error.lineNumber = options.loc?.start.line ?? 0;
        error.column = options.loc?.start.column ?? 0;
        throw error;
      }
      // Each run of the block's body is a step of the rendering's bounded work.
      const fn = options.fn;
      if (typeof fn === 'function') options.fn = ((...a: Parameters<typeof fn>) => (step(''), fn(...a))) as typeof fn;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    });
  }
}

export interface TemplateSet {
  /** report.hbs as errors name it. */
  file: string;
  render(view: unknown): string;
}

/** An environment with covenant's helpers; the whole of Handlebars only when templates are to be compiled. */
function environment(compiler: boolean): Environment {
  const hb = compiler ? (require('handlebars') as Environment) : (runtime as unknown as Environment);
  const env = hb.create();
  // {{log}} writes to the process's console: into the report itself when it goes to standard output.
  env.unregisterHelper('log');
  for (const [name, helper] of Object.entries({ ...helpers, ...strictHelpers })) env.registerHelper(name, helper as Handlebars.HelperDelegate);
  guardBlockHelpers(env);
  return env;
}

/** The names templates may call as helpers: helperMissing and blockHelperMissing are Handlebars' own plumbing. */
export function helperNames(env: Environment = environment(false)): Set<string> {
  return new Set(Object.keys(env.helpers).filter((name) => !name.endsWith('Missing') && !name.startsWith('$')));
}

/**
 * Checks and compiles a template's text: a syntax error, an unknown helper or partial, or a name
 * every object has is a TemplateError at its file and line. `compile` is Handlebars' compile() or precompile().
 */
export function checkAndCompile<T>(text: string, file: string, hb: Environment, names: { helpers: ReadonlySet<string>; partials: ReadonlySet<string> },
  compile: (text: string, options: typeof COMPILE_OPTIONS) => T): T {
  let ast: ReturnType<Environment['parse']>;
  try {
    ast = hb.parse(text);
  } catch (error) {
    const { line, column, reason } = position(error);
    throw new TemplateError(file, line, column, reason);
  }
  const mistake = checkTemplate(ast, names.helpers, names.partials) ?? checkMarkup(text);
  if (mistake) throw new TemplateError(file, mistake.line, mistake.column, mistake.reason);
  // What a template prints must be text: compiled from the rewritten tree (Handlebars takes either).
  strictOutput(ast, names.helpers);
  return compile(ast as unknown as string, COMPILE_OPTIONS);
}

let precompiled: Record<string, Precompiled> | undefined;

/** The shipped templates, as the build compiled them. */
function shipped(): Record<string, Precompiled> {
  precompiled ??= require('../../build/templates.cjs') as Record<string, Precompiled>;
  return precompiled;
}

/** The template files a folder may hold, by the name templates call them. */
export function shippedNames(): string[] {
  return Object.keys(shipped());
}

/**
 * A custom file must replace a shipped one, or be a partial that a custom template calls (a part
 * added): anything else is a misnamed file that would quietly change nothing.
 */
function checkNames(own: readonly Source[], display: (file: string) => string): void {
  const known = shippedNames();
  const called = new Set(own.flatMap((source) => [...source.text.matchAll(/\{\{#?>\s*([\w-]+)/g)].map((m) => `partials/${m[1]}`)));
  for (const source of own) {
    if (known.includes(source.name) || called.has(source.name)) continue;
    const meant = couldMean(source.name, known).map((n) => `${n}.hbs`);
    throw new TemplateError(display(source.file), 0, 0, `no shipped template is called ${source.name}.hbs and no template calls it: `
      + (meant.length > 0 ? `did you mean ${meant.join(' or ')}? ` : '') + `The templates are ${known.map((n) => `${n}.hbs`).join(', ')}`);
  }
}

/** The shipped names a misnamed file could have meant: the nearest spelling ("Cover"), or those within it ("front-cover"). */
function couldMean(name: string, known: readonly string[]): string[] {
  const base = (n: string) => n.replace(/^partials\//, '').toLowerCase();
  const near = closest(base(name), known.map(base));
  if (near) return known.filter((n) => base(n) === near);
  return known.filter((n) => base(name).split(/[-_. ]/).includes(base(n)) || base(n).split('-').includes(base(name)));
}

/** Each template's output is marked with its file, so a mistake in the document names the template. */
const marked = (file: string, template: Handlebars.TemplateDelegate): Handlebars.TemplateDelegate =>
  (context, options) => `<?${TEMPLATE_MARK} ${file}?>${template(context, options)}<?${TEMPLATE_MARK}?>`;

/**
 * Loads report.hbs and partials/*.hbs, the custom folder's files replacing shipped ones of the same
 * name. `cwd` makes error paths relative.
 */
export async function loadTemplates(custom: string | undefined, cwd: string): Promise<TemplateSet> {
  const display = (file: string) => displayPath(cwd, file);
  const own = custom ? await templateSources(custom, display) : [];
  checkNames(own, display);
  const builtIn = shipped();
  const hb = environment(own.length > 0);
  const templates = new Map<string, { file: string; template: Handlebars.TemplateDelegate }>();
  for (const [name, { file, spec }] of Object.entries(builtIn)) {
    templates.set(name, { file: join(shippedTemplates, '..', '..', file), template: hb.template(spec) });
  }
  if (own.length > 0) {
    const names = {
      helpers: helperNames(hb),
      partials: partialNames([...Object.keys(builtIn), ...own.map((s) => s.name)]),
    };
    for (const source of own) {
      templates.set(source.name, { file: source.file, template: checkAndCompile(source.text, display(source.file), hb, names, (text, options) => hb.compile(text, options)) });
    }
  }
  /** A template whose errors while rendering name its file and line. */
  const located = ({ file, template }: { file: string; template: Handlebars.TemplateDelegate }) =>
    (context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        step(file);
        return produced(file, template(context, options));
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        if (error instanceof TemplateLimitError) throw new TemplateError(display(error.file || file), 0, 0, error.message);
        const { line, column, reason } = position(error);
        throw new TemplateError(display(file), line, column, reason);
      }
    };

  let main: ((context: unknown) => string) | undefined;
  for (const [name, entry] of templates) {
    const template = located(entry);
    if (name === 'report') main = template;
    else hb.registerPartial(name.replace(/^partials\//, ''), marked(display(entry.file), template) as Handlebars.Template);
  }
  if (!main) throw new TemplateError(display(join(custom ?? shippedTemplates, 'report.hbs')), 0, 0, 'the main template report.hbs is missing');
  const render = main;
  const file = display(templates.get('report')!.file);
  // The bound is for templates from outside: the shipped ones are known to finish, and measuring a
  // model of 10,000 pledges for it takes a tenth of the rendering.
  return { file, render: own.length > 0 ? (view) => withinBudget(view, () => render(view)) : render };
}
