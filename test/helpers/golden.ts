// Golden files: expected outputs kept in test/golden/. `UPDATE_GOLDEN=1 npm test` rewrites them
// from the actual output; then read the git diff before committing, as for any change.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const goldenDir = fileURLToPath(new URL('../golden/', import.meta.url));

/** The expected text of `name`, after rewriting it with `actual` when UPDATE_GOLDEN=1. */
export function golden(name: string, actual: string): string {
  const path = `${goldenDir}${name}`;
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  if (!existsSync(path)) throw new Error(`test/golden/${name} does not exist yet: run UPDATE_GOLDEN=1 npm test, then read it`);
  return readFileSync(path, 'utf8');
}
