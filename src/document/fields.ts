// What a template may use, for `covenant templates`: the report model's fields as named shapes,
// the helpers, and the document's elements. test/document.test.ts keeps it to the model's fields.

/** A shape's fields: a field's type is a shape's name, `[]` after it for a list, `?` when it may be null. */
export const SHAPES: Record<string, Record<string, string>> = {
  report: {
    meta: 'Meta', foreword: 'Foreword?', introduction: 'Part?', principles: 'Principles?', summary: 'Summary', sinceLastYear: 'Changes?',
    progressSince: 'Progress?: three or more years up to the report\'s',
    sections: 'Theme[]', conclusion: 'Part?', feedback: 'Part?', signatories: 'Signatories?', annex: 'Annex',
  },
  Meta: {
    year: 'text', programme: 'text: programme.yaml name', title: 'text', subtitle: 'text?', date: 'ISO date?', publisher: 'text?', reference: 'text?',
    licence: 'Licence?', rights: 'Rights?', language: 'BCP 47 language', draft: 'yes/no: report --draft', logo: 'picture?: {{image meta.logo}}', colour: 'text?: #rrggbb, report.yaml colour',
    colophon: 'yes/no: anything for the colophon', contact: 'md?', fullTitle: 'text: title and subtitle',
  },
  Licence: { name: 'text', url: 'link?: the Open Government Licence only' },
  Rights: { crown: 'yes/no: Crown copyright', holder: 'text?', year: 'text' },
  Foreword: { id: 'anchor', body: 'md', signedBy: 'Signature?', footnotes: 'Footnote[]' },
  Signature: { name: 'text', role: 'text?' },
  Part: { id: 'anchor', body: 'md', footnotes: 'Footnote[]' },
  Footnote: { number: 'number', text: 'md' },
  Principles: { id: 'anchor', items: 'md[]' },
  Summary: {
    id: 'anchor', total: 'number', departmentCount: 'number', pledgingDepartments: 'number', byStatus: 'StatusCount[]: every status',
    present: 'StatusCount[]: those with pledges', statuses: 'StatusKey[]: those with pledges', byDepartment: 'DepartmentCount[]',
  },
  StatusCount: { status: 'status', count: 'number', percent: 'number' },
  StatusKey: { status: 'status' },
  DepartmentCount: { department: 'Department', counts: 'StatusCount[]: count and status only', total: 'number' },
  Department: { id: 'id', name: 'text', shortName: 'text: short_name, else name' },
  Changes: {
    id: 'anchor', previousYear: 'text', metSinceLastYear: 'number', regressions: 'number', statusChanges: 'number', total: 'number: changes of every kind',
    moves: 'Move[]', added: 'PledgeRef[]', removed: 'PledgeRef[]', reworded: 'Reworded[]', themeMoves: 'ThemeMove[]', figures: 'FigureMove[]',
    departmentsAdded: 'text[]: names', departmentsRemoved: 'text[]: names',
  },
  Progress: {
    id: 'anchor', firstYear: 'text', lastYear: 'text: the report\'s year', years: 'text[]', statuses: 'StatusKey[]: those with pledges in any year',
    byYear: 'YearCount[]', figures: 'FigureTrend[]: figures reported in two or more years',
  },
  YearCount: { year: 'text', total: 'number', counts: 'StatusCount[]: one a status of statuses', present: 'StatusCount[]: those with pledges that year' },
  FigureTrend: { id: 'anchor: its chart\'s', department: 'Department', pledge: 'id', label: 'text', unit: 'text?', points: 'Point[]: the years it was reported' },
  Point: { year: 'text', value: 'number' },
  Step: { year: 'text', status: 'status', regression: 'yes/no' },
  Move: { pledge: 'PledgeRef', from: 'status', to: 'status', regression: 'yes/no' },
  PledgeRef: { department: 'Department', id: 'id', commitment: 'md', status: 'status' },
  Reworded: { pledge: 'PledgeRef', from: 'md: last year\'s words' },
  ThemeMove: { pledge: 'PledgeRef', from: 'text: theme title', to: 'text: theme title' },
  FigureMove: { pledge: 'PledgeRef', label: 'text', unit: 'text?', change: 'moved, new or gone', from: 'number?', to: 'number?' },
  Theme: {
    id: 'anchor', title: 'text: programme.yaml theme title', body: 'md?', caseStudies: 'CaseStudy[]', quotes: 'Quote[]', pledges: 'Pledge[]',
    departments: 'DepartmentPledges[]: the same pledges, a heading a department', nextSteps: 'md?', footnotes: 'Footnote[]',
  },
  CaseStudy: { title: 'text', body: 'md' },
  Quote: { text: 'md', attribution: 'text?' },
  DepartmentPledges: { department: 'Department', pledges: 'Pledge[]' },
  Pledge: {
    id: 'id', anchor: 'anchor', department: 'Department', theme: 'theme id', status: 'status', previousStatus: 'status?: when it moved',
    statusMove: 'up, down or previously?', regression: 'yes/no', isNew: 'yes/no', commitment: 'md', progress: 'md?', nextSteps: 'md?',
    outcomes: 'Outcome[]', metrics: 'Metric[]', links: 'Link[]', history: 'Step[]: status history, with Progress only',
  },
  Outcome: { id: 'id', title: 'text' },
  Metric: { id: 'id', label: 'text', value: 'number', unit: 'text?', previous: 'number?: last year\'s, when it moved', change: 'number?' },
  Link: { title: 'text', url: 'link' },
  Signatories: { id: 'anchor', items: 'Signatory[]' },
  Signatory: { department: 'Department', name: 'text?', position: 'text?', date: 'ISO date?' },
  Annex: { id: 'anchor', groups: 'DepartmentPledges[]' },
};

