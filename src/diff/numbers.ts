// Figure moves as diff shows them; the figures themselves are written as the report writes them.
import { difference, formatNumber, signedNumber, withUnit } from '../figures.js';

export { formatNumber, withUnit };

/** The change from one figure to another: "+401", "−24", "0". */
export function formatDelta(from: number, to: number): string {
  return signedNumber(difference(from, to));
}

/** "2,761 → 3,162 (+401)"; a figure new this year "— → 6 (new)", one gone "41 → — (removed)". */
export function describeMove(from: number | null, to: number | null, unit: string | undefined, arrow = '→'): string {
  const shown = (value: number | null) => (value === null ? '—' : withUnit(value, unit));
  const note = from === null ? 'new' : to === null ? 'removed' : formatDelta(from, to);
  return `${shown(from)} ${arrow} ${shown(to)} (${note})`;
}
