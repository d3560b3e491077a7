// Bundles the command line into dist/bundle/: one file for the wiring and one a command (with
// chunks they share), each holding the libraries it needs. Node then reads and compiles a handful
// of files rather than several hundred, which was most of the time a small report took.
// The folder is two levels down, like src/cli/, so the code's paths to build/, templates/ and
// package.json (new URL('../../…', import.meta.url)) hold in the bundle too.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

/**
 * Libraries that pdfkit and fontkit load with themselves for features covenant never uses. Each
 * costs every PDF run its compiling and set-up (tables built, data inflated) at load. In the bundle
 * each is replaced by a module that says which feature is missing, should it ever be called.
 */
const UNUSED = {
  // fontkit: WOFF2 fonts (1.4 MB of brotli). covenant's fonts are TrueType files.
  'brotli/decompress.js': "export default function decompress() { throw new Error('covenant reads TrueType and OpenType fonts, not WOFF2'); }",
  // pdfkit: encrypting a PDF with a password (AES tables built at load). covenant's PDFs are open.
  '@noble/ciphers/aes': "const none = () => { throw new Error('covenant does not encrypt PDFs'); }; export const cbc = none, ecb = none;",
};

/**
 * commander loads node:child_process (and with it net and dgram) for subcommands that are separate
 * executables, which covenant's are not: its copy gets a module that says so if it is ever called.
 */
const NO_CHILD_PROCESS = "const none = () => { throw new Error('covenant has no executable subcommands'); }; module.exports = { spawn: none, execFileSync: none };";

const unused = {
  name: 'unused',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'no-child-process' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'no-child-process' }, () => ({ contents: NO_CHILD_PROCESS, loader: 'js' }));
    const names = Object.keys(UNUSED).map((n) => n.replace(/[/.]/g, (c) => `\\${c}`));
    b.onResolve({ filter: new RegExp(`^(?:${names.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'unused' }));
    b.onLoad({ filter: /.*/, namespace: 'unused' }, (args) => ({ contents: UNUSED[args.path], loader: 'js' }));
  },
};

await rm(outdir, { recursive: true, force: true });
const { outputFiles } = await build({
  // From the TypeScript in src/ itself: the bundle needs no other build step before it.
  entryPoints: [`${root}src/cli/main.ts`, `${root}src/cli/signals.ts`],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundled CommonJS libraries call require() for Node's own modules; an ES module has none.
  banner: { js: "import { createRequire as __covenantRequire } from 'node:module'; const require = __covenantRequire(import.meta.url);" },
  // Without comments and indentation the files are a third smaller, which Node reads and parses faster.
  minifyWhitespace: !process.env.NO_MINIFY,
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [unused],
  // HarfBuzz loads its WebAssembly from beside its own module: it stays in node_modules, loaded from there.
  external: ['harfbuzzjs'],
  write: false,
});

// esbuild escapes non-ASCII characters everywhere but in regular expression literals (markdown-it
// has one, and covenant's reading of amounts another). One such character makes V8 hold and scan
// the whole file as UTF-16; as a \u escape it means the same in a string, a regular expression or
// a name.
const ascii = (text) => text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
await mkdir(outdir, { recursive: true });
for (const file of outputFiles) await writeFile(file.path, file.path.endsWith('.js') ? ascii(file.text) : file.contents);
