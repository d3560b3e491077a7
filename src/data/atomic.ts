// Writing so that nothing half-written is ever left behind: a file, or a whole folder, is built
// under a temporary name beside its target and renamed into place at the end. The temporary
// names still open are known, so an interrupted run (Ctrl-C, SIGTERM) can remove them.
import { createWriteStream, rmSync, type Stats, type WriteStream } from 'node:fs';
import { chmod, mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';

/** Temporary files and folders being written now. */
const pending = new Set<string>();

/** Files and folders this run has put in place, in order: what an interrupted run had already changed. */
const done: string[] = [];

/** What this run has put in place so far (a device written to is not counted): for a signal handler. */
export function writtenSoFar(): readonly string[] {
  return done;
}

/** Removes every temporary file or folder still being written: for a signal handler. */
export function removePendingSync(): void {
  for (const path of pending) rmSync(path, { recursive: true, force: true });
  pending.clear();
}

/**
 * A name no other run will pick: this process's id, and a random part for the rare reuse of an id.
 * It need not be secret, and is created with 'wx' (never over an existing file), so Math.random
 * serves; node:crypto would cost every run, --help included, the loading of its modules.
 */
function temporaryBeside(path: string): string {
  const random = Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0');
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${random}.tmp`);
  pending.add(temp);
  return temp;
}

async function discard(temp: string): Promise<void> {
  await rm(temp, { recursive: true, force: true });
  pending.delete(temp);
}

async function placed(temp: string, path: string, existing: Stats | undefined): Promise<void> {
  // The new file keeps the permissions of the one it replaces.
  if (existing) await chmod(temp, existing.mode & 0o7777);
  await rename(temp, path);
  pending.delete(temp);
  done.push(path);
}

/**
 * Makes `path` and the folders above it that are missing, one at a time. Node 20's own recursive
 * mkdir never returns where the system neither makes a folder nor says it exists (under /proc).
 */
export async function makeFolders(path: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path; ; at = dirname(at)) {
    const found = await stat(at).catch((error: { code?: unknown }) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
    if (found) {
      if (!found.isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR', syscall: 'mkdir', path: at });
      break;
    }
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder).catch((error: { code?: unknown }) => (error.code === 'EEXIST' ? undefined : Promise.reject(error)));
  }
}

/** A device or pipe (/dev/null, /dev/stdout, a FIFO) is written to, never replaced by a rename. */
const isSpecial = (existing: Stats | undefined) => existing !== undefined && !existing.isFile() && !existing.isDirectory();

/** A file written under a temporary name beside where it goes: commit() puts it in place, discard() drops it. */
export interface Staged {
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/** A folder where a file should go cannot be replaced by it: said before anything is written. */
function refuseFolder(path: string, existing: Stats | undefined): void {
  if (existing?.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR', syscall: 'open', path });
}

function staged(temp: string, path: string, existing: Stats | undefined): Staged {
  return {
    commit: async () => {
      try {
        await placed(temp, path, existing);
      } catch (error) {
        await discard(temp);
        throw error;
      }
    },
    discard: () => discard(temp),
  };
}

/** A device or pipe is written to at once: there is nothing to put in place later. */
const alreadyWritten: Staged = { commit: async () => {}, discard: async () => {} };

/** `data` written beside `path`, for commit() to put in place in one rename. */
export async function stageFile(path: string, data: string | Uint8Array): Promise<Staged> {
  const existing = await stat(path).catch(() => undefined);
  refuseFolder(path, existing);
  if (isSpecial(existing)) {
    await writeFile(path, data);
    return alreadyWritten;
  }
  const temp = temporaryBeside(path);
  try {
    await writeFile(temp, data, { flag: 'wx' });
  } catch (error) {
    await discard(temp);
    throw error;
  }
  return staged(temp, path, existing);
}

/** Replaces (or creates) `path` in one rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await (await stageFile(path, data)).commit();
}

/**
 * The same for output made a chunk at a time (a PDF of thousands of pages): `produce` writes into
 * a stream on the temporary file, which commit() renames into place once `produce` has finished.
 */
export async function streamStaged<T>(path: string, produce: (out: WriteStream) => Promise<T>): Promise<{ result: T; staged: Staged }> {
  const existing = await stat(path).catch(() => undefined);
  refuseFolder(path, existing);
  const special = isSpecial(existing);
  const temp = special ? path : temporaryBeside(path);
  // Opened first, so a folder that cannot be written to fails here rather than mid-stream.
  const out = createWriteStream(temp, { fd: await open(temp, special ? 'w' : 'wx') });
  // A write that fails later (a full disk) stops the producer, which may be waiting for 'drain'.
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  try {
    const result = await Promise.race([produce(out), failed]);
    out.end();
    await finished(out);
    return { result, staged: special ? alreadyWritten : staged(temp, path, existing) };
  } catch (error) {
    out.destroy();
    await finished(out).catch(() => undefined);
    if (!special) await discard(temp);
    throw error;
  }
}

/**
 * Creates the folder `target` holding `files` (relative paths → contents), or nothing at all.
 * Refuses when `target` already exists (a rename would replace an empty folder silently).
 */
export async function writeFolderAtomic(target: string, files: ReadonlyMap<string, string>): Promise<void> {
  // mkdir (not mkdtemp, whose folder is private to its owner) so the folder gets the usual permissions.
  const temp = temporaryBeside(target);
  await mkdir(temp);
  try {
    for (const [relativePath, text] of files) {
      const path = join(temp, relativePath);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, { flag: 'wx' });
    }
    if (await stat(target).then(() => true, () => false)) throw new Error(`${target} already exists`);
    await placed(temp, target, undefined);
  } catch (error) {
    await discard(temp);
    throw error;
  }
}
