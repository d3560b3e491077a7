// Runs the steps of a composite action (action.yml) as GitHub's runner does: each `run` in
// `bash -e -o pipefail`, its env with `${{ }}` expressions resolved, GITHUB_OUTPUT read back as the
// step's outputs, stopping at the first step that fails. Only the expressions action.yml uses are
// understood (a context value, a quoted string, == and !=); any other is an error, never a guess.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Step {
  name: string;
  id?: string;
  if?: string;
  run?: string;
  env?: Record<string, string>;
}

export interface ActionRun {
  /** The names of the steps that ran, in order. */
  ran: string[];
  /** The step that failed, with its exit code and output; undefined when all passed. */
  failed?: { name: string; code: number | null; stdout: string; stderr: string };
  stdout: string;
  summary: string;
  outputs: Record<string, Record<string, string>>;
}

type Context = { inputs: Record<string, string>; steps: Record<string, { outputs: Record<string, string> }> };

function evaluate(expression: string, context: Context): string | boolean {
  const value = (term: string): string => {
    const literal = /^'((?:[^']|'')*)'$/.exec(term);
    if (literal) return literal[1]!.replace(/''/g, "'");
    const input = /^inputs\.([\w-]+)$/.exec(term);
    if (input) return context.inputs[input[1]!] ?? '';
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(term);
    if (output) return context.steps[output[1]!]?.outputs[output[2]!] ?? '';
    throw new Error(`the test's runner does not understand the expression ${JSON.stringify(term)}`);
  };
  const comparison = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(expression.trim());
  if (!comparison) return value(expression.trim());
  const equal = value(comparison[1]!.trim()) === value(comparison[3]!.trim());
  return comparison[2] === '==' ? equal : !equal;
}

const substitute = (text: string, context: Context) => text.replace(/\$\{\{(.*?)\}\}/g, (_m, e: string) => String(evaluate(e, context)));

/**
 * Runs `actionFile`'s steps in `workspace` with `inputs` (defaults filled in from the file), as the
 * action at `actionPath`, leaving out the steps named in `skip`.
 */
export function runAction(actionFile: string, actionPath: string, workspace: string, inputs: Record<string, string>, skip: string[] = []): ActionRun {
  const action = parse(readFileSync(actionFile, 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { steps: Step[] } };
  const context: Context = { inputs: {}, steps: {} };
  for (const [name, input] of Object.entries(action.inputs)) context.inputs[name] = inputs[name] ?? input.default ?? '';
  const files = mkdtempSync(join(tmpdir(), 'covenant-runner-'));
  const result: ActionRun = { ran: [], stdout: '', summary: '', outputs: {} };
  try {
    const summary = join(files, 'summary');
    writeFileSync(summary, '');
    for (const step of action.runs.steps) {
      if (skip.includes(step.name)) continue;
      if (step.if !== undefined && !evaluate(step.if, context)) continue;
      if (step.run === undefined) throw new Error(`${step.name} is not a run step: the test's runner runs only those`);
      const output = join(files, `output-${result.ran.length}`);
      writeFileSync(output, '');
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GITHUB_ACTION_PATH: actionPath, GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, GITHUB_PATH: join(files, 'path'),
      };
      for (const [key, value] of Object.entries(step.env ?? {})) env[key] = substitute(value, context);
      const ran = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: workspace, env, encoding: 'utf8' });
      result.ran.push(step.name);
      result.stdout += ran.stdout;
      const outputs = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
      if (step.id) {
        context.steps[step.id] = { outputs };
        result.outputs[step.id] = outputs;
      }
      if (ran.status !== 0) {
        result.failed = { name: step.name, code: ran.status, stdout: ran.stdout, stderr: ran.stderr };
        break;
      }
    }
    result.summary = readFileSync(summary, 'utf8');
    return result;
  } finally {
    rmSync(files, { recursive: true, force: true });
  }
}
