// Inline Markdown (bold, italic, code, links, footnote markers) broken into lines of a given width,
// each line a list of positioned pieces. Ragged right, as GOV.UK sets text; a word wider than the
// line is broken between characters rather than lost off the edge.
import { inlineText, type Inline } from '../text.js';
import { Fonts, type Face, type Family, type FontKey } from './fonts.js';
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
  link?: LinkTarget;
  underline: boolean;
  rise: number;
}

interface Glyphs {
  text: string;
  font: FontKey;
  width: number;
  atom: Atom;
  actual?: string;
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
export function atoms(nodes: readonly Inline[], style: TextStyle, node: StructNode, inherited?: Omit<Atom, 'text' | 'style'>): Atom[] {
  const base = inherited ?? { node, underline: false, rise: 0 };
  return nodes.flatMap((n): Atom[] => {
    switch (n.type) {
      case 'text':
        return [{ ...base, text: n.text, style }];
      case 'code':
        return [{ ...base, text: n.text, style: { ...style, family: 'mono', size: style.size * 0.92 } }];
      case 'strong':
        return atoms(n.children, { ...style, bold: true }, node, base);
      case 'em':
        return atoms(n.children, { ...style, italic: true }, node, base);
      case 'break':
        return [{ ...base, text: '\n', style }];
      case 'link': {
        const link = structNode('Link', base.node);
        const target = { url: n.href, label: inlineText(n.children) || n.href };
        return atoms(n.children, { ...style, colour: COLOUR.link }, node, { node: link, link: target, underline: true, rise: 0 });
      }
      case 'footnote': {
        const link = structNode('Link', base.node);
        const size = style.size * 0.72;
        return [{ node: link, link: { dest: footnoteId(n.number), label: `Footnote ${n.number}` }, underline: false, rise: style.size * 0.38, text: `[${n.number}]`, style: { ...style, colour: COLOUR.link, size } }];
      }
    }
  });
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
    out.push({ parts: current, width: current.reduce((w, p) => w + p.width, 0), space: fonts.width(' ', font, last.atom.style.size), breakAfter });
    current = [];
  };
  for (const atom of list) {
    if (atom.text === '\n') {
      finish(true);
      continue;
    }
    // Tabs and line ends are spaces; a no-break space is not a place to break.
    const chunks = atom.text.replace(/[\t\r\n]/g, ' ').split(/( +)/);
    for (const chunk of chunks) {
      if (chunk === '') continue;
      if (chunk.startsWith(' ')) {
        finish(false);
        continue;
      }
      const { family, size } = atom.style;
      for (const run of fonts.runs(chunk, family, face(atom.style))) {
        current.push({ text: run.text, font: run.font, width: fonts.width(run.text, run.font, size), atom, ...(run.actual ? { actual: run.actual } : {}) });
      }
    }
  }
  finish(false);
  return out;
}

/** A word too wide for the line, cut into pieces that fit, between characters. */
function split(word: Word, max: number, fonts: Fonts): Word[] {
  const out: Word[] = [];
  let parts: Glyphs[] = [];
  let width = 0;
  const push = (part: Glyphs) => {
    parts.push(part);
    width += part.width;
  };
  for (const part of word.parts) {
    for (const char of part.actual ? [part.text] : Array.from(part.text)) {
      const w = part.actual ? part.width : fonts.width(char, part.font, part.atom.style.size);
      if (width + w > max && parts.length > 0) {
        out.push({ parts, width, space: 0, breakAfter: true });
        parts = [];
        width = 0;
      }
      push({ ...part, text: char, width: w });
    }
  }
  out.push({ parts, width, space: word.space, breakAfter: word.breakAfter });
  return out;
}

const sameLook = (a: Piece, b: Glyphs) =>
  a.font === b.font && a.size === b.atom.style.size && a.colour === b.atom.style.colour && a.rise === b.atom.rise &&
  a.node === b.atom.node && !a.actual && !b.actual;

function line(list: readonly Word[], style: TextStyle, fonts: Fonts): Line {
  const pieces: Piece[] = [];
  let x = 0;
  /** Whether the next part may join the last piece: nothing lies between them. */
  let adjoining = false;
  list.forEach((word, w) => {
    for (const part of word.parts) {
      const last = pieces[pieces.length - 1];
      if (last && adjoining && sameLook(last, part)) {
        last.text += part.text;
        last.width += part.width;
      } else {
        const { atom } = part;
        pieces.push({
          x, width: part.width, text: part.text, font: part.font, size: atom.style.size, colour: atom.style.colour, rise: atom.rise, node: atom.node,
          ...(atom.link ? { link: atom.link } : {}), ...(atom.underline ? { underline: true } : {}), ...(part.actual ? { actual: part.actual } : {}),
        });
      }
      x += part.width;
      adjoining = true;
    }
    if (w < list.length - 1) {
      // The space goes with the word before it, unless that word ends a link the next word is not in.
      const last = pieces[pieces.length - 1]!;
      const next = list[w + 1]!.parts[0]!.atom;
      adjoining = !last.link || last.node === next.node;
      if (adjoining) {
        last.text += ' ';
        last.width += word.space;
      }
      x += word.space;
    }
  });
  const metrics = fonts.metrics(Fonts.key(style.family, face(style)));
  const baseline = (style.leading - style.size * (metrics.ascent + metrics.descent)) / 2 + style.size * metrics.ascent;
  return { width: x, height: style.leading, baseline, pieces };
}

/** Breaks `list` into lines no wider than `width`; the first line starts `indent` in. */
export function breakLines(list: readonly Atom[], style: TextStyle, width: number, fonts: Fonts, indent = 0): Line[] {
  const lines: Line[] = [];
  let current: Word[] = [];
  let used = 0;
  const room = () => (lines.length === 0 ? width - indent : width);
  const finish = () => {
    lines.push(line(current, style, fonts));
    current = [];
    used = 0;
  };
  for (const whole of words(list, fonts)) {
    for (const word of whole.width > width ? split(whole, width, fonts) : [whole]) {
      const previous = current[current.length - 1];
      const start = previous ? used + previous.space : 0;
      if (previous && start + word.width > room()) finish();
      used = (current.length ? used + current[current.length - 1]!.space : 0) + word.width;
      current.push(word);
      if (word.breakAfter) finish();
    }
  }
  if (current.length || lines.length === 0) finish();
  return lines;
}

