// data/2014 holds seed 003 ("Care leaver strategy: one year on") word for word: every sentence of
// eight words or more between its Introduction and Annex A (kept, one a line, in
// fixtures/prose/seed-003-sentences.txt), and every Annex A commitment as a pledge.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fixturesDir, repoRoot } from './helpers/fixtures.js';

const year = `${repoRoot}data/2014/`;
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Markdown markup removed: footnote definitions' labels, footnote references, links, emphasis. */
function plain(markdown: string): string {
  return collapse(
    markdown
      .replace(/^\[\^[^\]\s]+\]:[ \t]*/gm, '')
      .replace(/\[\^[^\]\s]+\]/g, '')
      .replace(/\[([^\]]*)\]\([^)\s]*\)/g, '$1')
      .replace(/[*_]/g, ''),
  );
}

/** Every string value in a parsed YAML document, keys left out. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const files = ['report.yaml', ...readdirSync(`${year}departments`).filter((f) => f.endsWith('.yaml')).sort().map((f) => `departments/${f}`)];
const texts = files.flatMap((file) => strings(parse(readFileSync(`${year}${file}`, 'utf8'))).map(plain));
const sentences = readFileSync(`${fixturesDir}prose/seed-003-sentences.txt`, 'utf8').split('\n').filter((line) => line.trim() !== '').map(collapse);

describe('the 2014 prose', () => {
  test('the fixture holds the 178 sentences, one a line', () => {
    expect(sentences).toHaveLength(178);
    expect(new Set(sentences).size).toBe(178);
    for (const sentence of sentences) expect(sentence.split(' ').length).toBeGreaterThanOrEqual(8);
  });

  test('every sentence is in one text field of data/2014, word for word', () => {
    const missing = sentences.filter((sentence) => !texts.some((text) => text.includes(sentence)));
    expect(missing).toEqual([]);
  });

  test('markup is stripped as the comparison needs, and only that', () => {
    expect(plain('age 25[^1]. It also\n\n[^1]: DfE: Transition-to-adulthood')).toBe('age 25. It also DfE: Transition-to-adulthood');
    expect(plain("the '*FromCare2Work*' programme, see [the guide](https://www.gov.uk/x) and __this__"))
      .toBe("the 'FromCare2Work' programme, see the guide and this");
    expect(plain('a  line\nand   the next')).toBe('a line and the next');
  });
});

describe('the 2014 Annex A', () => {
  const departments = Object.fromEntries(
    readdirSync(`${year}departments`).filter((f) => f.endsWith('.yaml')).map((f) => {
      const department = parse(readFileSync(`${year}departments/${f}`, 'utf8')) as { id: string; pledges: { status: string }[] };
      return [department.id, department.pledges.map((p) => p.status)];
    }),
  );

  test('has every commitment of the seed\'s Annex A, 23 across dfe, dwp, dh, bis, moj, dclg, co and ho', () => {
    const counts = Object.fromEntries(Object.entries(departments).map(([id, statuses]) => [id, statuses.length]));
    expect(counts).toEqual({ dfe: 6, dwp: 5, dh: 4, bis: 1, moj: 3, dclg: 2, co: 1, ho: 1 });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(23);
  });

  test('with the progress the seed gives, in the seed\'s order ("Continues to be met" is met)', () => {
    expect(departments).toEqual({
      dfe: ['met', 'met', 'met', 'met', 'met', 'met'],
      dwp: ['met', 'met', 'met', 'met', 'met'],
      dh: ['on-track', 'on-track', 'met', 'met'],
      bis: ['met'],
      moj: ['met', 'met', 'met'],
      dclg: ['met', 'met'],
      co: ['met'],
      ho: ['ongoing'],
    });
  });
});
