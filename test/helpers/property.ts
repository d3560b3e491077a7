// How hard the property tests try. Each property names its cases at full strength, as CI runs
// them (COVENANT_PROPERTY_RUNS=100, fast-check's own numRuns); a run on a laptop tries a fifth.
// The seed is fixed, so the same strength tries the same cases every time.

/** Cases a property of typical cost tries; each property's count scales with it. */
export const PROPERTY_RUNS = positive('COVENANT_PROPERTY_RUNS', 20);
/** fast-check's seed: COVENANT_PROPERTY_SEED explores other cases. */
export const PROPERTY_SEED = Number(process.env.COVENANT_PROPERTY_SEED ?? 20191001);

/** The cases to try of a property that tries `full` at full strength: at least one. */
export function propertyRuns(full: number): number {
  return Math.max(1, Math.round((full * PROPERTY_RUNS) / 100));
}

/** fast-check's parameters for such a property: the fixed seed, and the first failing case reported as found, unshrunk. */
export function propertyParams(full: number): { seed: number; numRuns: number; endOnFailure: true } {
  return { seed: PROPERTY_SEED, numRuns: propertyRuns(full), endOnFailure: true };
}

function positive(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of runs, not ${JSON.stringify(text)}`);
  return value;
}
