// What a command gets from the outside world: streams, environment, working directory.
import { resolve } from 'node:path';
import type { ChalkInstance } from 'chalk';

export interface OutStream {
  write(chunk: string | Uint8Array): boolean;
  isTTY?: boolean;
}

export interface Io {
  argv: readonly string[];
  stdout: OutStream;
  stderr: OutStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** Exit statuses: the same table as the README's. */
export const EXIT = {
  ok: 0,
  invalidData: 1,
  usage: 2,
  regression: 3,
  internal: 70,
  interrupted: 130,
} as const;

/** A wrong command line found after commander parsed it (a bad year, say): exit 2. */
export class UsageError extends Error {}

/** --data, else COVENANT_DATA, else data/. An empty COVENANT_DATA (as CI files often set one) counts as unset. */
export function dataDir(io: Io, option: string | undefined): string {
  if (option !== undefined && option.trim() === '') throw new UsageError('--data needs a folder: --data DIR');
  return resolve(io.cwd, option ?? (io.env.COVENANT_DATA?.trim() || 'data'));
}

export function checkYear(year: string): string {
  if (!/^\d{4}$/.test(year)) throw new UsageError(`"${year}" is not a year: write four digits, like 2019`);
  return year;
}

/** Colour only for a terminal, never when NO_COLOR is set; FORCE_COLOR wins over the terminal test. */
export function colourLevel(stream: OutStream, env: Io['env']): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR) return 0;
  if (env.FORCE_COLOR !== undefined) {
    const forced = Number(env.FORCE_COLOR);
    return env.FORCE_COLOR === '' || env.FORCE_COLOR === 'true' ? 1 : forced >= 1 && forced <= 3 ? (forced as 1 | 2 | 3) : 0;
  }
  return stream.isTTY && env.TERM !== 'dumb' ? 1 : 0;
}

/** Chalk at the level for `stream`: loaded only when there is something to print with it. */
export async function chalkFor(stream: OutStream, env: Io['env']): Promise<ChalkInstance> {
  const { Chalk } = await import('chalk');
  return new Chalk({ level: colourLevel(stream, env) });
}
