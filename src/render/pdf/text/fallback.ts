// Fonts installed on the machine, for characters the shipped fonts lack (Chinese, Arabic, Devanagari,
// emoji …): fontconfig chooses, as it does for a browser, and is asked only when such a character
// turns up, once for each. Without fontconfig there is no fallback, and such a character is missing.
import { execFileSync } from 'node:child_process';
import { CHAIN, fontFile, type Face, type Family, type FontKey } from './font-file.js';
import { languageOf } from './scripts.js';

/** A font file fontconfig named: the file, and the font's index in it when it is a collection (.ttc). */
export interface SystemFont {
  file: string;
  index: number;
}

const WEIGHT: Record<Face, string> = { regular: ':weight=regular', bold: ':weight=bold', italic: ':weight=regular:slant=italic', boldItalic: ':weight=bold:slant=italic' };
const GENERIC: Record<Family, string> = { sans: 'sans-serif', mono: 'monospace' };

let fontconfig = true;

function run(command: string, args: string[]): string {
  if (!fontconfig) return '';
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    // No fontconfig on this machine: the shipped fonts are all there is.
    if ((error as { code?: unknown }).code === 'ENOENT') fontconfig = false;
    return '';
  }
}

const FORMAT = '%{file}\\t%{index}\\n';
/** The same, with the characters each font has, as fontconfig writes them: hex code points and ranges ("20-7e a0 600-6ff"). */
const TABLE_FORMAT = '%{file}\\t%{index}\\t%{charset}\\n';

/** A font file pdfkit can embed: TrueType and OpenType, single or collected. */
const EMBEDDABLE = /\.(ttf|otf|ttc|otc)$/i;

/** fontconfig's lines split into their fields, keeping the font files pdfkit can embed. */
function lines(output: string): string[][] {
  return output.split('\n').map((line) => line.split('\t')).filter(([file]) => EMBEDDABLE.test(file ?? ''));
}

function parse(output: string): SystemFont[] {
  return lines(output).map(([file, index]) => ({ file: file!, index: Number(index) || 0 }));
}

/** An installed font and the characters it has, as sorted [first, last] pairs, flat. */
interface Covered extends SystemFont {
  ranges: number[];
}

/**
 * Every installed font pdfkit can embed, with its characters, in file order: asked of fontconfig
 * once a process, the first time a character no shipped font has turns up. Which fonts have a
 * character is then answered here, where it took a process for each character. A variable font's
 * named instances share a file and an index, and count once.
 */
let table: Covered[] | undefined;

function installed(): Covered[] {
  if (table) return table;
  const fonts = new Map<string, Covered>();
  for (const [file, index, charset] of lines(run('fc-list', ['-f', TABLE_FORMAT]))) {
    const font = { file: file!, index: Number(index) || 0 };
    fonts.set(`${font.file}#${font.index}`, {
      ...font,
      ranges: (charset ?? '').split(' ').filter(Boolean).flatMap((range) => {
        const [first, last = first] = range.split('-');
        return [parseInt(first!, 16), parseInt(last!, 16)];
      }),
    });
  }
  table = [...fonts.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.index - b.index));
  return table;
}

function has({ ranges }: Covered, code: number): boolean {
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (code < ranges[2 * middle]!) high = middle - 1;
    else if (code > ranges[2 * middle + 1]!) low = middle + 1;
    else return true;
  }
  return false;
}

/** fontconfig's choices, by pattern: they depend on the machine alone. */
const choices = new Map<string, SystemFont[]>();

function match(pattern: string): SystemFont[] {
  let answer = choices.get(pattern);
  if (!answer) choices.set(pattern, (answer = parse(run('fc-match', ['-f', FORMAT, pattern]))));
  return answer;
}

/**
 * Installed fonts for `char` in this family and face, best first: fontconfig's choice (for the
 * character and its script's language), then every other font that has it, in file order, so that
 * the choice is the same on every run. fontconfig is asked only when there is a choice: none when
 * no installed font has it, the one that has it alone. The caller checks which has it.
 */
function* systemFonts(char: string, family: Family, face: Face): Generator<FontKey> {
  const code = char.codePointAt(0)!;
  const others = installed().filter((font) => has(font, code));
  if (others.length === 0) return;
  const keys = (fonts: SystemFont[]) => fonts.map(({ file, index }): FontKey => `system:${file}#${index}`);
  // One font has it: there is nothing for fontconfig to choose.
  if (others.length === 1) return yield* keys(others);
  const lang = languageOf(char);
  yield* keys(match(`${GENERIC[family]}${WEIGHT[face]}:charset=${code.toString(16)}${lang ? `:lang=${lang}` : ''}`));
  yield* keys(others);
}

/** Whether `key` can be embedded and has every character of `codes`; false for a file that cannot be read. */
function covers(key: FontKey, codes: readonly number[]): boolean {
  try {
    const file = fontFile(key);
    return file.drawable && codes.every((code) => file.glyph(code) !== 0);
  } catch {
    return false; // A font file that cannot be read or parsed is passed over, as a browser would.
  }
}

/**
 * One document's choice of fonts: the family's shipped fonts, then the installed ones this document
 * has already used, then fontconfig's. A word is set in one font when one has all its letters, so
 * that Arabic letters join and a conjunct forms; otherwise each character in the first that has it.
 */
export class FontChoice {
  /** Installed fonts this document uses, by family and face, in the order first needed. */
  private readonly found = new Map<string, FontKey[]>();
  /** Characters, by family and face, that fontconfig found in no font. */
  private readonly nowhere = new Set<string>();

  /** The first font with every character of `text` (letters, not the shared digits and signs); undefined when none has. */
  forText(letters: readonly string[], family: Family, face: Face): FontKey | undefined {
    if (letters.length === 0) return undefined;
    const codes = letters.map((char) => char.codePointAt(0)!);
    for (const typeface of CHAIN[family]) {
      const key: FontKey = `${typeface}-${face}`;
      if (covers(key, codes)) return key;
    }
    const found = this.usedFor(family, face);
    const known = found.find((key) => covers(key, codes));
    if (known) return known;
    // fontconfig is asked about the first letter no font in use has, once a document for each.
    const has = (code: number) => CHAIN[family].some((typeface) => covers(`${typeface}-${face}`, [code])) || found.some((key) => covers(key, [code]));
    const at = codes.findIndex((code) => !has(code));
    const where = `${family}-${face}:${letters[at] ?? ''}`;
    if (at === -1 || this.nowhere.has(where)) return undefined;
    for (const key of systemFonts(letters[at]!, family, face)) {
      if (covers(key, [codes[at]!])) {
        found.push(key);
        return covers(key, codes) ? key : undefined;
      }
    }
    this.nowhere.add(where);
    return undefined;
  }

  private usedFor(family: Family, face: Face): FontKey[] {
    let found = this.found.get(`${family}-${face}`);
    if (!found) this.found.set(`${family}-${face}`, (found = []));
    return found;
  }
}
