import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, registration, confirmedAccount, DEMO, type Harness } from '../harness.ts';
import { strayLatin } from '../../../contract/translit.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const rows = async (sql: string) => (await h.deps.db.$client.execute(sql)).rows;

describe('POST /api/register', () => {
  it('requires accepting the terms, and records the consent with versions and time', async () => {
    const r = await h.call('POST', '/api/register', registration({ acceptTerms: false }));
    expect(r.status).toBe(422);
    expect(r.body).toEqual({ error: { code: 'validation_failed', fields: { acceptTerms: 'must_accept' } } });
    expect((await h.call('POST', '/api/register', registration())).status).toBe(202);
    const [consent] = await rows('SELECT terms_version, privacy_version, accepted_at FROM consents');
    expect(consent).toMatchObject({
      terms_version: '2026-11-01',
      privacy_version: '2026-11-01',
      accepted_at: h.clock.now,
    });
  });

  it('stores e-mail bills: true by default, false when declined', async () => {
    await h.call('POST', '/api/register', registration());
    await h.call(
      'POST',
      '/api/register',
      registration({
        email: 'dragan@example.com',
        consumerCode: '104522',
        pin: '7390',
        name: 'Dragan Petrović',
        emailBills: false,
      }),
    );
    expect(await rows('SELECT email, email_bills FROM accounts ORDER BY email')).toEqual([
      expect.objectContaining({ email: 'dragan@example.com', email_bills: 0 }),
      expect.objectContaining({ email: 'milica@example.com', email_bills: 1 }),
    ]);
  });

  it('takes a PIN typed with spaces, as it is printed in groups', async () => {
    const r = await h.call(
      'POST',
      '/api/register',
      registration({ pin: ` ${DEMO.pin.slice(0, 2)} ${DEMO.pin.slice(2)} ` }),
    );
    expect(r.status).toBe(202);
  });

  it('answers a wrong code and a wrong PIN the same way', async () => {
    const wrongCode = await h.call('POST', '/api/register', registration({ consumerCode: '999999' }));
    const wrongPin = await h.call('POST', '/api/register', registration({ pin: '0000' }));
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.body).toEqual({ error: { code: 'invalid_consumer_credentials', attemptsLeft: 4 } });
    expect(wrongPin.status).toBe(wrongCode.status);
    expect(wrongPin.body).toEqual(wrongCode.body);
    expect(await rows('SELECT * FROM accounts')).toEqual([]);
  });

  it('allows one confirmed account per consumer code: 409 once the code is linked, and only after its PIN', async () => {
    await confirmedAccount(h);
    const again = await h.call('POST', '/api/register', registration({ email: 'other@example.com' }));
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ error: { code: 'consumer_already_registered' } });
    expect(
      (await h.call('POST', '/api/register', registration({ email: 'other@example.com', pin: '0000' }))).status,
    ).toBe(400);
  });

  it('links the code at confirmation: of two pending registrations of one code, the first confirmed wins', async () => {
    expect((await h.call('POST', '/api/register', registration())).status).toBe(202);
    expect(
      (await h.call('POST', '/api/register', registration({ email: 'other@example.com', name: 'Druga Osoba' }))).status,
    ).toBe(202);
    expect(await rows('SELECT count(*) AS n FROM account_consumers')).toEqual([{ n: 0 }]);
    const second = await h.linkFrom('confirm', 'other@example.com');
    const first = await h.linkFrom('confirm', 'milica@example.com');
    expect((await h.call('POST', '/api/confirm', { token: second })).body).toEqual({ status: 'confirmed' });
    const late = await h.call('POST', '/api/confirm', { token: first });
    expect(late.status).toBe(409);
    expect(late.body).toEqual({ error: { code: 'consumer_already_registered' } });
    expect(await rows('SELECT a.email FROM account_consumers ac JOIN accounts a ON a.id = ac.account_id')).toEqual([
      { email: 'other@example.com' },
    ]);
    expect(await rows("SELECT confirmed_at FROM accounts WHERE email = 'milica@example.com'")).toEqual([
      { confirmed_at: null },
    ]);
  });

  it('gives a confirmed e-mail the same 202 and mails its owner a notice, at most once a day', async () => {
    await confirmedAccount(h);
    const before = (await h.outbox()).length;
    for (let i = 0; i < 5; i++) {
      const r = await h.call(
        'POST',
        '/api/register',
        registration({ consumerCode: '104522', pin: '7390', name: 'Neko Drugi' }),
        { ip: `198.51.100.${i}` },
      );
      expect(r.status).toBe(202);
      expect(r.body).toEqual({ status: 'confirmation_sent' });
    }
    expect(await rows('SELECT count(*) AS n FROM accounts')).toEqual([{ n: 1 }]);
    expect(await rows("SELECT * FROM account_consumers WHERE consumer_code = '104522'")).toEqual([]);
    const notices = (await h.outbox()).slice(0, (await h.outbox()).length - before);
    expect(notices.map((m) => [m.kind, m.to])).toEqual([['register_attempt', 'milica@example.com']]);
    expect(notices[0].text).toContain('Milica Jovanović');
    expect(notices[0].text).not.toContain('Neko Drugi');
    h.clock.advance(24 * 3600_000 + 1);
    await h.call('POST', '/api/register', registration({ consumerCode: '104522', pin: '7390' }));
    expect((await h.outbox()).filter((m) => m.kind === 'register_attempt')).toHaveLength(2);
  });

  it("keeps the first registration of an address until it is confirmed or expires: a stranger's second one changes nothing (no pre-account hijack)", async () => {
    await h.call('POST', '/api/register', registration(), { ip: '198.51.100.10' });
    h.clock.advance(60_000);
    const before = await rows('SELECT id, name, password_hash, pending_consumer_code, created_at FROM accounts');
    const stranger = await h.call(
      'POST',
      '/api/register',
      registration({ consumerCode: '104522', pin: '7390', name: 'Dragan Petrović', password: 'drugačija lozinka 42' }),
      { ip: '203.0.113.99' },
    );
    // The same answer as any registration, and the registration as it was.
    expect(stranger.status).toBe(202);
    expect(stranger.body).toEqual({ status: 'confirmation_sent' });
    expect(await rows('SELECT id, name, password_hash, pending_consumer_code, created_at FROM accounts')).toEqual(
      before,
    );
    // Whichever mail the resident opens confirms her own registration.
    const link = await h.linkFrom('confirm');
    expect((await h.call('POST', '/api/confirm', { token: link })).status).toBe(200);
    const strangers = await h.call('POST', '/api/login', {
      email: 'milica@example.com',
      password: 'drugačija lozinka 42',
    });
    expect(strangers.status).toBe(401);
    const hers = await h.call('POST', '/api/login', { email: 'milica@example.com', password: registration().password });
    expect(hers.body.account).toMatchObject({ name: DEMO.name, consumers: [{ code: DEMO.code }] });
  });

  it('replaces a registration whose confirmation window has passed', async () => {
    await h.call('POST', '/api/register', registration());
    const older = await h.linkFrom('confirm');
    h.clock.advance(h.deps.config.confirmTtlMs + 60_000);
    await h.call(
      'POST',
      '/api/register',
      registration({ consumerCode: '104522', pin: '7390', name: 'Dragan Petrović', password: 'drugačija lozinka 42' }),
    );
    expect(await rows('SELECT count(*) AS n FROM accounts')).toEqual([{ n: 1 }]);
    expect((await h.call('POST', '/api/confirm', { token: older })).status).toBe(400);
    const newer = await h.linkFrom('confirm');
    expect((await h.call('POST', '/api/confirm', { token: newer })).status).toBe(200);
    const login = await h.call('POST', '/api/login', { email: 'milica@example.com', password: 'drugačija lozinka 42' });
    expect(login.body.account).toMatchObject({ name: 'Dragan Petrović', consumers: [{ code: '104522' }] });
  });

  it('leaves the same traces for a new and a known address: the answer, its headers and timing work, the code left free', async () => {
    await confirmedAccount(h, {
      email: 'poznat@example.com',
      consumerCode: '104522',
      pin: '7390',
      name: 'Dragan Petrović',
    });
    h.counts.hash = 0;
    const known = await h.call('POST', '/api/register', registration({ email: 'poznat@example.com' }), {
      deferred: 'keep',
    });
    const hashesKnown = h.counts.hash;
    await h.settle();
    h.counts.hash = 0;
    const fresh = await h.call('POST', '/api/register', registration({ email: 'nov@example.com' }), {
      deferred: 'keep',
    });
    const hashesFresh = h.counts.hash;
    await h.settle();
    expect(fresh.status).toBe(known.status);
    expect(fresh.body).toEqual(known.body);
    expect([...fresh.headers.keys()].sort()).toEqual([...known.headers.keys()].sort());
    expect(hashesFresh).toBe(hashesKnown);
    // The second probe with the same code answers alike in both cases (nothing linked yet).
    const probeKnown = await h.call('POST', '/api/register', registration({ email: 'treci@example.com' }));
    expect(probeKnown.status).toBe(202);
    expect(await rows(`SELECT count(*) AS n FROM account_consumers WHERE consumer_code = '${DEMO.code}'`)).toEqual([
      { n: 0 },
    ]);
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
    expect(mail.text).toMatch(/^http:\/\/localhost:8787\/#potvrda=[\w-]{43}&jezik=sr-Cyrl$/m);
  });

  it('builds links from PORTAL_URL, never from the Host header', async () => {
    await h.call('POST', '/api/register', registration(), {
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    });
    const [mail] = await h.outbox();
    expect(mail.text).not.toContain('evil.example');
    expect(mail.html).not.toContain('evil.example');
  });

  it('stores no clear PIN, password or token', async () => {
    await h.call('POST', '/api/register', registration());
    const token = await h.linkFrom('confirm');
    const dump =
      JSON.stringify(await rows('SELECT * FROM accounts')) +
      JSON.stringify(await rows('SELECT * FROM tokens')) +
      JSON.stringify(await rows('SELECT * FROM consumers'));
    expect(dump).not.toContain(token);
    expect(dump).not.toContain('ljubičasti');
    expect(dump).not.toMatch(/"pin_digest":"4821"/);
    expect(dump).toContain('$argon2id$v=19$m=19456,t=2,p=1$');
  });

  it('lets exactly one of 20 concurrent confirmations of one consumer code link it', async () => {
    // Registered one after another (a burst of right PINs is cut by the per-code count, as it should be).
    for (let i = 0; i < 20; i++)
      expect(
        (await h.call('POST', '/api/register', registration({ email: `r${i}@example.com` }), { ip: `198.51.100.${i}` }))
          .status,
      ).toBe(202);
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => h.linkFrom('confirm', `r${i}@example.com`)));
    const confirmations = await Promise.all(tokens.map((token) => h.call('POST', '/api/confirm', { token })));
    expect(confirmations.filter((r) => r.status === 200)).toHaveLength(1);
    expect(
      confirmations.filter((r) => r.status === 409 && r.body.error.code === 'consumer_already_registered'),
    ).toHaveLength(19);
    expect(await rows(`SELECT count(*) AS n FROM account_consumers WHERE consumer_code = '${DEMO.code}'`)).toEqual([
      { n: 1 },
    ]);
    expect(await rows('SELECT count(*) AS n FROM accounts WHERE confirmed_at IS NOT NULL')).toEqual([{ n: 1 }]);
  });

  it('makes one account of 20 concurrent registrations with one e-mail', async () => {
    const codes = Array.from({ length: 10 }, (_, i) => String(104521 + i));
    const pins = ['4821', '7390', '1168', '5502', '9034', '2277', '6640', '3815', '8452', '4096'];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.call(
          'POST',
          '/api/register',
          registration({
            email: 'same@example.com',
            consumerCode: codes[i % 10],
            pin: pins[i % 10],
            name: 'Isti Korisnik',
          }),
          { ip: `198.51.100.${i}` },
        ),
      ),
    );
    // Beyond the hasher's queue (2 running + 8 waiting) the answer is 503, never anything else.
    expect(results.every((r) => r.status === 202 || r.status === 503)).toBe(true);
    expect(results.filter((r) => r.status === 202).length).toBeGreaterThanOrEqual(10);
    expect(await rows('SELECT count(*) AS n FROM accounts')).toEqual([{ n: 1 }]);
    // One link is valid in the end, and it links exactly one code.
    expect(await rows("SELECT count(*) AS n FROM tokens WHERE purpose = 'confirm' AND used_at IS NULL")).toEqual([
      { n: 1 },
    ]);
    const [{ hash }] = await rows("SELECT hash FROM tokens WHERE purpose = 'confirm' AND used_at IS NULL");
    const mails = (await h.outbox()).filter((m) => m.kind === 'confirm');
    let confirmed = 0;
    for (const m of mails) {
      const token = m.text.match(/#potvrda=([\w-]+)/)![1];
      // The voided links say "already confirmed" once the valid one confirmed the account.
      if ((await h.call('POST', '/api/confirm', { token })).body.status === 'confirmed') confirmed++;
    }
    expect(hash).toBeTruthy();
    expect(confirmed).toBe(1);
    expect(await rows('SELECT count(*) AS n FROM account_consumers')).toEqual([{ n: 1 }]);
  });
});
