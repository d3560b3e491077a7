// Inline Markdown (bold, italic, code, links, footnote markers) broken into lines of a given width,
// each line a list of positioned pieces. Ragged right, as GOV.UK sets text; lines break where
// UAX #14 allows, right-to-left text is ordered by UAX #9, and a word wider than the line is
// broken between letters rather than lost off the edge.
import bidiModule, { type Bidi } from 'bidi-js';
import LineBreaker from 'linebreak';
import type { Inline } from '../../document/types.js';
import { inlineText } from '../../report/rich.js';
import { Fonts, RIGHT_TO_LEFT, type Face, type Family, type FontKey, type Shaped } from './fonts.js';
import { footnoteId } from './navigation.js';
import type { LinkTarget, Piece } from './pen.js';
import { COLOUR } from './style.js';
import { structNode, type StructNode } from './tags.js';

export interface TextStyle {
  family: Family;
  bold: boolean;
  italic: boolean;
  size: number;
  leading: number;
  colour: string;
}

export interface Line {
  width: number;
  height: number;
  /** From the line's top to its baseline. */
  baseline: number;
  /** x from the line's start. */
  pieces: Piece[];
}

/** A stretch of inline content with one style and one destination. */
interface Atom {
  text: string;
  style: TextStyle;
  node: StructNode;
  link: LinkTarget | undefined;
  underline: boolean;
  rise: number;
}

type Destination = Omit<Atom, 'text' | 'style'>;

/** A run of a word in one font and one direction, with its glyphs. */
interface Glyphs {
  text: string;
  font: FontKey;
  width: number;
  /** The atom it is set from, by its place in the paragraph's atoms: the words serve both layouts' atoms alike. */
  atom: number;
  actual: string | undefined;
  shaped: Shaped;
  /** Its embedding level by the Unicode Bidirectional Algorithm: odd is right to left. */
  level: number;
}

/** What lies between two line-break opportunities of UAX #14 ("care-", "leavers ", "gov.uk/"), possibly in several styles ("25[1]."). */
interface Word {
  parts: Glyphs[];
  width: number;
  /** The width of the white space after the word (one space, as HTML collapses them), in the style of its first character. */
  space: number;
  /** The embedding level of that space. */
  spaceLevel: number;
  breakAfter: boolean;
}
export function face(style: Pick<TextStyle, 'bold' | 'italic'>): Face {
  return style.bold ? (style.italic ? 'boldItalic' : 'bold') : style.italic ? 'italic' : 'regular';
}

/** Inline content flattened into atoms. Each link gets its own Link element under `node`. */
export function atoms(nodes: readonly Inline[], style: TextStyle, node: StructNode, inherited?: Destination): Atom[] {
  const out: Atom[] = [];
  collect(nodes, style, node, inherited ?? { node, link: undefined, underline: false, rise: 0 }, out);
  return out;
}

function atom(text: string, style: TextStyle, base: Destination): Atom {
  return { text, style, node: base.node, link: base.link, underline: base.underline, rise: base.rise };
}

function collect(nodes: readonly Inline[], style: TextStyle, node: StructNode, base: Destination, out: Atom[]): void {
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out.push(atom(n.text, style, base));
        break;
      case 'code':
        out.push(atom(n.text, { ...style, family: 'mono', size: style.size * 0.92 }, base));
        break;
      case 'strong':
        collect(n.children, { ...style, bold: true }, node, base, out);
        break;
      case 'em':
        collect(n.children, { ...style, italic: true }, node, base, out);
        break;
      case 'break':
        out.push(atom('\n', style, base));
        break;
      case 'link': {
        const link = structNode('Link', base.node);
        const target = { url: n.href, label: inlineText(n.children) || n.href };
        collect(n.children, { ...style, colour: COLOUR.link }, node, { node: link, link: target, underline: true, rise: 0 }, out);
        break;
      }
      case 'footnote': {
        const link = structNode('Link', base.node);
        const size = style.size * 0.72;
        out.push({ node: link, link: { dest: footnoteId(n.number), label: `Footnote ${n.number}` }, underline: false, rise: style.size * 0.38, text: `[${n.number}]`, style: { ...style, colour: COLOUR.link, size } });
        break;
      }
    }
  }
}

