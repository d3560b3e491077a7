// A paragraph that opens with a status badge: the status word in white on its GOV.UK colour, then
// the rest of the paragraph beside it. The colour is never the only sign: the word is always there.
import type { Inline, StatusKey } from '../../document/types.js';
import { drawLine, type Column } from './blocks.js';
import type { Item } from './flow.js';
import type { Fonts } from './fonts.js';
import { breakLines, type TextStyle } from './inline.js';
import { inlineText } from '../../report/rich.js';
import { hiddenText, type Phrasing } from './phrasing.js';
import { COLOUR, STATUS_FILL } from './style.js';
import { structNode, type StructNode } from './tags.js';

const TAG_PAD = 5;

export interface Badge {
  status: StatusKey;
  /** The badge's words ("Met"). */
  word: Inline[];
  /** What screen readers hear before the word ("Status: "), not shown. */
  hidden: string;
  /** The rest of the paragraph. */
  rest: Inline[];
  /** The space between the badge and the rest. */
  gap: number;
}

/** The badge a paragraph opens with, after any hidden words; null when it opens otherwise. */
export function openingBadge(children: readonly Inline[]): Badge | null {
  let i = 0;
  while (i < children.length && children[i]!.type === 'span' && (children[i] as { role: string }).role === 'hidden') i++;
  const first = children[i];
  if (first?.type !== 'status') return null;
  let rest = children.slice(i + 1);
  // A space between the badge and what follows is the badge's gap; without one (", up from Met")
  // the words follow the badge closely, as the HTML shows them.
  const spaced = rest[0]?.type === 'text' && /^\s/.test(rest[0].text);
  if (rest[0]?.type === 'text') rest = [{ ...rest[0], text: rest[0].text.replace(/^\s+/, '') }, ...rest.slice(1)];
  return { status: first.status, word: first.children, hidden: hiddenText(children.slice(0, i)), rest, gap: spaced ? 8 : 2 };
}

/** The badge's text is a bold size smaller than the paragraph's. */
function tagStyle(style: TextStyle): TextStyle {
  const size = style.size >= 11 ? 9.5 : 8.5;
  return { ...style, size, leading: size + 4, bold: true, italic: false, colour: COLOUR.white };
}

export function badgeItems(fonts: Fonts, phrasing: Phrasing, badge: Badge, style: TextStyle, node: StructNode, column: Column, before: number): Item[] {
  const tag = tagStyle(style);
  // The badge is a Span of its own whose ActualText reads the hidden words with it ("Status: Met").
  const span = structNode('Span', node, badge.hidden ? { actual: `${badge.hidden}${inlineText(badge.word)}` } : {});
  const [word] = breakLines(phrasing.atoms(badge.word, tag, span), tag, column.width, fonts);
  const tagWidth = word!.width + TAG_PAD * 2;
  const indent = tagWidth + badge.gap;
  const body = { ...style, colour: style.colour === COLOUR.text ? COLOUR.secondary : style.colour };
  const rest = phrasing.atoms(badge.rest, body, node);
  let lines = breakLines(rest, body, column.width, fonts, indent);
  // In a narrow column ("regression" beside "Delayed" in a table cell) what follows the tag goes
  // under it, rather than past the column's edge: the tag then has a line of its own.
  const below = lines.length > 0 && rest.length > 0 && indent + lines[0]!.width > column.width;
  if (below) lines = [{ ...lines[0]!, pieces: [], width: 0 }, ...breakLines(rest, body, column.width, fonts)];
  return lines.map((line, i): Item => ({
    height: line.height,
    baseline: line.baseline,
    // Clear of the tag's box, which reaches below its line.
    before: i === 0 ? before : below && i === 1 ? 4 : 0,
    // The status stays with what it is the status of.
    keep: true,
    decor: column.decor,
    draw: (pen, y) => {
      if (i === 0) {
        const top = y + line.baseline - tag.size * 0.82 - 3;
        pen.fill(column.x, top, tagWidth, tag.size + 7, STATUS_FILL[badge.status]);
        drawLine(pen, { ...word!, pieces: word!.pieces.map((p) => ({ ...p, x: p.x + TAG_PAD })) }, column.x, y + line.baseline - word!.baseline);
      }
      drawLine(pen, line, column.x + (i === 0 ? indent : 0), y);
    },
  }));
}
