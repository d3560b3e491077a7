// The JSON Schemas shipped in schemas/, compiled once each with ajv.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
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

let ajv: InstanceType<typeof Ajv2020.default> | undefined;
const compiled = new Map<FileKind, ValidateFunction>();

export function validator(kind: FileKind): ValidateFunction {
  let validate = compiled.get(kind);
  if (!validate) {
    ajv ??= addFormats.default(new Ajv2020.default({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true }), ['date', 'uri']);
    validate = ajv.compile(schemaFor(kind));
    compiled.set(kind, validate);
  }
  return validate;
}
