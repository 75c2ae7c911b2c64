import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHarness, confirmedAccount, ROOT, GOOD_PASSWORD, type Harness } from '../../harness.ts';
import { parseBillsCsv, upsertBills } from '../../../../worker/src/bills/import.ts';
import { randomId } from '../../../../worker/src/auth/crypto.ts';

let h: Harness;
let cookie: string | undefined;
const EMAIL = 'milica@example.com';
const NEW = 'nova lozinka za Rumu 9';

beforeEach(async () => {
  h = await makeHarness();
  const parsed = parseBillsCsv(readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8'), '^[0-9]{4,10}$');
  await upsertBills(h.deps.db, parsed.rows, h.clock.now, () => randomId(h.deps.randomBytes));
  cookie = (await h.call('POST', '/api/login', await confirmedAccount(h))).cookie;
});
afterEach(async () => {
  await h.close();
});

const me = (c = cookie) => h.call('GET', '/api/me', undefined, { cookie: c });

describe('settings', () => {
  it('switches e-mail bills off and on', async () => {
    expect(
      (await h.call('POST', '/api/account/settings', { emailBills: false }, { cookie })).body.account.emailBills,
    ).toBe(false);
    expect((await me()).body.account.emailBills).toBe(false);
    await h.call('POST', '/api/account/settings', { emailBills: true, locale: 'sr-Cyrl' }, { cookie });
    expect((await me()).body.account).toMatchObject({ emailBills: true, locale: 'sr-Cyrl' });
  });

  it('needs a session', async () => {
    expect((await h.call('POST', '/api/account/settings', { emailBills: false })).status).toBe(401);
  });
});

describe('change password', () => {
  it('requires the current password', async () => {
    const r = await h.call(
      'POST',
      '/api/account/password',
      { currentPassword: 'nije ta lozinka', newPassword: NEW },
      { cookie },
    );
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ error: { code: 'wrong_password', fields: { password: 'wrong_password' } } });
  });

  it('keeps this session, revokes the others and mails a notice', async () => {
    const other = (await h.call('POST', '/api/login', { email: EMAIL, password: GOOD_PASSWORD })).cookie;
    const r = await h.call(
      'POST',
      '/api/account/password',
      { currentPassword: GOOD_PASSWORD, newPassword: NEW },
      { cookie },
    );
    expect(r.status).toBe(200);
    expect((await me()).body.account).not.toBeNull();
    expect((await me(other)).body).toEqual({ account: null });
    expect((await h.outbox())[0]).toMatchObject({ kind: 'password_changed', to: EMAIL });
    expect((await h.call('POST', '/api/login', { email: EMAIL, password: NEW })).status).toBe(200);
  });

  it('applies the password policy', async () => {
    const r = await h.call(
      'POST',
      '/api/account/password',
      { currentPassword: GOOD_PASSWORD, newPassword: 'password12345' },
      { cookie },
    );
    expect(r.body.error.fields).toEqual({ newPassword: 'password_common' });
  });
});

describe('change e-mail', () => {
  it('takes effect only when confirmed from the new address, and tells the old one', async () => {
    expect(
      (await h.call('POST', '/api/account/email', { password: GOOD_PASSWORD, email: 'nova@example.com' }, { cookie }))
        .status,
    ).toBe(202);
    expect((await me()).body.account.email).toBe(EMAIL);
    const mails = await h.outbox();
    expect(mails.find((m) => m.kind === 'email_change_notice')?.to).toBe(EMAIL);
    const token = await h.linkFrom('confirm', 'nova@example.com');
    // An account-wide event: the browser that confirms it stays logged in, every other session ends.
    const elsewhere = (await h.call('POST', '/api/login', { email: EMAIL, password: GOOD_PASSWORD })).cookie;
    expect((await h.call('POST', '/api/confirm', { token }, { cookie })).body).toEqual({ status: 'email_changed' });
    expect((await me()).body.account.email).toBe('nova@example.com');
    expect((await h.call('GET', '/api/me', undefined, { cookie: elsewhere })).body).toEqual({ account: null });
    expect((await h.call('POST', '/api/confirm', { token })).status).toBe(400);
  });

  it('answers the same for an address that is taken, and tells that address', async () => {
    await confirmedAccount(h, {
      name: 'Dragan Petrović',
      email: 'dragan@example.com',
      consumerCode: '104522',
      pin: '7390',
    });
    const r = await h.call(
      'POST',
      '/api/account/email',
      { password: GOOD_PASSWORD, email: 'dragan@example.com' },
      { cookie },
    );
    expect(r.status).toBe(202);
    const mails = await h.outbox();
    expect(mails.find((m) => m.kind === 'email_taken')).toMatchObject({ to: 'dragan@example.com' });
    // The requester's own address hears the same as for a free address (no oracle in its mailbox).
    expect(mails.find((m) => m.kind === 'email_change_notice')).toMatchObject({ to: EMAIL });
    expect(mails.find((m) => m.kind === 'email_change_notice')?.text).toContain('dragan@example.com');
    expect((await me()).body.account.email).toBe(EMAIL);
  });
});

