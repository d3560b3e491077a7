// GOV.UK's tag colours by status, for every writer. The word is always shown too: colour never
// carries meaning alone. Each fill is dark enough for white text on it.
import type { StatusKey } from '../document/types.js';

export const STATUS_COLOURS: Record<StatusKey, { tag: string; fill: string }> = {
  pledged: { tag: 'govuk-tag--grey', fill: '#505a5f' },
  'on-track': { tag: 'govuk-tag--blue', fill: '#1d70b8' },
  ongoing: { tag: 'govuk-tag--purple', fill: '#4c2c92' },
  delayed: { tag: 'govuk-tag--orange', fill: '#b14a0b' },
  met: { tag: 'govuk-tag--green', fill: '#00703c' },
  'not-met': { tag: 'govuk-tag--red', fill: '#aa2a16' },
  withdrawn: { tag: 'govuk-tag--yellow', fill: '#594d00' },
};

/** Each status's fill alone, written as `write` turns a #rrggbb colour into a format's own notation. */
export function statusFills(write: (hex: string) => string = (hex) => hex): Record<StatusKey, string> {
  return Object.fromEntries(Object.entries(STATUS_COLOURS).map(([status, { fill }]) => [status, write(fill)])) as Record<StatusKey, string>;
}
