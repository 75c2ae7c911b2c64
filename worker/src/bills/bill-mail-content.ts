// What a bill mail says: one bill to one account, in its locale — which consumer code and address
// it is for (a resident may have two flats), the amount and due date first, the payment data, the
// IPS QR code shown in the mail (an inline part, `cid:`; Gmail refuses data: images) and attached
// as a PNG, the bill's PDF, a one-click unsubscribe link and the utility's contact. Pure
// rendering: who gets a mail and when is bill-mail.ts's.
import { billPdfName } from '../../../contract/file-names.ts';
import type { Deps } from '../ports.ts';
import { toLocale, type Locale } from '../../../contract/locales.ts';
import { latinToCyrillic } from '../../../contract/translit.ts';
import { formatDate, formatMoney, formatPeriod } from '../../../contract/format.ts';
import { GREETING, type RenderedMail } from '../mail/templates.ts';
import { button, contactText, esc, inScript, mailPage, para } from '../mail/layout.ts';
import { paymentSlip, billDetail } from './view.ts';
import { billPdf, pdfIssuer } from './pdf/bill.ts';
import { qrPng } from './qr-image.ts';
import { unsubscribeToken } from './unsubscribe.ts';
import { withLocale } from '../mail/locale-link.ts';
import type { bills } from '../db/schema.ts';

export type Bill = typeof bills.$inferSelect;

/** The Content-ID of the QR code's inline part, as the HTML's `<img src="cid:…">` names it. */
export const QR_CONTENT_ID = 'ips-qr';

interface Labels {
  subject: string;
  intro: string;
  code: string;
  address: string;
  amount: string;
  older: string;
  olderTotal: string;
  olderLink: string;
  due: string;
  howTo: string;
  scan: string;
  scanText: string;
  onPhone: string;
  qrAlt: string;
  slip: string;
  payee: string;
  account: string;
  reference: string;
  paymentCode: string;
  purpose: string;
  pdf: string;
  open: string;
  portal: string;
  stop: string;
  stopAsk: string;
  stopLink: string;
  sig: string;
}

// `period` is in words ("novembar 2026.", "November 2026"); its own dot ends a Serbian sentence.
const LATN = (period: string, utility: string): Labels => ({
  subject: `Račun za ${period} — ${utility}`,
  intro: `šaljemo Vam račun za ${period}`,
  code: 'Šifra potrošača',
  address: 'Adresa',
  amount: 'Za uplatu ovom uplatnicom',
  older: 'Imate još {n} iz ranijih meseci ({sum}). Ova uplatnica plaća samo ovaj račun.',
  olderTotal: 'Ukupno neplaćeno, sa ovim računom: {total}.',
  olderLink: 'Pogledajte neplaćene račune',
  due: 'Rok plaćanja',
  howTo: 'Kako da platite',
  scan: 'U aplikaciji Vaše banke izaberite „IPS skeniraj“ i skenirajte ovaj kod. Kod je i u prilogu poruke.',
  scanText:
    'Račun možete platiti u aplikaciji Vaše banke: izaberite „IPS skeniraj“ i skenirajte IPS QR kod iz priloga.',
  onPhone:
    'Ako poruku čitate na telefonu, sačuvajte sliku koda iz priloga, pa je u aplikaciji banke učitajte iz galerije.',
  qrAlt: 'IPS QR kod za plaćanje ovog računa',
  slip: 'Ili platite uplatnicom, u banci ili pošti, sa ovim podacima:',
  payee: 'Primalac',
  account: 'Račun primaoca',
  reference: 'Model i poziv na broj',
  paymentCode: 'Šifra plaćanja',
  purpose: 'Svrha',
  pdf: 'Račun u PDF obliku je u prilogu.',
  open: 'Sve račune možete videti na portalu:',
  portal: 'Otvorite portal',
  stop: 'Ako ne želite više da primate račune e-mailom, isključite ih ovde:',
  stopAsk: 'Ne želite više račune e-mailom?',
  stopLink: 'Isključite račune e-mailom',
  sig: `Srdačan pozdrav,\n${utility}`,
});
const EN = (period: string, utility: string): Labels => ({
  subject: `Your bill for ${period} — ${utility}`,
  intro: `We are sending you your bill for ${period}.`,
  code: 'Consumer code',
  address: 'Address',
  amount: 'To pay with this slip',
  older: 'You also have {n} from earlier months ({sum}). This slip pays this bill only.',
  olderTotal: 'Unpaid in all, with this bill: {total}.',
  olderLink: 'See the unpaid bills',
  due: 'Due date',
  howTo: 'How to pay',
  scan: "In your bank's app, choose “IPS skeniraj” (IPS scan) and scan this code. The code is attached as well.",
  scanText: "You can pay it in your bank's app: choose “IPS skeniraj” (IPS scan) and scan the attached IPS QR code.",
  onPhone:
    "If you are reading this on your phone, save the attached picture of the code and open it from the gallery in your bank's app.",
  qrAlt: 'IPS QR code to pay this bill',
  slip: 'Or pay with a payment slip, at a bank or post office, with these details:',
  payee: 'Payee',
  account: 'Payee account',
  reference: 'Model and reference',
  paymentCode: 'Payment code',
  purpose: 'Purpose',
  pdf: 'The bill is attached as a PDF.',
  open: 'All your bills are on the portal:',
  portal: 'Open the portal',
  stop: 'To stop receiving bills by e-mail, turn them off here:',
  stopAsk: 'No more bills by e-mail?',
  stopLink: 'Stop bills by e-mail',
  sig: `Kind regards,\n${utility}`,
});