describe('sessions', () => {
  it('lists sessions and logs out everywhere', async () => {
    const other = (
      await h.call(
        'POST',
        '/api/login',
        { email: EMAIL, password: GOOD_PASSWORD, remember: true },
        { headers: { 'user-agent': 'Telefon' } },
      )
    ).cookie;
    const list = await h.call('GET', '/api/account/sessions', undefined, { cookie });
    expect(list.body.sessions).toHaveLength(2);
    expect(list.body.sessions.filter((s: any) => s.current)).toHaveLength(1);
    const phone = list.body.sessions.find((s: any) => s.userAgent === 'Telefon');
    expect((await h.call('POST', '/api/account/sessions/revoke', { id: phone.id }, { cookie })).status).toBe(204);
    expect((await me(other)).body).toEqual({ account: null });
    expect((await h.call('POST', '/api/account/sessions/revoke-all', {}, { cookie })).status).toBe(204);
    expect((await me()).body).toEqual({ account: null });
  });
});

describe('consumer codes', () => {
  it('links a second code with its PIN, shows its bills, and unlinks it at once', async () => {
    expect(
      (await h.call('POST', '/api/account/consumers/link', { consumerCode: '104523', pin: '0000' }, { cookie })).body,
    ).toEqual({ error: { code: 'invalid_consumer_credentials', attemptsLeft: 4 } });
    expect(
      (await h.call('POST', '/api/account/consumers/link', { consumerCode: '104523', pin: '1168' }, { cookie })).status,
    ).toBe(201);
    expect(
      (await h.call('POST', '/api/account/consumers/link', { consumerCode: '104523', pin: '1168' }, { cookie })).body
        .error.code,
    ).toBe('consumer_already_linked');
    const consumers = await h.call('GET', '/api/account/consumers', undefined, { cookie });
    expect(consumers.body.consumers.map((c: any) => [c.code, c.balance, c.unpaidBills])).toEqual([
      ['104521', 1860, 1],
      ['104523', 1944, 1],
    ]);
    const bills = await h.call('GET', '/api/bills?consumer=104523', undefined, { cookie });
    expect(bills.body.total).toBe(3);
    expect((await h.call('POST', '/api/account/consumers/unlink', { consumerCode: '104523' }, { cookie })).status).toBe(
      204,
    );
    expect((await h.call('GET', `/api/bills/${bills.body.bills[0].id}`, undefined, { cookie })).status).toBe(404);
    expect(
      (await h.call('POST', '/api/account/consumers/unlink', { consumerCode: '104521' }, { cookie })).body.error.code,
    ).toBe('last_consumer');
  });

  it('shares the PIN lockout with registration', async () => {
    for (let i = 0; i < 5; i++)
      await h.call(
        'POST',
        '/api/account/consumers/link',
        { consumerCode: '104524', pin: String(1000 + i) },
        { cookie },
      );
    expect(
      (await h.call('POST', '/api/account/consumers/link', { consumerCode: '104524', pin: '5502' }, { cookie })).status,
    ).toBe(429);
  });

  it('refuses a code that belongs to another account', async () => {
    await confirmedAccount(h, {
      name: 'Dragan Petrović',
      email: 'dragan@example.com',
      consumerCode: '104522',
      pin: '7390',
    });
    expect(
      (await h.call('POST', '/api/account/consumers/link', { consumerCode: '104522', pin: '7390' }, { cookie })).body
        .error.code,
    ).toBe('consumer_already_registered');
  });
});

