// Generates src/data/schema-types.ts from schemas/*.schema.json, so that the TypeScript types
// the code uses cannot drift from the schemas users validate against. `--check` fails when the
// committed file is out of date (the test suite runs it).
import { readFile, writeFile } from 'node:fs/promises';
import { compile } from 'json-schema-to-typescript';

const names = { programme: 'ProgrammeFile', department: 'DepartmentFile', report: 'ReportFile' };
const target = new URL('../src/data/schema-types.ts', import.meta.url);

export async function generate() {
  let out = '// Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit by hand.\n';
  for (const [file, typeName] of Object.entries(names)) {
    const schema = JSON.parse(await readFile(new URL(`../schemas/${file}.schema.json`, import.meta.url), 'utf8'));
    const ts = await compile({ ...schema, title: typeName }, typeName, {
      bannerComment: '',
      additionalProperties: false,
      declareExternallyReferenced: true,
      format: false,
      strictIndexSignatures: true,
    });
    out += '\n' + ts.trim() + '\n';
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = await generate();
  if (process.argv.includes('--check')) {
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current !== text) {
      console.error('src/data/schema-types.ts is out of date: run `npm run gen:types`.');
      process.exit(1);
    }
  } else {
    await writeFile(target, text);
  }
}