// The resident's name is not part of the labels: GREETING adds it after transliteration.
function labels(locale: Locale, name: string, period: string, utility: string): Labels & { greeting: string } {
  if (locale === 'en') return { ...EN(formatPeriod(period, 'en'), utility), greeting: GREETING.en(name) };
  const l = LATN(formatPeriod(period, 'sr-Latn'), utility);
  if (locale === 'sr-Latn') return { ...l, greeting: GREETING['sr-Latn'](name) };
  return {
    ...(Object.fromEntries(Object.entries(l).map(([k, v]) => [k, latinToCyrillic(v)])) as unknown as Labels),
    greeting: GREETING['sr-Cyrl'](name),
  };
}

const LABEL = 'display:block;font-size:14px;color:#555';

/** "2 neplaćena računa", "1 unpaid bill": the count with its noun in the mail's language. */
export function unpaidBillsWords(n: number, locale: Locale): string {
  if (locale === 'en') return `${n} unpaid bill${n === 1 ? '' : 's'}`;
  const one = n % 10 === 1 && n % 100 !== 11;
  const few = n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14);
  const w = `${n} ${one ? 'neplaćen račun' : few ? 'neplaćena računa' : 'neplaćenih računa'}`;
  return locale === 'sr-Cyrl' ? latinToCyrillic(w) : w;
}

/** The consumer's older unpaid bills a bill mail names (none when the bill's slip pays all there is). */
export type OlderBills = Pick<Bill, 'id' | 'period' | 'amount' | 'dueDate'>[];

/** Label above value, one row each: it fits a 320 px screen whatever the words. */
function rows(items: [string, string][], strong = false): string {
  return (
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 16px">` +
    items
      .map(
        ([k, v]) =>
          `<tr><td style="padding:7px 0;border-bottom:1px solid #e3e6ea"><span style="${LABEL}">${esc(k)}</span>` +
          `<span style="font-size:${strong ? 18 : 16}px;font-weight:bold">${esc(v)}</span></td></tr>`,
      )
      .join('') +
    `</table>`
  );
}

