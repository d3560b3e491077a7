// What every part of the layout works with: the document, the flow down the pages, the block and
// table layouts, where things are, and what the writer could not do as the document asks.
import type { Document } from '../../document/types.js';
import type { RenderWarning } from '../index.js';
import type { BlockLayout, Column } from './blocks.js';
import type { Pictures } from './chart.js';
import type { Flow } from './flow.js';
import type { Navigation } from './navigation.js';
import { BODY_WIDTH, PAGE } from './style.js';
import type { TableLayout } from './tables.js';
import type { StructNode } from './tags.js';

export interface Context {
  doc: Document;
  flow: Flow;
  layout: BlockLayout;
  tables: TableLayout;
  nav: Navigation;
  pictures: Pictures;
  /** Where each link target starts, from the measuring pass; null during it. */
  pages: ReadonlyMap<string, number> | null;
  /** The pages that are a cover (no running footer): filled by the measuring pass. */
  covers: Set<number>;
  root: StructNode;
  warnings: RenderWarning[];
}

export type Steps = Generator<void, void, void>;

export const COLUMN: Column = { x: PAGE.left, width: BODY_WIDTH, decor: [] };