/** The bidi algorithm, made when a paragraph first holds right-to-left text (its tables are built then). */
let bidi: Bidi | undefined;
// bidi-js's only export is a factory; its types, read as CommonJS here, miss that it is the default.
const embeddingLevels = (text: string) => (bidi ??= (bidiModule as unknown as () => Bidi)()).getEmbeddingLevels(text, 'ltr').levels;

/** White space that ends a word: it is not drawn at the end of a line. A no-break space is not one. */
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The paragraph's words: its text cut at the break opportunities of the Unicode Line Breaking
 * Algorithm (after spaces, hyphens and slashes, between Chinese characters), each shaped in runs of
 * one style, font and direction, the direction from the Unicode Bidirectional Algorithm for the
 * whole paragraph, whose base direction is left to right, as the HTML's.
 */
function words(list: readonly Atom[], fonts: Fonts): Word[] {
  let text = '';
  /** Where each atom's text ends in `text`. */
  const ends: number[] = [];
  for (const atom of list) {
    // A line break (Markdown's hard break) is the only forced one; other line ends are spaces.
    text += atom.text === '\n' ? '\n' : atom.text.replace(/[\n\r\t]/g, ' ');
    ends.push(text.length);
  }
  const levels = RIGHT_TO_LEFT.test(text) ? embeddingLevels(text) : undefined;
  const out: Word[] = [];
  const breaker = new LineBreaker(text);
  /** The atom that holds `start`. */
  let k = 0;
  let start = 0;
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) {
    const end = found.position;
    let content = end;
    while (content > start && isSpace(text.charCodeAt(content - 1))) content--;
    const forced = found.required && end < text.length;
    while (ends[k]! <= start && k < list.length - 1) k++;
    if (content === start) {
      if (forced && out.length > 0) out[out.length - 1]!.breakAfter = true;
    } else {
      const parts = partsOf(text, start, content, list, ends, k, levels, fonts);
      let width = 0;
      for (const part of parts) width += part.width;
      let at = k;
      while (ends[at]! <= content && at < list.length - 1) at++;
      const { style } = list[at]!;
      const space = content < end ? fonts.spaceWidth(Fonts.key(style.family, face(style)), style.size) : 0;
      if (parts.length > 0) out.push({ parts, width, space, spaceLevel: levels?.[content] ?? 0, breakAfter: forced });
    }
    start = end;
  }
  return out;
}

/** The glyph runs of `text` from `start` to `end`: split where an atom ends or the embedding level changes, then by font. */
function partsOf(text: string, start: number, end: number, list: readonly Atom[], ends: readonly number[], k: number, levels: Uint8Array | undefined, fonts: Fonts): Glyphs[] {
  const parts: Glyphs[] = [];
  for (let from = start; from < end;) {
    while (ends[k]! <= from) k++;
    const atom = list[k]!;
    const level = levels?.[from] ?? 0;
    let to = Math.min(end, ends[k]!);
    if (levels) for (let i = from + 1; i < to; i++) if (levels[i] !== level) to = i;
    for (const run of fonts.runs(from === 0 && to === text.length ? text : text.slice(from, to), atom.style.family, face(atom.style), level % 2 === 1)) {
      parts.push({ text: run.text, font: run.font, width: run.width * atom.style.size, atom: k, actual: run.actual, shaped: run.shaped, level });
    }
    from = to;
  }
  return parts;
}

/** Letters with their marks, for cutting an overlong word: made when a word first needs it. */
let graphemes: Intl.Segmenter | undefined;

