// Problems as GitHub Actions workflow commands, which annotate the files in a pull request.
import { visible } from '../problems.js';
import type { ProblemReport } from './index.js';

// Workflow command values escape %, CR and LF (other control characters are shown as \u{..});
// properties also escape : and ,.
const data = (s: string) => visible(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function github({ problems }: ProblemReport): string {
  return problems
    .map((p) => {
      const position = p.line > 0 ? `,line=${p.line},col=${p.column}` : '';
      const message = p.hint ? `${p.message} (${p.hint})` : p.message;
      return `::${p.severity} file=${property(p.file)}${position},title=${property(`covenant ${p.rule}`)}::${data(message)}\n`;
    })
    .join('');
}
