// Times, amounts, shares and periods as the console shows them, in the console's locale. Plain
// functions; the locale is read at each call, so a re-render after a locale change re-formats.
import { getLocale } from '../localize.js';

const intlLocale = () => (getLocale() === 'en' ? 'en-GB' : getLocale() === 'sr-Cyrl' ? 'sr-Cyrl-RS' : 'sr-Latn-RS');

/** A moment (ms) as a short date and time; '—' for none. */
export function when(ms: number | null | undefined): string {
  if (ms == null) return '—';
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(ms));
}

/** A moment (ms) as a short date; '—' for none. */
export function day(ms: number | null | undefined): string {
  if (ms == null) return '—';
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'short' }).format(new Date(ms));
}

/** An amount in dinars with two decimals (digits in Latin for both scripts). */
export function money(n: number): string {
  return new Intl.NumberFormat(getLocale() === 'en' ? 'en-GB' : 'sr-Latn-RS', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(n);
}

/** `part` of `whole` as a whole percentage ('—' of nothing). */
export function share(part: number, whole: number): string {
  if (!whole) return '—';
  return new Intl.NumberFormat(getLocale() === 'en' ? 'en-GB' : 'sr-Latn-RS', { style: 'percent' }).format(
    part / whole,
  );
}

/** The month billed last (bills for a month are issued in the next): the default period (`YYYY-MM`). */
export function lastBilledPeriod(now = new Date()): string {
  const d = new Date(now);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}
