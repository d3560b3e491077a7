// The command line: commander wiring only. Each command lives in its own module, loaded when
// it runs, so `--version` and `--help` do not pay for ajv, Handlebars or pdfkit.
import { readFileSync } from 'node:fs';
import { Argument, Command, CommanderError, Option } from 'commander';
import { FORMATS, type Format } from '../render/index.js';
import { EXIT, UsageError, type Io } from './io.js';
import { registerYearCommands } from './year-commands.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const PROBLEM_FORMATS = ['stylish', 'json', 'github'];
const SCHEMA_KINDS = ['programme', 'report', 'department'];
const HISTORY_FORMATS = ['text', 'md', 'json', 'csv'];

function program(io: Io, done: (code: number) => void): Command {
  const cli = new Command('covenant')
    .description('Turn YAML records of pledges and their yearly progress into a published progress report.')
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--data <dir>', 'the data folder (default: $COVENANT_DATA or ./data)')
    .option('--debug', 'show stack traces of internal errors')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  const data = () => cli.opts<{ data?: string }>().data;

  cli
    .command('validate')
    .description('check programme.yaml and the given years (every year when none is given)')
    .argument('[year...]', 'years to check, e.g. 2019')
    .addOption(new Option('--format <format>', 'how to print problems').choices(PROBLEM_FORMATS).default('stylish'))
    .action(async (years: string[], opts: { format: 'stylish' | 'json' | 'github' }) => {
      const { validate } = await import('./validate.js');
      done(await validate(io, years, { format: opts.format, ...optional('data', data()) }));
    });

  // The report in every format, written or served while it is edited, and what its templates may use.
  registerReportCommands(cli, io, done, data);

  cli
    .command('schema')
    .description('print the JSON Schema of a kind of file')
    .addArgument(new Argument('<kind>', 'programme, report or department').choices(SCHEMA_KINDS))
    .action(async (kind: 'programme' | 'report' | 'department') => {
      const { schema } = await import('./schema.js');
      done(schema(io, kind));
    });

  // Year over year: diff, new-year, fmt, export (src/cli/year-commands.ts).
  registerYearCommands(cli, io, done, data);

  cli
    .command('history')
    .description('show every pledge across every year on record: status each year, changes, figures')
    .addOption(new Option('--format <format>', 'text for a terminal, md for a pull request, json for scripts, csv for spreadsheets').choices(HISTORY_FORMATS).default('text'))
    .option('--department <id>', 'only this department\'s pledges')
    .option('--pledge <id>', 'only pledges with this id')
    .action(async (opts: { format: 'text' | 'md' | 'json' | 'csv'; department?: string; pledge?: string }) => {
      const { history } = await import('./history.js');
      done(await history(io, { format: opts.format, ...optional('department', opts.department), ...optional('pledge', opts.pledge), ...optional('data', data()) }));
    });

  for (const command of [cli, ...cli.commands]) command.showHelpAfterError(usage(command));
  return cli;
}

/** report, preview and templates: the commands that make the report from the templates. */
function registerReportCommands(cli: Command, io: Io, done: (code: number) => void, data: () => string | undefined): void {
  cli
    .command('report')
    .description('write the year\'s progress report as Markdown, HTML, PDF and Word')
    .addArgument(new Argument('<year>', 'the year to report on, e.g. 2019'))
    .addOption(new Option('--format <format>', 'which format to write').choices([...FORMATS, 'all']).default('all'))
    .option('--out <dir>', 'the folder to write covenant-<year>.<ext> into', 'reports')
    .option('-o, --output <file>', 'write one format to FILE (- for standard output)')
    .option('--templates <dir>', 'templates that replace the shipped ones by file name')
    .option('--previous <year>', 'the year to compare with (default: the year before, when its data exists)')
    .option('--final', 'refuse to write while the year is unfinished: an empty progress, no date, a title naming another year')
    .option('--draft', 'not for publication: a Draft note on the cover, and every format marks it')
    .action(async (year: string, opts: { format: Format | 'all'; out: string; output?: string; templates?: string; previous?: string; final?: boolean; draft?: boolean }, command: Command) => {
      const { report } = await import('./report.js');
      const { format } = opts;
      // --out has a default, so only its source tells whether it was given along with -o.
      if (opts.output !== undefined && command.getOptionValueSource('out') === 'cli') {
        throw new UsageError('--out names a folder and -o a file: give one of them');
      }
      done(await report(io, year, { ...opts, format, ...optional('data', data()) }));
    });

  cli
    .command('preview')
    .description('serve the year\'s report to a browser while you edit, made again on every save')
    .addArgument(new Argument('<year>', 'the year to preview, e.g. 2019'))
    .option('--port <port>', 'the port to serve on (default: 8014, or any free port when it is taken; 0: any)')
    .option('--host <address>', 'the address to serve on (default: 127.0.0.1, this machine only)')
    .option('--open', 'open the page in a browser ($BROWSER, else the system\'s)')
    .option('--templates <dir>', 'templates that replace the shipped ones by file name (watched too)')
    .option('--previous <year>', 'the year to compare with (default: the year before, when its data exists)')
    .option('--draft', 'show the report as report --draft makes it: a Draft note on the cover')
    .action(async (year: string, opts: { port?: string; host?: string; open?: boolean; templates?: string; previous?: string; draft?: boolean }) => {
      const { preview } = await import('./preview.js');
      done(await preview(io, year, { ...opts, ...optional('data', data()) }));
    });

  cli
    .command('templates')
    .description('list what a template may use: the report\'s fields, the helpers, the document\'s elements')
    .action(async () => {
      const { templates } = await import('./templates.js');
      done(templates(io));
    });
}

/** What follows a usage error: the command's usage line, and where its help is. */
function usage(command: Command): string {
  const name = command.parent ? `covenant ${command.name()}` : 'covenant';
  return `Usage: ${name} ${command.usage()}\n(run ${name} --help for more)`;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export async function main(io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const cli = program(io, (c) => (code = c));
  // The command that is running, for the usage line after a usage error found in its action.
  let running: Command = cli;
  cli.hook('preAction', (_cli, command) => {
    running = command;
  });
  try {
    await cli.parseAsync([...io.argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof UsageError) {
      io.stderr.write(`covenant: ${error.message}\n${usage(running)}\n`);
      return EXIT.usage;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`covenant: internal error: ${detail}\n`);
    if (io.argv.includes('--debug') && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else io.stderr.write('This is a bug in covenant. Please report it with the command you ran; --debug shows the details.\n');
    return EXIT.internal;
  }
}
