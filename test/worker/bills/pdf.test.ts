import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { makeHarness, confirmedAccount, ROOT, type Harness } from '../harness.ts';
import { ingestBills } from '../../../worker/src/bills/ingest.ts';

let h: Harness;
let cookie: string | undefined;
const TOKEN = 'admin-token-for-tests-0123456789abcdef';
beforeEach(async () => {
  h = await makeHarness({ env: { ADMIN_TOKEN: TOKEN } });
  await ingestBills(h.deps, readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8'));
  cookie = (await h.call('POST', '/api/login', await confirmedAccount(h))).cookie;
});
afterEach(async () => {
  await h.close();
});

async function pdfOf(id: string, locale?: string) {
  const res = await h.app.request(`/api/bills/${id}/pdf${locale ? `?locale=${locale}` : ''}`, {
    headers: { cookie: cookie!, 'x-test-ip': '203.0.113.7' },
  });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('bill PDF', () => {
  it('generates a PDF with the bill in Latin and Cyrillic', async () => {
    const [bill] = (await h.call('GET', '/api/bills', undefined, { cookie })).body.bills;
    for (const locale of ['sr-Latn', 'sr-Cyrl', 'en']) {
      const { res, bytes } = await pdfOf(bill.id, locale);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="racun-104521-2026-11.pdf"');
      const doc = await PDFDocument.load(bytes);
      expect(doc.getPageCount()).toBe(1);
      expect(doc.getTitle()).toBe(
        {
          'sr-Latn': 'Račun za novembar 2026. — JP Stambeno Ruma',
          'sr-Cyrl': 'Рачун за новембар 2026. — ЈП Стамбено Рума',
          en: 'Bill for November 2026 — JP Stambeno Ruma',
        }[locale],
      );
      // The portal's own renderer: DejaVu Sans cut to the glyphs drawn, the page's language declared.
      const raw = new TextDecoder('latin1').decode(bytes);
      expect(raw).toContain('/BaseFont /BILLSA+DejaVuSans');
      expect(raw).toContain(`/Lang (${locale})`);
      expect(bytes.length).toBeLessThan(60_000);
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      writeFileSync(join(ROOT, `test-results/bill-${locale}.pdf`), bytes);
    }
  });

  it("serves the billing system's own PDF when it sent one", async () => {
    const own = new TextEncoder().encode('%PDF-1.4\n% from the billing system\n%%EOF\n');
    const up = await h.call('POST', '/api/admin/bills/pdf?code=104521&period=2026-11', undefined, {
      raw: own as unknown as string,
      headers: { 'content-type': 'application/pdf', authorization: `Bearer ${TOKEN}` },
    });
    expect(up.status).toBe(200);
    const { bytes } = await pdfOf(up.body.billId);
    expect(new TextDecoder().decode(bytes)).toContain('from the billing system');
    const notPdf = await h.call('POST', '/api/admin/bills/pdf?code=104521&period=2026-11', undefined, {
      raw: 'hello',
      headers: { 'content-type': 'application/pdf', authorization: `Bearer ${TOKEN}` },
    });
    expect(notPdf.body.error.fields).toEqual({ file: 'not_a_pdf' });
  });

  it("is another resident's business: 404", async () => {
    const d = await confirmedAccount(h, {
      name: 'Dragan Petrović',
      email: 'dragan@example.com',
      consumerCode: '104522',
      pin: '7390',
    });
    const theirs = (
      await h.call('GET', '/api/bills', undefined, { cookie: (await h.call('POST', '/api/login', d)).cookie })
    ).body.bills[0].id;
    expect((await pdfOf(theirs)).res.status).toBe(404);
  });
});
