// The history formatters, one contract: a history in, text out (text for a terminal, md for a pull
// request or a wiki, json for scripts, csv for spreadsheets).
import type { ChalkInstance } from 'chalk';
import { csv } from './csv.js';
import { json } from './json.js';
import { md } from './md.js';
import type { History } from './model.js';
import { text } from './text.js';

export const historyFormatters = {
  text,
  md: (history: History) => md(history),
  json: (history: History) => json(history),
  csv: (history: History) => csv(history),
} satisfies Record<string, (history: History, chalk: ChalkInstance) => string>;

export type HistoryFormat = keyof typeof historyFormatters;
export const HISTORY_FORMATS = Object.keys(historyFormatters) as HistoryFormat[];
