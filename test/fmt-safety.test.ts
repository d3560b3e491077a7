// `covenant fmt` rewrites the user's own files: it must read them as validate does, refuse what
// validate refuses, never change a value (read back with a second parser, js-yaml), keep what the
// user wrote (comments, figures' digits, quotes other readers need), and settle in one run.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { stringify } from 'yaml';
import { checkFile } from '../src/data/check-file.js';
import { formatYaml } from '../src/data/format-yaml.js';
import { parseYaml } from '../src/data/load.js';
import { readText } from '../src/data/source.js';
import { corruptedBytes, validData } from './helpers/arbitraries.js';
import { propertyParams as params } from './helpers/property.js';
import { repoRoot } from './helpers/fixtures.js';
import { run } from './helpers/run.js';
import { copyToTemp, removeTemp } from './helpers/temp-data.js';

const years = fileURLToPath(new URL('./fixtures/years/', import.meta.url));
const fmtOf = (text: string) => formatYaml(text, 'department', 'x.yaml');

describe('what fmt writes back exactly as it was written', () => {
  test('figures keep their digits: big integers, big hex and octal, and every other figure', () => {
    const figures = ['12345678901234567890', '0xFFFFFFFFFFFFFFFFFF', '0o7777777777777777777777', '-98765432109876543210', '1.50', '1e3', '0x1F'];
    const text = `id: x\nname: X\npledges:\n  - id: p\n    metrics:\n${figures.map((f, i) => `      - id: m${i}\n        label: L\n        value: ${f}\n`).join('')}`;
    const { text: out, problems } = fmtOf(text);
    expect(problems).toEqual([]);
    expect(out).toBe(text);
  });

  test('a comment after an alias stays with the value written out in its place', () => {
    const { text } = fmtOf('id: x\nname: X\npledges:\n  - id: p\n    commitment: &c Text\n    progress: *c # TODO say more\n');
    expect(text).toBe('id: x\nname: X\npledges:\n  - id: p\n    commitment: Text\n    progress: Text # TODO say more\n');
  });

  test('quotes stay around text that YAML 1.1 readers take for a boolean, a date or a number', () => {
    const { text } = fmtOf('id: x\nname: "yes"\nshort_name: \'2019-10-01\'\npledges:\n  - id: "1_000"\n    theme: "on"\n    status: "met"\n    progress: "No"\n');
    expect(text).toBe('id: x\nname: "yes"\nshort_name: "2019-10-01"\npledges:\n  - id: "1_000"\n    theme: "on"\n    status: met\n    progress: "No"\n');
  });
});

