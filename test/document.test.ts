// One document for every format: every word the tool adds comes from the catalogue (a pseudo-locale
// shows any that does not), and a custom template changes every format alike.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { crc32, deflateSync } from 'node:zlib';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse, stringify } from 'yaml';
import { loadDataset } from '../src/data/dataset.js';
import { describedPaths, NOT_FOR_TEMPLATES } from '../src/document/fields.js';
import { buildReport } from '../src/report/build.js';
import { FORMATS, writers, type Format } from '../src/render/index.js';
import { docxText } from './helpers/docx.js';
import { run } from './helpers/run.js';
import { copyToTemp, removeTemp } from './helpers/temp-data.js';
import { htmlText } from './helpers/text.js';
import { needing } from './helpers/system.js';

const DATA = 'test/fixtures/report';
/** Four years: the report on the last shows progress since the first. */
const HISTORY = 'test/fixtures/history';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'covenant-document-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The words a reader sees in a format's output; for HTML, the accessible names as well. */
async function wordsOf(format: Format, templates: string, extra: string[] = [], source = { data: DATA, year: '2019' }): Promise<string> {
  const args = ['report', source.year, '--data', source.data, '--format', format, '--templates', templates, ...extra];
  if (writers[format].kind === 'text') {
    const result = await run([...args, '-o', '-']);
    expect(result.stderr).toBe('');
    if (format === 'md') return htmlText(new MarkdownIt({ html: true }).render(result.stdout));
    const names = [...result.stdout.matchAll(/(?:aria-label|alt|data-label)="([^"]*)"/g)].map((m) => m[1]).join(' ');
    return `${htmlText(result.stdout)} ${names}`;
  }
  const file = join(dir, `report.${writers[format].extension}`);
  const result = await run([...args, '-o', file]);
  expect(result.code).toBe(0);
  if (format === 'docx') return docxText(readFileSync(file));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** Every writer maps the document, the PDF's included: each test runs once a format. */
const eachFormat = (name: string, body: (format: Format) => Promise<void>) => {
  // The PDF is read back with poppler.
  for (const format of FORMATS) needing(...(format === 'pdf' ? ['poppler-utils' as const] : [])).test(`${name} (${format})`, () => body(format), 60_000);
};

describe('a pseudo-locale: every word the tool adds comes from the catalogue', () => {
  let templates: string;
  /** Letters of the catalogue's words, accented, so that a word in plain English stands out. */
  const ACCENTS: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', n: 'ñ', c: 'ç' };
  const pseudo = (words: string) => `⟦${words.split(/(\{\w+\})/).map((part, i) => (i % 2 ? part : part.replace(/[aeiouAEIOUnc]/g, (c) => ACCENTS[c]!))).join('')}⟧`;
  const transform = (value: unknown): unknown => typeof value === 'string' ? pseudo(value)
    : Array.isArray(value) ? value.map(transform)
      : Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, transform(v)]));

  /** Every word written in the data, which may appear anywhere. */
  const dataWords = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string' || typeof value === 'number') for (const w of String(value).match(/\p{L}+/gu) ?? []) dataWords.add(w);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };

  beforeAll(() => {
    templates = join(dir, 'pseudo');
    mkdirSync(join(templates, 'locales'), { recursive: true });
    writeFileSync(join(templates, 'locales/en-GB.yaml'), stringify(transform(parse(readFileSync('templates/locales/en-GB.yaml', 'utf8')))));
    const walk = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.yaml')) collect(parse(readFileSync(path, 'utf8')));
      }
    };
    walk(DATA);
    walk(HISTORY);
  });

  /** The words left once the catalogue's (in ⟦…⟧, nested or not) and the data's are taken out. */
  const foreign = (text: string): string[] => {
    let rest = text;
    for (let before = ''; before !== rest;) [before, rest] = [rest, rest.replace(/⟦[^⟦⟧]*⟧/g, ' ')];
    return [...new Set((rest.match(/\p{L}+/gu) ?? []).filter((w) => !dataWords.has(w)))];
  };

  eachFormat('no word outside the catalogue and the data', async (format) => {
    const text = await wordsOf(format, templates, ['--draft']);
    expect(text).toContain('⟦Dráft: ñót fór públíçátíóñ⟧');
    expect(foreign(text)).toEqual([]);
  });

  eachFormat('no word outside the catalogue and the data, with progress over four years', async (format) => {
    const text = (await wordsOf(format, templates, [], { data: HISTORY, year: '2016' })).replace(/\s+/g, ' ');
    expect(text).toContain('⟦Prógréss síñçé 2013⟧');
    expect(text).toContain('⟦⟦Plédgéd⟧ 2013⟧⟦ → ⟧⟦⟦Óñ tráçk⟧ 2014⟧');
    expect(foreign(text)).toEqual([]);
  });

  test('the test would see a word from elsewhere', () => {
    expect(foreign('⟦Pújblíshéd⟧ 1 ⟦Óçtóbér⟧ 2019 Published')).toEqual(['Published']);
  });
});

