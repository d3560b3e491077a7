// The export as JSON: an array of objects, one a pledge, its figures as an object by metric id.
import type { ExportTable } from './rows.js';

export function json({ rows }: ExportTable): string {
  return JSON.stringify(rows, null, 2) + '\n';
}
