import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, registration, DEMO, type Harness } from '../harness.ts';
import { strayLatin } from '../../../worker/src/i18n/translit.ts';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(async () => { await h.close(); });

const rows = async (sql: string) => (await h.deps.db.$client.execute(sql)).rows;

describe('POST /api/register', () => {
  it('requires accepting the terms, and records the consent with versions and time', async () => {
    const r = await h.call('POST', '/api/register', registration({ acceptTerms: false }));
    expect(r.status).toBe(422);
    expect(r.body).toEqual({ error: { code: 'validation_failed', fields: { acceptTerms: 'must_accept' } } });
    expect((await h.call('POST', '/api/register', registration())).status).toBe(202);
    const [consent] = await rows('SELECT terms_version, privacy_version, accepted_at FROM consents');
    expect(consent).toMatchObject({ terms_version: '2026-11-01', privacy_version: '2026-11-01', accepted_at: h.clock.now });
  });

  it('stores e-mail bills: true by default, false when declined', async () => {
    await h.call('POST', '/api/register', registration());
    await h.call('POST', '/api/register', registration({ email: 'dragan@example.com', consumerCode: '104522', pin: '7390', name: 'Dragan Petrović', emailBills: false }));
    expect(await rows('SELECT email, email_bills FROM accounts ORDER BY email')).toEqual([
      expect.objectContaining({ email: 'dragan@example.com', email_bills: 0 }),
      expect.objectContaining({ email: 'milica@example.com', email_bills: 1 }),
    ]);
  });

  it('answers a wrong code and a wrong PIN the same way', async () => {
    const wrongCode = await h.call('POST', '/api/register', registration({ consumerCode: '999999' }));
    const wrongPin = await h.call('POST', '/api/register', registration({ pin: '0000' }));
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.body).toEqual({ error: { code: 'invalid_consumer_credentials' } });
    expect(wrongPin.status).toBe(wrongCode.status);
    expect(wrongPin.body).toEqual(wrongCode.body);
    expect(await rows('SELECT * FROM accounts')).toEqual([]);
  });

  it('allows one account per consumer code', async () => {
    expect((await h.call('POST', '/api/register', registration())).status).toBe(202);
    const again = await h.call('POST', '/api/register', registration({ email: 'other@example.com' }));
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ error: { code: 'consumer_already_registered' } });
  });

  it('gives a known e-mail the same 202 and mails its owner instead', async () => {
    await h.call('POST', '/api/register', registration());
    const second = await h.call('POST', '/api/register', registration({ consumerCode: '104522', pin: '7390', name: 'Neko Drugi' }));
    expect(second.status).toBe(202);
    expect(second.body).toEqual({ status: 'confirmation_sent' });
    expect(await rows('SELECT count(*) AS n FROM accounts')).toEqual([{ n: 1 }]);
    expect(await rows("SELECT * FROM account_consumers WHERE consumer_code = '104522'")).toEqual([]);
    const [notice] = await h.outbox();
    expect(notice).toMatchObject({ kind: 'register_attempt', to: 'milica@example.com' });
    expect(notice.text).toContain('Milica Jovanović');
    // The same work is done on both paths: one hash each.
    expect(h.counts.hash).toBe(2);
  });

  it.each([
    ['kratka1234!', 'password_too_short'],
    ['x'.repeat(129), 'password_too_long'],
    ['qwerty123456', 'password_common'],
    ['Password1234!', 'password_common'],
    ['aaaaaaaaaaaaaa', 'password_common'],
    ['Stambeno-Ruma-2026', 'password_common'],
    ['sifra1234567', 'password_common'],
    ['Korisnik-Lozinka1', 'password_common'],
    ['Лозинка2026!', 'password_common'],
    ['milica voli more', 'password_contains_personal'],
    ['moj kod 104521 je', 'password_contains_personal'],
    ['JOVANOVIĆ zauvek!', 'password_contains_personal'],
  ])('rejects the password %j with %s', async (password, code) => {
    const r = await h.call('POST', '/api/register', registration({ password }));
    expect(r.status).toBe(422);
    expect(r.body.error.fields).toEqual({ password: code });
  });

  it('accepts a long passphrase without composition rules', async () => {
    expect((await h.call('POST', '/api/register', registration({ password: 'sunce nad sremom' }))).status).toBe(202);
  });

  it('sends the confirmation mail in the chosen locale', async () => {
    await h.call('POST', '/api/register', registration({ locale: 'sr-Cyrl' }));
    const [mail] = await h.outbox();
    expect(mail.subject).toBe('Потврдите регистрацију на порталу ЈП Стамбено Рума');
    expect(strayLatin(mail.text.replace('Milica Jovanović', ''))).toEqual([]);
    expect(mail.text).toMatch(/^http:\/\/localhost:8787\/\?confirm=[\w-]{43}$/m);
  });

  it('builds links from PORTAL_URL, never from the Host header', async () => {
    await h.call('POST', '/api/register', registration(), { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } });
    const [mail] = await h.outbox();
    expect(mail.text).not.toContain('evil.example');
    expect(mail.html).not.toContain('evil.example');
  });

  it('stores no clear PIN, password or token', async () => {
    await h.call('POST', '/api/register', registration());
    const token = await h.linkFrom('confirm');
    const dump = JSON.stringify(await rows('SELECT * FROM accounts')) + JSON.stringify(await rows('SELECT * FROM tokens')) + JSON.stringify(await rows('SELECT * FROM consumers'));
    expect(dump).not.toContain(token);
    expect(dump).not.toContain('ljubičasti');
    expect(dump).not.toMatch(/"pin_digest":"4821"/);
    expect(dump).toContain('$argon2id$v=19$m=19456,t=2,p=1$');
  });

  it('lets exactly one of 20 concurrent registrations of one consumer code through', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => h.call('POST', '/api/register', registration({ email: `r${i}@example.com` }))),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await rows('SELECT count(*) AS n FROM accounts')).toEqual([{ n: 1 }]);
    expect(await rows(`SELECT count(*) AS n FROM account_consumers WHERE consumer_code = '${DEMO.code}'`)).toEqual([{ n: 1 }]);
  });

  it('makes one account of 20 concurrent registrations with one e-mail', async () => {
    const codes = Array.from({ length: 10 }, (_, i) => String(104521 + i));
    const pins = ['4821', '7390', '1168', '5502', '9034', '2277', '6640', '3815', '8452', '4096'];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.call('POST', '/api/register', registration({ email: 'same@example.com', consumerCode: codes[i % 10], pin: pins[i % 10], name: 'Isti Korisnik' })),
      ),
    );
    // Same answer for everyone on the e-mail path; the second try of a taken code is a 409.
    expect(results.every((r) => r.status === 202 || r.status === 409)).toBe(true);
    expect(await rows('SELECT count(*) AS n FROM accounts')).toEqual([{ n: 1 }]);
    expect(await rows('SELECT count(*) AS n FROM account_consumers')).toEqual([{ n: 1 }]);
  });
});
