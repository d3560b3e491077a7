// Bundles the command line into dist/bundle/: one file for the wiring and one a command (with
// chunks they share), each holding the libraries it needs. Node then reads and compiles a handful
// of files rather than several hundred, which was most of the time a small report took.
// The folder is two levels down, like dist/cli/, so the code's paths to build/, templates/ and
// package.json (new URL('../../…', import.meta.url)) hold in the bundle too.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

/**
 * fontkit decodes WOFF2 fonts with the brotli package, which it loads with itself: 1.4 MB of
 * JavaScript that every PDF run would compile. covenant's fonts are TrueType files, so WOFF2 is
 * never read; should it ever be, this says so rather than decoding it wrongly.
 */
const noWoff2 = {
  name: 'no-woff2',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, (args) => ({ path: args.path, namespace: 'no-woff2' }));
    b.onLoad({ filter: /.*/, namespace: 'no-woff2' }, () => ({
      contents: "export default function decompress() { throw new Error('covenant reads TrueType and OpenType fonts, not WOFF2'); }",
      loader: 'js',
    }));
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: [`${root}dist/cli/main.js`, `${root}dist/cli/signals.js`],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundled CommonJS libraries call require() for Node's own modules; an ES module has none.
  banner: { js: "import { createRequire as __covenantRequire } from 'node:module'; const require = __covenantRequire(import.meta.url);" },
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [noWoff2],
});
