// Custom templates stay in their folder and their job: no template, partial or catalogue file from
// outside --templates, no waiting on a pipe, a bound on the work of a rendering, and nothing but text printed. Through the
// public command line, so these hold whatever the templates become.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './helpers/run.js';

let dir: string;
let outside: string;
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'covenant-templates-')));
  outside = realpathSync(mkdtempSync(join(tmpdir(), 'covenant-outside-')));
  mkdirSync(join(dir, 'partials'), { recursive: true });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

async function report(format = 'html') {
  const result = await run(['report', '2019', '--data', 'test/fixtures/report', '--format', format, '-o', '-', '--templates', dir]);
  return { ...result, stderr: result.stderr.split(`${dir}/`).join('') };
}
const failure = (where: string, reason: string) => ({ code: 1, stdout: '', stderr: `covenant: template error: ${where}: ${reason}\n` });

describe('template files come only from inside --templates', () => {
  test('a partial that is a link to a file outside is refused, naming the partial', async () => {
    writeFileSync(join(outside, 'secret.hbs'), 'root:x:0:0\n');
    symlinkSync(join(outside, 'secret.hbs'), join(dir, 'partials/cover.hbs'));
    expect(await report()).toEqual(failure('partials/cover.hbs',
      `the template is a symbolic link to ${outside}/secret.hbs, outside the templates folder: templates are read only from inside --templates`));
  });

  test('so is a partials folder that is a link to a folder outside', async () => {
    rmSync(join(dir, 'partials'), { recursive: true });
    writeFileSync(join(outside, 'cover.hbs'), '<section role="cover">\n<p>{{title}}</p>\n</section>\n');
    symlinkSync(outside, join(dir, 'partials'));
    expect(await report()).toEqual(failure('partials',
      `the folder is a symbolic link to ${outside}, outside the templates folder: templates are read only from inside --templates`));
  });

  test('a link that stays inside the folder is followed', async () => {
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared/cover.hbs'), '<section role="cover">\n<p>Our own cover for {{title}}</p>\n</section>\n');
    symlinkSync('../shared/cover.hbs', join(dir, 'partials/cover.hbs'));
    const result = await report();
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Our own cover for ');
  });

  test('a pipe named like a template is refused at once, not waited on', async () => {
    const fifo = join(dir, 'partials/cover.hbs');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo here: nothing to test
    expect(await report()).toEqual(failure('partials/cover.hbs', 'the template is not a file but a folder, pipe, socket or device'));
  });

  test('a template over 1 MB is not read', async () => {
    writeFileSync(join(dir, 'partials/cover.hbs'), '');
    truncateSync(join(dir, 'partials/cover.hbs'), 2 * 1024 * 1024);
    expect(await report()).toEqual(failure('partials/cover.hbs', 'the template is 2.0 MB; templates over 1 MB are not read'));
  });
});

describe('catalogue files come only from inside --templates', () => {
  const words = () => join(dir, 'locales/en-GB.yaml');
  beforeEach(() => mkdirSync(join(dir, 'locales')));

  test('a catalogue that is a link to a file outside is refused, naming the file', async () => {
    writeFileSync(join(outside, 'words.yaml'), 'labels:\n  contents: Inhalt\n');
    symlinkSync(join(outside, 'words.yaml'), words());
    expect(await report()).toEqual(failure('locales/en-GB.yaml',
      `the catalogue is a symbolic link to ${outside}/words.yaml, outside the templates folder: words are read only from inside --templates`));
  });

  test('so is one in a locales folder that is a link to a folder outside', async () => {
    rmSync(join(dir, 'locales'), { recursive: true });
    writeFileSync(join(outside, 'en-GB.yaml'), 'labels:\n  contents: Inhalt\n');
    symlinkSync(outside, join(dir, 'locales'));
    expect(await report()).toEqual(failure('locales/en-GB.yaml',
      `the catalogue is a symbolic link to ${outside}/en-GB.yaml, outside the templates folder: words are read only from inside --templates`));
  });

  test('a link that stays inside the folder is followed, and its words used', async () => {
    writeFileSync(join(dir, 'words.yaml'), 'heading:\n  contents: What this report holds\n');
    symlinkSync('../words.yaml', words());
    const result = await report();
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('What this report holds');
  });

  test('a pipe in its place is refused at once, not waited on nor skipped', async () => {
    if (spawnSync('mkfifo', [words()]).status !== 0) return; // no mkfifo here: nothing to test
    expect(await report()).toEqual(failure('locales/en-GB.yaml', 'the catalogue is not a file but a folder, pipe, socket or device'));
  });

  test('a catalogue over 1 MB is not read', async () => {
    writeFileSync(words(), '');
    truncateSync(words(), 2 * 1024 * 1024);
    expect(await report()).toEqual(failure('locales/en-GB.yaml', 'the catalogue is 2.0 MB; catalogues over 1 MB are not read'));
  });
});

describe('a rendering has a bound on its work', () => {
  test('partials that each include the next twice, 30 deep, stop with a template error', async () => {
    writeFileSync(join(dir, 'report.hbs'), '{{> p0}}\n');
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `partials/p${i}.hbs`), `{{> p${i + 1}}}{{> p${i + 1}}}`);
    writeFileSync(join(dir, 'partials/p30.hbs'), 'x');
    const result = await report();
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^covenant: template error: partials\/p\d+\.hbs: the templates did more than [\d,]+ steps of work for this report, and were stopped here: a partial that includes partials more than once, in a chain, doubles its work at each level\n$/);
  });

  test('so do loops nested over the whole report', async () => {
    writeFileSync(join(dir, 'report.hbs'), `${'{{#each @root.contents}}'.repeat(6)}x${'{{/each}}'.repeat(6)}\n`);
    const result = await report();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('steps of work for this report, and were stopped here');
  });

  test('the shipped templates render the report well inside the bound', async () => {
    const result = await report('md');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('strict output: only text is printed', () => {
  const withCover = (line: string) => {
    writeFileSync(join(dir, 'partials/cover.hbs'), `<section role="cover">\n${line}\n</section>\n`);
    return report();
  };

  test('{{lookup this "titel"}} names the field that is not there', async () => {
    expect(await withCover('<p>{{lookup this "titel"}}</p>')).toEqual(failure('partials/cover.hbs:2:18', '"titel" not defined'));
    expect((await withCover('<p>{{lookup this "title"}}</p>')).stderr).toBe('');
  });

  test('{{this}} on a group of fields is an error, not [object Object]', async () => {
    const result = await withCover('<p>{{this}}</p>');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^covenant: template error: partials\/cover\.hbs:2:6: \{\{this\}\} is a group of fields, not text: name one of them \(/);
  });

  test('{{field}} holding a list is an error that says to loop over it', async () => {
    expect(await withCover('<p>{{@root.sections}}</p>')).toEqual(failure('partials/cover.hbs:2:6', '{{@root.sections}} is a list, not text: write {{#each @root.sections}}…{{/each}}'));
  });
});
