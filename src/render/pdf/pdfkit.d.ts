// What pdfkit 0.20 accepts that @types/pdfkit does not declare (checked in pdfkit's own source).

declare namespace PDFKit.Mixins {
  interface AnnotationOption {
    /** The Link structure element the annotation belongs to: pdfkit adds it as an OBJR child. */
    structParent?: PDFKit.PDFStructureElement;
  }

  interface StructureElementOptions {
    /** A table header's scope, written as the Table attribute owner's /Scope. */
    scope?: 'Row' | 'Column' | 'Both';
    /** Left, top, right, bottom in pdfkit's top-down page coordinates: the element's Layout /BBox. */
    bbox?: [number, number, number, number];
    placement?: 'Block' | 'Inline';
  }
}

declare namespace PDFKit {
  interface PDFOutline {
    addItem(title: string, options?: { expanded?: boolean; top?: number; left?: number; zoom?: number; fit?: boolean }): PDFOutline;
  }
}

declare namespace PDFKit.Mixins {
  interface PDFFont {
    /** pdfkit 0.20 also takes a font fontkit has already opened. */
    registerFont(name: string, src: import('fontkit').Font): this;
  }
}
