// The second utility (demo/vodovod/utility.json) by configuration alone: its bills import under its
// code format and reference model (00), its slips and IPS QR codes carry its payee, account, payment
// code and references, the total takes its template, its PDF and mails its name, colour and contact.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../../worker/src/config.ts';
import { readUtilityConfig } from '../../worker/node/utility-file.ts';
import { parseBillsCsv } from '../../worker/src/bills/import.ts';
import { billDetail, totalSlip } from '../../worker/src/bills/view.ts';
import { ipsQrProblems } from '../../worker/src/bills/ips-qr.ts';
import { billLayout, pdfIssuer } from '../../worker/src/bills/pdf/bill.ts';
import { renderMail } from '../../worker/src/mail/templates.ts';
import { dejaVuFonts } from '../../worker/node/files.ts';
import type { bills } from '../../worker/src/db/schema.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const vodovod = readUtilityConfig({ UTILITY_CONFIG: resolve(ROOT, 'demo/vodovod/utility.json') });
const config = loadConfig({ APP_ENV: 'development' }, vodovod);
const csv = readFileSync(resolve(ROOT, 'demo/vodovod/bills.csv'), 'utf8');
const payer = { name: 'Vesna Ilić', address: 'Vodovodska 14, 23999 Primerovac' };

type Bill = typeof bills.$inferSelect;
const record = (r: ReturnType<typeof parseBillsCsv>['rows'][number], i: number): Bill => ({
  id: `b${i}`,
  consumerCode: r.code,
  period: r.period,
  issueDate: r.issueDate,
  dueDate: r.dueDate,
  amount: r.amount,
  balance: r.balance,
  payeeAccount: r.payeeAccount,
  reference: r.reference,
  items: JSON.stringify(r.items),
  paidAt: r.paidAt,
  pdfKey: null,
  createdAt: 0,
  updatedAt: 0,
});

describe('the second utility (demo/vodovod)', () => {
  const parsed = parseBillsCsv(csv, vodovod.consumerCode.pattern, vodovod.payment.model);
  const mine = parsed.rows.filter((r) => r.code === 'VD-104731').map(record);

  it('imports its bills: letters in the code, references without a model (00), a model-97 reference refused', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(24);
    expect(mine.map((b) => b.reference)).toEqual(['104731-202609', '104731-202610', '104731-202611']);
    const wrong = csv.split('\n').slice(0, 2).join('\n').replace('104731-202609', '97104731202609A');
    expect(parseBillsCsv(wrong, vodovod.consumerCode.pattern, '00').errors[0].reason).toBe(
      'reference fails the model 00 check',
    );
  });

  it('puts its payee, account, payment code and model-00 reference on the slip and in the IPS QR code', () => {
    const d = billDetail(config, mine[2] as Bill, payer);
    expect(d.slip).toMatchObject({
      payee: 'JKP Vodovod Primer, Vodovodska 3, Primerovac',
      account: '205-0000000123456-66',
      model: '00',
      reference: '104731-202611',
      paymentCode: '289',
      purpose: 'Voda za novembar 2026.',
    });
    expect(d.ipsQr).toContain('|R:205000000012345666|N:JKP Vodovod Primer\r\nVodovodska 3, Primerovac|');
    expect(d.ipsQr).toContain('|SF:289|S:Voda za novembar 2026.|RO:00104731-202611');
    expect(ipsQrProblems(d.ipsQr)).toEqual([]);
  });

  it('takes the unpaid bills in one payment with the reference its template makes ({digits})', () => {
    const unpaid = mine.filter((b) => b.paidAt === null);
    expect(unpaid).toHaveLength(2);
    const total = totalSlip(config, 'VD-104731', unpaid, payer)!;
    expect(total.slip).toMatchObject({
      amount: 3150,
      model: '00',
      reference: '104731',
      purpose: 'Voda, dug za VD-104731',
    });
    expect(total.ipsQr).toContain('|RO:00104731');
    expect(ipsQrProblems(total.ipsQr)).toEqual([]);
  });

  it('prints its name, legal name and contact on the PDF, in both scripts', async () => {
    const d = billDetail(config, mine[2] as Bill, payer);
    const bill = {
      ...d,
      utility: vodovod.name,
      issuer: pdfIssuer(vodovod),
      consumer: { code: 'VD-104731', ...payer },
    };
    const latin = (await billLayout(await dejaVuFonts(), bill, 'sr-Latn')).runs.map((r) => r.text).join('\n');
    expect(latin).toContain('JKP Vodovod Primer');
    expect(latin).toContain('Javno komunalno preduzeće Vodovod Primer');
    expect(latin).toContain('013 000 100');
    expect(latin).toContain('205-0000000123456-66');
    expect(latin).not.toMatch(/Ruma|Stambeno/);
    const cyrillic = (await billLayout(await dejaVuFonts(), bill, 'sr-Cyrl')).runs.map((r) => r.text).join('\n');
    expect(cyrillic).toContain('ЈКП Водовод Пример');
    expect(pdfIssuer(vodovod).color).toBe('#00695c');
  });

  it('signs its mails with its name, colour, contact and logo, from its sender', () => {
    const m = renderMail('confirm', 'sr-Cyrl', {
      name: 'Vesna',
      link: 'https://www.vodovod-primer.example/portal#x',
      utility: { ...vodovod, logo: '/logo.png' },
    });
    expect(m.subject).toContain('ЈКП Водовод Пример');
    expect(m.html).toContain('background:#00695c');
    expect(m.html).toContain('<img src="https://www.vodovod-primer.example/logo.png"');
    expect(m.text).toContain('013 000 100');
    expect(`${m.subject}${m.text}${m.html}`).not.toMatch(/Ruma|Рума|Stambeno|Стамбено/);
    expect([config.mailFrom, config.mailFromName]).toEqual(['portal@vodovod-primer.example', 'JKP Vodovod Primer']);
  });
});
