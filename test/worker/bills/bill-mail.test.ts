import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { decode as decodePng } from 'fast-png';
import { makeHarness, confirmedAccount, ROOT, type Harness } from '../harness.ts';
import { ingestBills } from '../../../worker/src/bills/ingest.ts';
import { parseBillsCsv, upsertBills } from '../../../worker/src/bills/import.ts';
import { runJobs } from '../../../worker/src/jobs.ts';
import { randomId } from '../../../worker/src/auth/crypto.ts';
import { strayLatin } from '../../../contract/translit.ts';
import { ipsQrProblems } from '../../../worker/src/bills/ips-qr.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const demoBills = () => readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8');
const billMails = async () => (await h.outbox()).filter((m) => m.kind === 'bill');
const rawOutbox = async () => (await h.deps.db.$client.execute("SELECT * FROM outbox WHERE kind = 'bill'")).rows;

function decodeQr(base64: string): string | undefined {
  const png = decodePng(Buffer.from(base64, 'base64'));
  const rgba = new Uint8ClampedArray(png.width * png.height * 4);
  for (let i = 0; i < png.width * png.height; i++) rgba.set([png.data[i], png.data[i], png.data[i], 255], i * 4);
  return jsQR(rgba, png.width, png.height)?.data;
}

describe('e-mail bills', () => {
  it('mails each new unpaid bill once to residents who chose e-mail bills, with a scannable IPS QR', async () => {
    await confirmedAccount(h);
    const r = await ingestBills(h.deps, demoBills());
    expect(r.mailed).toBe(1);
    const [mail] = await billMails();
    expect(mail).toMatchObject({
      to: 'milica@example.com',
      subject: 'Račun za novembar 2026. — JP Stambeno Ruma',
      attachments: 'ips-qr-2026-11.png, racun-104521-2026-11.pdf',
    });
    expect(mail.text).toContain('Iznos: 1.860,00 din.');
    expect(mail.text).toContain('Rok plaćanja: 20. 12. 2026.');
    expect(mail.text).toContain('stigao je Vaš račun za novembar 2026.\n');
    expect(mail.text).toMatch(/^http:\/\/localhost:8787\/\?unsubscribe=[\w-]+\.[\w-]+\.[\w-]+$/m);
    const [row] = await rawOutbox();
    const [attachment, pdf] = JSON.parse(String(row.attachments));
    expect(Buffer.from(pdf.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(ipsQrProblems(decodeQr(attachment.content)!)).toEqual([]);
    expect(decodeQr(attachment.content)).toBe(
      'K:PR|V:01|C:1|R:160000000123456729|N:JP Stambeno Ruma\r\nRuma|I:RSD1860,00|P:Milica Jovanović\r\nGlavna 12, 22400 Ruma|SF:189|S:Račun za novembar 2026.|RO:9726104521202611',
    );
    expect(JSON.parse(String(row.headers))).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

    // The same export again: nothing new, nothing mailed twice.
    expect((await ingestBills(h.deps, demoBills())).mailed).toBe(0);
    expect(await billMails()).toHaveLength(1);
  });

  it('loses no bill mail when the import stops right after the bills are stored: the periodic job sends it', async () => {
    await confirmedAccount(h);
    // The bills are written, then the process dies before it queues the mails.
    const stored = await upsertBills(h.deps.db, parseBillsCsv(demoBills(), '^[0-9]{4,10}$').rows, h.clock.now, () =>
      randomId(h.deps.randomBytes),
    );
    expect(stored.created).toHaveLength(30);
    expect(await billMails()).toHaveLength(0);
    await runJobs(h.deps);
    await h.settle();
    const mails = await billMails();
    expect(mails.map((m) => m.subject)).toEqual(['Račun za novembar 2026. — JP Stambeno Ruma']);
    // Once queued it is never queued again, by the job or by a re-import.
    await runJobs(h.deps);
    expect((await ingestBills(h.deps, demoBills())).mailed).toBe(0);
    expect(await billMails()).toHaveLength(1);
  });

  it('mails nobody who declined e-mail bills or has not confirmed', async () => {
    await confirmedAccount(h, { emailBills: false });
    await h.call('POST', '/api/register', {
      name: 'Dragan Petrović',
      email: 'dragan@example.com',
      password: 'sunce nad sremom',
      consumerCode: '104522',
      pin: '7390',
      acceptTerms: true,
    });
    expect((await ingestBills(h.deps, demoBills())).mailed).toBe(0);
  });

  it("writes in the resident's locale", async () => {
    await confirmedAccount(h, { locale: 'sr-Cyrl' });
    await ingestBills(h.deps, demoBills());
    const [mail] = await billMails();
    expect(mail.subject).toBe('Рачун за новембар 2026. — ЈП Стамбено Рума');
    expect(mail.text).toContain('Износ: 1.860,00 дин.');
    expect(mail.text).toContain('Рок плаћања: 20. 12. 2026.');
    expect(strayLatin(mail.text.replaceAll('Milica Jovanović', ''))).toEqual([]);
  });

  it('writes English figures the English way', async () => {
    await confirmedAccount(h, { locale: 'en' });
    await ingestBills(h.deps, demoBills());
    const [mail] = await billMails();
    expect(mail.subject).toBe('Your bill for November 2026 — JP Stambeno Ruma');
    expect(mail.text).toContain('your bill for November 2026 has arrived.');
    expect(mail.text).toContain('Amount: RSD 1,860.00');
    expect(mail.text).toContain('Due date: 20 Dec 2026');
  });

  it('unsubscribes with one click from the mail, and refuses forged links', async () => {
    const a = await confirmedAccount(h);
    await ingestBills(h.deps, demoBills());
    const [row] = await rawOutbox();
    const oneClick = JSON.parse(String(row.headers))['List-Unsubscribe'].slice(1, -1) as string;
    const url = new URL(oneClick);
    const r = await h.call('POST', url.pathname + url.search, undefined, {
      raw: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(r.body).toEqual({ status: 'unsubscribed' });
    const cookie = (await h.call('POST', '/api/login', a)).cookie;
    expect((await h.call('GET', '/api/me', undefined, { cookie })).body.account.emailBills).toBe(false);
    const token = url.searchParams.get('token')!;
    const forged = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    expect((await h.call('POST', '/api/email-bills/unsubscribe', { token: forged })).status).toBe(400);
    expect((await h.call('POST', '/api/email-bills/unsubscribe', { token })).status).toBe(200);
  });
});

describe('the bill mail greeting', () => {
  it('adds the name after transliteration: a one-letter or empty name leaves no Latin and splits no digraph', async () => {
    const { renderBillMail } = await import('../../../worker/src/bills/bill-mail-content.ts');
    const { strayLatin } = await import('../../../contract/translit.ts');
    const h = await makeHarness();
    try {
      const parsed = parseBillsCsv(readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8'), '^[0-9]{4,10}$');
      await upsertBills(h.deps.db, parsed.rows, h.clock.now, () => String(Math.random()));
      const [bill] = await h.deps.db.query.bills.findMany({ limit: 1 });
      for (const name of ['a', '']) {
        const mail = await renderBillMail(
          h.deps,
          bill as never,
          { id: 'x', name, locale: 'sr-Cyrl' },
          { name: 'Milica', address: 'Glavna 12' },
        );
        const first = mail.text.split('\n')[0];
        expect(first).toBe(name ? `Поштовани/а ${name},` : 'Поштовани/а,');
        expect(strayLatin(mail.text.split('\n').slice(1, 3).join('\n'))).toEqual([]);
        expect(mail.text).not.toMatch(/[нл]ј/);
      }
    } finally {
      await h.close();
    }
  });
});
