// `covenant templates`: what a template may use (the report model's fields, the helpers, the
// document's elements) and the files a --templates folder may replace.
import { ELEMENTS, HELPERS, SHAPES } from '../document/fields.js';
import { shippedNames } from '../document/templates.js';
import { EXIT, type Io } from './io.js';

const columns = (rows: readonly [string, string][]) => {
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, what]) => `  ${name.padEnd(width)}  ${what}`).join('\n');
};

export function templates(io: Io): number {
  const files = shippedNames().map((name) => `${name}.hbs`);
  const shapes = Object.entries(SHAPES).map(([shape, fields]) =>
    `${shape === 'report' ? 'report.hbs sees' : shape}:\n${columns(Object.entries(fields))}`);
  io.stdout.write(`Templates (--templates DIR replaces any of these by its path; locales/<language>.yaml changes words):
${files.map((f) => `  ${f}`).join('\n')}

Fields. A type after a name is its shape below; [] a list; ? may be null (test it with #if);
md is a Markdown field, put in with {{rich field}}.

${shapes.join('\n\n')}

Helpers:
${columns(HELPERS)}

Elements of the document a template writes:
${columns(ELEMENTS)}
`);
  return EXIT.ok;
}
