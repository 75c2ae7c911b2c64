// Bill mails drawn in a worker thread (worker/node/render-pool.ts) are the mails drawn in line:
// the thread has the configuration, the files and the fonts, and the sender's clock comes along.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHarness, ROOT } from '../harness.ts';
import { renderPool } from '../../../worker/node/render-pool.ts';
import { parseBillsCsv, upsertBills } from '../../../worker/src/bills/import.ts';
import { BILL_MAIL_TASK, renderBillMailFrom, type BillMailInput } from '../../../worker/src/bills/bill-mail.ts';
import type { RenderedMail } from '../../../worker/src/mail/templates.ts';

it('draws the same bill mail in a thread as in line, and reports a failure as an error', async () => {
  const h = await makeHarness();
  const pool = renderPool(1, { APP_ENV: 'development', PORTAL_URL: 'http://localhost:8787/' });
  try {
    const rows = parseBillsCsv(readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8'), '^[0-9]{4,10}$').rows;
    await upsertBills(h.deps.db, rows, h.clock.now, () => String(Math.random()).slice(2));
    const bill = (await h.deps.db.query.bills.findMany({ where: (b, { isNull }) => isNull(b.paidAt), limit: 1 }))[0];
    for (const locale of ['sr-Latn', 'sr-Cyrl', 'en']) {
      const input: BillMailInput = {
        now: Date.parse('2027-01-15T10:00:00Z'),
        bill,
        account: { id: 'acc-1', name: 'Milica Jovanović', locale },
        consumer: { name: 'Milica Jovanović', address: 'Glavna 12, 22400 Ruma' },
      };
      const inline = await renderBillMailFrom(h.deps, input);
      const threaded = await pool.run<RenderedMail>(BILL_MAIL_TASK, input);
      // The unsubscribe token carries the second it was signed in: the rest is the same mail.
      const same = (m: RenderedMail) =>
        JSON.stringify({ ...m, attachments: undefined }).replace(/eyJ[\w.-]+/g, 'TOKEN');
      expect(same(threaded)).toBe(same(inline));
      expect(threaded.attachments?.map((a) => a.filename)).toEqual(inline.attachments?.map((a) => a.filename));
      const pdf = threaded.attachments!.find((a) => a.type === 'application/pdf')!;
      expect(Buffer.from(pdf.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    }
    await expect(pool.run(BILL_MAIL_TASK, { bill: null })).rejects.toThrow();
  } finally {
    await pool.close();
    await h.close();
  }
});
