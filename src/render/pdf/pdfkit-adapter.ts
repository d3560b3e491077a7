// Every reach into pdfkit below its public API, in one place, for the pdfkit release it was written
// against: embedding glyphs that HarfBuzz chose (pdfkit's text() would lay the text out again with
// fontkit), and writing a large file without converting it a character at a time.
// A pdfkit of another minor version is refused with a message that says what to check.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Font } from 'fontkit';

/** The pdfkit release whose internals this file was checked against (its js/pdfkit.js). */
export const PDFKIT_CHECKED = '0.20';

/** pdfkit 0.20's EmbeddedFont, the fields of it that are used here. */
interface EmbeddedFont {
  id: string;
  subset: { includeGlyph(glyph: number): number };
  /** Glyph widths and characters by subset glyph number, for the font's Widths and ToUnicode. */
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  ref(): PDFKit.PDFKitReference;
}

const require = createRequire(import.meta.url);

/** The installed pdfkit's version (its package.json is not among its exports: read beside its main file). */
function installedVersion(): string {
  const main = require.resolve('pdfkit');
  return (JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** Throws, naming the version, when the installed pdfkit is not the release this file was checked against. */
export function checkPdfkitVersion(version: string = installedVersion()): void {
  if (!version.startsWith(`${PDFKIT_CHECKED}.`)) {
    throw new Error(`pdfkit ${version} is installed, but the PDF writer reaches into pdfkit ${PDFKIT_CHECKED}'s internals ` +
      '(src/render/pdf/pdfkit-adapter.ts): check each one against the new release, then update PDFKIT_CHECKED');
  }
}

/** A font embedded in a document, whose glyphs are numbered, measured and mapped to text here. */
export class EmbeddedGlyphs {
  private constructor(private readonly doc: PDFKit.PDFDocument, private readonly font: EmbeddedFont) {}

  /** Registers `font` with pdfkit under `name` and opens it (pdfkit numbers fonts in the order opened). */
  static embed(doc: PDFKit.PDFDocument, name: string, font: Font): EmbeddedGlyphs {
    doc.registerFont(name, font);
    doc.font(name);
    const embedded = (doc as unknown as { _font?: EmbeddedFont })._font;
    if (typeof embedded?.subset?.includeGlyph !== 'function' || !Array.isArray(embedded.widths) || !Array.isArray(embedded.unicode) || typeof embedded.id !== 'string') {
      throw new Error(`pdfkit embeds fonts in a way the PDF writer does not know: it needs pdfkit ${PDFKIT_CHECKED}`);
    }
    return new EmbeddedGlyphs(doc, embedded);
  }

  /** The font's resource name in content streams (/F1 …). */
  get id(): string {
    return this.font.id;
  }

  /**
   * The glyph's number in the subset; the first time, its width (in thousandths of the font size)
   * and the characters its ToUnicode entry gives.
   */
  include(glyph: number, width: number, characters: readonly number[]): number {
    const id = this.font.subset.includeGlyph(glyph);
    this.font.widths[id] ??= width;
    this.font.unicode[id] ??= [...characters];
    return id;
  }

  /** The characters the glyph numbered `id` in the subset reads as. */
  characters(id: number): readonly number[] {
    return this.font.unicode[id] ?? [];
  }

  /** Lists the font in the current page's resources, as pdfkit's text() does. */
  useOnPage(): void {
    const page = this.doc.page as unknown as { fonts: Record<string, unknown> };
    if (page.fonts[this.font.id] == null) page.fonts[this.font.id] = this.font.ref();
  }
}

/**
 * The font fontkit opened, as pdfkit is given it: pdfkit reads two fields of 'post' (isFixedPitch,
 * and italicAngle through fontkit), which fontkit would decode along with every glyph's name.
 */
export function forPdfkit(font: Font, post: Uint8Array | undefined): Font {
  if (post === undefined || post.byteLength < 16) return font;
  const view = new DataView(post.buffer, post.byteOffset, post.byteLength);
  return Object.create(font, {
    post: {
      value: {
        version: view.getInt32(0) / 65536,
        italicAngle: view.getInt32(4) / 65536,
        underlinePosition: view.getInt16(8),
        underlineThickness: view.getInt16(10),
        isFixedPitch: view.getUint32(12),
      },
    },
  }) as Font;
}

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * pdfkit copies the information into the XMP metadata without XML escaping, so an "&" in a title
 * would make the metadata unreadable. It writes the Info dictionary first and the XMP last, with
 * the subset's end between the two: the values are escaped there, for the XMP alone.
 */
export function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const endSubset = doc.endSubset.bind(doc);
  doc.endSubset = () => {
    endSubset();
    for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'] as const) {
      const value = doc.info[key];
      if (typeof value === 'string') doc.info[key] = value.replace(/[&<>"']/g, (c) => XML[c]!);
    }
  };
}

/** pdfkit 0.20's output plumbing, which gatherOutput takes over. */
interface Output {
  _write(data: string | Uint8Array): void;
  _offset: number;
  push(chunk: Uint8Array | null): boolean;
}

const OUTPUT_CHUNK = 64 * 1024;

/**
 * pdfkit writes the file a line at a time (an object's number, its dictionary, its stream, its
 * end), converting each string to bytes a character at a time and sending each piece through its
 * stream on its own: a large report makes millions of them. Here the pieces are converted by
 * Buffer and sent on gathered, OUTPUT_CHUNK bytes at a time. The bytes are the same, and pdfkit
 * still counts them for the cross-reference table.
 */
export function gatherOutput(doc: PDFKit.PDFDocument): void {
  const output = doc as unknown as Output;
  if (typeof output._write !== 'function' || typeof output._offset !== 'number') return;
  const push = output.push.bind(doc);
  const gathered: Uint8Array[] = [];
  let size = 0;
  const send = () => {
    if (size === 0) return;
    push(gathered.length === 1 ? gathered[0]! : Buffer.concat(gathered, size));
    gathered.length = 0;
    size = 0;
  };
  output._write = (data) => {
    // As pdfkit does: a string is a line (Latin-1 bytes), anything else goes as it is.
    const bytes = data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1');
    gathered.push(bytes);
    size += bytes.length;
    output._offset += bytes.length;
    if (size >= OUTPUT_CHUNK) send();
  };
  // The end of the file: what is gathered goes first.
  output.push = (chunk) => {
    if (chunk === null) send();
    return push(chunk);
  };
}

/** pdfkit 0.20's stream object (PDFReference): what gatherContent takes over for a page's content. */
interface Content {
  write(chunk: string | Uint8Array): void;
  end(): void;
}

/**
 * A page's content comes as hundreds of short strings (an operator or a line of text each), which
 * pdfkit would convert to bytes one at a time and join at the page's end. Here they are joined as
 * strings and converted once: the same bytes. Called on each 'pageAdded'.
 */
export function gatherContent(doc: PDFKit.PDFDocument): void {
  const content = (doc.page as unknown as { content?: Content }).content;
  if (typeof content?.write !== 'function' || typeof content.end !== 'function') return;
  const { write, end } = content;
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    write.call(content, Buffer.from(lines.join(''), 'latin1'));
    lines = [];
  };
  content.write = (chunk) => {
    // As pdfkit does: a string is a line.
    if (typeof chunk === 'string') lines.push(chunk, '\n');
    else {
      flush();
      write.call(content, chunk);
    }
  };
  content.end = () => {
    flush();
    end.call(content);
  };
}
