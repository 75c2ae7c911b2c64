// Bills for the PDF tests: the demo bill, and the hardest a bill can get — a long name and
// address, long item words, many items — with the fonts as the Node entry loads them.
import { type PdfBill, pdfIssuer } from '../../../worker/src/bills/pdf/bill.ts';
import type { UtilityConfig } from '../../../contract/utility-config.ts';
import ruma from '../../../config/utility.json' with { type: 'json' };

export const BILL: PdfBill = {
  period: '2026-11',
  issueDate: '2026-12-05',
  dueDate: '2026-12-20',
  amount: 1860,
  balance: 1860,
  paid: false,
  paidAt: null,
  utility: 'JP Stambeno Ruma',
  issuer: pdfIssuer(ruma as UtilityConfig),
  consumer: { code: '104521', name: 'Milica Jovanović', address: 'Glavna 12, 22400 Ruma' },
  items: [
    { description: 'Održavanje zgrade', amount: 1100 },
    { description: 'Čišćenje zajedničkih prostorija', amount: 450 },
    { description: 'Odnošenje smeća', amount: 310 },
  ],
  slip: {
    payee: 'JP Stambeno Ruma, Ruma',
    account: '160-0000001234567-29',
    amount: 1860,
    reference: '26104521202611',
    paymentCode: '189',
    purpose: 'Račun za novembar 2026.',
  },
  ipsQr:
    'K:PR|V:01|C:1|R:160000000123456729|N:JP Stambeno Ruma\r\nRuma|I:RSD1860,00|P:Milica Jovanović\r\nGlavna 12, 22400 Ruma|SF:189|S:Račun za novembar 2026.|RO:9726104521202611',
};

export const LONG: PdfBill = {
  ...BILL,
  amount: 1234567.89,
  balance: 1234567.89,
  consumer: {
    code: '1045219876',
    name: 'Aleksandra Šćepanović-Đorđević Vukašinović i Stanislava Živković-Čađenović',
    address:
      'Bulevar oslobođenja vojvođanskih brigada 1234/56, ulaz B, sprat 12, stan 145, 22400 Ruma, Sremski upravni okrug',
  },
  items: [
    { description: 'Održavanje zgrade i zajedničkih instalacija prema ugovoru o upravljanju zgradom', amount: 11000 },
    { description: 'Čišćenje zajedničkih prostorija, stepeništa, podruma i tavana', amount: 4500 },
    { description: 'Naknadazaodržavanjeliftovaiprotivpožarnihaparatabezrazmakaizmeđureči', amount: 3100.5 },
    { description: 'Odnošenje smeća', amount: 1205967.39 },
  ],
  slip: {
    ...BILL.slip,
    amount: 1234567.89,
    payee: 'JP Stambeno Ruma, Javno preduzeće za stambene usluge i upravljanje zgradama, Glavna 1, 22400 Ruma',
    purpose: 'Račun za novembar 2026. sa obračunom zateznih kamata za prethodne periode i troškovima opomene',
  },
};

/** Forty items: more than the page holds at any size; the rest are summed up in one line. */
export const MANY: PdfBill = {
  ...BILL,
  items: Array.from({ length: 40 }, (_, i) => ({ description: `Stavka obračuna broj ${i + 1}`, amount: 46.5 })),
  amount: 1860,
};
