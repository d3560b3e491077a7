// "Did you mean …?": the closest allowed value to what was written.

/** Words people write for a status, mapped to the status they mean. */
const STATUS_SYNONYMS: Record<string, string> = {
  complete: 'met', completed: 'met', done: 'met', achieved: 'met', delivered: 'met', finished: 'met',
  'continues-to-be-met': 'met', 'in-progress': 'ongoing', progressing: 'ongoing', started: 'ongoing',
  continuing: 'ongoing', ontrack: 'on-track', late: 'delayed', behind: 'delayed', slipped: 'delayed',
  failed: 'not-met', missed: 'not-met', unmet: 'not-met', dropped: 'withdrawn', cancelled: 'withdrawn',
  canceled: 'withdrawn', abandoned: 'withdrawn', new: 'pledged', planned: 'pledged', committed: 'pledged',
  'not-started': 'pledged', promised: 'pledged',
};

/** The nearest lower-case kebab-case id to `text`: "Employment & Skills" → "employment-skills". */
export function kebab(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function normalise(value: string): string {
  return value.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/**
 * Edits from `a` to `b`: a letter added, dropped or changed, or two neighbours swapped ("nmae" is
 * one edit from "name", as a typist makes it: optimal string alignment distance).
 */
export function distance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    [before, previous] = [previous, row];
  }
  return previous[b.length]!;
}

/** The allowed value the author most likely meant, or undefined when none is close. */
export function closest(value: unknown, allowed: readonly string[]): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const written = normalise(String(value));
  if (!written) return undefined;
  const exact = allowed.find((a) => normalise(a) === written);
  if (exact) return exact;
  const synonym = STATUS_SYNONYMS[written];
  if (synonym && allowed.includes(synonym)) return synonym;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = distance(written, normalise(candidate));
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const limit = Math.max(1, Math.floor(written.length / 3));
  return bestDistance <= limit ? best : undefined;
}

export function didYouMean(value: unknown, allowed: readonly string[]): string | undefined {
  const match = closest(value, allowed);
  return match === undefined ? undefined : `did you mean "${match}"?`;
}
