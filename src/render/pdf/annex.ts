// Annex A: every pledge as Department / Commitment / Progress, one row each, with a bookmark for
// each department. Rows are made as they are placed: 10,000 pledges never sit in memory as layout.
import { textItems, textStyle } from './blocks.js';
import { COLUMN, endPart, startPart, type Context, type Steps } from './context.js';
import { statusItems } from './pledge.js';
import { TYPE } from './style.js';
import { plainCell, type RowSpec } from './tables.js';
import { structNode } from './tags.js';

export function* annex(ctx: Context): Steps {
  const { fonts, layout, model } = ctx;
  const part = model.annex;
  const sect = startPart(ctx, part.id, part.title);
  const small = textStyle(TYPE.small);
  const heading = textStyle(TYPE.small, { bold: true });
  function* rows(): Generator<RowSpec> {
    for (const group of part.groups) {
      const { department } = group;
      // The short name is an abbreviation: its expansion is there for screen readers, as the HTML's <abbr>.
      const expanded = department.shortName !== department.name ? { expanded: department.name } : {};
      for (const [i, pledge] of group.pledges.entries()) {
        yield {
          ...(i === 0 ? { onPlace: (flow) => ctx.nav.here(flow, `annex-${department.id}`, department.name, 2) } : {}),
          cells: [
            { scope: 'Row', content: (column, node) => textItems(fonts, department.shortName, heading, structNode('P', node, expanded), column, 0) },
            { content: (column, node) => layout.rich(pledge.commitment, node, column, 0, small) },
            {
              content: (column, node) => [
                ...statusItems(fonts, pledge.status, pledge.statusLabel, [], structNode('P', node), column, 0, 'small'),
                ...(pledge.progress ? layout.rich(pledge.progress, node, column, 6, small) : []),
              ],
            },
          ],
        } satisfies RowSpec;
      }
    }
  }
  yield* ctx.tables.place({
    caption: 'Every commitment, by department, with its status and progress',
    widths: [1.35, 3.2, 3.45],
    head: ['Department', 'Commitment', 'Progress'].map((h) => plainCell(fonts, h, { scope: 'Column' })),
    rows: rows(),
  }, sect, COLUMN, 4);
  endPart(ctx, sect);
}
