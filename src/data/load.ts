// A data file as a `yaml` Document, for the commands that rewrite files with their comments kept
// (fmt, new-year): the file is read and checked by the one reading (read.ts), and the Document is
// made only for a file that reads without a syntax problem.
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from '../problems.js';
import { readData } from './read.js';
import { problemAt, type SourceFile } from './source.js';

/** A file to rewrite: as read, with its Document. */
export interface EditableFile extends SourceFile {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export interface LoadedEditable {
  source?: EditableFile;
  problems: Problem[];
}

export function parseYaml(text: string, path: string): LoadedEditable {
  const read = readData(text, path);
  if (!read.source) return { problems: read.problems };
  const lineCounter = new LineCounter();
  // logLevel 'error': the parser's warnings would go to the process's stderr, past the CLI.
  const doc = parseDocument(read.source.text, { lineCounter, uniqueKeys: false, merge: false, strict: true, logLevel: 'error', prettyErrors: false });
  const source = { ...read.source, doc, lineCounter };
  const first = doc.errors[0];
  if (read.problems.length === 0 && read.source.value !== undefined && first) {
    // What the reading accepts and the rewriting library does not: the file is left as it is.
    const { line, col } = lineCounter.linePos(first.pos[0]);
    return { source, problems: [problemAt(path, line, col, 'yaml-cannot-rewrite', `this file's YAML cannot be rewritten with its comments kept: ${first.message.split('\n')[0]!}`)] };
  }
  return { source, problems: read.problems };
}
