// One data file read, parsed and checked on its own: syntax, its schema, and the rules that need
// no other file but programme.yaml's ids. Read quickly first (fast-yaml.ts); the careful reading
// (load.ts, and with it the yaml package) is loaded only for a file with a problem to place.
import type { Problem } from '../problems.js';
import { checkSchema } from './check-schema.js';
import { quickRead } from './fast-yaml.js';
import { NeedsPositions, readText, withoutPositions, type SourceFile } from './source.js';
import { checkDepartment, checkProgramme, checkReport, characterProblems, type ProgrammeIds } from './rules.js';
import type { FileKind } from './schemas.js';

export interface FileJob {
  /** Absolute path. */
  path: string;
  /** As problems show it: relative to the working directory. */
  display: string;
  kind: FileKind;
}

export interface CheckedFile {
  problems: Problem[];
  /** The file as read: present once its bytes were decoded. */
  source?: SourceFile;
  /** True when the file parsed to something, so the rules ran on it (it may still be invalid). */
  read: boolean;
  /** True when it also met its schema: then its value is the file's data. */
  valid: boolean;
}

const NEEDS: Record<FileKind, string> = { department: 'id, name and pledges', report: 'a title', programme: 'name and themes' };

function checks(kind: FileKind, source: SourceFile, ids: ProgrammeIds | undefined): { schema: Problem[]; rules: Problem[] } {
  const schema = checkSchema(kind, source);
  const rules = kind === 'programme' ? checkProgramme(source) : kind === 'report' ? checkReport(source, ids) : checkDepartment(source, ids);
  return { schema, rules: [...rules, ...characterProblems(source)] };
}

/** The file read quickly, when that finds nothing wrong; undefined when it must be read with positions. */
export function quickly(text: string, display: string, kind: FileKind, ids: ProgrammeIds | undefined): CheckedFile | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const value = quickRead(body);
  if (value === undefined) return undefined;
  const source = withoutPositions(display, body, value);
  try {
    const { schema, rules } = checks(kind, source, ids);
    return schema.length === 0 && rules.length === 0 ? { problems: [], source, read: true, valid: true } : undefined;
  } catch (error) {
    // A problem was found, and placing it needs the positions.
    if (error instanceof NeedsPositions) return undefined;
    throw error;
  }
}

export async function checkFile({ path, display, kind }: FileJob, ids: ProgrammeIds | undefined): Promise<CheckedFile> {
  const text = readText(path, display);
  if ('problems' in text) return { problems: text.problems, read: false, valid: false };
  const quick = quickly(text.text, display, kind, ids);
  if (quick) return quick;
  const { parseYaml } = await import('./load.js');
  const loaded = parseYaml(text.text, display);
  const source = loaded.source;
  // A file with syntax problems is checked no further, unless it could still be read (a key set twice).
  if (!source || (loaded.problems.length > 0 && source.value === undefined)) return { problems: loaded.problems, ...(source ? { source } : {}), read: false, valid: false };
  if (source.doc.contents === null || source.value === null || source.value === undefined) {
    return {
      problems: [{ file: source.path, line: 1, column: 1, severity: 'error', rule: 'empty-file', message: `the file is empty: a ${kind} file needs at least ${NEEDS[kind]}` }],
      source, read: false, valid: false,
    };
  }
  const { schema, rules } = checks(kind, source, ids);
  return { problems: [...loaded.problems, ...schema, ...rules], source, read: true, valid: schema.length === 0 && loaded.problems.length === 0 };
}
