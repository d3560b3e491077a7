// The Word file's look: GOV.UK's type scale and colours as Word styles, so that headings are Word's
// own heading styles (the navigation pane and a generated table of contents work) and a clearance
// reader can restyle the whole file from Word's Styles pane.
import { AlignmentType, LevelFormat, LineRuleType, type ILevelsOptions, type INumberingOptions, type IStylesOptions } from 'docx';
import { statusFills } from '../status-colours.js';

/** GOV.UK Frontend's palette, as Word writes colours (hex, no #). */
export const COLOUR = {
  text: '0B0C0C',
  secondary: '505A5F',
  link: '1D70B8',
  border: 'B1B4B6',
  shade: 'F3F2F1',
  regression: 'AA2A16',
  white: 'FFFFFF',
} as const;

/** A status badge's fill, as GOV.UK's tags colour them; the word is always shown too. */
export const STATUS_FILL = statusFills((hex) => hex.slice(1).toUpperCase());

const FONT = 'Arial';
/** Sizes in half-points, as Word counts them. */
const SIZE = { body: 22, small: 19, lead: 30, h1: 60, h2: 44, h3: 32, h4: 26, h5: 22, h6: 22 } as const;

const heading = (level: 1 | 2 | 3 | 4 | 5 | 6, size: number, before: number) => ({
  id: `Heading${level}`,
  name: `Heading ${level}`,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: FONT, size, bold: true, color: COLOUR.text },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel: level - 1 },
});

export function styles(lang: string): IStylesOptions {
  return {
    default: {
      document: { run: { font: FONT, size: SIZE.body, color: COLOUR.text, language: { value: lang } }, paragraph: { spacing: { after: 160, line: 300, lineRule: LineRuleType.AUTO } } },
    },
    paragraphStyles: [
      heading(1, SIZE.h1, 0),
      heading(2, SIZE.h2, 480),
      heading(3, SIZE.h3, 360),
      heading(4, SIZE.h4, 280),
      heading(5, SIZE.h5, 240),
      heading(6, SIZE.h6, 200),
      { id: 'TitleCaption', name: 'Title Caption', basedOn: 'Normal', quickFormat: true, run: { size: SIZE.h3, color: COLOUR.secondary }, paragraph: { spacing: { after: 60 }, keepNext: true } },
      { id: 'Lead', name: 'Lead', basedOn: 'Normal', quickFormat: true, run: { size: SIZE.lead } },
      { id: 'Small', name: 'Small', basedOn: 'Normal', quickFormat: true, run: { size: SIZE.small, color: COLOUR.secondary } },
      { id: 'Signature', name: 'Signature', basedOn: 'Normal', quickFormat: true, run: { bold: true }, paragraph: { spacing: { after: 0 } } },
      { id: 'Caption', name: 'Caption', basedOn: 'Normal', quickFormat: true, run: { bold: true, size: SIZE.h4 }, paragraph: { keepNext: true, spacing: { before: 240, after: 120 } } },
      {
        id: 'Quote', name: 'Quote', basedOn: 'Normal', quickFormat: true, run: { size: SIZE.h4 },
        paragraph: { indent: { left: 340 }, border: { left: { style: 'single', size: 24, color: COLOUR.border, space: 12 } } },
      },
      { id: 'QuoteAttribution', name: 'Quote Attribution', basedOn: 'Quote', run: { size: SIZE.body, color: COLOUR.secondary } },
      { id: 'Code', name: 'Code', basedOn: 'Normal', run: { font: 'Courier New', size: SIZE.small }, paragraph: { spacing: { after: 0 }, shading: { type: 'clear', fill: COLOUR.shade, color: 'auto' } } },
      {
        id: 'Note', name: 'Note', basedOn: 'Normal', quickFormat: true, run: { bold: true },
        paragraph: {
          shading: { type: 'clear', fill: COLOUR.shade, color: 'auto' },
          border: { left: { style: 'single', size: 36, color: COLOUR.link, space: 8 } },
        },
      },
      { id: 'ContentsEntry', name: 'Contents Entry', basedOn: 'Normal', paragraph: { spacing: { after: 60 } } },
      { id: 'Footer', name: 'footer', basedOn: 'Normal', run: { size: 17, color: COLOUR.secondary }, paragraph: { spacing: { after: 0 } } },
      { id: 'FootnoteText', name: 'footnote text', basedOn: 'Normal', run: { size: SIZE.small }, paragraph: { spacing: { after: 60 } } },
    ],
    characterStyles: [
      { id: 'Hyperlink', name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: COLOUR.link, underline: { type: 'single' } } },
      { id: 'Badge', name: 'Status Badge', basedOn: 'DefaultParagraphFont', run: { bold: true, color: COLOUR.white } },
    ],
  };
}

/** The indent of list level `level` (0 first), in twentieths of a point. */
const indent = (level: number) => ({ left: 360 * (level + 1), hanging: 260 });

const BULLETS = ['•', '◦', '▪'];

function levels(kind: 'bullet' | 'ordered', start: number): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => kind === 'bullet'
    ? { level, format: LevelFormat.BULLET, text: BULLETS[level % BULLETS.length]!, alignment: AlignmentType.LEFT, style: { paragraph: { indent: indent(level) } } }
    : { level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, start, alignment: AlignmentType.LEFT, style: { paragraph: { indent: indent(level) } } });
}

/** Numbering for bullets and for each distinct start an ordered list has ("3." lists start at 3). */
export function numbering(orderedStarts: ReadonlySet<number>): INumberingOptions {
  return {
    config: [
      { reference: 'bullet', levels: levels('bullet', 1) },
      ...[...orderedStarts].sort((a, b) => a - b).map((start) => ({ reference: `ordered-${start}`, levels: levels('ordered', start) })),
    ],
  };
}

export const LIST_INDENT = indent;
