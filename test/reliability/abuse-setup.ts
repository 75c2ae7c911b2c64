// What the abuse tests share: residents made through the real flow (the billing system's
// consumer import, then register → mail → confirm), fresh client addresses, and counters.
import { expect } from 'vitest';
import { registration, type Harness, type Reply } from '../worker/harness.ts';

export const ADMIN_TOKEN = 'admin-token-for-abuse-0123456789abcdef012';

let ipCounter = 0;
/** A client address never used before in this file. */
export const fresh = () => `10.${(++ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;

/** `n` confirmed accounts with GOOD_PASSWORD, each on its own consumer code; returns their e-mails. */
export async function createAccounts(h: Harness, n: number): Promise<string[]> {
  const codes = Array.from({ length: n }, (_, i) => String(600_001 + i));
  const csv = `sifra_potrosaca,pin,ime_prezime,adresa\n${codes.map((c) => `${c},3579,Stanar ${c},Ulica ${c}`).join('\n')}\n`;
  const imported = await h.call('POST', '/api/admin/consumers', undefined, {
    raw: csv,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
  });
  expect(imported.body.imported).toBe(n);
  const emails: string[] = [];
  for (const code of codes) {
    const email = `resident${code}@example.com`;
    const r = await h.call(
      'POST',
      '/api/register',
      registration({ name: `Stanar ${code}`, email, consumerCode: code, pin: '3579' }),
      { ip: fresh() },
    );
    expect(r.status).toBe(202);
    const c = await h.call('POST', '/api/confirm', { token: await h.linkFrom('confirm', email) });
    expect(c.status).toBe(200);
    emails.push(email);
  }
  return emails;
}

/** How many replies had each status. */
export function tally(replies: Reply[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of replies) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

/** Mails of `kind` in the outbox (to `to`, or to anyone). */
export async function mailsTo(h: Harness, to: string | undefined, kind: string): Promise<number> {
  await h.settle();
  const sql = `SELECT count(*) AS n FROM outbox WHERE kind = ?${to ? ' AND to_address = ?' : ''}`;
  const [row] = (await h.deps.db.$client.execute({ sql, args: to ? [kind, to] : [kind] })).rows;
  return Number(row.n);
}