/** A word too wide for the line (a 200-letter word, a long address without slashes), cut between letters into pieces that fit. */
function split(word: Word, max: number, list: readonly Atom[], fonts: Fonts): Word[] {
  const out: Word[] = [];
  let parts: Glyphs[] = [];
  let width = 0;
  const cut = () => {
    out.push({ parts, width, space: 0, spaceLevel: 0, breakAfter: true });
    parts = [];
    width = 0;
  };
  for (const part of word.parts) {
    if (part.actual) {
      if (width + part.width > max && parts.length > 0) cut();
      parts.push(part);
      width += part.width;
      continue;
    }
    const size = list[part.atom]!.style.size;
    const rightToLeft = part.level % 2 === 1;
    let piece = '';
    const close = () => {
      if (!piece) return;
      const shaped = fonts.shape(piece, part.font, rightToLeft);
      parts.push({ ...part, text: piece, shaped, width: (shaped.width / 1000) * size });
      width += (shaped.width / 1000) * size;
      piece = '';
    };
    for (const { segment } of (graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' })).segment(part.text)) {
      const w = fonts.width(segment, part.font, size);
      const pieceWidth = piece ? (fonts.shape(piece, part.font, rightToLeft).width / 1000) * size : 0;
      if (width + pieceWidth + w > max && (parts.length > 0 || piece)) {
        close();
        cut();
      }
      piece += segment;
    }
    close();
  }
  out.push({ parts, width, space: word.space, spaceLevel: word.spaceLevel, breakAfter: word.breakAfter });
  return out;
}

/**
 * A line of words. Its pieces are only needed to draw it, so they are made then: the measuring
 * pass never makes them.
 */
class WordLine implements Line {
  private made: Piece[] | null = null;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly baseline: number,
    private readonly words: readonly Word[],
    private readonly atoms: readonly Atom[],
    private readonly fonts: Fonts,
  ) {}

  get pieces(): Piece[] {
    return (this.made ??= piecesOf(this.words, this.atoms, this.fonts));
  }
}

function line(list: readonly Word[], atoms: readonly Atom[], style: TextStyle, fonts: Fonts): Line {
  let x = 0;
  for (let w = 0; w < list.length; w++) {
    for (const part of list[w]!.parts) x += part.width;
    if (w < list.length - 1) x += list[w]!.space;
  }
  const metrics = fonts.metrics(Fonts.key(style.family, face(style)));
  const baseline = (style.leading - style.size * (metrics.ascent + metrics.descent)) / 2 + style.size * metrics.ascent;
  return new WordLine(x, style.leading, baseline, list, atoms, fonts);
}

/** What a line holds in reading order: runs of glyphs, and the spaces between words (no part). */
interface Cell {
  part: Glyphs | null;
  level: number;
  width: number;
}

/**
 * The cells of a line in the order they are seen, by rule L2 of the Unicode Bidirectional Algorithm:
 * from the highest level to the lowest odd one, each stretch at that level or higher turns round.
 * (bidi-js applies the rule to characters; a line here is runs of glyphs, each of one level.)
 */
function visualOrder(cells: Cell[]): Cell[] {
  let highest = 0;
  let lowestOdd = Infinity;
  for (const { level } of cells) {
    highest = Math.max(highest, level);
    if (level % 2 === 1) lowestOdd = Math.min(lowestOdd, level);
  }
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < cells.length; i++) {
      if (cells[i]!.level < level) continue;
      let j = i;
      while (j + 1 < cells.length && cells[j + 1]!.level >= level) j++;
      const turned = cells.slice(i, j + 1).reverse();
      cells.splice(i, turned.length, ...turned);
      i = j;
    }
  }
  return cells;
}

const sameLook = (a: Piece, b: Glyphs, atom: Atom) =>
  a.font === b.font && a.size === atom.style.size && a.colour === atom.style.colour && a.rise === atom.rise &&
  a.node === atom.node && !a.actual && !b.actual;

/** A space drawn at the end of a left-to-right piece: the words stay apart in its text, for a screen reader and for copying. */
function endWithSpace(piece: Piece | undefined, width: number, fonts: Fonts): void {
  if (!piece?.glyphs || piece.glyphs.chunks[0]!.rightToLeft) return;
  piece.glyphs.chunks.push(fonts.space(piece.font, width / piece.size, false));
  piece.text += ' ';
  piece.glyphs = { text: piece.text, chunks: piece.glyphs.chunks };
  piece.width += width;
}

