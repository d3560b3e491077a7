// Watching the folders a preview reads (not recursively: each one named), and telling of changes
// once an editor's burst of writes for one save has settled.
import { statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export interface WatchOptions {
  /** The folders to watch, asked again after each change: a folder may appear or go. */
  folders: () => string[];
  /** Told the paths changed (as far as the system says) once no event came for `settleMs`. */
  onChange: (paths: string[]) => void;
  /** Quiet time after an event before telling of it: an editor's save is often several writes. */
  settleMs?: number;
  /** A save longer than this is not waited for further (a copy of many files, say). */
  maxWaitMs?: number;
}

export interface Watcher {
  /** The folders watched now. */
  readonly folders: string[];
  /** Watches the folders that `folders()` names now, and stops watching the rest. */
  update(): void;
  close(): void;
}

/** Files that editors write beside the one saved (vim's .swp and 4913, backups ending in ~): no save of data. */
const SCRATCH = /^\.|~$|\.sw[a-p]$|^4913$/;

const isFolder = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

export function watchFolders(options: WatchOptions): Watcher {
  const { settleMs = 15, maxWaitMs = 250 } = options;
  const watchers = new Map<string, FSWatcher>();
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let firstAt = 0;
  let closed = false;

  const fire = () => {
    timer = undefined;
    const paths = [...changed].sort();
    changed.clear();
    if (!closed) options.onChange(paths);
  };
  const noted = (folder: string, name: string | null) => {
    if (closed || (name !== null && SCRATCH.test(name))) return;
    changed.add(name === null ? folder : join(folder, name));
    const now = Date.now();
    if (timer === undefined) firstAt = now;
    clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, Math.min(settleMs, firstAt + maxWaitMs - now)));
  };
  const stop = (folder: string) => {
    watchers.get(folder)?.close();
    watchers.delete(folder);
  };

  const watcher: Watcher = {
    get folders() {
      return [...watchers.keys()].sort();
    },
    update() {
      if (closed) return;
      const wanted = new Set(options.folders().filter(isFolder));
      for (const folder of watchers.keys()) if (!wanted.has(folder)) stop(folder);
      for (const folder of wanted) {
        if (watchers.has(folder)) continue;
        try {
          const w = watch(folder, { persistent: true }, (_event, name) => noted(folder, name === null ? null : String(name)));
          // A folder removed or renamed: its watch ends; the change in its parent's is the news.
          w.on('error', () => stop(folder));
          watchers.set(folder, w);
        } catch {
          // Gone between the check and the watch, or not readable: the next update tries again.
        }
      }
    },
    close() {
      closed = true;
      clearTimeout(timer);
      for (const folder of [...watchers.keys()]) stop(folder);
    },
  };
  watcher.update();
  return watcher;
}
