// Inline nodes as Word runs: emphasis as run properties, links as hyperlinks (to the web or to a
// heading's bookmark), footnote references as Word footnotes, status badges as shaded words.
import { ExternalHyperlink, FootnoteReferenceRun, InternalHyperlink, ShadingType, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { Inline } from '../../document/types.js';
import { inlineText } from '../../report/rich.js';
import { COLOUR, STATUS_FILL } from './styles.js';

type RunFormat = Pick<IRunOptions, 'bold' | 'italics' | 'font' | 'color' | 'style' | 'shading'>;

/** Word bookmark names: a letter first, then letters, digits and underscores, at most 40 of them. */
export class Bookmarks {
  private readonly names = new Map<string, string>();
  private readonly taken = new Set<string>();

  name(id: string): string {
    let name = this.names.get(id);
    if (name !== undefined) return name;
    const base = `_${id.replace(/[^A-Za-z0-9]+/g, '_')}`.slice(0, 36);
    name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
    this.names.set(id, name);
    this.taken.add(name);
    return name;
  }
}

function textRuns(text: string, format: RunFormat): TextRun[] {
  // A line break inside code or text is a Word break, not a character Word would drop.
  return text.split('\n').map((line, i) => new TextRun({ ...format, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

export function inlines(nodes: readonly Inline[], bookmarks: Bookmarks, format: RunFormat = {}): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    switch (node.type) {
      case 'text':
        return textRuns(node.text, format);
      case 'code':
        return textRuns(node.text, { ...format, font: 'Courier New' });
      case 'strong':
        return inlines(node.children, bookmarks, { ...format, bold: true });
      case 'em':
        return inlines(node.children, bookmarks, { ...format, italics: true });
      case 'break':
        return [new TextRun({ ...format, break: 1 })];
      case 'footnote':
        return [new FootnoteReferenceRun(node.number)];
      case 'link': {
        const children = inlines(node.children, bookmarks, { ...format, style: 'Hyperlink' });
        return node.href.startsWith('#')
          ? [new InternalHyperlink({ anchor: bookmarks.name(node.href.slice(1)), children })]
          : [new ExternalHyperlink({ link: node.href, children })];
      }
      case 'status':
        return inlines(node.children, bookmarks, { ...format, style: 'Badge', shading: { type: ShadingType.CLEAR, fill: STATUS_FILL[node.status], color: 'auto' } });
      case 'span':
        // Word has no text for screen readers alone: words that HTML hides visually are shown here.
        if (node.role === 'regression') return inlines(node.children, bookmarks, { ...format, bold: true, color: COLOUR.regression });
        if (node.role === 'change') return inlines(node.children, bookmarks, { ...format, color: COLOUR.secondary });
        return inlines(node.children, bookmarks, format);
    }
  });
}

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG = /[\p{L}]/u;

/** Whether a paragraph's first strong letter is right-to-left: then Word sets it from the right. */
export function rightToLeft(nodes: readonly Inline[]): boolean {
  const text = inlineText(nodes);
  for (const char of text) if (STRONG.test(char)) return RTL.test(char);
  return false;
}