/**
 * The words of a line as pieces in the order they are seen, each a stretch in one look and one
 * direction, with its glyphs left to right and its text in reading order. A space joins the pieces
 * on either side when they are one look and one link; otherwise it ends the piece before it. A line
 * that breaks at a space ends with one of no width, so that lines do not run together in its text.
 */
function piecesOf(list: readonly Word[], atoms: readonly Atom[], fonts: Fonts): Piece[] {
  const cells: Cell[] = [];
  list.forEach((word, w) => {
    for (const part of word.parts) cells.push({ part, level: part.level, width: part.width });
    if (w < list.length - 1 && word.space > 0) cells.push({ part: null, level: word.spaceLevel, width: word.space });
  });
  const pieces = joined(cells, atoms, fonts);
  const end = list[list.length - 1];
  if (end && end.space > 0 && end.spaceLevel === 0) endWithSpace(pieces[pieces.length - 1], 0, fonts);
  return pieces;
}

function joined(cells: Cell[], atoms: readonly Atom[], fonts: Fonts): Piece[] {
  const ordered = cells.some((cell) => cell.level > 0) ? visualOrder(cells) : cells;
  const pieces: Piece[] = [];
  let x = 0;
  let gap: Cell | null = null;
  for (const cell of ordered) {
    if (!cell.part) {
      gap = cell;
      x += cell.width;
      continue;
    }
    const { part } = cell;
    const last = pieces[pieces.length - 1];
    const rightToLeft = part.level % 2 === 1;
    const atom = atoms[part.atom]!;
    const joins = last && sameLook(last, part, atom) && last.glyphs?.chunks[0]!.rightToLeft === rightToLeft;
    if (last && joins) {
      const chunks = last.glyphs!.chunks;
      let text = part.text;
      if (gap) {
        const space = fonts.space(part.font, gap.width / atom.style.size, rightToLeft);
        chunks.push(space);
        text = rightToLeft ? `${part.text} ` : ` ${part.text}`;
        last.width += gap.width;
      }
      chunks.push(part.shaped);
      last.text = rightToLeft ? text + last.text : last.text + text;
      last.glyphs = { text: last.text, chunks };
      last.width += part.width;
    } else {
      // Only between left-to-right words: in mixed text the gaps fall as the bidi order puts them.
      if (gap && last && !last.link && gap.level === 0 && part.level === 0) endWithSpace(last, 0, fonts);
      pieces.push({
        x, width: part.width, text: part.text, font: part.font, size: atom.style.size, colour: atom.style.colour, rise: atom.rise, node: atom.node,
        link: atom.link, underline: atom.underline, actual: part.actual, glyphs: { text: part.text, chunks: [part.shaped] },
      });
    }
    gap = null;
    x += part.width;
  }
  return pieces;
}

/** Breaks `list` into lines no wider than `width`; the first line starts `indent` in. */
export function breakLines(list: readonly Atom[], style: TextStyle, width: number, fonts: Fonts, indent = 0): Line[] {
  const lines: Line[] = [];
  let current: Word[] = [];
  let used = 0;
  const finish = () => {
    lines.push(line(current, list, style, fonts));
    current = [];
    used = 0;
  };
  const place = (word: Word) => {
    const previous = current[current.length - 1];
    const start = previous ? used + previous.space : 0;
    if (previous && start + word.width > (lines.length === 0 ? width - indent : width)) finish();
    used = (current.length ? used + current[current.length - 1]!.space : 0) + word.width;
    current.push(word);
    if (word.breakAfter) finish();
  };
  for (const whole of words(list, fonts)) {
    if (whole.width > width) for (const word of split(whole, width, list, fonts)) place(word);
    else place(whole);
  }
  if (current.length || lines.length === 0) finish();
  return lines;
}
