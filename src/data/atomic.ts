// Writing so that nothing half-written is ever left behind: a file, or a whole folder, is built
// under a temporary name beside its target and renamed into place at the end.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const suffix = () => `${process.pid}-${randomBytes(4).toString('hex')}`;

/** Replaces (or creates) `path` in one rename; an existing file keeps its permissions. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written to, never replaced by a rename.
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    await writeFile(path, data);
    return;
  }
  const temp = join(dirname(path), `.${basename(path)}.${suffix()}.tmp`);
  const mode = existing ? existing.mode & 0o7777 : undefined;
  try {
    await writeFile(temp, data, { flag: 'wx' });
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Creates the folder `target` holding `files` (relative paths → contents), or nothing at all.
 * Refuses when `target` already exists (a rename would replace an empty folder silently).
 */
export async function writeFolderAtomic(target: string, files: ReadonlyMap<string, string>): Promise<void> {
  // mkdir (not mkdtemp, whose folder is private to its owner) so the folder gets the usual permissions.
  const temp = join(dirname(target), `.${basename(target)}.${suffix()}.tmp`);
  await mkdir(temp);
  try {
    for (const [relativePath, text] of files) {
      const path = join(temp, relativePath);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, { flag: 'wx' });
    }
    if (await stat(target).then(() => true, () => false)) throw new Error(`${target} already exists`);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}
