// What every part of the report layout works with, and how a part begins: on a new page, with a
// bookmark and a level 2 heading inside its own Sect element.
import type { ReportModel } from '../../report/model.js';
import { BlockLayout, endOf, headingItems, type Column } from './blocks.js';
import type { Flow } from './flow.js';
import type { Fonts } from './fonts.js';
import type { Navigation } from './navigation.js';
import { BODY_BOTTOM, BODY_WIDTH, PAGE } from './style.js';
import type { TableLayout } from './tables.js';
import { structNode, type StructNode } from './tags.js';

export interface Context {
  model: ReportModel;
  flow: Flow;
  fonts: Fonts;
  layout: BlockLayout;
  tables: TableLayout;
  nav: Navigation;
  /** Where each part starts, from the measuring pass; null during it. */
  pages: ReadonlyMap<string, number> | null;
  root: StructNode;
}

export type Steps = Generator<void, void, void>;

export const COLUMN: Column = { x: PAGE.left, width: BODY_WIDTH, decor: [] };

/**
 * Starts a part. Parts open on a new page, as in the printed strategy; one that may follow on
 * (`continues`) does so when at least a third of the page is left.
 */
export function startPart(ctx: Context, id: string, title: string, continues = false): StructNode {
  const { flow } = ctx;
  flow.flush();
  const roomy = !flow.atTop && flow.remaining() > (BODY_BOTTOM - PAGE.top) / 3;
  if (!(continues && roomy) && !flow.atTop) flow.newPage();
  const sect = structNode('Sect', ctx.root);
  ctx.nav.anchor(flow, id, title, 1);
  flow.placeAll(headingItems(ctx.fonts, title, 2, sect, COLUMN, continues && roomy ? 36 : 0));
  return sect;
}

export function endPart(ctx: Context, sect: StructNode): void {
  ctx.flow.place(endOf(sect));
}
