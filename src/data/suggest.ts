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
 * one edit from "name", as a typist makes it: optimal string alignment distance). Past `limit`
 * the count stops, and any number above `limit` is returned: a file of twenty thousand unknown
 * keys asks this of each allowed key for every one.
 */
export function distance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Uint32Array(b.length + 1);
  let previous = Uint32Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Uint32Array(b.length + 1);
  let previousLeast = 0;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
      if (d < least) least = d;
    }
    // Every later cell adds to a cell of this row or the one before it: past the limit in both, it stays past.
    if (least > limit && previousLeast > limit) return limit + 1;
    previousLeast = least;
    [before, previous, row] = [previous, row, before];
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
  const limit = Math.max(1, Math.floor(written.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of allowed) {
    // Only a nearer one than the best so far can take its place.
    const d = distance(written, normalise(candidate), bestDistance - 1);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

export function didYouMean(value: unknown, allowed: readonly string[]): string | undefined {
  const match = closest(value, allowed);
  return match === undefined ? undefined : `did you mean "${match}"?`;
}
