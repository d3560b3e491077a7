// `npm install` in a clone of the repository builds covenant (npm runs `prepare`). A production
// install (`npm ci --omit=dev`) has none of the build's tools, and must still succeed: it skips the
// build and says how to make one. The package from `npm pack` holds its build, and runs no script.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const TOOLS = ['esbuild', 'sass', 'govuk-frontend'];
const missing = TOOLS.filter((name) => !existsSync(new URL(`../node_modules/${name}/package.json`, import.meta.url)));
if (missing.length > 0) {
  console.log(`covenant: not built, as the build's tools (${missing.join(', ')}) are not installed (a production install).`);
  console.log('covenant: run `npm install` (with the dev dependencies) to build it, or install the package that `npm pack` makes.');
  process.exit(0);
}
const npm = process.env.npm_execpath;
const result = npm
  ? spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' })
  : spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