describe('a custom template changes every format', () => {
  eachFormat('the worked example: a banner, a heading renamed, a part dropped', async (format) => {
    const text = (await wordsOf(format, 'examples/custom-templates')).replace(/\s+/g, ' ');
    expect(text).toContain('Draft: not for publication');
    expect(text).toContain('Annex A: every commitment and its progress');
    expect(text).not.toContain('Annex A: progress on each commitment');
    expect(text).not.toContain('All parts of society have a responsibility to help care leavers.');
    expect(text).toContain('Planned publication');
  });
});

describe('template folders', () => {
  const report = (templates: string) => run(['report', '2019', '--data', DATA, '--format', 'md', '-o', '-', '--templates', templates]);

  test.each([
    ['partials/Cover.hbs', 'partials/Cover.hbs: no shipped template is called partials/Cover.hbs and no template calls it: did you mean partials/cover.hbs?'],
    ['front-cover.hbs', 'front-cover.hbs: no shipped template is called front-cover.hbs and no template calls it: did you mean partials/cover.hbs?'],
    ['partials/pledges.hbs', 'partials/pledges.hbs: no shipped template is called partials/pledges.hbs and no template calls it: did you mean partials/pledge.hbs?'],
  ])('a misnamed file, %s, is an error naming what it could have meant', async (file, message) => {
    const folder = mkdtempSync(join(dir, 'misnamed-'));
    mkdirSync(join(folder, 'partials'), { recursive: true });
    writeFileSync(join(folder, file), '<section role="cover"></section>\n');
    const result = await report(folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^covenant: template error: ${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} The templates are report\\.hbs, partials/annex\\.hbs, `));
  });

  test('a new partial that a template calls is a part added, not a mistake', async () => {
    const folder = mkdtempSync(join(dir, 'added-'));
    mkdirSync(join(folder, 'partials'));
    cpSync('templates/document/report.hbs', join(folder, 'report.hbs'));
    writeFileSync(join(folder, 'report.hbs'), readFileSync(join(folder, 'report.hbs'), 'utf8').replace('{{> annex annex}}', '{{> thanks}}\n{{> annex annex}}'));
    writeFileSync(join(folder, 'partials/thanks.hbs'), '<section role="thanks"><h level="2" id="thanks" outline="true">Thanks</h><p>To every care leaver who spoke to us.</p></section>\n');
    const result = await report(folder);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('- [Thanks](#thanks)\n');
    expect(result.stdout).toContain('## Thanks\n\nTo every care leaver who spoke to us.\n\n## Annex A');
  });

  test('an element the document does not have is an error at its line', async () => {
    const folder = mkdtempSync(join(dir, 'element-'));
    mkdirSync(join(folder, 'partials'));
    writeFileSync(join(folder, 'partials/cover.hbs'), '<section role="cover">\n<h level="1">{{title}}</h>\n<div class="x">{{subtitle}}</div>\n</section>\n');
    const result = await report(folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^covenant: template error: .*partials\/cover\.hbs:3:1: <div> is not an element of the document; the elements are a, alt, attribution, /);
  });

  test('a block inside a paragraph is an error naming the template', async () => {
    const folder = mkdtempSync(join(dir, 'nesting-'));
    mkdirSync(join(folder, 'partials'));
    writeFileSync(join(folder, 'partials/cover.hbs'), '<section role="cover">\n<p><h level="1">{{title}}</h></p>\n</section>\n');
    const result = await report(folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^covenant: template error: .*partials\/cover\.hbs: <h> is a block: it cannot be inside <p>\n$/);
  });

  test('a word the catalogue does not have is an error naming the key', async () => {
    const folder = mkdtempSync(join(dir, 'word-'));
    mkdirSync(join(folder, 'partials'));
    writeFileSync(join(folder, 'partials/cover.hbs'), '<section role="cover">\n<h level="1">{{t "cover.titel"}}</h>\n</section>\n');
    const result = await report(folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('templates/locales/en-GB.yaml has no "cover.titel": add it, as in the shipped templates/locales/en-GB.yaml');
  });

  test('a catalogue key that covenant does not use is an error with the key it may mean', async () => {
    const folder = mkdtempSync(join(dir, 'locale-'));
    mkdirSync(join(folder, 'locales'));
    writeFileSync(join(folder, 'locales/en-GB.yaml'), 'heading:\n  anex: Annexe\n');
    const result = await report(folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`covenant: template error: ${folder}/locales/en-GB.yaml: "heading.anex" is not a word covenant uses (did you mean "heading.annex"?)\n`);
  });

  test('a folder in the old layout is a usage error that says how to move', async () => {
    const folder = mkdtempSync(join(dir, 'old-'));
    mkdirSync(join(folder, 'html/partials'), { recursive: true });
    const result = await report(folder);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`covenant: --templates ${folder} has html/, the layout of covenant's earlier templates: one set of templates now writes every format. `
      + 'Copy the files to change from templates/document/ (report.hbs, partials/*.hbs) or templates/locales/ (the words) into the folder, keeping their paths, '
      + 'and make the same change there; `covenant templates` lists what they may use');
  });
});

