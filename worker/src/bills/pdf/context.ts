// What the bill PDF is made from (the bill as the API gives it, the payer, the issuer from the
// utility's configuration) and everything put in words once for the page and the slip: labels,
// dates, money and the period per locale (contract/format.ts), paid / unpaid / overdue.
import type { Locale } from '../../../../contract/locales.ts';
import { latinToCyrillic } from '../../../../contract/translit.ts';
import { formatDate, formatMoney, formatPeriod } from '../../../../contract/format.ts';
import type { BillSummary, PaymentSlip } from '../../../../contract/responses.ts';
import type { UtilityConfig } from '../../../../contract/utility-config.ts';
import { fill, type PdfLabels, pdfLabels } from './labels.ts';

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** The utility as the bill's issuer: its configuration's `issuer`, `contact` and `website`. */
export interface PdfIssuer {
  name: string;
  legalName?: string;
  address: string;
  pib: string;
  mb: string;
  phone: string;
  email: string;
  website: string;
  /** Office hours in Serbian Latin and English. */
  hours: { 'sr-Latn': string; en: string };
  /** The utility's colour (#rrggbb): its name and the rule under the header. */
  color: string;
}

/** What the PDF shows: the bill's summary fields (as the API gives them), its items, the slip and the QR. */
export interface PdfBill
  extends Pick<BillSummary, 'period' | 'issueDate' | 'dueDate' | 'amount' | 'balance' | 'paid'>,
    Partial<Pick<BillSummary, 'paidAt'>> {
  utility: string;
  consumer: { code: string; name: string; address: string };
  items: { description: string; amount: number }[];
  slip: Pick<PaymentSlip, 'payee' | 'account' | 'amount' | 'reference' | 'paymentCode' | 'purpose'> &
    Partial<PaymentSlip>;
  ipsQr: string;
  /** The issuer: the configured utility (`pdfIssuer`). */
  issuer: PdfIssuer;
  /** The consumer's older unpaid bills (`BillDetail.older`): a line of its own, not in this slip. */
  older?: { bills: { period: string }[]; total: number };
  /** Today (`YYYY-MM-DD`, the entry's clock): an unpaid bill past its due date is marked overdue. */
  today?: string;
}

/** The issuer block of a utility's configuration. */
export function pdfIssuer(u: UtilityConfig): PdfIssuer {
  return {
    name: u.name,
    legalName: u.issuer.legalName,
    address: u.contact.address,
    pib: u.issuer.pib,
    mb: u.issuer.mb,
    phone: u.contact.phone,
    email: u.contact.email,
    website: u.website,
    hours: u.contact.hours,
    color: u.colors.primary,
  };
}

/** Serbian Latin words only (no q, w, x, y, no other accents): a name like "Kovács" stays as written. */
const SERBIAN_LATIN = /^[A-PR-VZa-pr-vzČĆĐŠŽčćđšž0-9\s.,;:/()'"„“”–—-]*$/;
const serbianToCyrillic = (s: string) => (SERBIAN_LATIN.test(s) ? latinToCyrillic(s) : s);

export interface BillContext {
  b: PdfBill & { slip: PaymentSlip };
  locale: Locale;
  l: PdfLabels;
  issuer: PdfIssuer;
  /** The office hours in the PDF's language. */
  hours: string;
  /** The configuration's Latin words in the PDF's script. */
  t: (s: string) => string;
  money: (n: number) => string;
  /** The amount alone, for the slip's own currency box: "1.860,00". */
  figure: (n: number) => string;
  date: (iso: string) => string;
  title: string;
  /** The billing period in words: "novembar 2026.". */
  period: string;
  /** The older unpaid bills' line ("Dug iz ranijih računa (oktobar 2026.)…"), or null when there are none. */
  older: string | null;
  /** The payer's name and address, in Cyrillic too when they are plain Serbian Latin. */
  payer: { name: string; address: string };
  status: 'paid' | 'unpaid' | 'overdue';
}

/** The older unpaid bills named: their periods when one or two, else how many. */
function olderLine(bill: PdfBill, l: PdfLabels, locale: Locale): string | null {
  const older = bill.older;
  if (bill.paid || !older || older.bills.length === 0) return null;
  const which =
    older.bills.length <= 2
      ? older.bills.map((o) => formatPeriod(o.period, locale)).join(', ')
      : fill(l.olderCount, { n: String(older.bills.length) });
  // "(oktobar 2026.)": the period's own dot stays inside the brackets.
  return fill(l.older, { which });
}

export function billContext(bill: PdfBill, locale: Locale): BillContext {
  const cyr = locale === 'sr-Cyrl';
  const t = (s: string) => (cyr ? latinToCyrillic(s) : s);
  const issuer = bill.issuer;
  const period = formatPeriod(bill.period, locale);
  const l = pdfLabels(locale);
  return {
    b: {
      ...bill,
      slip: {
        payer: `${bill.consumer.name}, ${bill.consumer.address}`,
        currency: 'RSD',
        model: '97',
        ...bill.slip,
        // The purpose as the slip prints it: the period in words of the PDF's language.
        purpose: bill.slip.purpose.replace(bill.period, period),
      },
    },
    locale,
    l,
    issuer,
    hours: locale === 'en' ? issuer.hours.en : t(issuer.hours['sr-Latn']),
    t,
    money: (n) => formatMoney(n, locale),
    figure: (n) =>
      locale === 'en' ? formatMoney(n, locale).replace(/^RSD /, '') : formatMoney(n, locale).replace(/ \S+$/, ''),
    date: (iso) => formatDate(iso, locale),
    title: fill(l.title, { period }),
    period,
    older: olderLine(bill, l, locale),
    payer: {
      name: cyr ? serbianToCyrillic(bill.consumer.name) : bill.consumer.name,
      address: cyr ? serbianToCyrillic(bill.consumer.address) : bill.consumer.address,
    },
    status: bill.paid ? 'paid' : bill.today && bill.today > bill.dueDate ? 'overdue' : 'unpaid',
  };
}
