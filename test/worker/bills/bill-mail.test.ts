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
import type { MailTransport, OutgoingMail } from '../../../worker/src/ports.ts';

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

/** A transport that keeps what it was handed (attachments included), as MailChannels would receive it. */
function recorder(): MailTransport & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return { name: 'recorder', sent, send: async (m) => void sent.push(m) };
}

describe('e-mail bills', () => {
  it('mails each new unpaid bill once to residents who chose e-mail bills, rendered when it is sent', async () => {
    await confirmedAccount(h);
    const r = await ingestBills(h.deps, demoBills());
    expect(r.mailed).toBe(1);
    const [mail] = await billMails();
    expect(mail).toMatchObject({ to: 'milica@example.com', subject: 'Račun za novembar 2026. — JP Stambeno Ruma' });
    expect(mail.attachments).toContain('racun-104521-2026-11.pdf');
    expect(mail.text).toContain('1.860,00 din.');
    expect(mail.text).toMatch(/^http:\/\/localhost:8787\/\?unsubscribe=[\w-]+\.[\w-]+\.[\w-]+#jezik=sr-Latn$/m);
    // The dev mailbox row is the delivered mail, but never holds the attachments' contents.
    const [row] = await rawOutbox();
    expect(String(row.id)).toMatch(/^bill:[\w-]+:[\w-]+$/);
    expect(String(row.attachments)).not.toContain('"content"');
    expect(JSON.parse(String(row.headers))).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

    // The same export again: nothing new, nothing mailed twice.
    expect((await ingestBills(h.deps, demoBills())).mailed).toBe(0);
    expect(await billMails()).toHaveLength(1);
  });

  it('keeps only a reference in the outbox until the mail is sent, and then only what the audit needs', async () => {
    const sent = recorder();
    const m = await makeHarness({ mail: sent });
    try {
      await confirmedAccount(m);
      const stored = await upsertBills(m.deps.db, parseBillsCsv(demoBills(), '^[0-9]{4,10}$').rows, m.clock.now, () =>
        randomId(m.deps.randomBytes),
      );
      expect(stored.mails).toHaveLength(1);
      const waiting = (await m.deps.db.$client.execute("SELECT * FROM outbox WHERE kind = 'bill'")).rows[0];
      expect(waiting).toMatchObject({
        status: 'pending',
        subject: '',
        text_body: '',
        html_body: '',
        attachments: null,
      });
      expect(JSON.parse(String(waiting.ref))).toEqual({ bill: expect.any(String), account: expect.any(String) });
      await runJobs(m.deps);
      await m.settle();
      const bills = sent.sent.filter((x) => x.id.startsWith('bill:'));
      expect(bills).toHaveLength(1);
      expect(bills[0].id).toBe(stored.mails[0]);
      const pdf = bills[0].attachments!.find((a) => a.type === 'application/pdf')!;
      expect(Buffer.from(pdf.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      const qr = bills[0].attachments!.find((a) => a.filename === 'ips-qr-2026-11.png')!;
      expect(ipsQrProblems(decodeQr(qr.content)!)).toEqual([]);
      const done = (await m.deps.db.$client.execute("SELECT * FROM outbox WHERE kind = 'bill'")).rows[0];
      expect(done).toMatchObject({
        status: 'sent',
        to_address: 'milica@example.com',
        subject: 'Račun za novembar 2026. — JP Stambeno Ruma',
        text_body: '',
        html_body: '',
        attachments: null,
      });
      expect(Number(done.sent_at)).toBeGreaterThan(0);
    } finally {
      await m.close();
    }
  });

  it('loses no bill mail when the process stops right after the bills are stored: the periodic job sends it', async () => {
    await confirmedAccount(h);
    // The bills and their mails are written, then the process dies before it hands the mails over.
    const stored = await upsertBills(h.deps.db, parseBillsCsv(demoBills(), '^[0-9]{4,10}$').rows, h.clock.now, () =>
      randomId(h.deps.randomBytes),
    );
    expect(stored.created).toHaveLength(30);
    expect((await rawOutbox()).map((m) => m.status)).toEqual(['pending']);
    await runJobs(h.deps);
    await h.settle();
    const mails = await billMails();
    expect(mails.map((m) => [m.status, m.subject])).toEqual([['sent', 'Račun za novembar 2026. — JP Stambeno Ruma']]);
    // Once queued it is never queued again, by the job or by a re-import.
    await runJobs(h.deps);
    expect((await ingestBills(h.deps, demoBills())).mailed).toBe(0);
    expect(await billMails()).toHaveLength(1);
  });

  it('sends nothing for a bill paid before its turn came, and the other bills all the same', async () => {
    const sent = recorder();
    const m = await makeHarness({ mail: sent });
    try {
      const a = await confirmedAccount(m);
      const cookie = (await m.call('POST', '/api/login', a)).cookie;
      expect(
        (await m.call('POST', '/api/account/consumers/link', { consumerCode: '104522', pin: '7390' }, { cookie }))
          .status,
      ).toBe(201);
      const stored = await upsertBills(m.deps.db, parseBillsCsv(demoBills(), '^[0-9]{4,10}$').rows, m.clock.now, () =>
        randomId(m.deps.randomBytes),
      );
      expect(stored.mails).toHaveLength(2);
      // 104521's bill is paid meanwhile (a later export says so), 104522's is not.
      await m.deps.db.$client.execute("UPDATE bills SET paid_at = '2026-12-01' WHERE consumer_code = '104521'");
      await runJobs(m.deps);
      await m.settle();
      expect(sent.sent.filter((x) => x.id.startsWith('bill:')).map((x) => x.text.includes('104522'))).toEqual([true]);
      const statuses = (
        await m.deps.db.$client.execute("SELECT status FROM outbox WHERE kind = 'bill' ORDER BY status")
      ).rows;
      expect(statuses.map((r) => r.status)).toEqual(['cancelled', 'sent']);
    } finally {
      await m.close();
    }
  });

  it('sends nothing to an account that switched e-mail bills off before its turn came', async () => {
    const sent = recorder();
    const m = await makeHarness({ mail: sent });
    try {
      const a = await confirmedAccount(m);
      const cookie = (await m.call('POST', '/api/login', a)).cookie;
      await upsertBills(m.deps.db, parseBillsCsv(demoBills(), '^[0-9]{4,10}$').rows, m.clock.now, () =>
        randomId(m.deps.randomBytes),
      );
      expect((await m.call('POST', '/api/account/settings', { emailBills: false }, { cookie })).status).toBe(200);
      await runJobs(m.deps);
      await m.settle();
      expect(sent.sent.filter((x) => x.id.startsWith('bill:'))).toEqual([]);
      expect((await m.deps.db.$client.execute("SELECT status FROM outbox WHERE kind = 'bill'")).rows[0].status).toBe(
        'cancelled',
      );
    } finally {
      await m.close();
    }
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
    expect(mail.text).toContain('За уплату овом уплатницом: 1.860,00 дин.');
    expect(mail.text).toContain('Рок плаћања: 20. 12. 2026.');
    expect(strayLatin(mail.text.replaceAll('Milica Jovanović', ''))).toEqual([]);
  });

  it('writes English figures the English way', async () => {
    await confirmedAccount(h, { locale: 'en' });
    await ingestBills(h.deps, demoBills());
    const [mail] = await billMails();
    expect(mail.subject).toBe('Your bill for November 2026 — JP Stambeno Ruma');
    expect(mail.text).toContain('We are sending you your bill for November 2026.');
    expect(mail.text).toContain('To pay with this slip: RSD 1,860.00');
    expect(mail.text).toContain('Due date: 20 Dec 2026');
  });

  it('unsubscribes with one click from the mail, and refuses forged links', async () => {
    const a = await confirmedAccount(h);
    await ingestBills(h.deps, demoBills());
    await h.settle();
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
        expect(first).toBe(name ? `Поштовани ${name},` : 'Поштовани,');
        expect(strayLatin(mail.text.split('\n').slice(1, 3).join('\n'))).toEqual([]);
        expect(mail.text).not.toMatch(/[нл]ј/);
      }
    } finally {
      await h.close();
    }
  });
});
