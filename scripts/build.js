// `npm run build`: the stylesheet, the schemas' validators, the templates and the bundle, each by
// its own script. `npm test` builds first, and `npm install` has just built: when nothing the build
// reads has changed since the last one (its sources, its scripts, the installed libraries and
// Node), the last build stands and this takes a tenth of a second, not four. `--force` builds anyway.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const STEPS = ['build-css.js', 'build-validators.js', 'build-templates.js', 'build-bundle.js'];
/** What the steps read: folders whole, and files. node_modules/.package-lock.json is npm's record of what is installed. */
const INPUTS = ['src', 'templates', 'schemas', 'scripts', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json'];
const OUTPUTS = ['build/covenant.css', 'build/validators.cjs', 'build/templates.cjs', 'dist/bundle/main.js'];
const STAMP = join(root, 'node_modules/.cache/covenant/build.json');

function* files(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat?.isFile()) yield path;
  else if (stat?.isDirectory()) for (const name of readdirSync(path).sort()) yield* files(join(path, name));
}

/** A digest of every input's path and bytes, of Node's version, and of the bundle's one setting. */
function digest() {
  const hash = createHash('sha256').update(`${process.version}\0${process.env.NO_MINIFY ?? ''}\0`);
  for (const input of INPUTS) for (const file of files(join(root, input))) hash.update(`${file.slice(root.length)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const before = digest();
const built = existsSync(STAMP) && JSON.parse(readFileSync(STAMP, 'utf8')).inputs === before;
if (built && !process.argv.includes('--force') && OUTPUTS.every((file) => existsSync(join(root, file)))) {
  console.log('covenant: the build is up to date (npm run build -- --force builds it anyway)');
  process.exit(0);
}
for (const step of STEPS) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', step)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
// An input edited while the build ran leaves no stamp, and the next build builds again.
if (digest() === before) {
  mkdirSync(join(STAMP, '..'), { recursive: true });
  writeFileSync(STAMP, `${JSON.stringify({ inputs: before })}\n`);
}
