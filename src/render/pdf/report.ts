// The report's layout from cover to licence, in the order of the HTML, and the running footer.
import { annex } from './annex.js';
import { textStyle } from './blocks.js';
import type { Context, Steps } from './context.js';
import { contents, cover, foreword, licence, simplePart } from './front.js';
import type { Pen } from './pen.js';
import { atoms, breakLines } from './inline.js';
import type { Fonts } from './fonts.js';
import { section } from './sections.js';
import { COLOUR, PAGE, TYPE } from './style.js';
import { since, summary } from './summary.js';
import type { StructNode } from './tags.js';

export function* layoutReport(ctx: Context): Steps {
  const { model } = ctx;
  cover(ctx);
  contents(ctx);
  foreword(ctx);
  if (model.introduction) simplePart(ctx, model.introduction);
  yield* summary(ctx);
  yield* since(ctx);
  for (const s of model.sections) yield* section(ctx, s);
  if (model.conclusion) simplePart(ctx, model.conclusion);
  if (model.feedback) simplePart(ctx, model.feedback, true);
  yield* annex(ctx);
  licence(ctx);
  ctx.flow.flush();
}

/**
 * The running footer, "4 of 23" with the short title, on every page but the cover. It is an
 * artifact: a screen reader does not read it on every page.
 */
export function footer(fonts: Fonts, title: string, total: number, root: StructNode): (page: number, pen: Pen) => void {
  const style = textStyle(TYPE.footer, { colour: COLOUR.secondary });
  const numberWidth = 70;
  const width = PAGE.width - PAGE.left - PAGE.right - numberWidth;
  const lines = breakLines(atoms([{ type: 'text', text: title }], style, root), style, width, fonts);
  // A title too long for one line is cut at a word and marked as cut.
  const shown = lines.length > 1 ? breakLines(atoms([{ type: 'text', text: `${title}` }], style, root), style, width - 12, fonts)[0]! : lines[0]!;
  const ellipsis = lines.length > 1 ? '…' : '';
  const y = PAGE.height - PAGE.bottom + 30;
  return (page, pen) => {
    if (page === 1) return;
    pen.repeat(() => {
      pen.rule(PAGE.left, y - 8, PAGE.width - PAGE.right, COLOUR.border, 0.75);
      const baseline = y + shown.baseline;
      for (const piece of shown.pieces) pen.text(piece, baseline, PAGE.left + piece.x);
      if (ellipsis) pen.text({ ...shown.pieces[0]!, text: ellipsis, x: PAGE.left + shown.width + 1 }, baseline);
      const number = `${page} of ${total}`;
      const font = shown.pieces[0]?.font ?? 'noto-regular';
      const w = fonts.width(number, font, style.size);
      pen.text({ x: PAGE.width - PAGE.right - w, width: w, text: number, font, size: style.size, colour: COLOUR.secondary, rise: 0, node: root }, baseline);
    });
  };
}
