// The templates' helpers, all registered here. They only format values; what the report says is
// decided in the report model. Their names are verbs, so none can shadow a field of the model.
import type { HelperDelegate } from 'handlebars';
import type { Status } from '../data/model.js';
import { formatNumber, signedNumber, withUnit } from '../figures.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2019-10-01" → "1 October 2019", as GOV.UK writes dates. */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

export { formatNumber, signedNumber, withUnit } from '../figures.js';

/** GOV.UK tag colours by status. The word is always shown too: colour never carries meaning alone. */
export const STATUS_COLOURS: Record<Status, { tag: string; fill: string }> = {
  pledged: { tag: 'govuk-tag--grey', fill: '#505a5f' },
  'on-track': { tag: 'govuk-tag--blue', fill: '#1d70b8' },
  ongoing: { tag: 'govuk-tag--purple', fill: '#4c2c92' },
  delayed: { tag: 'govuk-tag--orange', fill: '#b14a0b' },
  met: { tag: 'govuk-tag--green', fill: '#00703c' },
  'not-met': { tag: 'govuk-tag--red', fill: '#aa2a16' },
  withdrawn: { tag: 'govuk-tag--yellow', fill: '#594d00' },
};

const finite = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export const helpers: Record<string, HelperDelegate> = {
  formatDate: (iso: unknown) => (typeof iso === 'string' ? longDate(iso) : ''),
  formatNumber: (value: unknown) => formatNumber(finite(value)),
  formatSigned: (value: unknown) => signedNumber(finite(value)),
  formatPercent: (value: unknown) => `${formatNumber(finite(value))}%`,
  formatFigure: (value: unknown, unit: unknown) => withUnit(finite(value), typeof unit === 'string' ? unit : null),
  pluralise: (count: unknown, one: unknown, many: unknown) => `${formatNumber(finite(count))} ${finite(count) === 1 ? String(one) : String(many)}`,
  statusTag: (status: unknown) => STATUS_COLOURS[status as Status]?.tag ?? 'govuk-tag--grey',
  statusFill: (status: unknown) => STATUS_COLOURS[status as Status]?.fill ?? '#505a5f',
};
