// Characters no embedded font has, as warnings at the place in the data each came from: the text
// nodes that hold them carry their source, so nothing has to find it again.
import { REPLACEMENT } from '../index.js';
import type { Block, Document, Inline, SourceRef } from '../../document/types.js';
import type { RenderWarning } from '../index.js';

type Visit = (text: string, source: SourceRef | undefined) => void;

function inline(list: readonly Inline[], visit: Visit): void {
  for (const n of list) {
    if (n.type === 'text' || n.type === 'code') visit(n.text, n.source);
    else if ('children' in n) inline(n.children, visit);
  }
}

/** Every text of the document, with where it came from when the document knows. */
function texts(blocks: readonly Block[], visit: Visit): void {
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        inline(b.children, visit);
        break;
      case 'list':
        for (const item of b.items) texts(item, visit);
        break;
      case 'quote':
        texts(b.children, visit);
        if (b.attribution) inline(b.attribution, visit);
        break;
      case 'note':
      case 'section':
        texts(b.children, visit);
        break;
      case 'code':
        visit(b.text, undefined);
        break;
      case 'definitions':
        for (const item of b.items) inline([...item.term, ...item.value], visit);
        break;
      case 'table':
        inline(b.caption, visit);
        for (const row of [...b.head, ...b.body]) for (const cell of row.cells) texts(cell.blocks, visit);
        break;
      case 'figure':
        if (b.caption) inline(b.caption, visit);
        for (const bar of b.chart.bars) visit(bar.label, undefined);
        break;
      case 'image':
        visit(b.alt, undefined);
        break;
      case 'footnotes':
        if (b.heading) inline(b.heading, visit);
        for (const item of b.items) texts(item.blocks, visit);
        break;
      case 'contents':
        // The entries repeat the headings' words, which are found where the headings are.
        inline(b.heading, visit);
        break;
      default:
        break;
    }
  }
}

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * One warning a missing character and place in the data that holds it; a character only in text
 * with no known source (the document's own words) is one warning without a place.
 */
export function missingGlyphs(doc: Document, missing: ReadonlySet<string>, hint: (char: string) => string | undefined): RenderWarning[] {
  if (missing.size === 0) return [];
  const warnings: RenderWarning[] = [];
  const placed = new Set<string>();
  const message = (char: string) => `"${char}" (${codePoint(char)}) is in none of the PDF's fonts: the PDF shows ${REPLACEMENT} in its place`;
  const mend = (char: string) => {
    const text = hint(char);
    return text ? { hint: text } : {};
  };
  texts(doc.blocks, (text, source) => {
    if (!source) return;
    for (const char of missing) {
      if (!text.includes(char)) continue;
      const key = `${char}\0${source.file}\0${source.line}\0${source.column}`;
      if (placed.has(key)) continue;
      placed.add(key);
      warnings.push({ rule: 'missing-glyph', text: char, message: message(char), source, ...mend(char) });
    }
  });
  const found = new Set(warnings.map((w) => w.text));
  for (const char of missing) if (!found.has(char)) warnings.push({ rule: 'missing-glyph', text: char, message: message(char), ...mend(char) });
  return warnings;
}
