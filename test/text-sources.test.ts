// The document's text nodes carry where the data writes them: a Markdown field's text the field's
// place (a block scalar's is its indicator "|", the warning narrows to the character), a plain
// text's (a name, a label) put in by {{text …}} its own; none when the places were not kept.
import { loadDataset } from '../src/data/dataset.js';
import { buildDocument } from '../src/document/build.js';
import type { Block, Inline, SourceRef } from '../src/document/types.js';
import { buildReport } from '../src/report/build.js';
import { fixturesDir } from './helpers/fixtures.js';

const PUA = '\ue000';

/** Every text node holding the character, with its source as plain fields. */
function sourcesOf(blocks: readonly Block[]): (SourceRef | null)[] {
  const found: (SourceRef | null)[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const node = value as Inline;
      if (node.type === 'text' && node.text.includes(PUA)) {
        const s = node.source;
        found.push(s ? { file: s.file, line: s.line, column: s.column, ...(s.field !== undefined ? { field: s.field } : {}) } : null);
      } else for (const item of Object.values(value)) visit(item);
    }
  };
  visit(blocks);
  return found;
}

async function documentOf(keepPlaces: boolean) {
  const loaded = await loadDataset({ dataDir: `${fixturesDir}glyph-sources`, cwd: fixturesDir, keepPlaces });
  const { programme, programmeFile, programmePlaces, years } = loaded.dataset!;
  const model = buildReport({ programme, year: years.get('2019')!, programmeSource: { file: programmeFile, ...(programmePlaces ? { places: programmePlaces } : {}) } });
  return buildDocument(model, { cwd: fixturesDir });
}

test('every text with the character carries its file, line, column and field', async () => {
  const doc = await documentOf(true);
  // Each text is shown more than once (the name in the summary, the theme and the annex): the same source each time.
  const unique = [...new Map(sourcesOf(doc.blocks).map((s) => [JSON.stringify(s), s])).values()];
  const byField = (a: SourceRef | null, b: SourceRef | null) => (a!.field! < b!.field! ? -1 : 1);
  expect(unique.sort(byField)).toEqual([
    { file: 'glyph-sources/2019/report.yaml', line: 9, column: 22, field: 'sections[0].quotes[0].attribution' },
    { file: 'glyph-sources/2019/departments/dfe.yaml', line: 2, column: 7, field: 'name' },
    { file: 'glyph-sources/2019/departments/dfe.yaml', line: 6, column: 17, field: 'pledges[0].commitment' },
    { file: 'glyph-sources/2019/departments/dfe.yaml', line: 12, column: 16, field: 'pledges[0].metrics[0].label' },
  ].sort(byField));
});

test('without the places, the same document has no sources and the same words', async () => {
  const [kept, dropped] = [await documentOf(true), await documentOf(false)];
  expect(sourcesOf(dropped.blocks).every((s) => s === null)).toBe(true);
  // A sourced text is a node of its own beside the template's words: the words read the same.
  const words = (blocks: readonly Block[]) => JSON.stringify(blocks, (k, v) => (k === 'source' ? undefined : v)).replace(/"\},\{"type":"text","text":"/g, '');
  expect(words(dropped.blocks)).toBe(words(kept.blocks));
});
