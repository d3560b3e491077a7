// One data file read, parsed and checked on its own: syntax, its schema, and the rules that need
// no other file but programme.yaml's ids. One reading (read.ts) gives the value and its places.
import type { Problem } from '../problems.js';
import { checkSchema } from './check-schema.js';
import { readData } from './read.js';
import { readText, type SourceFile } from './source.js';
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
  const rules = kind === 'programme' ? checkProgramme(source) : kind === 'report' ? checkReport(source, ids) : checkDepartment(source, ids);
  return { schema: checkSchema(kind, source), rules: [...rules, ...characterProblems(source)] };
}

export function checkFile({ path, display, kind }: FileJob, ids: ProgrammeIds | undefined): CheckedFile {
  const text = readText(path, display);
  if ('problems' in text) return { problems: text.problems, read: false, valid: false };
  const { source, problems, silent } = readData(text.text, display);
  if (!source || (problems.length > 0 && source.value === undefined)) return { problems, ...(source ? { source } : {}), read: false, valid: false };
  if (source.value === null || source.value === undefined) {
    return {
      problems: [...problems, { file: source.path, line: 1, column: 1, severity: 'error', rule: 'empty-file', message: `the file is empty: a ${kind} file needs at least ${NEEDS[kind]}` }],
      source, read: false, valid: false,
    };
  }
  const heard = (p: Problem) => !silent?.has(p.line);
  const { schema, rules } = checks(kind, source, ids);
  // A file with a syntax problem is read as it was meant, to find its other problems, but is not valid.
  return { problems: [...problems, ...schema.filter(heard), ...rules.filter(heard)], source, read: true, valid: problems.length === 0 && schema.length === 0 };
}
