// Where a writer's warning (a character no PDF font has) is in the data: every string value that
// holds the text, at its file, line, column and field. The fallback for the few texts the document
// holds without a source (a code block's text, a picture's alt text, a chart's bar labels, a link's
// words in a catalogue sentence, data loaded without its places): loaded only for a warning about
// a character found in none of the texts that carry one, as it parses those files again.
import { isPair, isScalar, isSeq, visit, type Node } from 'yaml';
import { parseYaml } from '../data/load.js';
import type { SourceText } from '../data/source.js';
import type { Problem } from '../problems.js';
import type { RenderWarning } from '../render/index.js';

/** `pledges[2].commitment`: the path of keys and indexes from the document down to `node`. */
function fieldOf(ancestors: readonly unknown[], node: Node): string {
  const chain = [...ancestors, node];
  let field = '';
  for (let i = 0; i < chain.length - 1; i++) {
    const parent = chain[i];
    if (isPair(parent)) field += `${field ? '.' : ''}${String(isScalar(parent.key) ? parent.key.value : parent.key)}`;
    else if (isSeq(parent)) field += `[${parent.items.indexOf(chain[i + 1] as never)}]`;
  }
  return field;
}

/** A warning at one place in the data: its field ("pledges[0].commitment") kept apart for grouping. */
export interface Located {
  problem: Problem;
  field: string;
}

/** Every string value in the loaded files that contains `warning.text`, as a located problem. */
export function locateWarning(warning: RenderWarning, sources: ReadonlyMap<string, SourceText>): Located[] {
  const found: Located[] = [];
  for (const { text, path } of sources.values()) {
    // The loader keeps only the text: the few files that hold the text (or an escape that may
    // spell it) are parsed again here.
    if (!text.includes(warning.text) && !text.includes('\\')) continue;
    const source = parseYaml(text, path).source;
    if (!source) continue;
    visit(source.doc, {
      Scalar(key, node, path) {
        if (key === 'key' || typeof node.value !== 'string' || !node.value.includes(warning.text) || !node.range) return;
        // Where the character itself is written, unless an escape sequence spells it.
        const at = source.text.indexOf(warning.text, node.range[0]);
        const offset = at !== -1 && at < node.range[1] ? at : node.range[0];
        const { line, col } = source.lineCounter.linePos(offset);
        const field = fieldOf(path, node);
        found.push({ field, problem: { file: source.path, line, column: col, length: 1, severity: 'warning', rule: warning.rule, message: `${field}: ${warning.message}`, ...(warning.hint ? { hint: warning.hint } : {}) } });
      },
    });
  }
  return found;
}
