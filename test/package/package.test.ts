// What users install, installed as they would: the tarball `npm pack` makes, put into an empty
// project with production dependencies only, writes the report there; a clone of the repository
// installs with production dependencies only; the GitHub Action's steps run on a data repository.
// `npm run test:package` builds first; npm takes the libraries from its cache where it has them
// (--prefer-offline), so after one install (npm ci) it needs no network.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction } from '../helpers/actions.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
// Without the settings `npm run` hands its scripts (npm_config_local_prefix would make every npm
// below work on this repository, not on the project it is run in).
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))) as Record<string, string>;

function sh(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
/** The command's output when it succeeds; its whole output in the failure when not. */
function ok(result: SpawnSyncReturns<string>, what: string): string {
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${what} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'covenant-package-'));
  if (!existsSync(join(repoRoot, 'dist/bundle/main.js'))) throw new Error('covenant is not built: run npm run test:package, which builds it first');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the package npm pack makes', () => {
  let tarball: string;
  let files: string[];
  let project: string;

  beforeAll(() => {
    const packed = JSON.parse(ok(sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], repoRoot), 'npm pack')) as { filename: string; files: { path: string }[] }[];
    tarball = join(dir, packed[0]!.filename);
    files = packed[0]!.files.map((f) => f.path).sort();
    project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'pledges-data', version: '1.0.0', private: true }, null, 2)}\n`);
  });

  test('holds the built command, its schemas, templates and build files, and nothing of the development', () => {
    expect(tarball).toBe(join(dir, `covenant-${version}.tgz`));
    for (const file of ['bin/covenant.js', 'dist/bundle/main.js', 'dist/bundle/signals.js', 'build/validators.cjs', 'build/templates.cjs',
      'build/covenant.css', 'schemas/department.schema.json', 'schemas/programme.schema.json', 'schemas/report.schema.json',
      'templates/document/report.hbs', 'templates/document/partials/cover.hbs', 'templates/locales/en-GB.yaml', 'package.json', 'README.md']) {
      expect({ file, packed: files.includes(file) }).toEqual({ file, packed: true });
    }
    expect(files.filter((f) => /^(src|test|scripts|data|examples|node_modules|\.ci)\//.test(f) || /^dist\/(?!bundle\/)/.test(f))).toEqual([]);
  });

  test('installs into an empty project with production dependencies only, and writes the 2014 report there', () => {
    ok(sh('npm', ['install', tarball, '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], project), 'npm install the tarball');
    for (const tool of ['typescript', 'esbuild', 'jest', 'sass']) expect({ tool, installed: existsSync(join(project, 'node_modules', tool)) }).toEqual({ tool, installed: false });
    cpSync(join(repoRoot, 'data'), join(project, 'data'), { recursive: true });

    expect(ok(sh('npx', ['--no', '--', 'covenant', '--version'], project), 'covenant --version')).toBe(`${version}\n`);
    expect(ok(sh('npx', ['--no', '--', 'covenant', 'validate', '2014'], project), 'covenant validate 2014')).toContain('no problems');
    const report = sh('npx', ['--no', '--', 'covenant', 'report', '2014'], project);
    ok(report, 'covenant report 2014');
    expect(report.stderr).toBe('wrote reports/covenant-2014.pdf\nwrote reports/covenant-2014.docx\nwrote reports/covenant-2014.md\nwrote reports/covenant-2014.html\n');
    expect(readdirSync(join(project, 'reports')).sort()).toEqual(['covenant-2014.docx', 'covenant-2014.html', 'covenant-2014.md', 'covenant-2014.pdf']);
    // The same Markdown as the repository's own command writes from the same data.
    const here = ok(sh(process.execPath, [join(repoRoot, 'bin/covenant.js'), 'report', '2014', '--format', 'md', '-o', '-'], repoRoot), 'the repository\'s covenant');
    expect(readFileSync(join(project, 'reports/covenant-2014.md'), 'utf8')).toBe(here);
    // The cover: the programme's name (programme.yaml), then the report's title (2014/report.yaml).
    expect(readFileSync(join(project, 'reports/covenant-2014.md'), 'utf8')).toMatch(/^Care Leaver Covenant\n\n# Care leaver strategy\n/);
    expect(readFileSync(join(project, 'reports/covenant-2014.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // A Word file is a zip whose first entry is its content types.
    expect(readFileSync(join(project, 'reports/covenant-2014.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(project, 'reports/covenant-2014.html'), 'utf8')).toContain('<h1 class="govuk-heading-xl">Care leaver strategy</h1>');
  });
});

test('a clone of the repository installs with npm ci --omit=dev, and says how to build it', () => {
  const clone = join(dir, 'clone');
  // The files git would give a clone (committed or not yet, never ignored ones), as they are now.
  const listed = ok(sh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], repoRoot), 'git ls-files').split('\0').filter(Boolean);
  for (const file of listed.filter((f) => existsSync(join(repoRoot, f)))) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(clone, file));
  }
  const install = sh('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], clone);
  ok(install, 'npm ci --omit=dev');
  expect(install.stdout).toContain('covenant: not built, as the build\'s tools (esbuild, sass, govuk-frontend) are not installed (a production install).');
  expect(existsSync(join(clone, 'node_modules/yaml'))).toBe(true);
  expect(existsSync(join(clone, 'node_modules/esbuild'))).toBe(false);
  const run = sh(process.execPath, [join(clone, 'bin/covenant.js'), 'report', '2014'], clone);
  expect({ code: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
    code: 70, stdout: '',
    stderr: 'covenant: this copy is not built: run `npm install` in its folder (the build needs the dev dependencies), or install the package that `npm pack` makes\n',
  });
});

describe('the GitHub Action, its steps run on a data repository', () => {
  // Its first step installs covenant with npm ci; here the repository, built, stands in for it.
  const INSTALL = 'Install covenant';
  const workspace = (data: string) => {
    const root = mkdtempSync(join(dir, 'workspace-'));
    cpSync(data, join(root, 'data'), { recursive: true });
    return root;
  };

  test('validates, writes the report, compares with the year before when previous is empty', () => {
    const root = workspace(join(repoRoot, 'data'));
    const result = runAction(join(repoRoot, 'action.yml'), repoRoot, root, { year: '2014', 'fail-on-regression': 'true', format: 'md', out: 'site' }, [INSTALL]);
    expect(result.failed).toBeUndefined();
    expect(result.ran).toEqual(['Choose the year to compare with', 'Validate the data', 'Write the report', 'Changes since the previous year, in the job summary', 'Stop on a regression']);
    expect(result.outputs.years).toEqual({ previous: '2013' });
    expect(readdirSync(join(root, 'site'))).toEqual(['covenant-2014.md']);
    expect(readFileSync(join(root, 'site/covenant-2014.md'), 'utf8')).toContain('## Changes since 2013');
    expect(result.summary).toMatch(/^## Changes from 2013 to 2014\n\n31 changes: 23 status \(0 regressions\), 8 metric\.\n/);
  });

  test('fails on a regression with exit 3, after the report is written', () => {
    const root = workspace(join(repoRoot, 'test/fixtures/years'));
    const result = runAction(join(repoRoot, 'action.yml'), repoRoot, root, { year: '2021', previous: '2020', 'fail-on-regression': 'true', format: 'html' }, [INSTALL]);
    expect(result.failed).toMatchObject({ name: 'Stop on a regression', code: 3 });
    expect(readdirSync(join(root, 'reports'))).toEqual(['covenant-2021.html']);
    expect(result.summary).toContain('3 regressions');
  });

  test('without fail-on-regression, a regression is in the summary and the job passes', () => {
    const root = workspace(join(repoRoot, 'test/fixtures/years'));
    const result = runAction(join(repoRoot, 'action.yml'), repoRoot, root, { year: '2021', format: 'md' }, [INSTALL]);
    expect(result.failed).toBeUndefined();
    expect(result.ran).not.toContain('Stop on a regression');
    expect(result.summary).toContain('3 regressions');
  });

  test('invalid data fails the validation step with annotations, before any report', () => {
    const root = workspace(join(repoRoot, 'test/fixtures/invalid/enum-not-allowed'));
    const result = runAction(join(repoRoot, 'action.yml'), repoRoot, root, { year: '2019' }, [INSTALL]);
    expect(result.failed).toMatchObject({ name: 'Validate the data', code: 1 });
    expect(result.failed!.stdout).toBe('::error file=data/2019/departments/dwp.yaml,line=15,col=13,title=covenant enum::status must be one of pledged, ' +
      'on-track, ongoing, delayed, met, not-met, withdrawn, not "complete" (did you mean "met"?)\n');
    expect(existsSync(join(root, 'reports'))).toBe(false);
  });

  test('a regression check with no year to compare with is a plain error', () => {
    const root = workspace(join(repoRoot, 'test/fixtures/years'));
    const result = runAction(join(repoRoot, 'action.yml'), repoRoot, root, { year: '2020', 'fail-on-regression': 'true' }, [INSTALL]);
    expect(result.failed).toMatchObject({ name: 'Choose the year to compare with', code: 2 });
    expect(result.failed!.stdout).toBe('::error title=covenant::fail-on-regression needs a year to compare with: set previous, or add data/2019\n');
  });
});
