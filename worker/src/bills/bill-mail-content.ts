// What a bill mail says: one bill to one account, in its locale, with the payment data, the IPS
// QR code as a PNG, the bill's PDF and a one-click unsubscribe link. Pure rendering: who gets a
// mail and when is bill-mail.ts's.
import type { Deps } from '../ports.ts';
import { toLocale, type Locale } from '../../../contract/locales.ts';
import { latinToCyrillic } from '../../../contract/translit.ts';
import { formatDate, formatMoney, formatPeriod } from '../../../contract/format.ts';
import { esc, GREETING, type RenderedMail } from '../mail/templates.ts';
import { paymentSlip, billDetail } from './view.ts';
import { billPdf } from './pdf.ts';
import { qrPng } from './qr-image.ts';
import { unsubscribeToken } from './unsubscribe.ts';
import type { bills } from '../db/schema.ts';

export type Bill = typeof bills.$inferSelect;

interface Labels {
  subject: string;
  intro: string;
  amount: string;
  due: string;
  payee: string;
  account: string;
  reference: string;
  purpose: string;
  scan: string;
  open: string;
  stop: string;
}

// `period` is in words ("novembar 2026.", "November 2026"); its own dot ends a Serbian sentence.
const LATN = (period: string, utility: string): Labels => ({
  subject: `Račun za ${period} — ${utility}`,
  intro: `stigao je Vaš račun za ${period}`,
  amount: 'Iznos',
  due: 'Rok plaćanja',
  payee: 'Primalac',
  account: 'Račun primaoca',
  reference: 'Model i poziv na broj',
  purpose: 'Svrha',
  scan: 'Račun možete platiti skeniranjem IPS QR koda iz priloga u aplikaciji Vaše banke.',
  open: 'Sve račune možete videti na portalu:',
  stop: 'Ako ne želite više da primate račune e-mailom, odjavite se ovde:',
});
const EN = (period: string, utility: string): Labels => ({
  subject: `Your bill for ${period} — ${utility}`,
  intro: `your bill for ${period} has arrived.`,
  amount: 'Amount',
  due: 'Due date',
  payee: 'Payee',
  account: 'Payee account',
  reference: 'Model and reference',
  purpose: 'Purpose',
  scan: "You can pay it by scanning the attached IPS QR code in your bank's app.",
  open: 'All your bills are on the portal:',
  stop: 'To stop receiving bills by e-mail, unsubscribe here:',
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

export async function renderBillMail(
  deps: Deps,
  bill: Bill,
  account: { id: string; name: string; locale: string },
  consumer: { name: string; address: string },
): Promise<RenderedMail> {
  const locale = toLocale(account.locale);
  const { config } = deps;
  const { slip, ipsQr } = paymentSlip(config, bill, consumer);
  const l = labels(locale, account.name, bill.period, config.utility.name);
  const token = await unsubscribeToken(config, account.id);
  const stopLink = new URL(config.portalUrl);
  stopLink.searchParams.set('unsubscribe', token);
  const oneClick = `${config.apiUrl}/api/email-bills/unsubscribe?token=${encodeURIComponent(token)}`;
  // Values shown to the reader follow the script; the QR code itself keeps the billing system's text.
  const script = (s: string) => (locale === 'sr-Cyrl' ? latinToCyrillic(s) : s);
  const utility = script(config.utility.name);
  const rows: [string, string][] = [
    [l.amount, formatMoney(slip.amount, locale)],
    [l.due, formatDate(bill.dueDate, locale)],
    [l.payee, script(slip.payee)],
    [l.account, slip.account],
    [l.reference, `97 ${slip.reference}`],
    [l.purpose, script(slip.purpose)],
  ];
  const text = [
    l.greeting,
    '',
    l.intro,
    '',
    ...rows.map(([k, v]) => `${k}: ${v}`),
    '',
    l.scan,
    '',
    l.open,
    config.portalUrl,
    '',
    l.stop,
    stopLink.toString(),
    '',
    utility,
    '',
  ].join('\n');
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${esc(l.subject)}</title></head>` +
    `<body style="font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5;max-width:560px;margin:0 auto;padding:16px">` +
    `<p style="font-weight:bold;color:#0b5394">${esc(utility)}</p><p>${esc(l.greeting)}</p><p>${esc(l.intro)}</p>` +
    `<table style="border-collapse:collapse">${rows.map(([k, v]) => `<tr><th style="text-align:left;padding:4px 12px 4px 0">${esc(k)}</th><td style="padding:4px 0">${esc(v)}</td></tr>`).join('')}</table>` +
    `<p>${esc(l.scan)}</p><p>${esc(l.open)} <a href="${esc(config.portalUrl)}">${esc(config.portalUrl)}</a></p>` +
    `<p style="font-size:13px;color:#444">${esc(l.stop)} <a href="${esc(stopLink.toString())}">${esc(stopLink.toString())}</a></p></body></html>`;
  // The bill itself: the billing system's PDF when it sent one, else the portal's.
  const pdf =
    (bill.pdfKey ? await deps.files.get(bill.pdfKey) : null) ??
    (await billPdf(
      await deps.fonts(),
      {
        ...billDetail(config, bill, consumer),
        utility: config.utility.name,
        consumer: { code: bill.consumerCode, ...consumer },
      },
      locale,
    ));
  return {
    subject: l.subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    attachments: [
      { filename: `ips-qr-${bill.period}.png`, type: 'image/png', content: base64(qrPng(ipsQr)) },
      { filename: `racun-${bill.consumerCode}-${bill.period}.pdf`, type: 'application/pdf', content: base64(pdf) },
    ],
  };
}

function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
