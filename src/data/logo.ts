// The cover's logo (report.yaml `logo`): a PNG or JPEG beside report.yaml, read and checked once, so
// that a missing or wrong file is a problem at its line, like any other in the data.
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { Problem } from '../problems.js';
import { NeedsPositions, type Position, type Segment, type SourceFile } from './source.js';

export interface Logo {
  mediaType: 'image/png' | 'image/jpeg';
  data: Uint8Array;
}

/** The file types a logo may be, by the bytes they start with. */
const TYPES: { mediaType: Logo['mediaType']; magic: number[] }[] = [
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/**
 * Where a value is in its file. A file read quickly has no positions: it is read again with them,
 * only when there is a problem to place.
 */
export async function placeOf(source: SourceFile, segments: readonly Segment[]): Promise<Position> {
  try {
    return source.places.at(segments);
  } catch (error) {
    if (!(error instanceof NeedsPositions)) throw error;
    const { parseYaml } = await import('./load.js');
    return parseYaml(source.text, source.path).source?.places.at(segments) ?? { line: 0, column: 0, length: 0 };
  }
}

/** The logo `file` names, from the year's folder `yearDir`; or the problem with it, at `logo.file` in report.yaml. */
export async function readLogo(yearDir: string, file: string, source: SourceFile): Promise<{ logo: Logo } | { problem: Problem }> {
  const problem = async (message: string, hint: string) => {
    const at = await placeOf(source, ['logo', 'file']);
    return { problem: { file: source.path, line: at.line, column: at.column, length: at.length, severity: 'error' as const, rule: 'logo', message, hint } };
  };
  const path = join(yearDir, file);
  if (isAbsolute(file) || relative(yearDir, path).startsWith('..')) {
    return problem(`logo.file must be inside the year's folder, not ${file}`, 'put the picture beside report.yaml and give its name, e.g. crest.png');
  }
  let data: Uint8Array;
  try {
    data = readFileSync(path);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    return problem(code === 'ENOENT' ? `logo.file: there is no file ${file} beside report.yaml` : `logo.file: ${file} cannot be read (${String(code ?? error)})`,
      'put the picture beside report.yaml, or correct its name');
  }
  const type = TYPES.find((t) => t.magic.every((byte, i) => data[i] === byte));
  if (!type) return problem(`logo.file: ${file} is not a PNG or JPEG picture`, 'save the logo as PNG (or JPEG) and name that file');
  return { logo: { mediaType: type.mediaType, data } };
}
