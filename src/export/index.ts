// The export writers, one contract: a year's table in, text out.
import { csv } from './csv.js';
import { json } from './json.js';
import type { ExportTable } from './rows.js';

export const exportWriters = { csv, json } satisfies Record<string, (table: ExportTable) => string>;

export type ExportFormat = keyof typeof exportWriters;
