// The words of a Word file as a reader meets them: the body, then the footnotes, headers and
// footers, paragraph by paragraph, read from the package's XML.
import { strFromU8, unzipSync } from 'fflate';

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

/** The text of one WordprocessingML part: each paragraph on its own line, tabs and breaks as spaces. */
export function partText(xml: string): string {
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(?:tab|br)\/>/g)].map((m) => m[1] ?? ' ').join(''))
    .filter((line) => line.trim() !== '')
    .join('\n')
    .replace(/&(?:lt|gt|amp|quot|apos);/g, (e) => ENTITIES[e]!);
}

export function docxText(data: Uint8Array): string {
  const files = unzipSync(data);
  const parts = ['word/document.xml', 'word/footnotes.xml', ...Object.keys(files).filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n)).sort()];
  return parts.filter((name) => files[name]).map((name) => partText(strFromU8(files[name]!))).join('\n');
}
