// The JSON Schemas shipped in schemas/, and their validators, compiled at build time by
// scripts/build-validators.js into build/validators.cjs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

export type FileKind = 'programme' | 'report' | 'department';
export const FILE_KINDS: readonly FileKind[] = ['programme', 'report', 'department'];

export const schemaDir = new URL('../../schemas/', import.meta.url);

export function schemaText(kind: FileKind): string {
  return readFileSync(new URL(`${kind}.schema.json`, schemaDir), 'utf8');
}

export function schemaFor(kind: FileKind): Record<string, unknown> {
  return JSON.parse(schemaText(kind)) as Record<string, unknown>;
}

let compiled: Record<FileKind, ValidateFunction> | undefined;

export function validator(kind: FileKind): ValidateFunction {
  compiled ??= createRequire(import.meta.url)('../../build/validators.cjs') as Record<FileKind, ValidateFunction>;
  return compiled[kind];
}