describe('covenant templates', () => {
  test('lists the files, every field the report model gives templates, the helpers and the elements', async () => {
    const result = await run(['templates']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Templates \(--templates DIR replaces any of these by its path; locales\/<language>\.yaml changes words\):\n  report\.hbs\n  partials\/annex\.hbs\n/);
    for (const line of ['report.hbs sees:', '  sinceLastYear  Changes?', 'Pledge:', '  statusMove      up, down or previously?', 'Helpers:', 'Elements of the document a template writes:']) {
      expect(result.stdout).toContain(`${line}\n`);
    }
  });

  test('the listing holds every field of the report model, and no more', async () => {
    const paths = new Set<string>();
    const walk = (value: unknown, path: string): void => {
      if (NOT_FOR_TEMPLATES.includes(path.split('.').pop()!.replace('[]', ''))) return;
      if (path) paths.add(path);
      if (Array.isArray(value)) {
        paths.add(`${path}[]`);
        for (const item of value) walk(item, `${path}[]`);
      } else if (value && typeof value === 'object' && (value as { kind?: unknown }).kind !== 'rich' && (value as { type?: unknown }).type !== 'image') {
        for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
      }
    };
    for (const [data, year, previous] of [[DATA, '2019', '2018'], ['data', '2019', '2014']] as const) {
      const loaded = await loadDataset({ dataDir: data, cwd: process.cwd(), years: [year, previous] });
      walk(buildReport({ programme: loaded.dataset!.programme, year: loaded.dataset!.years.get(year)!, previous: loaded.dataset!.years.get(previous)! }), '');
    }
    const described = new Set(describedPaths());
    expect([...paths].filter((p) => !described.has(p))).toEqual([]);
  });
});

describe('the look as data: a logo, the language, a draft', () => {
  let folder: string;
  beforeEach(() => {
    folder = copyToTemp(DATA);
  });
  afterEach(() => removeTemp(folder));

  /** A PNG of one white pixel. */
  const png = () => {
    const chunk = (type: string, body: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(body.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), body])));
      return Buffer.concat([length, Buffer.from(type), body, crc]);
    };
    const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.from([0, 255, 255, 255]))), chunk('IEND', Buffer.alloc(0))]);
  };
  const withReport = (lines: string) => {
    const file = join(folder, 'data/2019/report.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('licence: Open Government Licence v3.0\n', `licence: Open Government Licence v3.0\n${lines}`));
  };
  const report = (format: string, extra: string[] = []) => run(['report', '2019', '--format', format, '-o', '-', ...extra], { cwd: folder });

  test('a logo named in report.yaml is on the cover of every text format, with its alt text', async () => {
    writeFileSync(join(folder, 'data/2019/crest.png'), png());
    withReport('logo:\n  file: crest.png\n  alt: HM Government crest\n');
    const base64 = png().toString('base64');
    expect((await report('md')).stdout).toContain(`![HM Government crest](data:image/png;base64,${base64})`);
    expect((await report('html')).stdout).toContain(`<img class="covenant-logo" src="data:image/png;base64,${base64}" alt="HM Government crest">`);
  });

  test.each([
    ['missing.png', null, 'logo.file: there is no file missing.png beside report.yaml'],
    ['crest.png', 'GIF89a', 'logo.file: crest.png is not a PNG or JPEG picture'],
    ['../crest.png', null, 'logo.file must be inside the year\'s folder, not ../crest.png'],
  ])('a logo file %s that cannot be used is a problem at its line', async (file, content, message) => {
    if (content) writeFileSync(join(folder, 'data/2019', file), content);
    withReport(`logo:\n  file: ${file}\n  alt: HM Government crest\n`);
    const result = await run(['validate', '2019', '--format', 'json'], { cwd: folder });
    expect(result.code).toBe(1);
    const problems = JSON.parse(result.stdout) as { file: string; line: number; column: number; rule: string; message: string }[];
    expect(problems.map((p) => [p.file, p.line, p.column, p.rule, p.message])).toEqual([['data/2019/report.yaml', 8, 9, 'logo', message]]);
  });

  test('the language names the catalogue, and the HTML is marked with it', async () => {
    withReport('language: cy\n');
    const missing = await report('html');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('covenant: template error: there is no catalogue for language "cy" (report.yaml\'s language): add locales/cy.yaml to a --templates folder, translated from templates/locales/en-GB.yaml\n');
    mkdirSync(join(folder, 'welsh/locales'), { recursive: true });
    cpSync('templates/locales/en-GB.yaml', join(folder, 'welsh/locales/cy.yaml'));
    writeFileSync(join(folder, 'welsh/locales/cy.yaml'), readFileSync(join(folder, 'welsh/locales/cy.yaml'), 'utf8').replace('foreword: Foreword', 'foreword: Rhagair'));
    const html = await report('html', ['--templates', 'welsh']);
    expect(html.stderr).toBe('');
    expect(html.stdout).toContain('<html lang="cy" class="govuk-template">');
    expect(html.stdout).toContain('<h2 class="govuk-heading-l" id="foreword">Rhagair</h2>');
  });

  test('--draft puts a Draft note on the cover of every text format', async () => {
    expect((await report('md', ['--draft'])).stdout).toContain('\n> Draft: not for publication\n');
    const html = (await report('html', ['--draft'])).stdout;
    expect(html).toContain('<body class="govuk-template__body covenant-draft">');
    expect(html).toContain('<div class="covenant-note covenant-note--draft" role="note">\n<p class="govuk-body">Draft: not for publication</p>\n</div>');
    expect((await report('md')).stdout).not.toContain('Draft');
  });
});

