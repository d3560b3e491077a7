// Which characters the PDF can show: build/coverage.json, made from its fonts at build time
// (scripts/build-coverage.js), read only when some text goes beyond the Latin letters.
import { readFileSync } from 'node:fs';

/** What the PDF shows in place of a character no font has; the real character stays in its text layer. */
export const REPLACEMENT = '\ufffd';

let ranges: readonly [number, number][] | undefined;

function shown(code: number): boolean {
  ranges ??= JSON.parse(readFileSync(new URL('../../build/coverage.json', import.meta.url), 'utf8')) as [number, number][];
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = ranges[mid]!;
    if (code < first) hi = mid - 1;
    else if (code > last) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The characters of `text` that the PDF cannot show, each once, in order; none for text in Latin letters. */
export function unshown(text: string): string[] {
  if (!/[^\u0000-\u024f]/.test(text)) return [];
  const missing: string[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code > 0x24f && !shown(code) && !missing.includes(char)) missing.push(char);
  }
  return missing;
}
