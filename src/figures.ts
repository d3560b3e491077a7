// Figures as people read them, the same in the report's three formats and in diff: thousands
// separators, a real minus sign (−24, not -24), every digit the data has and never an exponent
// (1e21 is 1,000,000,000,000,000,000,000), and money with its symbol in front (£2,500).
const MINUS = '\u2212';
const exact = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 20 });

/** Units written as a symbol before the figure. */
const CURRENCY: Record<string, string> = { GBP: '£', '£': '£', EUR: '€', '€': '€', USD: '$', $: '$' };

/** 3162 → "3,162"; -24 → "−24"; 0.0000001 as it is. */
export function formatNumber(value: number): string {
  return exact.format(value).replace('-', MINUS);
}

/** "+401", "−24", "0". */
export function signedNumber(value: number): string {
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

/** Digits after the decimal point that a figure has as written. */
function decimals(value: number): number {
  const shortest = String(value);
  // An exponent (1e-7) only in the shortest form of very small or large figures: written out then.
  return (shortest.includes('e') ? exact.format(value) : shortest).split('.')[1]?.length ?? 0;
}

/** The change from one figure to another, to the decimals they have: 0.1 to 0.3 is 0.2, not 0.19999999999999998. */
export function difference(from: number, to: number): number {
  return Number((to - from).toFixed(Math.max(decimals(from), decimals(to))));
}

/** A figure with its unit: "£1,500,000", "45%", "3,162", "12 offices". */
export function withUnit(value: number, unit: string | null | undefined): string {
  if (!unit) return formatNumber(value);
  const symbol = CURRENCY[unit];
  if (symbol) return `${value < 0 ? MINUS : ''}${symbol}${formatNumber(Math.abs(value))}`;
  if (unit === '%') return `${formatNumber(value)}%`;
  return `${formatNumber(value)} ${unit}`;
}
