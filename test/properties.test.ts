// Property tests (fast-check, fixed seed): whatever a data file holds, loading and checking it gives
// located problems and never throws; whatever valid data holds, every writer keeps every commitment.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { stringify } from 'yaml';
import { checkSchema } from '../src/data/check-schema.js';
import { loadDataset } from '../src/data/dataset.js';
import { readData } from '../src/data/read.js';
import type { Segment } from '../src/data/source.js';
import { checkDepartment, checkProgramme, checkReport } from '../src/data/rules.js';
import type { FileKind } from '../src/data/schemas.js';
import type { Problem } from '../src/problems.js';
import { exportWriters } from '../src/export/index.js';
import { exportTable } from '../src/export/rows.js';
import { buildReport } from '../src/report/build.js';
import type { ReportModel } from '../src/report/model.js';
import { writers } from '../src/render/index.js';
import { buildDocument } from '../src/document/build.js';
import { blocks as richToMarkdown, cell as richToMarkdownCell } from '../src/render/markdown.js';
import { FootnoteCounter, parseMarkdown, parseRich, plainText } from '../src/report/rich.js';
import { corruptedBytes, markdownText, mutated, oddText, randomYaml, validData, yamlSoup, type DataFolder } from './helpers/arbitraries.js';
import { readCsv } from './helpers/csv.js';
import { fixturesDir } from './helpers/fixtures.js';
import { htmlText } from './helpers/text.js';
import { PROPERTY_SEED, propertyRuns } from './helpers/property.js';
import { needing } from './helpers/system.js';

// A fixed seed, so CI sees the same cases every run; COVENANT_PROPERTY_RUNS sets how many (helpers/property.ts).
const seed = PROPERTY_SEED;
const runs = propertyRuns;
const RUNS = { structures: runs(300), soup: runs(300), mutations: runs(250), folders: runs(100), bytes: runs(100), markdown: runs(2000), plain: runs(1000), writers: runs(30), pdf: runs(3) };
const params = (numRuns: number) => ({ seed, numRuns, endOnFailure: true });
jest.setTimeout(120_000);

const valid = (file: string) => readFileSync(join(fixturesDir, 'valid', file), 'utf8');
const FILES = { programme: valid('programme.yaml'), report: valid('2019/report.yaml'), department: valid('2019/departments/dwp.yaml') };
const IDS = { themes: ['education', 'employment', 'housing'], outcomes: ['live-independently', 'financial-stability'] };

/** What `validate` finds in one file of a kind: syntax, then schema and cross-field rules. */
function problemsOf(kind: FileKind, text: string, path: string): Problem[] {
  const loaded = readData(text, path);
  if (!loaded.source || loaded.problems.length > 0 || loaded.source.value == null) return loaded.problems;
  const rules = { programme: checkProgramme, report: (s: typeof loaded.source) => checkReport(s, IDS), department: (s: typeof loaded.source) => checkDepartment(s, IDS) };
  return [...checkSchema(kind, loaded.source), ...rules[kind](loaded.source)];
}

/** Each problem names its file, a line inside it (0: the whole file), a column, a rule and a message. */
function expectLocated(problems: readonly Problem[], files: Record<string, string | Uint8Array>): void {
  // Counted once a file: a file of thousands of lines can have hundreds of problems.
  const counts = new Map<string, number>();
  // Lines as YAML 1.2 counts them: a carriage return alone ends one too.
  const lineCount = (text: string | Uint8Array) => (typeof text === 'string' ? text : Buffer.from(text).toString('utf8')).split(/\r\n|\r|\n/).length;
  for (const p of problems) {
    const text = files[p.file];
    if (text !== undefined && !counts.has(p.file)) counts.set(p.file, lineCount(text));
    const lines = counts.get(p.file) ?? 1;
    const ok = text !== undefined && Number.isInteger(p.line) && Number.isInteger(p.column) && p.line >= 0 && p.line <= lines &&
      p.column >= 0 && (p.line === 0 || p.column >= 1) && /^[a-z][a-z0-9-]*$/.test(p.rule) && p.message.trim() !== '';
    if (!ok) throw new Error(`a problem without a proper place: ${JSON.stringify(p)} (the file has ${lines} lines)`);
  }
}

