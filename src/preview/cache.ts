// Data files checked once and kept while a preview runs, by path and by the file's identity on disk
// (inode, size, change and modification times), so that a save re-reads the file it changed only.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { checkFile, type CheckedFile, type FileJob } from '../data/check-file.js';
import type { ProgrammeIds } from '../data/rules.js';

/**
 * A file modified this recently before it was read may be modified again within the same tick of
 * a coarse file-system clock (a second on some systems) at the same size: a key made from its
 * times could then miss the second save. Such a file is not kept, and is read again next time.
 */
const RACY_MS = 2000;

interface Entry {
  key: string;
  checked: CheckedFile;
  /** What the file held, for the fingerprint: a file saved again unchanged makes no new report. */
  digest: string;
}

export class FileCache {
  private readonly entries = new Map<string, Entry>();
  private seen: string[] = [];
  /** Files read (not taken from the cache) since the last begin(). */
  read = 0;

  /** Starts a load: the fingerprint then covers the files that load asks for. */
  begin(): void {
    this.seen = [];
    this.read = 0;
  }

  /**
   * What the files of the load since begin() held: equal fingerprints mean the same files with the
   * same contents, so the report made from them would be the same.
   */
  fingerprint(): string {
    return this.seen.join('\n');
  }

  /** checkFile, from the cache when the file has not changed since it was checked against the same ids. */
  readonly check = (job: FileJob, ids: ProgrammeIds | undefined): CheckedFile => {
    const stat = statSync(job.path, { bigint: true, throwIfNoEntry: false });
    // Missing, a folder, a pipe: checkFile says what is wrong, and it is not kept.
    const key = stat?.isFile()
      ? [job.display, job.kind, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs, JSON.stringify(ids ?? null)].join('\0')
      : undefined;
    const hit = this.entries.get(job.path);
    if (key !== undefined && hit?.key === key) {
      this.seen.push(`${job.path}\0${hit.digest}`);
      return hit.checked;
    }
    this.entries.delete(job.path);
    const readAt = Date.now();
    const checked = checkFile(job, ids);
    this.read++;
    const digest = createHash('sha1').update(JSON.stringify(ids ?? null)).update(JSON.stringify(checked.problems)).update(checked.source?.text ?? '').digest('hex');
    const racy = stat === undefined || readAt - Number(stat.mtimeNs / 1_000_000n) < RACY_MS;
    if (key !== undefined && !racy) this.entries.set(job.path, { key, checked, digest });
    this.seen.push(`${job.path}\0${digest}`);
    return checked;
  };
}
