// The summary of progress (its description, the chart, the two tables, what each status means) and
// the changes since the previous year, in the HTML's order and words.
import { formatNumber, helpers } from '../helpers.js';
import type { PledgeRef } from '../../report/model.js';
import type { Block, Inline } from '../text.js';
import { BODY, headingItems, textItems, textStyle, withMarker } from './blocks.js';
import { chartItem } from './chart.js';
import { COLUMN, endPart, startPart, type Context, type Steps } from './context.js';
import { atoms, breakLines } from './inline.js';
import { REGRESSION, statusItems } from './pledge.js';
import { SPACE, TYPE } from './style.js';
import { Fonts } from './fonts.js';
import { plainCell, type CellSpec } from './tables.js';
import { structNode } from './tags.js';

const plural = (count: number, one: string, many: string): string => String(helpers.pluralise!(count, one, many));
const percent = (value: number) => `${formatNumber(value)}%`;

export function* summary(ctx: Context): Steps {
  const { flow, fonts, model, tables } = ctx;
  const s = model.summary;
  const sect = startPart(ctx, s.id, s.title);
  flow.placeAll(textItems(fonts, s.description, BODY, structNode('P', sect), COLUMN, 0));
  if (s.total) flow.place(chartItem(fonts, s, sect, COLUMN, 14));

  const number = (n: number, bold = false) => plainCell(fonts, formatNumber(n), { align: 'right', bold });
  yield* tables.place({
    caption: 'Pledges by status',
    widths: [3, 1, 1],
    head: [plainCell(fonts, 'Status', { scope: 'Column' }), plainCell(fonts, 'Pledges', { scope: 'Column', align: 'right' }), plainCell(fonts, 'Share', { scope: 'Column', align: 'right' })],
    rows: [
      ...s.byStatus.filter((row) => row.count > 0).map((row) => ({ cells: [plainCell(fonts, row.label, { scope: 'Row' }), number(row.count), plainCell(fonts, percent(row.percent), { align: 'right', bold: false })] })),
      { cells: [plainCell(fonts, 'Total', { scope: 'Row' }), number(s.total, true), plainCell(fonts, s.total ? '100%' : '—', { align: 'right', bold: true })] },
    ],
  }, sect, COLUMN, 18);

  // Each count column is as wide as its heading, or its longest word when seven statuses leave the
  // department names too little room: no heading breaks inside a word. The names have the rest.
  const bold = Fonts.key('sans', 'bold');
  const fit = (label: string, values: readonly number[], whole: boolean) =>
    Math.max(...(whole ? [label] : label.split(' ')).map((w) => fonts.width(w, bold, TYPE.small.size)),
      ...values.map((v) => fonts.width(formatNumber(v), bold, TYPE.small.size))) + SPACE.cell * 2 + 2;
  const columns = (whole: boolean) => [...s.statuses.map((st, i) => fit(st.label, s.byDepartment.map((d) => d.counts[i]!.count), whole)),
    fit('Total', s.byDepartment.map((d) => d.total), whole)];
  const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);
  const wide = columns(true);
  const numbers = COLUMN.width - sum(wide) >= COLUMN.width * 0.4 ? wide : columns(false);
  const counts = numbers.slice(0, -1);
  const totals = numbers[numbers.length - 1]!;
  yield* tables.place({
    caption: 'Pledges by department and status',
    widths: [COLUMN.width - sum(numbers), ...counts, totals],
    head: [plainCell(fonts, 'Department', { scope: 'Column' }), ...s.statuses.map((st) => plainCell(fonts, st.label, { scope: 'Column', align: 'right' })), plainCell(fonts, 'Total', { scope: 'Column', align: 'right' })],
    rows: s.byDepartment.map((d) => ({ cells: [plainCell(fonts, d.department.name, { scope: 'Row' }), ...d.counts.map((c) => number(c.count)), number(d.total)] })),
  }, sect, COLUMN, 22);

  // What each status means: a list of terms, each in bold beside its definition.
  flow.placeAll(headingItems(fonts, 'What each status means', 3, sect, COLUMN));
  const list = structNode('L', sect);
  const termWidth = 96;
  const term = textStyle(TYPE.body, { bold: true });
  s.byStatus.forEach((row, i) => {
    const li = structNode('LI', list);
    const label = breakLines(atoms([{ type: 'text', text: row.label }], term, li), term, termWidth - 8, fonts);
    const items = textItems(fonts, row.definition, BODY, structNode('P', structNode('LBody', li)), { ...COLUMN, x: COLUMN.x + termWidth, width: COLUMN.width - termWidth }, i === 0 ? 0 : 8);
    flow.placeAll(withMarker(items, label[0]!, structNode('Lbl', li), COLUMN.x));
  });
  endPart(ctx, sect);
}

/** "DfE: commitment": the department in bold, then the commitment, as the HTML lists them. */
function refBlocks(ref: PledgeRef): Block[] {
  const lead: Inline[] = [{ type: 'strong', children: [{ type: 'text', text: ref.department.shortName }] }, { type: 'text', text: ': ' }];
  const [first, ...rest] = ref.commitment.blocks;
  if (first?.type === 'paragraph') return [{ type: 'paragraph', children: [...lead, ...first.children] }, ...rest];
  return [{ type: 'paragraph', children: lead }, ...ref.commitment.blocks];
}

export function* since(ctx: Context): Steps {
  const part = ctx.model.sinceLastYear;
  if (!part) return;
  const { flow, fonts, layout, tables } = ctx;
  const sect = startPart(ctx, part.id, part.title);
  const sentence = `Compared with ${part.previousYear}: ${plural(part.metSinceLastYear, 'pledge', 'pledges')} met since then, ` +
    `${plural(part.statusChanges, 'status change', 'status changes')} in all, ${plural(part.regressions, 'regression', 'regressions')}; ` +
    `${plural(part.added.length, 'pledge', 'pledges')} new and ${plural(part.removed.length, 'pledge', 'pledges')} no longer reported.`;
  flow.placeAll(textItems(fonts, sentence, BODY, structNode('P', sect), COLUMN, 0));

  if (part.moves.length) {
    const small = textStyle(TYPE.small);
    yield* tables.place({
      caption: `Status changes since ${part.previousYear}`,
      widths: [1.5, 4.3, 1.1, 1.4],
      head: ['Department', 'Commitment', 'Was', 'Now'].map((h) => plainCell(fonts, h, { scope: 'Column' })),
      rows: part.moves.map((move) => ({
        cells: [
          plainCell(fonts, move.pledge.department.shortName, { scope: 'Row' }),
          { content: (column, node) => layout.rich(move.pledge.commitment, node, column, 0, small) } satisfies CellSpec,
          plainCell(fonts, move.fromLabel, { bold: false }),
          { content: (column, node) => statusItems(fonts, move.to, move.toLabel, move.regression ? [{ text: 'regression', colour: REGRESSION }] : [], structNode('P', node), column, 0, 'small') },
        ],
      })),
    }, sect, COLUMN, 18);
  }
  const refs = (title: string, list: readonly PledgeRef[]) => {
    if (!list.length) return;
    flow.placeAll(headingItems(fonts, title, 3, sect, COLUMN));
    const block: Block = { type: 'list', ordered: false, start: 1, items: list.map(refBlocks) };
    flow.placeAll(layout.blocks([block], { kind: 'rich', level: 2, blocks: [], footnotes: [] }, sect, COLUMN, 0, BODY));
  };
  refs('New this year', part.added);
  refs('No longer reported', part.removed);
  endPart(ctx, sect);
}