describe('any file: located problems, never an exception', () => {
  const kinds: FileKind[] = ['programme', 'report', 'department'];

  test(`random structures written as YAML (${RUNS.structures} cases × 3 kinds)`, () => {
    fc.assert(fc.property(randomYaml, (text) => {
      for (const kind of kinds) expectLocated(problemsOf(kind, text, 'f.yaml'), { 'f.yaml': text });
    }), params(RUNS.structures));
  });

  test(`YAML syntax strung together at random (${RUNS.soup} cases × 3 kinds)`, () => {
    fc.assert(fc.property(yamlSoup, (text) => {
      for (const kind of kinds) expectLocated(problemsOf(kind, text, 'f.yaml'), { 'f.yaml': text });
    }), params(RUNS.soup));
  });

  test.each(kinds)(`valid %s file with lines deleted, swapped, re-indented, retyped (${RUNS.mutations} cases)`, (kind) => {
    fc.assert(fc.property(mutated(FILES[kind]), (text) => {
      expectLocated(problemsOf(kind, text, 'f.yaml'), { 'f.yaml': text });
    }), params(RUNS.mutations));
  });
});

describe('positions: the one reading places every value at its own text', () => {
  /** Data of the shapes data files hold: mappings of plain keys, lists, text, numbers, booleans. */
  const data = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('list'), tie('map')),
    leaf: fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), fc.integer(), fc.boolean(), fc.constantFrom('yes', 'no', '2019-10-01', '~x', "it's", 'a: b', 'a #b')),
    list: fc.array(tie('node'), { maxLength: 4 }),
    map: fc.dictionary(fc.stringMatching(/^[a-z][a-z_]{0,8}$/), tie('node'), { maxKeys: 4 }),
  })).map;
  const layout = fc.record({
    collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
    defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE') as fc.Arbitrary<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'>,
    indent: fc.integer({ min: 1, max: 4 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    comment: fc.boolean(),
  });

  test(`values and keys in random layouts: the text at each place reads back as the value (${RUNS.structures} cases)`, () => {
    fc.assert(fc.property(data, layout, (value, { crlf, bom, comment, ...options }) => {
      let text = stringify(value, { ...options, lineWidth: 0, minContentWidth: 0 });
      if (comment) text = text.replace(/\n/g, '  # note\n').replace(/\|  # note/g, '|').replace(/>  # note/g, '>');
      if (crlf) text = text.replace(/\n/g, '\r\n');
      const read = readData(bom ? `\uFEFF${text}` : text, 'f.yaml');
      expect(read.problems).toEqual([]);
      expect(read.source!.value).toEqual(value);
      const lines = text.split(/\r?\n/);
      const textAt = (segments: Segment[], key?: string) => {
        const { line, column, length } = read.source!.places.at(segments, key);
        return lines[line - 1]!.slice(column - 1, column - 1 + length);
      };
      const check = (node: unknown, segments: Segment[]): void => {
        if (Array.isArray(node)) node.forEach((item, i) => check(item, [...segments, i]));
        else if (node !== null && typeof node === 'object') {
          for (const [key, item] of Object.entries(node)) {
            expect([segments, key, readData(textAt(segments, key), 'k.yaml').source?.value]).toEqual([segments, key, key]);
            check(item, [...segments, key]);
          }
        } else if (typeof node !== 'string' || (!node.includes('\n') && node.trim() === node && node !== '')) {
          // A scalar on its line: read alone, the text there is the value.
          const written = textAt(segments).replace(/ {2}# note$/, '').replace(/,$/, '');
          expect([segments, readData(written, 'v.yaml').source?.value]).toEqual([segments, node]);
        }
      };
      check(value, []);
    }), params(RUNS.structures));
  });
});

describe('a data folder: loadDataset, and the report when it loads', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'covenant-properties-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** Writes the three files into a fresh folder, loads it, checks the problems, renders if valid. */
  async function loadFolder(files: { programme: string | Uint8Array; report: string | Uint8Array; department: string | Uint8Array }): Promise<void> {
    const data = mkdtempSync(join(root, 'data-'));
    mkdirSync(join(data, '2019/departments'), { recursive: true });
    const paths = { programme: 'programme.yaml', report: '2019/report.yaml', department: '2019/departments/dwp.yaml' };
    for (const kind of ['programme', 'report', 'department'] as const) writeFileSync(join(data, paths[kind]), files[kind]);
    try {
      const result = await loadDataset({ dataDir: data, cwd: data, years: ['2019'] });
      expectLocated(result.problems, { [paths.programme]: files.programme, [paths.report]: files.report, [paths.department]: files.department });
      if (result.dataset) await renderText(buildReport({ programme: result.dataset.programme, year: result.dataset.years.get('2019')! }));
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }

  const either = (kind: keyof typeof FILES) => fc.oneof(fc.constant(FILES[kind]), mutated(FILES[kind]));

  test(`one or more files edited at random (${RUNS.folders} cases)`, async () => {
    await fc.assert(fc.asyncProperty(either('programme'), either('report'), either('department'), async (programme, report, department) => {
      await loadFolder({ programme, report, department });
    }), params(RUNS.folders));
  });

  test(`a department file of random or corrupted bytes (${RUNS.bytes} cases)`, async () => {
    await fc.assert(fc.asyncProperty(corruptedBytes(FILES.department), async (department) => {
      await loadFolder({ programme: FILES.programme, report: FILES.report, department });
    }), params(RUNS.bytes));
  });
});

async function renderText(model: ReportModel): Promise<{ md: string; html: string }> {
  const doc = await buildDocument(model, { cwd: process.cwd() });
  return { md: await writers.md.write(doc, {}), html: await writers.html.write(doc, {}) };
}

/** Writes a generated data folder as YAML files and loads it back: it must be valid. */
async function loadValid(root: string, folder: DataFolder) {
  const data = mkdtempSync(join(root, 'data-'));
  mkdirSync(join(data, '2019/departments'), { recursive: true });
  writeFileSync(join(data, 'programme.yaml'), stringify(folder.programme));
  writeFileSync(join(data, '2019/report.yaml'), stringify(folder.report));
  for (const d of folder.departments) writeFileSync(join(data, `2019/departments/${d.id}.yaml`), stringify(d.value));
  const result = await loadDataset({ dataDir: data, cwd: data, years: ['2019'] });
  rmSync(data, { recursive: true, force: true });
  if (!result.dataset) throw new Error(`the generator made invalid data: ${JSON.stringify(result.problems.slice(0, 3))}`);
  const year = result.dataset.years.get('2019')!;
  return { year, model: buildReport({ programme: result.dataset.programme, year }), commitments: year.departments.flatMap((d) => d.pledges.map((p) => p.commitment)) };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The words of a commitment as a reader should find them: its paragraphs' text, markup aside. */
const paragraphs = (commitment: string) =>
  plainText(parseRich(commitment, new FootnoteCounter(), 4)).split('\n\n').map(squash).filter(Boolean);

describe('Markdown fields read', () => {
  // A line of plain prose is read without markdown-it; whatever the text, the tree must be markdown-it's.
  const chars = fc.constantFrom(...'aZé 0912.)(-+*_#>=~`[]!<>&\\^:/%£\'"\n\t\r\u00a0\u3000\u2028\u0000'.split(''), 'word', 'two words', '1. ', '  ');
  const lines = fc.array(chars, { maxLength: 12 }).map((parts) => parts.join(''));
  test(`every text reads as markdown-it reads it (${RUNS.plain} texts of each kind)`, () => {
    const at = { file: '/data/2019/departments/dwp.yaml', line: 12, column: 17, field: 'pledges[0].commitment' };
    for (const texts of [lines, markdownText]) {
      fc.assert(fc.property(texts, fc.boolean(), (source, located) => {
        const where = located ? at : undefined;
        expect(parseRich(source, new FootnoteCounter(), 2, where)).toEqual(parseMarkdown(source, new FootnoteCounter(), 2, where));
      }), params(RUNS.plain));
    }
  });
});

describe('Markdown fields written back as Markdown', () => {
  // The Markdown writer re-escapes every field; read back as GitHub reads it, the words must not change.
  test(`body text and table cells read back as the same words (${RUNS.markdown} texts)`, () => {
    const gfm = new MarkdownIt({ html: true });
    fc.assert(fc.property(markdownText, (source) => {
      const rich = parseRich(source, new FootnoteCounter(), 2);
      const table = `| a |\n| - |\n| ${richToMarkdownCell(rich.blocks)} |`;
      const expected = paragraphs(source);
      for (const [where, written] of [['body', richToMarkdown(rich.blocks)], ['cell', table]]) {
        const read = squash(htmlText(gfm.render(written)));
        for (const words of expected) {
          if (!read.includes(words)) throw new Error(`${where}: ${JSON.stringify(written)} reads back without ${JSON.stringify(words)}`);
        }
      }
    }), params(RUNS.markdown));
  });
});

describe('valid random data through the writers', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'covenant-writers-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test(`Markdown and HTML keep every commitment's words; the export every commitment and figure (${RUNS.writers} data folders)`, async () => {
    await fc.assert(fc.asyncProperty(validData, async (folder) => {
      const { year, model, commitments } = await loadValid(root, folder);
      const table = exportTable(year);
      const exported = (JSON.parse(exportWriters.json(table)) as { commitment: string }[]).map((row) => row.commitment);
      expect(exported).toEqual(table.rows.map((row) => row.commitment));
      expect(exported.map((c) => c.trim()).sort()).toEqual(commitments.map((c) => c.trim()).sort());
      // Each metric cell of the CSV is a figure or empty, never anything else.
      const cells = readCsv(exportWriters.csv(table).replace(/^\ufeff/, '')).slice(1).flatMap((row) => row.slice(row.length - table.metricIds.length));
      for (const cell of cells) if (cell !== '' && !Number.isFinite(Number(cell))) throw new Error(`a metric cell holds ${JSON.stringify(cell)}`);
      const { md, html } = await renderText(model);
      const shown = { md: squash(htmlText(new MarkdownIt({ html: true }).render(md))), html: squash(htmlText(html)) };
      for (const commitment of commitments) {
        for (const words of paragraphs(commitment)) {
          for (const [format, text] of Object.entries(shown)) {
            if (!text.includes(words)) throw new Error(`${format} lost the words ${JSON.stringify(words)}`);
          }
        }
      }
    }), params(RUNS.writers));
  });

  // Read back with poppler: skipped without it (jest.config.js says so), and required in CI.
  const pdftotext = (file: string) => {
    try {
      return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') throw new Error('pdftotext is not installed: this test reads the PDF back with poppler (apt-get install poppler-utils; .ci/run does)');
      throw error;
    }
  };

  needing('poppler-utils').test(`PDF keeps every commitment's words (${RUNS.pdf} data folders)`, async () => {
    // Text the fonts have glyphs for (other characters are warned about, not compared); the rest of
    // the data keeps its odd text, so the layout still meets it. Letters with marks, precomposed and
    // typed as combining characters, test that each glyph reads back as the characters it was drawn for.
    const inFonts = (t: string) => /^[\n\u0020-\u007E\u00A0-\u017F\u0300-\u036F\u0391-\u03C9\u0410-\u044F\u1E00-\u1EFF]*$/.test(t);
    const marked = fc.string({ unit: fc.constantFrom(...'sṣeëẹwŵaāfiln \u0308\u0323\u0302\u0304', 'Αθηνά', 'Ольга'), minLength: 1, maxLength: 24 })
      .filter((t) => /^\S/.test(t) && /\S$/.test(t));
    const latin = fc.oneof(markdownText.filter(inFonts), marked);
    await fc.assert(fc.asyncProperty(validData, fc.array(latin, { minLength: 1, maxLength: 3 }), async (folder, texts) => {
      const first = folder.departments[0]!.value as { pledges: { commitment: string }[] };
      texts.forEach((text, i) => {
        const pledge = first.pledges[i % first.pledges.length]!;
        pledge.commitment = text;
      });
      const { model, commitments } = await loadValid(root, folder);
      const chunks: Uint8Array[] = [];
      const doc = await buildDocument(model, { cwd: process.cwd() });
      await writers.pdf.write(doc, {}, { write: (chunk) => (chunks.push(chunk), true) });
      const file = join(root, 'report.pdf');
      writeFileSync(file, Buffer.concat(chunks));
      // -raw: in the order the PDF draws, and without joining a line that ends in "-" to the next.
      // Each page's running footer ("… 4 of 9") is drawn first on the page: out, so that a
      // commitment running over a page break reads on.
      const text = pdftotext(file)
        .split('\n').filter((line) => !/ \d+ of \d+$/.test(line)).join('').replace(/\s+/g, '');
      for (const commitment of commitments.filter(inFonts)) {
        for (const words of paragraphs(commitment)) {
          if (!text.includes(words.replace(/\s+/g, ''))) throw new Error(`the PDF lost the words ${JSON.stringify(words)}`);
        }
      }
    }), params(RUNS.pdf));
  }, 60000);
});

test('odd text survives a round trip through YAML unchanged (the generators are sound)', () => {
  fc.assert(fc.property(oddText, (text) => {
    const source = readData(stringify({ text }), 'f.yaml').source;
    expect(source?.value).toEqual({ text });
  }), params(runs(50)));
});
