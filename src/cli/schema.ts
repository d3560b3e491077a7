// `covenant schema programme|report|department`: print a JSON Schema, for editors and tools.
import { schemaText, type FileKind } from '../data/schemas.js';
import { EXIT, type Io } from './io.js';

export function schema(io: Io, kind: FileKind): number {
  io.stdout.write(schemaText(kind));
  return EXIT.ok;
}
