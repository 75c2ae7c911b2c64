// The words of the bill PDF in Serbian Latin and English; Cyrillic is their transliteration, as for
// every other text (contract/translit.ts). The slip's words are the printed NBS form's own.
import type { Locale } from '../../../../contract/locales.ts';
import { latinToCyrillic } from '../../../../contract/translit.ts';

const LATN = {
  title: 'Račun za {period}',
  issued: 'Datum izdavanja',
  due: 'Rok plaćanja',
  reference: 'Poziv na broj',
  period: 'Obračunski period',
  consumer: 'Potrošač',
  code: 'Šifra potrošača',
  pib: 'PIB',
  mb: 'MB',
  phone: 'Tel.',
  item: 'Stavka',
  amount: 'Iznos',
  total: 'Iznos računa',
  older: 'Dug iz ranijih računa ({which}), plaća se njihovim uplatnicama',
  olderCount: 'ukupno {n}',
  paidLine: 'Plaćeno',
  unpaid: 'NEPLAĆENO',
  unpaidNote: 'Molimo Vas da platite do {due}.',
  overdue: 'ROK PLAĆANJA JE ISTEKAO',
  overdueNote: 'Rok plaćanja bio je {due}. Molimo Vas da platite što pre.',
  paid: 'PLAĆENO',
  paidNote: 'Uplata je evidentirana {date}. Hvala.',
  paidNoteUndated: 'Uplata je evidentirana. Hvala.',
  toPay: 'Za uplatu ovom uplatnicom',
  moreItems: '… i još {n} stavki',
  help: 'Pitanja o računu: {phone}, {hours}; {email}',
  slip: 'NALOG ZA UPLATU',
  payer: 'uplatilac',
  purpose: 'svrha uplate',
  payee: 'primalac',
  signature: 'pečat i potpis uplatioca',
  placeDate: 'mesto i datum prijema',
  valueDate: 'datum valute',
  paymentCode: 'šifra plaćanja',
  currency: 'valuta',
  slipAmount: 'iznos',
  account: 'račun primaoca',
  model: 'model',
  slipReference: 'poziv na broj (odobrenje)',
  scan: 'Platite skeniranjem IPS QR koda u aplikaciji Vaše banke.',
  slipPaid: 'Ovaj račun je plaćen. Ne plaćajte ga ponovo.',
};
export type PdfLabels = typeof LATN;

const EN: PdfLabels = {
  title: 'Bill for {period}',
  issued: 'Issue date',
  due: 'Due date',
  reference: 'Reference',
  period: 'Billing period',
  consumer: 'Consumer',
  code: 'Consumer code',
  pib: 'Tax ID (PIB)',
  mb: 'Reg. no. (MB)',
  phone: 'Phone',
  item: 'Item',
  amount: 'Amount',
  total: 'Amount of this bill',
  older: 'Older unpaid bills ({which}), paid with their own slips',
  olderCount: '{n} bills',
  paidLine: 'Paid',
  unpaid: 'UNPAID',
  unpaidNote: 'Please pay by {due}.',
  overdue: 'OVERDUE',
  overdueNote: 'The due date was {due}. Please pay as soon as possible.',
  paid: 'PAID',
  paidNote: 'Payment recorded on {date}. Thank you.',
  paidNoteUndated: 'Payment recorded. Thank you.',
  toPay: 'To pay with this slip',
  moreItems: '… and {n} more items',
  help: 'Questions about the bill: {phone}, {hours}; {email}',
  slip: 'PAYMENT ORDER',
  payer: 'payer',
  purpose: 'purpose of payment',
  payee: 'payee',
  signature: "payer's stamp and signature",
  placeDate: 'place and date of receipt',
  valueDate: 'value date',
  paymentCode: 'payment code',
  currency: 'currency',
  slipAmount: 'amount',
  account: 'payee account',
  model: 'model',
  slipReference: 'reference number',
  scan: "Pay by scanning the IPS QR code in your bank's app.",
  slipPaid: 'This bill is paid. Do not pay it again.',
};

const CYRL = Object.fromEntries(Object.entries(LATN).map(([k, v]) => [k, latinToCyrillic(v)])) as PdfLabels;

export function pdfLabels(locale: Locale): PdfLabels {
  return locale === 'en' ? EN : locale === 'sr-Cyrl' ? CYRL : LATN;
}

/** "{due}" and the like filled in. */
export function fill(template: string, values: Record<string, string>): string {
  // A date ends with its own full stop in Serbian ("20. 12. 2026."): no second one after it.
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m).replace(/\.\./g, '.');
}
