// The command people run is bin/covenant.js, which loads the bundle in dist/bundle/ (built by
// `npm run build`, which `npm test` runs first). The other suites run the code in src/ in-process;
// this one holds the bundle to the same results for every command, on good data and bad, so a
// library the bundle leaves out or a path it breaks is found here. The bundle answers the commands
// in one process of its own (helpers/bundle-driver.js), as run.ts runs the source;
// bundle-files.test.ts runs bin/covenant.js itself, as people do.
import { join } from 'node:path';
import { fixturesDir, repoRoot } from './helpers/fixtures.js';
import { runNode } from './helpers/node-process.js';
import { run, type RunResult } from './helpers/run.js';

const commands: [string, string[], string][] = [
  ['validate, valid data', ['validate', '--data', 'data'], repoRoot],
  ['validate, invalid data', ['validate', '--data', 'invalid', '--format', 'json'], fixturesDir],
  ['validate, stylish with code frames', ['validate', '--data', 'invalid'], fixturesDir],
  ['report with custom templates (the compiler)', ['report', '2019', '--data', 'valid', '--format', 'md', '--templates', 'templates/unknown-field', '-o', '-'], fixturesDir],
  ['diff', ['diff', '2013', '2014', '--data', 'data', '--format', 'json'], repoRoot],
  ['export csv', ['export', '2014', '--data', 'data', '--format', 'csv'], repoRoot],
  ['history', ['history', '--data', 'data', '--format', 'json'], repoRoot],
  ['diff csv', ['diff', '2013', '2014', '--data', 'data', '--format', 'csv'], repoRoot],
  ['fmt --check', ['fmt', '--check', '--data', 'data'], repoRoot],
  ['schema', ['schema', 'department'], repoRoot],
  ['a usage error', ['report', '20x4'], repoRoot],
  ['help', ['--help'], repoRoot],
];

describe('the bundle answers as the source does', () => {
  let bundled: Promise<RunResult[]>;
  beforeAll(() => {
    bundled = runNode([join(repoRoot, 'test/helpers/bundle-driver.js'), JSON.stringify(commands.map(([, argv, cwd]) => [argv, cwd]))], repoRoot)
      .then(({ code, stdout, stderr }) => {
        if (code !== 0) throw new Error(`the bundle's run of the commands failed (exit ${code}): ${stderr}`);
        return JSON.parse(stdout) as RunResult[];
      });
    // A failure is the tests' to report, when they await it.
    bundled.catch(() => {});
  });

  test.each(commands.map((command, i) => [...command, i] as const))('%s', async (_name, argv, cwd, i) => {
    const expected = await run(argv, { cwd });
    expect((await bundled)[i]).toStrictEqual(expected);
  });
});
