// The YAML files of a data folder, by kind: programme.yaml and each year's report and departments.
import { join } from 'node:path';
import { displayPath, type Problem } from '../problems.js';
import { entriesOf, listYears } from './dataset.js';
import { cannotRead } from './source.js';
import type { FileKind } from './schemas.js';

export interface DataFile {
  /** Absolute path. */
  path: string;
  /** As the user would type it, relative to the working directory. */
  display: string;
  kind: FileKind;
}

/** programme.yaml and the files of the years given (every year when none is given). */
export function dataFiles(dataDir: string, cwd: string, years: readonly string[]): { files: DataFile[]; problems: Problem[] } {
  const display = (path: string) => displayPath(cwd, path);
  const file = (path: string, kind: FileKind): DataFile => ({ path, display: display(path), kind });
  const available = listYears(dataDir);
  const files: DataFile[] = [file(join(dataDir, 'programme.yaml'), 'programme')];
  const problems: Problem[] = [];
  for (const year of years.length ? years : available) {
    if (!available.includes(year)) {
      problems.push({ file: display(join(dataDir, year)), line: 0, column: 0, severity: 'error', rule: 'missing-year',
        message: `there is no folder for ${year}`,
        hint: available.length ? `years in ${display(dataDir)}: ${available.join(', ')}` : `${display(dataDir)} has no year folders yet` });
      continue;
    }
    files.push(file(join(dataDir, year, 'report.yaml'), 'report'));
    const departments = join(dataDir, year, 'departments');
    // A folder that cannot be read is a problem, as in `validate`: its files are not "already canonical".
    const listed = entriesOf(departments);
    if ('error' in listed) problems.push(cannotRead(display(departments), listed.error, 'folder'));
    const names = ('entries' in listed ? listed.entries.map((e) => e.name) : []).filter((n) => n.endsWith('.yaml')).sort();
    files.push(...names.map((n) => file(join(departments, n), 'department')));
  }
  return { files, problems };
}
