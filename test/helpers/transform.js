// Jest's transform for the TypeScript of src/ and test/: esbuild strips the types and leaves the
// modules as ES modules, as Node runs them. It checks nothing: tsc checks the types
// (`npm run typecheck`). ts-jest did the same (the project's `isolatedModules`), but loaded the
// TypeScript compiler into every worker and took seconds on a fresh clone's empty cache.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { transformSync, version } from 'esbuild';

const tsconfigRaw = readFileSync(new URL('../../tsconfig.json', import.meta.url), 'utf8');
const self = readFileSync(new URL(import.meta.url), 'utf8');

export default {
  getCacheKey(source, path, { supportsStaticESM }) {
    return createHash('sha256').update(`${version}\0${self}\0${tsconfigRaw}\0${supportsStaticESM}\0${path}\0${source}`).digest('hex');
  },
  process(source, path, { supportsStaticESM }) {
    const { code, map } = transformSync(source, {
      loader: 'ts',
      format: supportsStaticESM ? 'esm' : 'cjs',
      target: 'node20',
      sourcefile: path,
      sourcemap: 'external',
      sourcesContent: false,
      tsconfigRaw,
    });
    return { code, map };
  },
};