export async function renderBillMail(
  deps: Deps,
  bill: Bill,
  account: { id: string; name: string; locale: string },
  consumer: { name: string; address: string },
  older: OlderBills = [],
): Promise<RenderedMail> {
  const locale = toLocale(account.locale);
  const { config } = deps;
  const u = config.utility;
  const { slip, ipsQr } = paymentSlip(config, bill, consumer);
  const l = labels(locale, account.name, bill.period, u.name);
  const token = await unsubscribeToken(config, account.id);
  const stopLink = new URL(config.portalUrl);
  stopLink.searchParams.set('unsubscribe', token);
  // The portal's links carry the mail's locale (locale-link.ts); the one-click address is the API's.
  const unsubscribeLink = withLocale(stopLink.toString(), locale);
  const portalLink = withLocale(config.portalUrl, locale);
  const oneClick = `${config.apiUrl}/api/email-bills/unsubscribe?token=${encodeURIComponent(token)}`;
  // Values shown to the reader follow the script; the QR code itself keeps the billing system's text.
  const script = inScript(locale);
  const amount = formatMoney(slip.amount, locale);
  const due = formatDate(bill.dueDate, locale);
  const which: [string, string][] = [
    [l.code, bill.consumerCode],
    [l.address, script(consumer.address)],
  ];
  const figures: [string, string][] = [
    [l.amount, amount],
    [l.due, due],
  ];
  // Older unpaid bills: a sentence of their own and the way to them, never added to this slip's amount.
  const detail = billDetail(config, bill, consumer, older);
  const olderWords = older.length
    ? [
        l.older
          .replace('{n}', unpaidBillsWords(older.length, locale))
          .replace('{sum}', formatMoney(detail.older.total, locale)),
        l.olderTotal.replace('{total}', formatMoney(rsdSum(bill.amount, older), locale)).replace(/\.\.$/, '.'),
      ]
    : [];
  const billsLink = withLocale(`${config.portalUrl.replace(/#.*$/, '')}#racuni`, locale);
  const slipRows: [string, string][] = [
    [l.payee, script(slip.payee)],
    [l.account, slip.account],
    [l.reference, `${slip.model} ${slip.reference}`],
    [l.paymentCode, slip.paymentCode],
    [l.purpose, script(slip.purpose)],
  ];
  const line = ([k, v]: [string, string]) => `${k}: ${v}`;
  const text = [
    l.greeting,
    '',
    l.intro,
    '',
    ...which.map(line),
    ...figures.map(line),
    '',
    ...(olderWords.length ? [...olderWords, `${l.olderLink}: ${billsLink}`, ''] : []),
    l.scanText,
    l.onPhone,
    '',
    l.slip,
    ...slipRows.map(line),
    '',
    l.pdf,
    '',
    l.open,
    portalLink,
    '',
    l.stop,
    unsubscribeLink,
    '',
    l.sig,
    '',
    ...contactText(u, locale),
    '',
  ].join('\n');
  const content =
    para(l.greeting) +
    para(l.intro) +
    rows(which) +
    rows(figures, true) +
    (olderWords.length
      ? `<p style="margin:0 0 16px;padding:10px 12px;background:#fff4d6;border-radius:6px">${olderWords.map(esc).join('<br>')}<br>` +
        `<a href="${esc(billsLink)}" style="color:${u.colors.primary};font-weight:bold">${esc(l.olderLink)}</a></p>`
      : '') +
    `<h2 style="margin:22px 0 8px;font-size:18px">${esc(l.howTo)}</h2>` +
    para(l.scan) +
    `<p style="margin:0 0 16px"><img src="cid:${QR_CONTENT_ID}" width="220" height="220" alt="${esc(l.qrAlt)}" ` +
    `style="display:block;width:220px;max-width:100%;height:auto;border:0"></p>` +
    para(l.onPhone, 'font-size:15px;color:#333') +
    para(l.slip) +
    rows(slipRows) +
    para(l.pdf) +
    button(u, locale, portalLink, l.portal) +
    `<p style="margin:18px 0 14px;white-space:pre-line">${esc(l.sig)}</p>` +
    // The unsubscribe link is words only: its address is ~250 characters (the text part has it).
    `<p style="margin:0 0 14px;font-size:14px;color:#444">${esc(l.stopAsk)} ` +
    `<a href="${esc(unsubscribeLink)}" style="color:${u.colors.primary}">${esc(l.stopLink)}</a></p>`;
  const html = mailPage(u, locale, {
    title: l.subject,
    content,
    preheader: `${l.amount}: ${amount} · ${l.due}: ${due} · ${l.code}: ${bill.consumerCode}`,
  });
  // The bill itself: the billing system's PDF when it sent one, else the portal's.
  const pdf =
    (bill.pdfKey ? await deps.files.get(bill.pdfKey) : null) ??
    (await billPdf(
      await deps.fonts(),
      {
        ...detail,
        utility: u.name,
        issuer: pdfIssuer(u),
        consumer: { code: bill.consumerCode, ...consumer },
        // UTC's date: in Serbia's first hour or two of a day, a bill due the day before is not yet marked overdue.
        today: new Date(deps.now()).toISOString().slice(0, 10),
      },
      locale,
    ));
  const qr = base64(qrPng(ipsQr));
  return {
    subject: l.subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    attachments: [
      { filename: `ips-qr-${bill.period}.png`, type: 'image/png', content: qr },
      { filename: billPdfName(bill.consumerCode, bill.period), type: 'application/pdf', content: base64(pdf) },
      // The same code once more as the inline part the HTML shows (an attachment alone is one tap away).
      { filename: `ips-qr-${bill.period}-inline.png`, type: 'image/png', content: qr, contentId: QR_CONTENT_ID },
    ],
  };
}

/** This bill's amount and the older ones', summed in para, in RSD. */
const rsdSum = (para: number, older: OlderBills) => Math.round(older.reduce((s, o) => s + o.amount, para)) / 100;

function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
