// Inline Markdown (bold, italic, code, links, footnote markers) broken into lines of a given width,
// each line a list of positioned pieces. Ragged right, as GOV.UK sets text; a word wider than the
// line is broken between characters rather than lost off the edge.
import { inlineText, type Inline } from '../text.js';
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

/** A run of a word in one font, with its glyphs when it is a whole run (not a character cut from one). */
interface Glyphs {
  text: string;
  font: FontKey;
  width: number;
  atom: Atom;
  actual: string | undefined;
  shaped: Shaped | undefined;
}

/** A word: what lies between two spaces, possibly in several styles ("25[1]."). */
interface Word {
  parts: Glyphs[];
  width: number;
  /** The space after the word, in the style of its last part. */
  space: number;
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

function words(list: readonly Atom[], fonts: Fonts): Word[] {
  const out: Word[] = [];
  let current: Glyphs[] = [];
  const finish = (breakAfter: boolean) => {
    if (current.length === 0) {
      if (breakAfter && out.length > 0) out[out.length - 1]!.breakAfter = true;
      return;
    }
    const last = current[current.length - 1]!;
    const font = Fonts.key(last.atom.style.family, face(last.atom.style));
    let width = 0;
    for (const part of current) width += part.width;
    out.push({ parts: current, width, space: fonts.width(' ', font, last.atom.style.size), breakAfter });
    current = [];
  };
  const push = (atom: Atom, chunk: string) => {
    const { family, size } = atom.style;
    for (const run of fonts.runs(chunk, family, face(atom.style))) {
      current.push({ text: run.text, font: run.font, width: run.width * size, atom, actual: run.actual, shaped: run.shaped });
    }
  };
  for (const atom of list) {
    const text = atom.text;
    if (text === '\n') {
      finish(true);
      continue;
    }
    // Spaces, tabs and line ends end a word; a no-break space does not.
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
        if (i > start) push(atom, text.slice(start, i));
        finish(false);
        start = i + 1;
      }
    }
    if (start < text.length) push(atom, start === 0 ? text : text.slice(start));
  }
  finish(false);
  return out;
}

/** A word too wide for the line, cut into pieces that fit, between characters. */
function split(word: Word, max: number, fonts: Fonts): Word[] {
  const out: Word[] = [];
  let parts: Glyphs[] = [];
  let width = 0;
  for (const part of word.parts) {
    for (const char of part.actual ? [part.text] : Array.from(part.text)) {
      const w = part.actual ? part.width : fonts.width(char, part.font, part.atom.style.size);
      if (width + w > max && parts.length > 0) {
        out.push({ parts, width, space: 0, breakAfter: true });
        parts = [];
        width = 0;
      }
      parts.push({ ...part, text: char, width: w, shaped: part.actual ? part.shaped : undefined });
      width += w;
    }
  }
  out.push({ parts, width, space: word.space, breakAfter: word.breakAfter });
  return out;
}

const sameLook = (a: Piece, b: Glyphs) =>
  a.font === b.font && a.size === b.atom.style.size && a.colour === b.atom.style.colour && a.rise === b.atom.rise &&
  a.node === b.atom.node && !a.actual && !b.actual;

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
    private readonly fonts: Fonts,
  ) {}

  get pieces(): Piece[] {
    return (this.made ??= piecesOf(this.words, this.fonts));
  }
}

function line(list: readonly Word[], style: TextStyle, fonts: Fonts): Line {
  // The same sum, in the same order, as the pieces' positions.
  let x = 0;
  for (let w = 0; w < list.length; w++) {
    for (const part of list[w]!.parts) x += part.width;
    if (w < list.length - 1) x += list[w]!.space;
  }
  const metrics = fonts.metrics(Fonts.key(style.family, face(style)));
  const baseline = (style.leading - style.size * (metrics.ascent + metrics.descent)) / 2 + style.size * metrics.ascent;
  return new WordLine(x, style.leading, baseline, list, fonts);
}

/**
 * The words of a line as pieces, one a stretch in one look. Each piece keeps the glyphs of its text
 * as pdfkit cuts it (after each space) while every cut is one run, or a run and its space.
 */