/**
 * Fields the model keeps in English for the PDF writer until it maps the document: templates take
 * their words from the catalogue instead ({{t "status" status}}), so they are not listed.
 */
export const NOT_FOR_TEMPLATES = ['statusLabel', 'statusChange', 'previousStatusLabel', 'fromLabel', 'toLabel', 'label', 'definition', 'description', 'title', 'contents', 'copyright'];

export const HELPERS: [string, string][] = [
  ['t "key" [more…] [name=value…]', 'a word from the catalogue, its {names} filled: {{t "heading.changes" year=previousYear}}; {{t "status" status}} is "status.met"'],
  ['rich field', 'a Markdown field (md) as blocks: {{rich body}}'],
  ['inline field', 'a Markdown field on one line, inside a sentence or an item'],
  ['text field', 'a plain text from the data (a name, a title) as {{field}} writes it, known by where it is written: {{text department.name}}'],
  ['image picture', 'a picture: {{image meta.logo}}'],
  ['link url text', 'a link to put in a catalogue sentence: {{t "colophon.licensed" licence=(link licence.url licence.name)}}'],
  ['formatDate iso', '"2019-10-01" as the catalogue writes dates: 1 October 2019'],
  ['formatNumber n', '3,162'],
  ['formatSigned n', '+401, −24'],
  ['formatPercent n', '45%'],
  ['formatFigure n unit', '£1,500,000, 12 offices'],
  ['formatDifference from to', 'the signed change between two figures'],
  ['if, unless, each, with', 'Handlebars\' own; a field the model does not have is an error'],
];

export const ELEMENTS: [string, string][] = [
  ['<section role="…" [id] [break="page"]>', 'a part: role names it (cover, theme, annex…); break asks a paged format for a new page'],
  ['<h level="1-6" [id] [outline="true"]>', 'a heading; outline puts it in the contents and the PDF\'s bookmarks'],
  ['<p [style="lead|small|signature|caption"]>', 'a paragraph (text straight inside a section is one too)'],
  ['<list [ordered="true"] [style="plain"]><item>', 'a list'],
  ['<quote>…<attribution>', 'a quotation and who said it'],
  ['<definitions><term><value>', 'terms and their values'],
  ['<table [id] [stack="true"]><caption><col [weight] [align="right"]><thead|tbody><row [outline]><cell [header="col|row"] [align]>', 'a table; stack makes rows cards on a phone; outline names the group a body row starts, a PDF bookmark'],
  ['<figure [id]><alt><caption><bar label value [status] [text]>', 'a bar chart and the words it shows'],
  ['<note role="banner|draft|callout">', 'a notice set apart'],
  ['<contents>words</contents>', 'the contents: the outline headings after it'],
  ['<footnotes/>', 'the footnotes of the Markdown fields put in since the last <footnotes/>'],
  ['<rule/>, <codeblock>', 'a rule; code'],
  ['<strong>, <em>, <code>, <br/>, <a href>', 'inline'],
  ['<status value="met">, <span role="change|regression|hidden">', 'a status badge; words set apart, or for screen readers only'],
];

/** Every field path the listing describes ("sections[].pledges[].commitment"), for the test. */
export function describedPaths(shape = 'report', prefix = '', seen: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const [field, type] of Object.entries(SHAPES[shape]!)) {
    const path = prefix ? `${prefix}.${field}` : field;
    const name = /^(\w+)/.exec(type)![1]!;
    const list = type.split(':')[0]!.includes('[]');
    const at = list ? `${path}[]` : path;
    out.push(path);
    if (list) out.push(at);
    if (SHAPES[name] && !seen.includes(name)) out.push(...describedPaths(name, at, [...seen, name]));
  }
  return out;
}
