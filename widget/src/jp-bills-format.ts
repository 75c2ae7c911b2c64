// The account area's figures in the page's locale, as the mails and PDFs write them
// (contract/format.ts), the billing system's Latin words in the page's script, and a bill's
// state in words: paid, to pay, or overdue (the due date is before today, the resident's today).
import { msg } from '@lit/localize';
import { getLocale, inScript } from './localize.js';
import { formatDate, formatDateTime, formatMoney, formatPeriod } from '../../contract/format.ts';
import type { Locale } from '../../contract/locales.ts';
import type { BillSummary } from '../../contract/responses.ts';

const locale = () => getLocale() as Locale;
export const money = (n: number) => formatMoney(n, locale());
/** Dates and date-times never break inside ("7. 12. 2026." stays on one line): no-break spaces. */
const whole = (s: string) => s.replace(/ /g, '\u00a0');
export const date = (iso: string) => whole(formatDate(iso, locale()));
export const moment = (ms: number) => whole(formatDateTime(ms, locale()));
export const period = (p: string) => formatPeriod(p, locale());
/** Item descriptions, the payee, the purpose, names and addresses: configured or imported in Latin. */
export const words = (latin: string) => inScript(latin);

/** Today as YYYY-MM-DD in the resident's time zone. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type BillState = 'paid' | 'due' | 'overdue';

export function billState(b: Pick<BillSummary, 'paid' | 'dueDate'>, on = today()): BillState {
  if (b.paid) return 'paid';
  return b.dueDate < on ? 'overdue' : 'due';
}

export function stateText(s: BillState): string {
  if (s === 'paid') return msg('Plaćeno');
  if (s === 'overdue') return msg('Nije plaćeno, rok je prošao');
  return msg('Nije plaćeno');
}
