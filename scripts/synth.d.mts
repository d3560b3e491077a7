// Types for synth.mjs, which stays plain JavaScript so it can be run by hand with node.
export function longCommitment(count?: number): string;
export function writeBigData(dir: string, options?: { pledges?: number; departments?: number; long?: boolean; seed?: number; twoYears?: boolean; years?: number }): { commitments: string[] };
export function departmentsFor(pledges: number): number;
