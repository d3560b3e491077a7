// The problem formatters, one contract: the same report in, text out.
import type { ChalkInstance } from 'chalk';
import type { Problem } from '../problems.js';
import type { SourceText } from '../data/source.js';
import { github } from './github.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

export interface ProblemReport {
  problems: readonly Problem[];
  sources: ReadonlyMap<string, SourceText>;
  fileCount: number;
}

export const problemFormatters = {
  stylish,
  json: (report: ProblemReport) => json(report),
  github: (report: ProblemReport) => github(report),
} satisfies Record<string, (report: ProblemReport, chalk: ChalkInstance) => string>;

export type ProblemFormat = keyof typeof problemFormatters;
export const PROBLEM_FORMATS = Object.keys(problemFormatters) as ProblemFormat[];
