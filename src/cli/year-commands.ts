// Commander wiring of the year-over-year commands: diff, new-year, fmt and export. Each command's
// module is loaded when it runs, as in main.ts.
import { Argument, Option, type Command } from 'commander';
import type { Io } from './io.js';

const DIFF_FORMATS = ['text', 'md', 'json', 'csv'];
const EXPORT_FORMATS = ['csv', 'json'];

function withData<T extends object>(options: T, data: string | undefined): T & { data?: string } {
  return data === undefined ? options : { ...options, data };
}

export function registerYearCommands(cli: Command, io: Io, done: (code: number) => void, data: () => string | undefined): void {
  cli
    .command('diff')
    .description('list what changed between two years: pledges added or removed, statuses, wording, figures')
    .addArgument(new Argument('<from-year>', 'the earlier year, e.g. 2018'))
    .addArgument(new Argument('<to-year>', 'the later year, e.g. 2019'))
    .addOption(new Option('--format <format>', 'text for a terminal, md for a pull request, json for scripts, csv for spreadsheets').choices(DIFF_FORMATS).default('text'))
    .option('--fail-on-regression', 'exit with status 3 when a status moved backwards')
    .action(async (from: string, to: string, opts: { format: 'text' | 'md' | 'json' | 'csv'; failOnRegression?: boolean }) => {
      const { diff } = await import('./diff.js');
      done(await diff(io, from, to, withData({ format: opts.format, failOnRegression: opts.failOnRegression === true }, data())));
    });

  cli
    .command('new-year')
    .description('create a year\'s folder from the year before it, progress cleared for rewriting')
    .addArgument(new Argument('<year>', 'the year to create, e.g. 2020 (from 2019)'))
    .option('--from <year>', 'the year to start from (default: the year before)')
    .action(async (year: string, opts: { from?: string }) => {
      const { newYear } = await import('./new-year.js');
      done(await newYear(io, year, withData(opts.from === undefined ? {} : { from: opts.from }, data())));
    });

  cli
    .command('fmt')
    .description('rewrite the YAML in one canonical layout (values never change), for clean git diffs')
    .argument('[year...]', 'years to format, besides programme.yaml (every year when none is given)')
    .option('--check', 'change nothing: show what would change as a unified diff, exit 1 if anything would')
    .action(async (years: string[], opts: { check?: boolean }) => {
      const { fmt } = await import('./fmt.js');
      done(await fmt(io, years, withData({ check: opts.check === true }, data())));
    });

  cli
    .command('export')
    .description('one row a pledge, for spreadsheets and open data')
    .addArgument(new Argument('<year>', 'the year to export, e.g. 2019'))
    .addOption(new Option('--format <format>', 'csv for spreadsheets, json for scripts').choices(EXPORT_FORMATS).default('csv'))
    .option('-o, --output <file>', 'write to FILE instead of standard output (- for standard output)')
    .action(async (year: string, opts: { format: 'csv' | 'json'; output?: string }) => {
      const { exportYear } = await import('./export.js');
      done(await exportYear(io, year, withData({ format: opts.format, ...(opts.output ? { output: opts.output } : {}) }, data())));
    });
}
