// Figures in words a resident reads: money, dates, date-times and billing periods in sr-Latn,
// sr-Cyrl and en, for the widget, the PDFs and the mails alike (the API itself keeps machine
// forms: dinars as numbers, `YYYY-MM-DD`, `YYYY-MM`, milliseconds). Invariant: pure and the same
// on every runtime: no Intl and no toLocale* (Node, workerd and browsers carry different ICU data
// for Serbian, or none), so the words are written here; the Cyrillic ones are the transliteration
// of the Latin (test/contract/format.test.ts checks it; written out, so the widget's bills view
// does not load the transliteration for Latin pages). Date-times are in the runtime's own time
// zone (the resident's, in the browser).
import type { Locale } from './locales.ts';

const MONTHS: Record<Locale, readonly string[]> = {
  'sr-Latn': [
    'januar',
    'februar',
    'mart',
    'april',
    'maj',
    'jun',
    'jul',
    'avgust',
    'septembar',
    'oktobar',
    'novembar',
    'decembar',
  ],
  'sr-Cyrl': [
    'јануар',
    'фебруар',
    'март',
    'април',
    'мај',
    'јун',
    'јул',
    'август',
    'септембар',
    'октобар',
    'новембар',
    'децембар',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};
/** Serbian words of the figures: the currency, and "at" before a time of day. */
const WORDS = { 'sr-Latn': { din: 'din.', at: 'u' }, 'sr-Cyrl': { din: 'дин.', at: 'у' } } as const;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "1860" → "1.860" (sr) or "1,860" (en). */
const grouped = (digits: string, separator: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** 1860 → "1.860,00 din." (sr-Latn), "1.860,00 дин." (sr-Cyrl), "RSD 1,860.00" (en). */
export function formatMoney(rsd: number, locale: Locale): string {
  const para = Math.round(Math.abs(rsd) * 100);
  const sign = rsd < 0 && para > 0 ? '-' : '';
  const whole = String(Math.floor(para / 100));
  const cents = pad2(para % 100);
  if (locale === 'en') return `${sign}RSD ${grouped(whole, ',')}.${cents}`;
  return `${sign}${grouped(whole, '.')},${cents} ${WORDS[locale].din}`;
}

/** [year, month 1–12, day] of "YYYY-MM-DD" (or of "YYYY-MM", day 0), or null. */
function parts(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? [Number(m[1]), month, Number(m[3] ?? 0)] : null;
}

function dayMonthYear(year: number, month: number, day: number, locale: Locale): string {
  return locale === 'en' ? `${day} ${MONTHS.en[month - 1].slice(0, 3)} ${year}` : `${day}. ${month}. ${year}.`;
}

/** "2026-12-20" → "20. 12. 2026." (sr), "20 Dec 2026" (en); anything else is returned as it is. */
export function formatDate(iso: string, locale: Locale): string {
  const p = parts(iso);
  return p?.[2] ? dayMonthYear(p[0], p[1], p[2], locale) : iso;
}

/** "2026-11" → "novembar 2026." (sr-Latn), "новембар 2026." (sr-Cyrl), "November 2026" (en). */
export function formatPeriod(period: string, locale: Locale): string {
  const p = parts(period);
  if (!p || p[2]) return period;
  return `${MONTHS[locale][p[1] - 1]} ${p[0]}${locale === 'en' ? '' : '.'}`;
}

/** A moment's time of day: "14:05" in every locale. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** A moment: "20. 12. 2026. u 14:05" (sr-Latn), "20. 12. 2026. у 14:05" (sr-Cyrl), "20 Dec 2026, 14:05" (en). */
export function formatDateTime(ms: number, locale: Locale): string {
  const d = new Date(ms);
  const date = dayMonthYear(d.getFullYear(), d.getMonth() + 1, d.getDate(), locale);
  return locale === 'en' ? `${date}, ${formatTime(ms)}` : `${date} ${WORDS[locale].at} ${formatTime(ms)}`;
}
