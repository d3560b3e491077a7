// The GitHub Action (action.yml): the inputs a data repository's workflow names are the ones the
// README documents, each one reaches a step, and no step pastes an input into its script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './helpers/fixtures.js';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as Action;
const INPUTS = ['year', 'previous', 'fail-on-regression', 'format', 'data', 'out'];
/** Every `${{ … }}` expression of a step, and its `if:`, which is one without the braces. */
const expressions = (step: Step) => [
  ...[step.run, ...Object.values(step.env ?? {}), ...Object.values(step.with ?? {})].flatMap((text) => [...(text ?? '').matchAll(/\$\{\{(.*?)\}\}/g)].map((m) => m[1]!.trim())),
  ...(step.if ? [step.if] : []),
];
const named = (step: Step) => step.name ?? step.id ?? step.uses ?? '?';

test('is a composite action with the documented inputs, only year required', () => {
  expect(action.runs.using).toBe('composite');
  expect(Object.keys(action.inputs)).toEqual(INPUTS);
  expect(Object.entries(action.inputs).filter(([, input]) => input.required).map(([name]) => name)).toEqual(['year']);
  for (const [name, input] of Object.entries(action.inputs)) expect([name, input.description.length > 20]).toEqual([name, true]);
  expect(action.inputs['fail-on-regression']!.default).toBe('false');
});

test('every input is used by a step, and every input a step names is declared', () => {
  const used = new Set(action.runs.steps.flatMap(expressions).flatMap((e) => [...e.matchAll(/\binputs\.([a-z-]+)/g)].map((m) => m[1]!)));
  expect([...used].sort()).toEqual([...INPUTS].sort());
});

test('no script holds an expression: inputs reach the shell as environment variables, never as code', () => {
  const steps = action.runs.steps;
  expect(steps.length).toBeGreaterThanOrEqual(5);
  expect(steps.filter((s) => s.run !== undefined && s.run.includes('${{')).map(named)).toEqual([]);
  // A composite action's run steps must name their shell.
  expect(steps.filter((s) => s.run !== undefined && s.shell !== 'bash').map(named)).toEqual([]);
});

test('each step output it reads is written by an earlier step with that id', () => {
  const steps = action.runs.steps;
  const refs = [...steps.flatMap((step, i) => expressions(step).map((e) => [i, e] as const)), ...Object.values(action.outputs ?? {}).map((o) => [steps.length, o.value] as const)]
    .flatMap(([i, e]) => [...e.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)].map((m) => ({ at: i, id: m[1]!, output: m[2]! })));
  expect(refs.length).toBeGreaterThan(0);
  for (const ref of refs) {
    const writer = steps.findIndex((s) => s.id === ref.id);
    expect({ ref, written: writer >= 0 && writer < ref.at && (steps[writer]!.run ?? '').includes(`${ref.output}=`) }).toEqual({ ref, written: true });
  }
});

test('examples/ci uses it with declared inputs, and the README says how', () => {
  const workflow = parse(readFileSync(join(repoRoot, 'examples/ci/covenant.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
  const uses = Object.values(workflow.jobs).flatMap((job) => job.steps).filter((s) => /covenant@v1$/.test(s.uses ?? ''));
  expect(uses).toHaveLength(1);
  expect(Object.keys(uses[0]!.with ?? {}).filter((key) => !INPUTS.includes(key))).toEqual([]);
  expect(uses[0]!.with).toHaveProperty('year');
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  expect(readme).toMatch(/uses: [\w-]+\/covenant@v1/);
  expect(INPUTS.filter((input) => !readme.includes(`\`${input}\``))).toEqual([]);
});
