// One part a theme: its narrative, case studies in shaded boxes, quotes set apart with their
// attribution, the pledges of the theme, next steps, and the part's footnotes at its end.
import type { CaseStudyView, QuoteView, SectionView } from '../../report/model.js';
import { BODY, endOf, headingItems, inset, spacer, textItems, textStyle, type Column } from './blocks.js';
import { COLUMN, endPart, startPart, type Context, type Steps } from './context.js';
import type { Item } from './flow.js';
import { pledgeItems } from './pledge.js';
import { COLOUR, TYPE } from './style.js';
import { structNode, type StructNode } from './tags.js';

const BOX_PAD = 14;

/** A case study on GOV.UK's light grey, which carries on across a page break. */
function caseStudy(ctx: Context, study: CaseStudyView, parent: StructNode): Item[] {
  const box: Column = { ...COLUMN, decor: [{ x: COLUMN.x, width: COLUMN.width, colour: COLOUR.shade }] };
  const inner = inset(box, BOX_PAD, BOX_PAD);
  const div = structNode('Div', parent);
  return [
    spacer(BOX_PAD - 4, 20, box, true),
    ...headingItems(ctx.fonts, `Case study: ${study.title}`, 3, div, inner, 0),
    ...ctx.layout.rich(study.body, div, inner, 0),
    spacer(BOX_PAD, 0, box),
    endOf(div),
  ];
}

/** A quotation: larger text beside a blue bar, then who said it. */
function quote(ctx: Context, q: QuoteView, parent: StructNode): Item[] {
  const bar: Column = { ...COLUMN, decor: [{ x: COLUMN.x, width: 5, colour: COLOUR.brand }] };
  const inner = inset(bar, 20);
  const node = structNode('BlockQuote', parent);
  const style = textStyle({ size: 12.5, leading: 19 });
  return [
    ...ctx.layout.rich(q.text, node, inner, 20, style),
    ...(q.attribution ? textItems(ctx.fonts, `— ${q.attribution}`, textStyle(TYPE.body, { colour: COLOUR.secondary }), structNode('P', node), inner, 8) : []),
    endOf(node),
  ];
}

export function* section(ctx: Context, s: SectionView): Steps {
  const { flow, fonts, layout } = ctx;
  const sect = startPart(ctx, s.id, s.title);
  if (s.body) flow.placeAll(layout.rich(s.body, sect, COLUMN, 0));
  for (const study of s.caseStudies) flow.placeAll(caseStudy(ctx, study, sect));
  for (const q of s.quotes) flow.placeAll(quote(ctx, q, sect));
  if (s.pledges.length) {
    flow.placeAll(headingItems(fonts, 'Commitments and progress', 3, sect, COLUMN, s.body || s.caseStudies.length || s.quotes.length ? undefined : 0));
    for (const [i, pledge] of s.pledges.entries()) {
      flow.placeAll(pledgeItems(layout, pledge, sect, COLUMN, i === 0));
      yield;
    }
  }
  if (s.nextSteps) {
    flow.placeAll(headingItems(fonts, 'Next steps', 3, sect, COLUMN));
    flow.placeAll(layout.rich(s.nextSteps, sect, COLUMN, 0, BODY));
  }
  flow.placeAll(layout.footnotes(s.footnotes, sect, COLUMN));
  endPart(ctx, sect);
}
