// A town for the bill run (the benchmark and the bill-run tests): consumers 0…n-1 as the billing
// system exports them, a month's bill for each, and confirmed accounts that take e-mail bills for
// the first s of them, written straight into the database (registering thousands through Argon2
// and the mailbox would measure registration, not the bill run).
import type { Client } from '@libsql/client';
import { model97CheckDigits } from '../../worker/src/bills/ips-qr.ts';

export const townCode = (i: number) => String(5_000_000 + i);
export const townEmail = (i: number) => `stanar${i}@ruma.example`;
export const TOWN_PERIOD = '2026-11';

export function townConsumersCsv(n: number): string {
  const lines = ['sifra_potrosaca,pin,ime_prezime,adresa'];
  for (let i = 0; i < n; i++)
    lines.push(`${townCode(i)},${1000 + (i % 9000)},Stanar ${i},"Ulica ${i % 300} ${i}, 22400 Ruma"`);
  return lines.join('\n');
}

/** `paid(i)`: consumer i's bill arrives already paid (it gets no mail). */
export function townBillsCsv(n: number, paid: (i: number) => boolean = () => false, from = 0): string {
  const lines = [
    'sifra_potrosaca,period,datum_izdavanja,rok_placanja,iznos,dug,racun_primaoca,poziv_na_broj,stavke,placeno',
  ];
  for (let i = from; i < n; i++) {
    const base = `${townCode(i)}${TOWN_PERIOD.replace('-', '')}`;
    lines.push(
      `${townCode(i)},${TOWN_PERIOD},2026-12-05,2026-12-20,"1860,00","1860,00",160-0000001234567-29,${model97CheckDigits(base)}${base},"Održavanje zgrade=1100,00;Odnošenje smeća=760,00",${paid(i) ? '2026-12-06' : ''}`,
    );
  }
  return lines.join('\n');
}

/** Accounts for consumers 0…s-1 (confirmed; e-mail bills unless `declines(i)`), in chunks of 500 per batch. */
export async function seedTownAccounts(db: Client, s: number, declines: (i: number) => boolean = () => false) {
  const now = Date.now();
  for (let from = 0; from < s; from += 500) {
    const batch = [];
    for (let i = from; i < Math.min(s, from + 500); i++) {
      const id = `town-account-${i}`;
      batch.push(
        {
          sql: `INSERT INTO accounts (id, name, email, password_hash, email_bills, locale, confirmed_at, created_at, updated_at)
                VALUES (?, ?, ?, 'not-a-login', ?, ?, ?, ?, ?)`,
          args: [
            id,
            `Stanar ${i}`,
            townEmail(i),
            declines(i) ? 0 : 1,
            ['sr-Latn', 'sr-Cyrl', 'en'][i % 3],
            now,
            now,
            now,
          ],
        },
        {
          sql: 'INSERT INTO account_consumers (consumer_code, account_id, linked_at) VALUES (?, ?, ?)',
          args: [townCode(i), id, now],
        },
      );
    }
    await db.batch(batch, 'write');
  }
}

/** The billing system's push: POST /api/admin/{what} with the CSV. */
export async function adminPush(url: string, token: string, what: 'bills' | 'consumers', csv: string) {
  const res = await fetch(`${url}/api/admin/${what}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: csv,
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${what} import: ${res.status} ${text}`);
  return JSON.parse(text) as { imported: number; created?: number; mailed?: number; errors: unknown[] };
}
