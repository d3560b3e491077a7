// Figures as people read them: thousands separators and a real minus sign (−24, not -24).
const MINUS = '\u2212';
const plain = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });
const signed = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6, signDisplay: 'exceptZero' });

/** 3162 → "3,162"; -24 → "−24". */
export function formatNumber(value: number): string {
  return plain.format(value).replace('-', MINUS);
}

/** The change from one figure to another: "+401", "−24", "0". Rounded so 0.1 + 0.2 reads as 0.3. */
export function formatDelta(from: number, to: number): string {
  return signed.format(to - from).replace('-', MINUS);
}

/** A figure with its unit: "45%", "1,900 GBP", "3,162". */
export function withUnit(value: number, unit: string | undefined): string {
  if (!unit) return formatNumber(value);
  return unit === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${unit}`;
}

/** "2,761 → 3,162 (+401)"; a figure new this year "— → 6 (new)", one gone "41 → — (removed)". */
export function describeMove(from: number | null, to: number | null, unit: string | undefined, arrow = '→'): string {
  const shown = (value: number | null) => (value === null ? '—' : withUnit(value, unit));
  const note = from === null ? 'new' : to === null ? 'removed' : formatDelta(from, to);
  return `${shown(from)} ${arrow} ${shown(to)} (${note})`;
}
