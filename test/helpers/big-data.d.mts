// Types for big-data.mjs, which stays plain JavaScript so it can be run by hand with node.
export function longCommitment(count?: number): string;
export function writeBigData(dir: string, options?: { pledges?: number; departments?: number; long?: boolean; seed?: number }): { commitments: string[] };