function piecesOf(list: readonly Word[], fonts: Fonts): Piece[] {
  const pieces: Piece[] = [];
  /** The pieces that are words of a right-to-left script, each a piece of its own, without its space. */
  const rightToLeft = new Set<Piece>();
  /** Pieces that keep their space out too: words with no letters (a number) after a right-to-left word, which may turn round with it. */
  const apart = new Set<Piece>();
  let x = 0;
  /** Whether the next part may join the last piece: nothing lies between them. */
  let adjoining = false;
  /** The glyphs of the last piece so far, and whether its last run has no space after it yet. */
  let chunks: Shaped[] | null = null;
  let open = false;
  const seal = () => {
    const last = pieces[pieces.length - 1];
    if (last && chunks) last.glyphs = { text: last.text, chunks };
  };
  for (let w = 0; w < list.length; w++) {
    const word = list[w]!;
    for (const part of word.parts) {
      const last = pieces[pieces.length - 1];
      const rtl = RIGHT_TO_LEFT.test(part.text);
      if (last && adjoining && sameLook(last, part) && !rtl && !rightToLeft.has(last) && !apart.has(last)) {
        last.text += part.text;
        last.width += part.width;
        // Two runs with no space between are shaped together: the layout's glyphs no longer serve.
        if (chunks && (open || !part.shaped)) chunks = null;
        else if (chunks) chunks.push(part.shaped!);
      } else {
        seal();
        const { atom } = part;
        pieces.push({
          x, width: part.width, text: part.text, font: part.font, size: atom.style.size, colour: atom.style.colour, rise: atom.rise, node: atom.node,
          link: atom.link, underline: atom.underline, actual: part.actual, glyphs: undefined,
        });
        if (rtl) rightToLeft.add(pieces[pieces.length - 1]!);
        else if (last && (rightToLeft.has(last) || apart.has(last)) && !/\p{L}/u.test(part.text)) apart.add(pieces[pieces.length - 1]!);
        chunks = part.shaped ? [part.shaped] : null;
      }
      open = true;
      x += part.width;
      adjoining = true;
    }
    if (w < list.length - 1) {
      // The space goes with the word before it, unless that word ends a link the next word is not in.
      const last = pieces[pieces.length - 1]!;
      const next = list[w + 1]!.parts[0]!.atom;
      // A right-to-left word's space stays out of it: shaped with it, the space would go to its left.
      adjoining = (!last.link || last.node === next.node) && !rightToLeft.has(last) && !apart.has(last);
      if (adjoining) {
        last.text += ' ';
        last.width += word.space;
        if (chunks) chunks[chunks.length - 1] = fonts.spaced(chunks[chunks.length - 1]!);
        open = false;
      }
      x += word.space;
    }
  }
  seal();
  if (rightToLeft.size > 0) mirrorRightToLeft(pieces, rightToLeft);
  return pieces;
}

/**
 * Words of a right-to-left script that follow one another on a line (with any numbers between them)
 * are read from right to left (the report's lines run left to right, so only such a stretch turns
 * round). Each stretch is
 * mirrored in place: its first word goes to its right end. The pieces keep their order, so the
 * content, and what a screen reader or a copy reads, stays in the order it was written; each word's
 * own glyphs come from fontkit in the order they are seen.
 */
function mirrorRightToLeft(pieces: Piece[], rightToLeft: ReadonlySet<Piece>): void {
  // A number or a mark with no letters between two such words ("عام 2014 كان") is read with them.
  const neutral = (piece: Piece) => !/\p{L}/u.test(piece.text) && !/\s$/.test(piece.text);
  for (let i = 0; i < pieces.length; i++) {
    if (!rightToLeft.has(pieces[i]!)) continue;
    let j = i;
    for (let k = i + 1; k < pieces.length && (rightToLeft.has(pieces[k]!) || neutral(pieces[k]!)); k++) if (rightToLeft.has(pieces[k]!)) j = k;
    const start = pieces[i]!.x;
    const end = pieces[j]!.x + pieces[j]!.width;
    for (let k = i; k <= j; k++) pieces[k]!.x = start + end - pieces[k]!.x - pieces[k]!.width;
    i = j;
  }
}

/** Breaks `list` into lines no wider than `width`; the first line starts `indent` in. */
export function breakLines(list: readonly Atom[], style: TextStyle, width: number, fonts: Fonts, indent = 0): Line[] {
  const lines: Line[] = [];
  let current: Word[] = [];
  let used = 0;
  const finish = () => {
    lines.push(line(current, style, fonts));
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
    if (whole.width > width) for (const word of split(whole, width, fonts)) place(word);
    else place(whole);
  }
  if (current.length || lines.length === 0) finish();
  return lines;
}