describe('a table row that starts a group', () => {
  const read = async (xml: string) => {
    const { readDocument } = await import('../src/document/xml.js');
    return readDocument(xml, { ref: () => undefined, takeFootnotes: () => [] }, 'partials/annex.hbs');
  };
  const table = (head: string, body: string) => `<table><caption>Pledges</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;

  test('carries the group\'s name, its spaces as one, and a row without one carries none', async () => {
    const blocks = await read(table('<row><cell header="col">Department</cell></row>', '<row outline=" Department for\n  Education "><cell>DfE</cell></row><row><cell>DfE</cell></row>'));
    const body = (blocks[0] as Extract<typeof blocks[0], { type: 'table' }>).body;
    expect(body).toEqual([
      { cells: [{ blocks: [{ type: 'paragraph', children: [{ type: 'text', text: 'DfE' }] }] }], outline: 'Department for Education' },
      { cells: [{ blocks: [{ type: 'paragraph', children: [{ type: 'text', text: 'DfE' }] }] }] },
    ]);
  });

  test('is an error with no name, or in the header that repeats on every page', async () => {
    await expect(read(table('<row><cell>Department</cell></row>', '<row outline=" "><cell>DfE</cell></row>')))
      .rejects.toThrow('partials/annex.hbs: <row outline=""> names no group: outline is the name a reader jumps to, such as {{department.name}}');
    await expect(read(table('<row outline="Departments"><cell>Department</cell></row>', '<row><cell>DfE</cell></row>')))
      .rejects.toThrow('partials/annex.hbs: <row outline> starts a group of body rows: it cannot be in <thead>, whose rows repeat on every page');
  });

  test('named by {{text}}, which writes an element, is an error at its line saying what to write', async () => {
    const folder = mkdtempSync(join(dir, 'outline-'));
    mkdirSync(join(folder, 'partials'));
    const annex = readFileSync('templates/document/partials/annex.hbs', 'utf8');
    writeFileSync(join(folder, 'partials/annex.hbs'), annex.replace('outline="{{department.name}}"', 'outline="{{text department.name}}"'));
    const result = await run(['report', '2019', '--data', DATA, '--format', 'md', '-o', '-', '--templates', folder]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^covenant: template error: .*partials\/annex\.hbs:9:1: <row outline="\{\{text department\.name\}\}">: an attribute holds plain words, not what \{\{text\}\} writes; write \{\{department\.name\}\}\n$/);
  });
});

describe('text XML may not hold', () => {
  test('a noncharacter, a lone surrogate or U+F8FF from the data reach the document as written', async () => {
    const { readDocument } = await import('../src/document/xml.js');
    const text = 'a\uFFFF b\uD800 c\uF8FF d\uFFFE';
    const blocks = readDocument(`<p><em>${text}</em></p><p><a href="https://x.invalid/${text}">x</a></p>`, { ref: () => undefined, takeFootnotes: () => [] }, 'report.hbs');
    expect(blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'em', children: [{ type: 'text', text }] }] },
      { type: 'paragraph', children: [{ type: 'link', href: `https://x.invalid/${text}`, children: [{ type: 'text', text: 'x' }] }] },
    ]);
  });
});
