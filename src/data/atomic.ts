// Writing so that nothing half-written is ever left behind: a file, or a whole folder, is built
// under a temporary name beside its target and renamed into place at the end.
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';

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
 * The same for output made a chunk at a time (a PDF of thousands of pages): `produce` writes into
 * a stream on the temporary file, which is renamed into place only once `produce` has finished.
 */
export async function streamFileAtomic<T>(path: string, produce: (out: WriteStream) => Promise<T>): Promise<T> {
  const temp = join(dirname(path), `.${basename(path)}.${suffix()}.tmp`);
  const mode = await stat(path).then((s) => s.mode & 0o7777, () => undefined);
  // Opened first, so a folder that cannot be written to fails here rather than mid-stream.
  const out = createWriteStream(temp, { fd: await open(temp, 'wx') });
  // A write that fails later (a full disk) stops the producer, which may be waiting for 'drain'.
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  try {
    const result = await Promise.race([produce(out), failed]);
    out.end();
    await finished(out);
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, path);
    return result;
  } catch (error) {
    out.destroy();
    await finished(out).catch(() => undefined);
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
