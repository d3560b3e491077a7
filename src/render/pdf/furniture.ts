// What every page has outside the body: the running footer ("4 of 23" and the short title) on
// every page but a cover, and on a draft the draft mark at the top. All of it is an artifact: a
// screen reader does not read it on every page.
import type { Document } from '../../document/types.js';
import { textStyle } from './blocks.js';
import type { Fonts } from './fonts.js';
import { atoms, breakLines, type Line } from './inline.js';
import type { Pen } from './pen.js';
import { fillLabel } from '../index.js';
import { COLOUR, PAGE, TYPE } from './style.js';
import type { StructNode } from './tags.js';

const NUMBER_WIDTH = 70;

/** The running title on one line: a title too long for it is cut at a word and marked as cut. */
function titleLine(fonts: Fonts, title: string, root: StructNode): { line: Line | undefined; cut: boolean } {
  const style = textStyle(TYPE.footer, { colour: COLOUR.secondary });
  const width = PAGE.width - PAGE.left - PAGE.right - NUMBER_WIDTH;
  const lines = breakLines(atoms([{ type: 'text', text: title }], style, root), style, width, fonts);
  if (lines.length <= 1) return { line: lines[0], cut: false };
  return { line: breakLines(atoms([{ type: 'text', text: title }], style, root), style, width - 12, fonts)[0], cut: true };
}

/** Draws the page's furniture as page `page` of `total` begins. */
export function furniture(fonts: Fonts, doc: Document, total: number, covers: ReadonlySet<number>, root: StructNode): (page: number, pen: Pen) => void {
  const style = textStyle(TYPE.footer, { colour: COLOUR.secondary });
  const { line: shown, cut } = titleLine(fonts, doc.meta.runningTitle, root);
  const mark = textStyle(TYPE.h5, { bold: true, colour: COLOUR.draft });
  const draft = doc.meta.draft ? breakLines(atoms([{ type: 'text', text: doc.labels.draftMark }], mark, root), mark, PAGE.width, fonts)[0] : undefined;
  const y = PAGE.height - PAGE.bottom + 30;
  return (page, pen) => {
    pen.repeat(() => {
      if (draft) {
        // The mark in the top margin, right-aligned, with a rule in its colour across the page; on
        // a cover, whose masthead fills the top, in the bottom margin instead.
        const top = covers.has(page) ? PAGE.height - PAGE.bottom + 22 : 22;
        for (const piece of draft.pieces) pen.text(piece, top + draft.baseline, PAGE.width - PAGE.right - draft.width + piece.x);
        pen.rule(PAGE.left, top + draft.height + 3, PAGE.width - PAGE.right, COLOUR.draft, 1.5);
      }
      if (covers.has(page)) return;
      pen.rule(PAGE.left, y - 8, PAGE.width - PAGE.right, COLOUR.border, 0.75);
      const baseline = y + (shown?.baseline ?? TYPE.footer.size);
      for (const piece of shown?.pieces ?? []) pen.text(piece, baseline, PAGE.left + piece.x);
      if (cut && shown?.pieces[0]) pen.text({ ...shown.pieces[0], text: '…', x: PAGE.left + shown.width + 1 }, baseline);
      const number = fillLabel(doc.labels.pageOfPages, { page, pages: total });
      const font = shown?.pieces[0]?.font ?? 'noto-regular';
      const w = fonts.width(number, font, style.size);
      pen.text({ x: PAGE.width - PAGE.right - w, width: w, text: number, font, size: style.size, colour: COLOUR.secondary, rise: 0, node: root }, baseline);
    });
  };
}
