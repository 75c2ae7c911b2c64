// The bill PDF as it was made before (pdf-lib, DejaVu Sans subset by fontkit for every PDF), kept
// only as the benchmark's baseline (test/bench/pdf.ts); the portal uses worker/src/bills/pdf/bill.ts.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { encode as encodeQr } from 'uqr';
import type { Locale } from '../../contract/locales.ts';
import { latinToCyrillic } from '../../contract/translit.ts';
import { formatDate, formatMoney, formatPeriod } from '../../contract/format.ts';
import type { BillSummary } from '../../contract/responses.ts';

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** What the PDF shows: the bill's summary fields (as the API gives them), its items, the slip and the QR. */
export interface PdfBill extends Pick<BillSummary, 'period' | 'issueDate' | 'dueDate' | 'amount' | 'balance' | 'paid'> {
  utility: string;
  consumer: { code: string; name: string; address: string };
  items: { description: string; amount: number }[];
  slip: { payee: string; account: string; amount: number; reference: string; paymentCode: string; purpose: string };
  ipsQr: string;
}

const LATN = {
  title: 'Račun za',
  consumer: 'Potrošač',
  code: 'Šifra potrošača',
  issued: 'Datum izdavanja',
  due: 'Rok plaćanja',
  item: 'Stavka',
  amount: 'Iznos',
  total: 'Ukupno za uplatu',
  balance: 'Ukupno dugovanje',
  paid: 'Plaćeno',
  slip: 'Nalog za uplatu',
  payee: 'Primalac',
  account: 'Račun primaoca',
  model: 'Model i poziv na broj',
  code2: 'Šifra plaćanja',
  purpose: 'Svrha uplate',
  scan: 'Platite skeniranjem IPS QR koda u aplikaciji Vaše banke.',
};
type Labels = typeof LATN;
const EN: Labels = {
  title: 'Bill for',
  consumer: 'Consumer',
  code: 'Consumer code',
  issued: 'Issue date',
  due: 'Due date',
  item: 'Item',
  amount: 'Amount',
  total: 'Total to pay',
  balance: 'Total balance',
  paid: 'Paid',
  slip: 'Payment slip',
  payee: 'Payee',
  account: 'Payee account',
  model: 'Model and reference',
  code2: 'Payment code',
  purpose: 'Purpose',
  scan: "Pay by scanning the IPS QR code in your bank's app.",
};

export async function billPdf(fonts: PdfFonts, b: PdfBill, locale: Locale): Promise<Uint8Array> {
  const cyr = locale === 'sr-Cyrl';
  const l: Labels =
    locale === 'en'
      ? EN
      : cyr
        ? (Object.fromEntries(Object.entries(LATN).map(([k, v]) => [k, latinToCyrillic(v)])) as Labels)
        : LATN;
  const t = (s: string) => (cyr ? latinToCyrillic(s) : s);
  const money = (n: number) => formatMoney(n, locale);
  const title = `${l.title} ${formatPeriod(b.period, locale)}`;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  doc.setTitle(`${title} — ${t(b.utility)}`);
  doc.setProducer(t(b.utility));
  const page = doc.addPage([595.28, 841.89]);
  const ink = rgb(0.1, 0.1, 0.1);
  const brand = rgb(0.043, 0.325, 0.58);
  const text = (s: string, x: number, y: number, size = 10, font: PDFFont = regular, color = ink) =>
    page.drawText(s, { x, y, size, font, color });
  const right = (s: string, x: number, y: number, size = 10, font: PDFFont = regular) =>
    text(s, x - font.widthOfTextAtSize(s, size), y, size, font);

  text(t(b.utility), 50, 790, 16, bold, brand);
  text(title, 50, 760, 14, bold);
  let y = 730;
  for (const [k, v] of [
    [l.consumer, b.consumer.name],
    ['', b.consumer.address],
    [l.code, b.consumer.code],
    [l.issued, formatDate(b.issueDate, locale)],
    [l.due, formatDate(b.dueDate, locale)],
  ]) {
    if (k) text(k, 50, y, 10, bold);
    text(v, 180, y);
    y -= 16;
  }
  y -= 12;
  text(l.item, 50, y, 10, bold);
  right(l.amount, 545, y, 10, bold);
  page.drawLine({ start: { x: 50, y: y - 5 }, end: { x: 545, y: y - 5 }, thickness: 0.5, color: ink });
  y -= 20;
  for (const item of b.items) {
    text(t(item.description), 50, y);
    right(money(item.amount), 545, y);
    y -= 16;
  }
  page.drawLine({ start: { x: 50, y: y + 10 }, end: { x: 545, y: y + 10 }, thickness: 0.5, color: ink });
  y -= 6;
  text(l.total, 50, y, 11, bold);
  right(money(b.amount), 545, y, 11, bold);
  y -= 18;
  text(b.paid ? l.paid : l.balance, 50, y);
  right(b.paid ? '✓' : money(b.balance), 545, y);

  drawSlip(page, { regular, bold }, b, l, t, money, Math.min(y - 40, 420));
  return doc.save();
}

function drawSlip(
  page: PDFPage,
  f: { regular: PDFFont; bold: PDFFont },
  b: PdfBill,
  l: Labels,
  t: (s: string) => string,
  money: (n: number) => string,
  top: number,
) {
  const ink = rgb(0.1, 0.1, 0.1);
  page.drawRectangle({ x: 50, y: top - 250, width: 495, height: 250, borderColor: ink, borderWidth: 0.75 });
  page.drawText(l.slip, { x: 62, y: top - 22, size: 12, font: f.bold, color: ink });
  let y = top - 48;
  const rows: [string, string][] = [
    [l.payee, t(b.slip.payee)],
    [l.account, b.slip.account],
    [l.amount, money(b.slip.amount)],
    [l.model, `97  ${b.slip.reference}`],
    [l.code2, b.slip.paymentCode],
    [l.purpose, t(b.slip.purpose)],
  ];
  for (const [k, v] of rows) {
    page.drawText(k, { x: 62, y, size: 8, font: f.regular, color: rgb(0.3, 0.3, 0.3) });
    page.drawText(v, { x: 62, y: y - 12, size: 10, font: f.bold, color: ink });
    y -= 31;
  }
  // The QR code as vector squares, so it stays sharp at any zoom and print size.
  const { data, size } = encodeQr(b.ipsQr, { ecc: 'M', border: 2 });
  const side = 170;
  const cell = side / size;
  const x0 = 545 - 12 - side;
  const y0 = top - 30 - side;
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++)
      if (data[r][c])
        page.drawRectangle({
          x: x0 + c * cell,
          y: y0 + (size - 1 - r) * cell,
          width: cell + 0.05,
          height: cell + 0.05,
          color: rgb(0, 0, 0),
        });
  const scan = l.scan;
  const width = f.regular.widthOfTextAtSize(scan, 7);
  page.drawText(scan, {
    x: Math.max(300, x0 + side / 2 - width / 2),
    y: y0 - 14,
    size: 7,
    font: f.regular,
    color: ink,
  });
}
