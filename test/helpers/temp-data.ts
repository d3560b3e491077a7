// Throwaway copies of fixture data folders, for the commands that write (new-year, fmt, export -o).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder holding a copy of `source` as `data/`; returns the folder (use it as cwd). */
export function copyToTemp(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'covenant-test-'));
  cpSync(source, join(dir, 'data'), { recursive: true });
  return dir;
}

export function removeTemp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