describe('covenant fmt refuses what validate refuses, and changes nothing then', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyToTemp(years);
  });
  afterEach(() => {
    chmodSync(join(dir, 'data/2021/departments'), 0o755);
    removeTemp(dir);
  });
  const file = (path: string) => join(dir, 'data', path);

  test.each([
    ['cp1252 smart quotes', Buffer.from('id: dhsc\nname: \x93Health\x94\npledges: []\n', 'latin1'),
      'data/2021/departments/dhsc.yaml:2:7  error  the file is not valid UTF-8 (byte 0x93 at line 2)  encoding'],
    ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id: dhsc\n', 'utf16le')]),
      'data/2021/departments/dhsc.yaml:1:1  error  the file is UTF-16, not UTF-8  encoding'],
  ])('a file in %s: the encoding problem, exit 1, the bytes untouched', async (_name, bytes, message) => {
    writeFileSync(file('2021/departments/dhsc.yaml'), bytes);
    const result = await run(['fmt', '2021'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toContain('1 not read (see the problems)');
    expect(readFileSync(file('2021/departments/dhsc.yaml')).equals(bytes)).toBe(true);
  });

  test('a file over 20 MB is not read', async () => {
    const path = file('2021/departments/dhsc.yaml');
    truncateSync(path, 21 * 1024 * 1024);
    const result = await run(['fmt', '2021', '--check'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('data/2021/departments/dhsc.yaml  error  the file is 21.0 MB; files over 20 MB are not read  file-too-large');
  });

  test('a pipe named like a data file is reported at once, not waited on', async () => {
    const path = file('2021/departments/zz.yaml');
    if (spawnSync('mkfifo', [path]).status !== 0) return; // no mkfifo on this system: nothing to test
    const result = await run(['fmt', '2021'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('data/2021/departments/zz.yaml  error  this is not a file but a pipe, socket or device  not-a-file');
    expect(lstatSync(path).isFIFO()).toBe(true);
  });

  test('a departments folder that is not a folder is a problem, not "already canonical"', async () => {
    rmSync(file('2021/departments'), { recursive: true });
    writeFileSync(file('2021/departments'), 'not a folder\n');
    const result = await run(['fmt', '2021'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('data/2021/departments  error  the folder cannot be read: a part of its path is a file, not a folder (ENOTDIR)  cannot-read');
    expect(result.stdout).toBe('0 files rewritten, 2 already canonical, 1 folder not read (see the problems)\n');
  });

  test('a departments folder the user may not read: EACCES, exit 1 (run as nobody when the tests run as root)', () => {
    const bundle = join(repoRoot, 'dist/bundle/main.js');
    // Root reads any folder: the refusal needs another user. setpriv drops to nobody for the one run.
    const asRoot = process.getuid?.() === 0;
    if (!existsSync(bundle) || (asRoot && spawnSync('setpriv', ['--version']).status !== 0)) {
      console.warn('skipped: needs `npm run build` (dist/bundle) and, as root, setpriv to run as another user');
      return;
    }
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'data'), 0o755);
    chmodSync(file('2021/departments'), 0o000);
    const command = ['node', join(repoRoot, 'bin/covenant.js'), 'fmt', '2021', '--check'];
    const drop = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
    const result = spawnSync(drop[0] ?? command[0]!, [...drop.slice(1), ...(drop.length ? command : command.slice(1))], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(result.stderr).toContain('data/2021/departments  error  the folder cannot be read: permission denied (EACCES)  cannot-read');
    expect(result.stdout).toBe('2 files checked: all in the canonical layout, 1 folder not read (see the problems)\n');
    expect(result.status).toBe(1);
  });

  test('a data file that is a symbolic link is rewritten where it points, and stays a link', async () => {
    mkdirSync(join(dir, 'shared'));
    const real = join(dir, 'shared/dhsc.yaml');
    writeFileSync(real, 'name: Department of Health and Social Care\nid: dhsc\npledges: []\n');
    rmSync(file('2021/departments/dhsc.yaml'));
    symlinkSync('../../../shared/dhsc.yaml', file('2021/departments/dhsc.yaml'));
    const result = await run(['fmt', '2021'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('formatted data/2021/departments/dhsc.yaml');
    expect(lstatSync(file('2021/departments/dhsc.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(file('2021/departments/dhsc.yaml'))).toBe('../../../shared/dhsc.yaml');
    expect(readFileSync(real, 'utf8')).toBe('id: dhsc\nname: Department of Health and Social Care\npledges: []\n');
  });
});

// Random comment layouts: comments and blank lines above, after and between keys and list items,
// at any indent, with keys in any order; fmt's output must be its own output.
const above = fc.constantFrom<string | null>(null, null, '# c', '', '# c\n\n# d');
const indent = fc.constantFrom('', '  ', '    ', '      ');
const trailing = fc.constantFrom('', '', ' # t');
const place = fc.tuple(above, indent, trailing);
const PLEDGE_KEYS = ['id', 'theme', 'status', 'progress', 'metrics', 'outcomes'];
const layout = fc.record({
  top: fc.shuffledSubarray(['id', 'name', 'pledges'], { minLength: 3, maxLength: 3 }),
  places: fc.array(place, { minLength: 3, maxLength: 3 }),
  pledges: fc.array(fc.record({
    keys: fc.shuffledSubarray(PLEDGE_KEYS, { minLength: 6, maxLength: 6 }),
    places: fc.array(place, { minLength: 8, maxLength: 8 }),
    style: fc.constantFrom('|', '|-', '>', 'plain'),
    flow: fc.boolean(),
  }), { minLength: 1, maxLength: 3 }),
  end: fc.tuple(above, indent),
});

function commentedFile(g: typeof layout extends fc.Arbitrary<infer T> ? T : never): string {
  const lines: string[] = [];
  const comments = (text: string | null, at: string) => {
    if (text !== null) for (const line of text.split('\n')) lines.push(line === '' ? '' : at + line);
  };
  g.top.forEach((key, k) => {
    const [a, at, t] = g.places[k]!;
    comments(a, at);
    if (key !== 'pledges') return lines.push(`${key}: ${key === 'id' ? 'dwp' : 'DWP'}${t}`);
    lines.push(`pledges:${t}`);
    for (const pledge of g.pledges) {
      let p = 0;
      pledge.keys.forEach((name, i) => {
        const [a2, at2, t2] = pledge.places[p++]!;
        comments(a2, at2);
        const lead = i === 0 ? '  - ' : '    ';
        if (name === 'progress') {
          if (pledge.style === 'plain') lines.push(`${lead}progress: Some text${t2}`);
          else lines.push(`${lead}progress: ${pledge.style}${t2}`, '      Line one', '', '      line two');
        } else if (name === 'metrics') {
          const [a3, at3, t3] = pledge.places[p++]!;
          lines.push(`${lead}metrics:${t2}`);
          comments(a3, at3);
          lines.push(`      - id: m${t3}`, '        label: L', '        value: 3');
        } else if (name === 'outcomes') {
          if (pledge.flow) lines.push(`${lead}outcomes: [a, b]${t2}`);
          else lines.push(`${lead}outcomes:${t2}`, '      - a', '      - b');
        } else lines.push(`${lead}${name}: v${t2}`);
      });
    }
    return undefined;
  });
  comments(...g.end);
  return `${lines.join('\n')}\n`;
}

describe('properties', () => {
  test('fmt twice is fmt once, whatever the comments\' layout', () => {
    fc.assert(fc.property(layout, (g) => {
      const once = fmtOf(commentedFile(g)).text;
      if (once === undefined) return;
      expect(fmtOf(once).text).toBe(once);
    }), params(300));
  });

  test('fmt never changes a value of valid data, read back with js-yaml', () => {
    // Written by the yaml package in random styles: flow or block, quoted or not, folded or literal.
    const style = fc.record({
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_FOLDED', 'BLOCK_LITERAL'),
      indent: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(fc.property(validData, style, (data, options) => {
      for (const { value } of data.departments) {
        const text = stringify(value, null, options);
        const out = fmtOf(text);
        if (out.text === undefined) {
          // Only what validate would refuse may be refused: a valid file is always formatted.
          expect(parseYaml(text, 'x.yaml').problems).not.toEqual([]);
          continue;
        }
        expect(load(out.text)).toEqual(load(text));
        expect(fmtOf(out.text).text).toBe(out.text);
      }
    }), params(60));
  });

  test('a file validate cannot read, fmt does not rewrite', async () => {
    const valid = readFileSync(join(years, '2021/departments/dwp.yaml'), 'utf8');
    const folder = copyToTemp(years);
    const path = join(folder, 'probe.yaml');
    // What validate refuses to read at all (its schema's complaints are no business of fmt's).
    const unreadable = /^(yaml-|encoding$|too-deep$|file-too-large$|not-a-file$|cannot-read$)/;
    try {
      await fc.assert(fc.asyncProperty(corruptedBytes(valid), async (bytes) => {
        writeFileSync(path, bytes);
        const checked = await checkFile({ path, display: 'probe.yaml', kind: 'department' }, undefined);
        if (!checked.problems.some((p) => p.severity === 'error' && unreadable.test(p.rule))) return;
        const read = readText(path, 'probe.yaml');
        expect('problems' in read ? undefined : fmtOf(read.text).text).toBeUndefined();
      }), params(100));
    } finally {
      removeTemp(folder);
    }
  });
});
