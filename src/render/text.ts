// The PDF writer's view of rich text, until it maps the document's nodes: the Markdown fields are
// parsed by the report (src/report/rich.ts), their headings already at the level they are shown.
import type { RichText } from '../report/rich.js';

export { inlineText, plainText, SAFE_URL, type Block, type Footnote, type Inline, type RichText } from '../report/rich.js';

/** A field's heading is parsed at the level it is shown. */
export function headingLevel(_text: RichText, level: number): number {
  return level;
}
