// One pledge as the sections show it (department, status, commitment, progress, figures, next
// steps, further reading), and the status tag: the status word on its GOV.UK colour.
import { signedNumber, STATUS_COLOURS, withUnit } from '../helpers.js';
import type { Status } from '../../data/model.js';
import type { PledgeView } from '../../report/model.js';
import { SAFE_URL, type Block, type Inline, type RichText } from '../text.js';
import { BlockLayout, drawLine, endOf, headingItems, inlineItems, textStyle, type Column } from './blocks.js';
import type { Item } from './flow.js';
import { Fonts } from './fonts.js';
import { atoms, breakLines } from './inline.js';
import { COLOUR, SPACE, TYPE } from './style.js';
import { structNode, type StructNode } from './tags.js';

const TAG_PAD = 5;
export const REGRESSION = '#aa2a16';

/**
 * A paragraph that opens with the status word in white on its colour, then `after` (how the status
 * moved) in the secondary colour. The colour is never the only sign: the word is always there.
 */
export function statusItems(
  fonts: Fonts, status: Status, label: string, after: readonly { text: string; colour: string }[],
  node: StructNode, column: Column, before: number, size: 'body' | 'small' = 'body',
): Item[] {
  const tag = textStyle(size === 'body' ? TYPE.small : { size: 8.5, leading: 12 }, { bold: true, colour: COLOUR.white });
  const body = textStyle(TYPE[size], { colour: COLOUR.secondary });
  const [word] = breakLines(atoms([{ type: 'text', text: label }], tag, node), tag, column.width, fonts);
  const tagWidth = word!.width + TAG_PAD * 2;
  const indent = tagWidth + 8;
  const rest = after.flatMap((part, i) => atoms([{ type: 'text', text: (i > 0 ? ' ' : '') + part.text }], { ...body, colour: part.colour }, node));
  let lines = breakLines(rest, body, column.width, fonts, indent);
  // In a narrow column ("regression" beside "Delayed" in a table cell) what follows the tag goes
  // under it, rather than past the column's edge: the tag then has a line of its own.
  const below = lines.length > 0 && indent + lines[0]!.width > column.width;
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
        const boxHeight = tag.size + 7;
        const top = y + line.baseline - tag.size * 0.82 - 3;
        pen.fill(column.x, top, tagWidth, boxHeight, STATUS_COLOURS[status].fill);
        drawLine(pen, { ...word!, pieces: word!.pieces.map((p) => ({ ...p, x: p.x + TAG_PAD })) }, column.x, y + line.baseline - word!.baseline);
      }
      drawLine(pen, line, column.x + (i === 0 ? indent : 0), y);
    },
  }));
}

function rich(blocks: Block[], level: number): RichText {
  return { kind: 'rich', level, blocks, footnotes: [] };
}

export function metricInlines(metric: PledgeView['metrics'][number]): Inline[] {
  return [
    { type: 'text', text: `${metric.label}: ` },
    { type: 'strong', children: [{ type: 'text', text: withUnit(metric.value, metric.unit) }] },
    ...(metric.previous !== null && metric.change !== null
      ? [{ type: 'text' as const, text: ` (was ${withUnit(metric.previous, metric.unit)}, ${signedNumber(metric.change)})` }]
      : []),
  ];
}

export function pledgeItems(layout: BlockLayout, pledge: PledgeView, parent: StructNode, column: Column, first: boolean): Item[] {
  const fonts = layout.fonts;
  const div = structNode('Div', parent);
  const items: Item[] = [];
  // A rule between pledges, GOV.UK's section break.
  if (!first) items.push({ height: 16, before: 14, keep: true, decor: column.decor, draw: (pen, y) => pen.rule(column.x, y, column.x + column.width, COLOUR.border) });
  items.push(...headingItems(fonts, pledge.department.name, 4, div, column, first ? SPACE.headingAbove[4] : 0));
  const after = [
    ...(pledge.statusChange ? [{ text: pledge.statusChange, colour: pledge.regression ? REGRESSION : COLOUR.secondary }] : []),
    ...(pledge.isNew ? [{ text: 'new this year', colour: COLOUR.secondary }] : []),
  ];
  items.push(...statusItems(fonts, pledge.status, pledge.statusLabel, after, structNode('P', div), column, 2));
  items.push(...layout.rich(pledge.commitment, div, column, SPACE.paragraph));
  const part = (title: string, content: Item[]) => {
    items.push(...headingItems(fonts, title, 5, div, column), ...content);
  };
  if (pledge.progress) part('Progress', layout.rich(pledge.progress, div, column, 0));
  if (pledge.metrics.length) {
    const list: Block = { type: 'list', ordered: false, start: 1, items: pledge.metrics.map((m) => [{ type: 'paragraph', children: metricInlines(m) }]) };
    part('Figures', layout.rich(rich([list], 4), div, column, 0));
  }
  if (pledge.nextSteps) part('Next steps', layout.rich(pledge.nextSteps, div, column, 0));
  if (pledge.links.length) {
    const list = structNode('L', div);
    part('Further reading', pledge.links.flatMap((link, i) => {
      const body = structNode('LBody', structNode('LI', list));
      const title: Inline = { type: 'text', text: link.title };
      // Only web and mail addresses become links, as in the Markdown fields.
      const content: Inline = SAFE_URL.test(link.url) ? { type: 'link', href: link.url, children: [title] } : title;
      return inlineItems(fonts, [content], textStyle(TYPE.body), structNode('P', body), column, i === 0 ? 0 : SPACE.list);
    }));
  }
  items.push(endOf(div));
  return items;
}
