// The structure tree for screen readers: the layout makes plain nodes; the tagger turns each into a
// pdfkit structure element when its first content is drawn and marks that content with its MCID.

export type StructType =
  | 'Document' | 'Sect' | 'Div' | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'P' | 'Span' | 'Link' | 'Note'
  | 'L' | 'LI' | 'Lbl' | 'LBody' | 'BlockQuote' | 'Caption' | 'Code'
  | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD' | 'Figure' | 'TOC' | 'TOCI' | 'Reference';

export interface StructNode {
  readonly type: StructType;
  readonly parent: StructNode | null;
  readonly options: PDFKit.Mixins.StructureElementOptions;
  /** The pdfkit element, once something of it has been drawn. */
  element?: PDFKit.PDFStructureElement;
  ended?: boolean;
}

export function structNode(type: StructType, parent: StructNode | null, options: PDFKit.Mixins.StructureElementOptions = {}): StructNode {
  return { type, parent, options };
}

export function headingType(level: number): StructType {
  return `H${Math.min(6, Math.max(1, level))}` as StructType;
}

/**
 * Keeps at most one marked-content sequence open, for the node being drawn. Elements are added to
 * their parent in the order their content first appears, which is reading order; an element is
 * written out (and its memory freed) when it is ended.
 */
export class Tagger {
  private open: StructNode | null = null;

  constructor(private readonly doc: PDFKit.PDFDocument, root: StructNode) {
    root.element = doc.struct(root.type, root.options);
    doc.addStructure(root.element);
  }

  element(node: StructNode): PDFKit.PDFStructureElement {
    if (node.element) return node.element;
    if (node.ended) throw new Error(`a ${node.type} element was drawn into after it ended`);
    const parent = node.parent ? this.element(node.parent) : undefined;
    node.element = this.doc.struct(node.type, node.options);
    parent?.add(node.element);
    return node.element;
  }

  /** Marks what is drawn next as content of `node`. */
  content(node: StructNode): void {
    if (this.open === node) return;
    this.close();
    const element = this.element(node);
    element.add(this.doc.markStructureContent(node.type));
    this.open = node;
  }

  /** Draws decoration (a rule, a shaded box, a running footer) that readers should skip. */
  artifact(type: 'Pagination' | 'Layout', draw: () => void): void {
    this.close();
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  close(): void {
    if (!this.open) return;
    this.doc.endMarkedContent();
    this.open = null;
  }

  /** Ends `node` and everything under it: pdfkit writes the elements out then. */
  end(node: StructNode): void {
    this.close();
    node.element?.end();
    node.ended = true;
  }
}
