// The diff formatters, one contract: a change set in, text out (text for a terminal, md for a
// pull request comment, json for scripts, csv for spreadsheets).
import type { ChalkInstance } from 'chalk';
import type { ChangeSet } from '../report/changes.js';
import { csv } from './csv.js';
import { json } from './json.js';
import { md } from './md.js';
import { text } from './text.js';

export const diffFormatters = {
  text,
  md: (set: ChangeSet) => md(set),
  json: (set: ChangeSet) => json(set),
  csv: (set: ChangeSet) => csv(set),
} satisfies Record<string, (set: ChangeSet, chalk: ChalkInstance) => string>;

export type DiffFormat = keyof typeof diffFormatters;
export const DIFF_FORMATS = Object.keys(diffFormatters) as DiffFormat[];
