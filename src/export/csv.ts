// The export as CSV (RFC 4180), written by csv-stringify: CRLF rows, fields quoted when they hold a
// comma, a quote or a line break, and a UTF-8 byte order mark so Excel reads £ and ’ correctly.
import { stringify } from 'csv-stringify/sync';
import type { ExportTable } from './rows.js';

export const FIXED_COLUMNS = ['department', 'department_name', 'pledge', 'theme', 'outcomes', 'status', 'commitment', 'progress', 'next_steps'] as const;

/**
 * A spreadsheet reads a cell that starts with = + - or @ (or a tab or carriage return before one)
 * as a formula, which a name or a progress note could turn into a link that leaks the sheet, or
 * into #NAME?. Such text gets a leading apostrophe, which spreadsheets read as "this is text" (as
 * OWASP advises for CSV). Figures are numbers and stay as they are; the JSON export is untouched.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export const asText = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

export function csv({ rows, metricIds }: ExportTable): string {
  const header = [...FIXED_COLUMNS, ...metricIds.map((id) => `metric:${id}`)];
  const records = rows.map((r) => [
    r.department, asText(r.department_name), r.pledge, r.theme, r.outcomes.join(';'), r.status,
    asText(r.commitment), asText(r.progress ?? ''), asText(r.next_steps ?? ''),
    // Own keys only: a pledge without a metric called "constructor" would otherwise print Object's.
    ...metricIds.map((id) => (Object.hasOwn(r.metrics, id) ? String(r.metrics[id]) : '')),
  ]);
  return csvText([header, ...records]);
}

/** Rows as the file every covenant CSV is: UTF-8 with a byte order mark, CRLF, quoted as RFC 4180 needs. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return stringify(rows as string[][], {
    bom: true,
    record_delimiter: 'windows',
    // csv-stringify quotes a field only when it holds the record delimiter itself (CRLF); RFC 4180
    // and spreadsheets also need a lone LF or CR quoted (adaltas/node-csv#467).
    quoted_match: /[\r\n]/,
  });
}
