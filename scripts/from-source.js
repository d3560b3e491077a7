// Loads a module of src/ for a build step, compiled by esbuild from the TypeScript itself rather
// than from tsc's output in dist/: no build step needs another to have run before it.
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside the package, so that the libraries it imports resolve from node_modules/ as they do for src/.
const cache = `${root}node_modules/.cache/covenant-build`;

/**
 * src/ finds the package's files from its own place (new URL('../../templates/', import.meta.url)):
 * each module keeps its own file's URL, wherever the compiled copy is written.
 */
const ownUrl = {
  name: 'own-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

/** The module src/<path> (a .ts file), compiled with what it imports from src/; libraries stay imports. */
export async function importSource(path) {
  const name = path.replace(/[\\/]/g, '-').replace(/\.ts$/, '.mjs');
  await mkdir(cache, { recursive: true });
  await build({
    entryPoints: [`${root}src/${path}`],
    outfile: `${cache}/${name}`,
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    plugins: [ownUrl],
  });
  return import(pathToFileURL(`${cache}/${name}`).href);
}
