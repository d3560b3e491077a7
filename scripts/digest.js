// A digest of what a step reads, so that a step whose inputs have not changed since its last
// success can stand: the build (build.js) and the type check (test.mjs).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function* files(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat?.isFile()) yield path;
  else if (stat?.isDirectory()) for (const name of readdirSync(path).sort()) yield* files(join(path, name));
}

/** A digest of `extra` and of every input's path and bytes: folders whole, and files, under `root`. */
export function digest(root, inputs, extra = '') {
  const hash = createHash('sha256').update(`${extra}\0`);
  for (const input of inputs) for (const file of files(join(root, input))) hash.update(`${file.slice(root.length)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** Whether the stamp at `file` records these inputs. */
export function stamped(file, inputs) {
  return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).inputs === inputs;
}

export function stamp(file, inputs) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ inputs })}\n`);
}
