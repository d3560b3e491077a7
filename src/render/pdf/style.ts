// The PDF's look in points: A4 geometry, a GOV.UK-like type scale and GOV.UK's colours.
import { statusFills } from '../status-colours.js';

/** A4 portrait. Margins are generous, as GOV.UK's printed publications are (25 mm at the sides). */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  left: 72,
  right: 72,
  top: 66,
  /** Where the body stops: the running footer sits below it. */
  bottom: 84,
} as const;

export const BODY_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const BODY_BOTTOM = PAGE.height - PAGE.bottom;

/** GOV.UK Frontend's palette. Text is near-black, never pure black. */
export const COLOUR = {
  text: '#0b0c0c',
  secondary: '#505a5f',
  link: '#1d70b8',
  border: '#b1b4b6',
  shade: '#f3f2f1',
  brand: '#1d70b8',
  white: '#ffffff',
  /** A status that moved the wrong way; GOV.UK's red. */
  regression: '#aa2a16',
  /** The draft mark and a draft notice's bar: GOV.UK's red. */
  draft: '#d4351c',
} as const;

/** Each status's badge colour, GOV.UK's tag colours at full strength so white text reads on them. */
export const STATUS_FILL = statusFills();

export interface TypeSize {
  size: number;
  /** Line height: baseline to baseline. */
  leading: number;
}

/** Body text at 11 pt with 1.45 leading reads well at A4; headings step down from the part title. */
export const TYPE = {
  title: { size: 34, leading: 40 },
  lead: { size: 17, leading: 23 },
  h2: { size: 22, leading: 28 },
  h3: { size: 15, leading: 20 },
  h4: { size: 12.5, leading: 17 },
  h5: { size: 11, leading: 16 },
  body: { size: 11, leading: 16 },
  small: { size: 9.5, leading: 13.5 },
  footer: { size: 8.5, leading: 11 },
} as const satisfies Record<string, TypeSize>;

/** Space around blocks: a paragraph's gap, a heading's space above and below. */
export const SPACE = {
  paragraph: 8,
  list: 4,
  /** A part's title that follows on from the part before gets a wide gap above it. */
  headingAbove: { 1: 0, 2: 36, 3: 18, 4: 14, 5: 10, 6: 8 } as Record<number, number>,
  headingBelow: 6,
  box: 12,
  cell: 5,
} as const;

/** Sections whose role gives them a box of their own, as the HTML's stylesheet does: a case study on grey. */
export const SECTION_BOX: Readonly<Record<string, 'callout'>> = { 'case-study': 'callout' };
