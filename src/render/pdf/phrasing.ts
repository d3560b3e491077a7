// The document's inlines as the line breaker's atoms: strong, emphasis, spans and status words
// styled, hidden words left to the structure tree, links inside the document as destinations.
import { inlineText } from '../../report/rich.js';
import { fillLabel } from '../index.js';
import type { DocumentLabels, Inline } from '../../document/types.js';
import { atoms, type TextStyle } from './inline.js';
import { footnoteOf } from './navigation.js';
import { COLOUR, STATUS_FILL } from './style.js';
import type { StructNode } from './tags.js';

export type Atom = ReturnType<typeof atoms>[number];
/** The inlines the line breaker knows: the document's, less spans and status badges. */
type PlainInline = Parameters<typeof atoms>[0][number];

/** The words a screen reader hears but a page does not show ("Status: "), joined. */
export function hiddenText(list: readonly Inline[]): string {
  return list.map((n) => (n.type === 'span' && n.role === 'hidden' ? inlineText(n.children) : '')).join('');
}

/** Whether an inline (or one inside it) is a kind the line breaker does not know: a span or a badge. */
function special(n: Inline): boolean {
  return n.type === 'span' || n.type === 'status' || ('children' in n && n.children.some(special));
}

/** The same inlines as the line breaker's own kinds: spans and badges become their words. */
function plain(list: readonly Inline[]): PlainInline[] {
  return list.flatMap((n): PlainInline[] => {
    switch (n.type) {
      case 'text':
      case 'code':
        return [{ type: n.type, text: n.text }];
      case 'strong':
      case 'em':
        return [{ type: n.type, children: plain(n.children) }];
      case 'link':
        return [{ type: 'link', href: n.href, children: plain(n.children) }];
      case 'span':
        return n.role === 'hidden' ? [] : plain(n.children);
      case 'status':
        return plain(n.children);
      default:
        return [n];
    }
  });
}

export class Phrasing {
  constructor(private readonly labels: DocumentLabels) {}

  /** `list` as atoms in `style`, drawn as the content of `node`. */
  atoms(list: readonly Inline[], style: TextStyle, node: StructNode): Atom[] {
    // Most text has no span or badge: it goes to the line breaker as it is, in one call.
    if (!list.some(special)) return this.relabel(atoms(list as PlainInline[], style, node));
    const out: Atom[] = [];
    this.walk(list, style, node, out);
    return out;
  }

  /** The line breaker's atoms with the document's words for footnote links, and `#id` links kept inside. */
  private relabel(made: Atom[]): Atom[] {
    for (const a of made) {
      if (!a.link) continue;
      if ('dest' in a.link) {
        const number = footnoteOf(a.link.dest);
        if (number !== null) a.link = { ...a.link, label: fillLabel(this.labels.footnoteRef, { number }) };
      } else if (a.link.url.startsWith('#')) {
        a.link = { dest: decodeURIComponent(a.link.url.slice(1)), label: a.link.label };
      }
    }
    return made;
  }

  private walk(list: readonly Inline[], style: TextStyle, node: StructNode, out: Atom[]): void {
    for (const n of list) {
      switch (n.type) {
        case 'strong':
          this.walk(n.children, { ...style, bold: true }, node, out);
          break;
        case 'em':
          this.walk(n.children, { ...style, italic: true }, node, out);
          break;
        case 'span':
          // Hidden words are for screen readers: the badge they precede carries them (see badge.ts).
          if (n.role !== 'hidden') this.walk(n.children, { ...style, colour: n.role === 'regression' ? COLOUR.regression : COLOUR.secondary }, node, out);
          break;
        case 'status':
          // A status inside running text: its word in bold, in its colour (a badge opens a paragraph).
          this.walk(n.children, { ...style, bold: true, colour: STATUS_FILL[n.status] }, node, out);
          break;
        default:
          out.push(...this.relabel(atoms(plain([n]), style, node)));
      }
    }
  }
}