describe('personal data', () => {
  it('lists consents and exports the data', async () => {
    expect((await h.call('GET', '/api/account/consents', undefined, { cookie })).body.consents).toEqual([
      { termsVersion: '2026-11-01', privacyVersion: '2026-11-01', acceptedAt: expect.any(Number) },
    ]);
    const r = await h.call('GET', '/api/account/export', undefined, { cookie });
    expect(r.headers.get('content-disposition')).toMatch(/attachment/);
    expect(r.body.account).toMatchObject({ email: EMAIL, name: 'Milica Jovanović' });
    expect(r.body.bills).toHaveLength(3);
    expect(r.body.sessions).toHaveLength(1);
    expect(JSON.stringify(r.body)).not.toMatch(/argon2|password_hash|pin_digest/i);
  });

  it('gives "Vaši podaci" as a page to read, in the account\'s script or the one asked for, every value escaped', async () => {
    const page = await h.call('GET', '/api/account/export.html', undefined, { cookie });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const text = String(page.body);
    expect(text).toContain('<html lang="sr-Latn">');
    expect(text).toContain('<h1>Vaši podaci</h1>');
    expect(text).toContain('Milica Jovanović');
    expect(text).toContain(EMAIL);
    expect(text).toContain('104521');
    // Months and money in words, as the resident reads them.
    expect(text).toMatch(/novembar 2026\./);
    expect(text).toMatch(/\d\.\d{3},\d{2} din\./);
    expect(text).not.toMatch(/argon2|password_hash|pin_digest/i);
    const cyrillic = String((await h.call('GET', '/api/account/export.html?lang=sr-Cyrl', undefined, { cookie })).body);
    expect(cyrillic).toContain('<h1>Ваши подаци</h1>');
    expect(cyrillic).toContain('новембар 2026.');
    expect(cyrillic).toContain(EMAIL);
    const english = String((await h.call('GET', '/api/account/export.html?lang=en', undefined, { cookie })).body);
    expect(english).toContain('<h1>Your data</h1>');
    expect((await h.call('GET', '/api/account/export.html')).status).toBe(401);
  });

  it('lists each accepted version of the terms once, however often it was accepted, in the export too', async () => {
    const id = String((await h.deps.db.$client.execute('SELECT id FROM accounts')).rows[0].id);
    await h.deps.db.$client.execute({
      sql: "INSERT INTO consents (account_id, terms_version, privacy_version, accepted_at) VALUES (?, '2026-11-01', '2026-11-01', 1)",
      args: [id],
    });
    const listed = (await h.call('GET', '/api/account/consents', undefined, { cookie })).body.consents;
    expect(listed).toHaveLength(1);
    expect(listed[0].acceptedAt).toBeGreaterThan(1);
    // The data export's consents are the same list (one query), its dates in ISO 8601.
    const exported = (await h.call('GET', '/api/account/export', undefined, { cookie })).body;
    expect(exported.consents).toEqual(
      listed.map((c: { acceptedAt: number }) => ({ ...c, acceptedAt: new Date(c.acceptedAt).toISOString() })),
    );
    expect(exported.summary.consents).toBe(1);
  });

  it('deletes the account with the password, keeping bills and releasing the code', async () => {
    expect((await h.call('POST', '/api/account/delete', { password: 'pogrešna lozinka' }, { cookie })).status).toBe(
      403,
    );
    // A wrong password deletes nothing: the session and the account are still there.
    expect((await me()).body.account).not.toBeNull();
    expect((await h.call('POST', '/api/account/delete', { password: GOOD_PASSWORD }, { cookie })).status).toBe(204);
    expect((await me()).body).toEqual({ account: null });
    expect((await h.call('POST', '/api/login', { email: EMAIL, password: GOOD_PASSWORD })).status).toBe(401);
    const count = async (sql: string) => (await h.deps.db.$client.execute(sql)).rows[0].n;
    for (const t of ['accounts', 'sessions', 'tokens', 'consents', 'account_consumers'])
      expect(await count(`SELECT count(*) AS n FROM ${t}`)).toBe(0);
    expect(await count('SELECT count(*) AS n FROM bills')).toBe(30);
    const mails = await h.outbox();
    expect(mails.map((m) => m.kind)).toEqual(['account_deleted']);
    expect(
      (
        await h.call('POST', '/api/register', {
          name: 'Milica Jovanović',
          email: 'milica.j@example.com',
          password: NEW,
          consumerCode: '104521',
          pin: '4821',
          acceptTerms: true,
        })
      ).status,
    ).toBe(202);
  });
});

describe("another resident's things", () => {
  it('are out of reach: sessions, consumer codes, bills and PDFs answer 404', async () => {
    const d = await confirmedAccount(h, {
      name: 'Dragan Petrović',
      email: 'dragan@example.com',
      consumerCode: '104522',
      pin: '7390',
    });
    const dragan = (await h.call('POST', '/api/login', d)).cookie;
    const theirSession = (await h.call('GET', '/api/account/sessions', undefined, { cookie: dragan })).body.sessions[0]
      .id;
    expect((await h.call('POST', '/api/account/sessions/revoke', { id: theirSession }, { cookie })).status).toBe(404);
    expect((await h.call('GET', '/api/me', undefined, { cookie: dragan })).body.account).not.toBeNull();
    expect((await h.call('POST', '/api/account/consumers/unlink', { consumerCode: '104522' }, { cookie })).status).toBe(
      404,
    );
    const theirBill = (await h.call('GET', '/api/bills', undefined, { cookie: dragan })).body.bills[0].id;
    for (const path of [`/api/bills/${theirBill}`, `/api/bills/${theirBill}/pdf`, '/api/bills?consumer=104522']) {
      expect((await h.call('GET', path, undefined, { cookie })).status, path).toBe(404);
    }
    expect(JSON.stringify((await h.call('GET', '/api/account/export', undefined, { cookie })).body)).not.toContain(
      '104522',
    );
  });
});
