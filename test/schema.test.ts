// The JSON Schemas: printed by `covenant schema`, documented for editors, in step with the types.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { repoRoot } from './helpers/fixtures.js';
import { run } from './helpers/run.js';

type Schema = Record<string, unknown>;
const KINDS = ['programme', 'report', 'department'] as const;

/** The fields BRIEF.md makes a contract with users: the walk must reach each (the schemas may add more). */
const CONTRACT: Record<(typeof KINDS)[number], string[]> = {
  programme: ['.name', '.outcomes', '.outcomes[].id', '.outcomes[].title', '.themes', '.themes[].id', '.themes[].title', '.principles'],
  department: ['.id', '.name', '.short_name', '.signatory', '.signatory.name', '.signatory.position', '.signatory.date', '.pledges',
    '.pledges[].id', '.pledges[].theme', '.pledges[].outcomes', '.pledges[].commitment', '.pledges[].status', '.pledges[].progress',
    '.pledges[].next_steps', '.pledges[].metrics', '.pledges[].metrics[].id', '.pledges[].metrics[].label', '.pledges[].metrics[].value',
    '.pledges[].metrics[].unit', '.pledges[].links', '.pledges[].links[].title', '.pledges[].links[].url'],
  report: ['.title', '.subtitle', '.date', '.publisher', '.reference', '.licence', '.foreword', '.foreword.body', '.foreword.signed_by',
    '.foreword.signed_by.name', '.foreword.signed_by.role', '.introduction', '.sections', '.sections[].theme', '.sections[].body',
    '.sections[].case_studies', '.sections[].case_studies[].title', '.sections[].case_studies[].body', '.sections[].quotes',
    '.sections[].quotes[].text', '.sections[].quotes[].attribution', '.sections[].next_steps', '.conclusion', '.feedback'],
};

const schemaFile = (kind: string): Schema => JSON.parse(readFileSync(`${repoRoot}schemas/${kind}.schema.json`, 'utf8')) as Schema;

/** The schema a local `$ref` ("#/$defs/pledge") points at. */
function resolve(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`not a local $ref: ${ref}`);
  let node: unknown = root;
  for (const segment of ref.slice(2).split('/')) node = (node as Schema | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (node === undefined || node === null || typeof node !== 'object') throw new Error(`$ref ${ref} points at nothing`);
  return node as Schema;
}

/**
 * Every property reachable from the root, following `$ref`s, items and combinators: its path and
 * its description (its own, or that of the schema its `$ref` names, which editors show too).
 */
function properties(root: Schema): { path: string; description: unknown }[] {
  const found: { path: string; description: unknown }[] = [];
  const visited = new Set<Schema>();
  const walk = (schema: Schema, path: string): void => {
    if (visited.has(schema)) return;
    visited.add(schema);
    if (typeof schema.$ref === 'string') walk(resolve(root, schema.$ref), path);
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
      const description = property.description ?? (typeof property.$ref === 'string' ? resolve(root, property.$ref).description : undefined);
      found.push({ path: `${path}.${name}`, description });
      walk(property, `${path}.${name}`);
    }
    if (schema.items && typeof schema.items === 'object') walk(schema.items as Schema, `${path}[]`);
    for (const key of ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const) {
      for (const [i, sub] of ((schema[key] ?? []) as Schema[]).entries()) walk(sub, `${path}/${key}/${i}`);
    }
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') walk(schema.additionalProperties as Schema, `${path}.*`);
  };
  walk(root, '');
  return found;
}

describe('covenant schema', () => {
  test.each(KINDS)('%s prints JSON equal to its file in schemas/', async (kind) => {
    const result = await run(['schema', kind]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toStrictEqual(schemaFile(kind));
  });
});

describe('the schemas', () => {
  test.each(KINDS)('%s: every property has a description, following $ref (and the brief\'s fields are all there)', (kind) => {
    const root = schemaFile(kind);
    expect(typeof root.description).toBe('string');
    const all = properties(root);
    expect(all.map(({ path }) => path)).toEqual(expect.arrayContaining(CONTRACT[kind]));
    const undocumented = all.filter(({ description }) => typeof description !== 'string' || description.trim() === '').map(({ path }) => path);
    expect(undocumented).toEqual([]);
  });

  test('the walk reports a property without a description, behind a $ref too', () => {
    const broken = { type: 'object', properties: { a: { $ref: '#/$defs/x' } }, $defs: { x: { type: 'object', properties: { b: { type: 'string' } } } } };
    expect(properties(broken).filter(({ description }) => description === undefined).map(({ path }) => path)).toEqual(['.a', '.a.b']);
  });

  test('the TypeScript types agree with the schemas (scripts/gen-types.js --check)', () => {
    const result = spawnSync(process.execPath, ['scripts/gen-types.js', '--check'], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);
});
