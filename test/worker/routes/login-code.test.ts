// Logging in with a one-time code by e-mail: the code read from the mail in the outbox, as a
// resident reads it; 10 minutes, single use, 5 tries, a new code replacing the old; one answer for
// every address; the mail limits of a forgotten password; bursts of 100 at once; account-wide
// events void an open code.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, registration, confirmedAccount, GOOD_PASSWORD, type Harness } from '../harness.ts';
import { loginCodeDigest } from '../../../worker/src/auth/login-codes.ts';
import { cleanup } from '../../../worker/src/cleanup.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const MIN = 60_000;
const NEW = 'nova lozinka za Rumu 9';
const INVALID = { error: { code: 'invalid_code' } };
const many = (n: number) => Array.from({ length: n }, (_, i) => i);
const ipOf = (i: number) => `198.51.${100 + (i >> 8)}.${i & 255}`;

const send = (email: string, ip?: string, cookie?: string) =>
  h.call('POST', '/api/login/code/send', { email }, { ip, cookie });
const enter = (email: string, code: string, o: { ip?: string; remember?: boolean; cookie?: string } = {}) =>
  h.call('POST', '/api/login/code', { email, code, remember: o.remember }, { ip: o.ip, cookie: o.cookie });

/** The code of the newest login-code mail to this address, as the resident reads it. */
async function codeFrom(to: string): Promise<string> {
  const mail = (await h.outbox()).find((m) => m.kind === 'login-code' && m.to === to);
  if (!mail) throw new Error(`no login code mailed to ${to}`);
  const code = mail.subject.match(/^Kod za prijavu: (\d{6})$/)?.[1];
  if (!code) throw new Error(`no code in "${mail.subject}"`);
  expect(mail.text).toMatch(new RegExp(`^${code}$`, 'm'));
  return code;
}

/** A code for the account, mailed and read from the outbox. */
async function mailedCode(email: string, ip?: string) {
  expect((await send(email, ip)).body).toEqual({ status: 'accepted' });
  return codeFrom(email);
}

/** A wrong code for sure (differs from `code` in its last digit). */
const wrong = (code: string, i = 0) => code.slice(0, 5) + String((Number(code[5]) + 1 + (i % 9)) % 10);

const count = async (sql: string, ...args: string[]) =>
  Number((await h.deps.db.$client.execute({ sql, args })).rows[0].n);
const sessionsOf = (email: string) =>
  count('SELECT count(*) AS n FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.email = ?', email);
const triesOf = (email: string) =>
  count('SELECT tries AS n FROM login_codes c JOIN accounts a ON a.id = c.account_id WHERE a.email = ?', email);

/** A second confirmed resident, beside `confirmedAccount`'s. */
const secondAccount = () =>
  confirmedAccount(h, { email: 'dragan@example.com', consumerCode: '104522', pin: '7390', name: 'Dragan Petrović' });

async function unconfirmedAccount(email = 'dragan@example.com') {
  const r = await h.call(
    'POST',
    '/api/register',
    registration({ email, consumerCode: '104522', pin: '7390', name: 'Dragan Petrović' }),
  );
  expect(r.status).toBe(202);
  return email;
}

describe('a login code', () => {
  it('is mailed to a confirmed account and logs the resident in, like a password', async () => {
    const a = await confirmedAccount(h);
    const code = await mailedCode(a.email);
    const r = await enter(a.email, code, { remember: true });
    expect(r.status).toBe(200);
    expect(r.body.account).toMatchObject({ email: a.email, consumers: [{ code: '104521' }] });
    expect(r.sessionSetCookie).toMatch(/^jp_session=[\w-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(r.device).toMatch(/^jp_device=/);
    expect((await h.call('GET', '/api/me', undefined, { cookie: r.cookie })).body.account.email).toBe(a.email);
    // Without "remember me": a browser session.
    const again = await enter(a.email, await mailedCode(a.email, '203.0.113.8'));
    expect(again.sessionSetCookie).toMatch(/^jp_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it('is kept only as a keyed digest of the account and the code', async () => {
    const a = await confirmedAccount(h);
    const code = await mailedCode(a.email);
    const row = (await h.deps.db.$client.execute('SELECT * FROM login_codes')).rows[0];
    expect(row.digest).toBe(await loginCodeDigest(h.deps.config.pinKey, String(row.account_id), code));
    expect(JSON.stringify(row)).not.toContain(code);
    expect(Number(row.expires_at)).toBe(h.clock.now + 10 * MIN);
  });

  it('may be typed with spaces between the digits', async () => {
    const a = await confirmedAccount(h);
    const code = await mailedCode(a.email);
    expect((await enter(a.email, `${code.slice(0, 3)} ${code.slice(3)}`)).status).toBe(200);
  });

  it('is valid for 10 minutes', async () => {
    const a = await confirmedAccount(h);
    const code = await mailedCode(a.email);
    h.clock.advance(10 * MIN - 1);
    expect((await enter(a.email, code)).status).toBe(200);

    h.clock.advance(3 * MIN);
    const late = await mailedCode(a.email);
    h.clock.advance(10 * MIN);
    const r = await enter(a.email, late);
    expect([r.status, r.body]).toEqual([401, INVALID]);
    expect(r.cookie).toBeUndefined();
  });

  it('is used once', async () => {
    const a = await confirmedAccount(h);
    const code = await mailedCode(a.email);
    expect((await enter(a.email, code)).status).toBe(200);
    const again = await enter(a.email, code, { ip: '203.0.113.99' });
    expect([again.status, again.body]).toEqual([401, INVALID]);
    expect(await sessionsOf(a.email)).toBe(1);
  });

  it('takes 4 wrong tries and still the right one; after 5 wrong tries even the right code is refused', async () => {
    const a = await confirmedAccount(h);
    const code = await mailedCode(a.email);
    for (const i of many(4)) expect((await enter(a.email, wrong(code, i))).body).toEqual(INVALID);
    expect((await enter(a.email, code)).status).toBe(200);

    h.clock.advance(3 * MIN);
    const next = await mailedCode(a.email);
    for (const i of many(5)) expect((await enter(a.email, wrong(next, i))).body).toEqual(INVALID);
    expect(await triesOf(a.email)).toBe(5);
    const r = await enter(a.email, next);
    expect([r.status, r.body]).toEqual([401, INVALID]);
    expect(await triesOf(a.email)).toBe(5);
  });

  it('is replaced by a new one: the old code no longer works, the new one has its own 5 tries', async () => {
    const a = await confirmedAccount(h);
    const older = await mailedCode(a.email);
    for (const i of many(3)) await enter(a.email, wrong(older, i));
    h.clock.advance(3 * MIN); // past "a code was sent a moment ago" for this requester
    const newer = await mailedCode(a.email);
    expect(await count('SELECT count(*) AS n FROM login_codes')).toBe(1);
    expect(await triesOf(a.email)).toBe(0);
    if (newer !== older) expect((await enter(a.email, older)).body).toEqual(INVALID);
    expect((await enter(a.email, newer)).status).toBe(200);
  });

  it("belongs to its account: another account's address with it is refused", async () => {
    const a = await confirmedAccount(h);
    const b = await secondAccount();
    const code = await mailedCode(a.email);
    expect((await enter(b.email, code)).body).toEqual(INVALID);
    expect((await enter(a.email, code)).status).toBe(200);
  });
});

describe('one answer for every address', () => {
  it('asking: the same 202 for a confirmed, an unconfirmed and an unknown address; the unconfirmed gets its confirmation link again', async () => {
    const a = await confirmedAccount(h);
    const pending = await unconfirmedAccount();
    const before = await h.outbox();
    const answers = [];
    for (const [i, email] of [a.email, pending, 'niko@example.com'].entries()) answers.push(await send(email, ipOf(i)));
    for (const r of answers) {
      expect([r.status, r.body]).toEqual([202, { status: 'accepted' }]);
      expect([...r.headers.keys()].sort()).toEqual([...answers[0].headers.keys()].sort());
    }
    const mails = (await h.outbox()).slice(0, (await h.outbox()).length - before.length);
    expect(mails.map((m) => [m.kind, m.to]).sort()).toEqual([
      ['confirm', pending],
      ['login-code', a.email],
    ]);
    // The new confirmation link works (the older one is void) and the account can then ask for a code.
    const token = await h.linkFrom('confirm', pending);
    expect((await h.call('POST', '/api/confirm', { token })).body).toEqual({ status: 'confirmed' });
    h.clock.advance(3 * MIN);
    expect((await enter(pending, await mailedCode(pending))).status).toBe(200);
  });

  it('entering: wrong, unknown address and unconfirmed account get the same 401', async () => {
    const a = await confirmedAccount(h);
    const pending = await unconfirmedAccount();
    const code = await mailedCode(a.email);
    const answers = [
      await enter(a.email, wrong(code)),
      await enter('niko@example.com', code),
      await enter(pending, code),
      await enter(pending, '000000'),
    ];
    for (const r of answers) {
      expect([r.status, r.body]).toEqual([401, INVALID]);
      expect([...r.headers.keys()].sort()).toEqual([...answers[0].headers.keys()].sort());
    }
  });

  it('costs the same database round trips, asking or entering, whether or not the address has an account', async () => {
    const a = await confirmedAccount(h);
    const trips = async (call: () => Promise<unknown>) => {
      let n = 0;
      const client = h.deps.db.$client as unknown as {
        batch: (...x: unknown[]) => unknown;
        execute: (...x: unknown[]) => unknown;
      };
      const [batch, execute] = [client.batch.bind(client), client.execute.bind(client)];
      client.batch = (...x) => (n++, batch(...x));
      client.execute = (...x) => (n++, execute(...x));
      try {
        await call();
      } finally {
        Object.assign(client, { batch, execute });
        await h.settle();
      }
      return n;
    };
    const ask = (email: string, ip: string) => () =>
      h.call('POST', '/api/login/code/send', { email }, { ip, deferred: 'keep' });
    expect(await trips(ask(a.email, '198.51.100.1'))).toBe(await trips(ask('niko@example.com', '198.51.100.2')));
    const code = await codeFrom(a.email);
    const wrongTry = await trips(() => enter(a.email, wrong(code)));
    expect(await trips(() => enter('niko@example.com', code))).toBe(wrongTry);
    expect(wrongTry).toBe(2);
    // A success too: the try and the account, then the code used with the session.
    expect(await trips(() => enter(a.email, code))).toBe(2);
    expect(await sessionsOf(a.email)).toBe(1);
  });
});

describe('asking for codes has the limits of a forgotten password', () => {
  it('at most 5 mails an hour per address, silently; the same requester hears "recently_sent"', async () => {
    const a = await confirmedAccount(h);
    for (const i of many(7)) expect((await send(a.email, ipOf(i))).body).toEqual({ status: 'accepted' });
    expect((await h.outbox()).filter((m) => m.kind === 'login-code')).toHaveLength(5);
    expect((await send(a.email, ipOf(0))).body).toEqual({ status: 'recently_sent' });
    await send('niko@example.com', ipOf(50));
    expect((await send('niko@example.com', ipOf(50))).body).toEqual({ status: 'recently_sent' });
    // Its own keys: a reset link still goes out.
    await h.call('POST', '/api/password/forgot', { email: a.email }, { ip: ipOf(60) });
    expect((await h.outbox()).filter((m) => m.kind === 'reset')).toHaveLength(1);
  });

  it('100 asked at once from many addresses: 5 codes go out, and no browser gets more (they bound the guesses)', async () => {
    const a = await confirmedAccount(h);
    const owner = await h.call('POST', '/api/login', a);
    const answers = await Promise.all(many(100).map((i) => send(a.email, ipOf(i))));
    expect(answers.every((r) => r.status === 202 && r.body.status === 'accepted')).toBe(true);
    expect((await h.outbox()).filter((m) => m.kind === 'login-code')).toHaveLength(5);
    // Unlike a reset link, a browser that logged in before is no exception.
    expect((await send(a.email, '203.0.113.9', owner.device)).body).toEqual({ status: 'accepted' });
    expect((await h.outbox()).filter((m) => m.kind === 'login-code')).toHaveLength(5);
    h.clock.advance(60 * MIN);
    expect((await send(a.email, '203.0.113.9', owner.device)).body).toEqual({ status: 'accepted' });
    expect((await h.outbox()).filter((m) => m.kind === 'login-code')).toHaveLength(6);
  });

  it('100 asked at once by one requester: one mail, "recently_sent" up to the 20 an address may ask, then 429', async () => {
    const a = await confirmedAccount(h);
    const answers = await Promise.all(many(100).map(() => send(a.email, '192.0.2.44')));
    expect(answers.filter((r) => r.body.status === 'accepted')).toHaveLength(1);
    expect(answers.filter((r) => r.body.status === 'recently_sent')).toHaveLength(19);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(80);
    expect((await h.outbox()).filter((m) => m.kind === 'login-code')).toHaveLength(1);
  });

  it('150 at once from one address for many e-mails: 20 pass, the rest 429 with Retry-After', async () => {
    const answers = await Promise.all(many(150).map((i) => send(`x${i}@example.com`, '192.0.2.5')));
    expect(answers.filter((r) => r.status === 202)).toHaveLength(20);
    const r = answers.find((x) => x.status === 429)!;
    expect(r.body).toEqual({ error: { code: 'too_many_attempts' } });
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('bursts of tries', () => {
  it('100 right codes at once from many addresses: exactly one session', async () => {
    const a = await confirmedAccount(h);
    const code = await mailedCode(a.email);
    const answers = await Promise.all(many(100).map((i) => enter(a.email, code, { ip: ipOf(i) })));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.status !== 200).every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect(answers.filter((r) => r.cookie)).toHaveLength(1);
    expect(await sessionsOf(a.email)).toBe(1);
  });

  it("100 wrong codes at once from strangers' addresses: 5 are counted on the code, strangers are then refused for the day, and the owner's browser still logs in with a new code", async () => {
    const a = await confirmedAccount(h);
    const owner = await h.call('POST', '/api/login', a, { ip: '192.0.2.1' });
    expect(owner.device).toBeDefined();
    const code = await mailedCode(a.email);
    const answers = await Promise.all(many(100).map((i) => enter(a.email, wrong(code, i), { ip: ipOf(i) })));
    expect(answers.every((r) => r.status === 401)).toBe(true);
    expect(await triesOf(a.email)).toBe(5);
    // Strangers together have used up their day (5 × 20), whoever asks next.
    h.clock.advance(3 * MIN);
    const next = await mailedCode(a.email, ipOf(200));
    const stranger = await enter(a.email, next, { ip: ipOf(201) });
    expect(stranger.status).toBe(429);
    expect(await triesOf(a.email)).toBe(0);
    // The owner's browser counts on its own: the same code logs her in.
    const mine = await enter(a.email, next, { ip: '192.0.2.1', cookie: owner.device });
    expect(mine.status).toBe(200);
    expect(await sessionsOf(a.email)).toBe(2);
  });

  it('at most 20 wrong codes a day per e-mail address and requester, across new codes; another requester, the password and the next day still work', async () => {
    const a = await confirmedAccount(h);
    const attacker = '203.0.113.66';
    for (let n = 0; n < 4; n++) {
      const code = await mailedCode(a.email, ipOf(n));
      for (let i = 0; i < 5; i++) expect((await enter(a.email, wrong(code, i), { ip: attacker })).status).toBe(401);
      h.clock.advance(3 * MIN);
    }
    const fifth = await mailedCode(a.email, ipOf(99));
    const refused = await enter(a.email, fifth, { ip: attacker });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'too_many_attempts' } });
    // The stranger's 20 are his own: the resident on her phone (another address) is not locked out.
    expect((await enter(a.email, fifth, { ip: ipOf(98) })).status).toBe(200);
    expect((await h.call('POST', '/api/login', a, { ip: ipOf(97) })).status).toBe(200);
    h.clock.advance(24 * 60 * MIN);
    const later = await mailedCode(a.email, ipOf(96));
    expect((await enter(a.email, later, { ip: attacker })).status).toBe(200);
  });

  it('100 tries at once from one address: the login budget of 50 per address holds, a success gives its slot back', async () => {
    const a = await confirmedAccount(h);
    const code = await mailedCode(a.email);
    const answers = await Promise.all(many(100).map((i) => enter(`x${i}@example.com`, code, { ip: '192.0.2.77' })));
    expect(answers.filter((r) => r.status === 401)).toHaveLength(50);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(50);
    // The budget is shared with wrong passwords.
    expect(
      (await h.call('POST', '/api/login', { ...a, password: 'kriva lozinka 1' }, { ip: '192.0.2.77' })).status,
    ).toBe(429);

    const key = (await h.deps.db.$client.execute("SELECT key FROM throttles WHERE key LIKE 'login:ip:%'")).rows[0].key;
    const slots = () => count('SELECT count AS n FROM throttles WHERE key = ?', String(key));
    h.clock.advance(h.deps.config.limits.loginWindowMs);
    expect((await enter(a.email, wrong(code), { ip: '192.0.2.77' })).status).toBe(401);
    expect(await slots()).toBe(1);
    expect((await enter(a.email, code, { ip: '192.0.2.77' })).status).toBe(401); // expired meanwhile
    expect(await slots()).toBe(2);
    h.clock.advance(3 * MIN);
    const fresh = await mailedCode(a.email, '192.0.2.78');
    expect((await enter(a.email, fresh, { ip: '192.0.2.77' })).status).toBe(200);
    expect(await slots()).toBe(2);
  });
});

describe('account-wide events void an open code', () => {
  async function openCode() {
    const a = await confirmedAccount(h);
    const session = (await h.call('POST', '/api/login', a)).cookie!;
    return { a, session, code: await mailedCode(a.email) };
  }

  it('a password change', async () => {
    const { a, session, code } = await openCode();
    const r = await h.call(
      'POST',
      '/api/account/password',
      { currentPassword: GOOD_PASSWORD, newPassword: NEW },
      { cookie: session },
    );
    expect(r.status).toBe(200);
    expect((await enter(a.email, code)).body).toEqual(INVALID);
  });

  it('a password reset', async () => {
    const { a, code } = await openCode();
    await h.call('POST', '/api/password/forgot', { email: a.email });
    const reset = await h.call('POST', '/api/password/reset', { token: await h.linkFrom('reset'), password: NEW });
    expect(reset.status).toBe(200);
    expect((await enter(a.email, code)).body).toEqual(INVALID);
  });

  it('"log out everywhere"', async () => {
    const { a, session, code } = await openCode();
    const r = await h.call('POST', '/api/account/sessions/revoke-all', { keepCurrent: true }, { cookie: session });
    expect(r.status).toBeLessThan(300);
    expect((await enter(a.email, code)).body).toEqual(INVALID);
  });

  it('an e-mail change: a code mailed to the old address does not log in under the new one', async () => {
    const { a, session, code } = await openCode();
    const asked = await h.call(
      'POST',
      '/api/account/email',
      { password: GOOD_PASSWORD, email: 'nova.adresa@example.com' },
      { cookie: session },
    );
    expect(asked.status).toBeLessThan(300);
    const token = await h.linkFrom('email', 'nova.adresa@example.com');
    expect((await h.call('POST', '/api/confirm', { token })).body).toEqual({ status: 'email_changed' });
    expect((await enter('nova.adresa@example.com', code)).body).toEqual(INVALID);
    expect((await enter(a.email, code)).body).toEqual(INVALID);
  });

  it('deleting the account', async () => {
    const { a, session, code } = await openCode();
    const r = await h.call('POST', '/api/account/delete', { password: GOOD_PASSWORD }, { cookie: session });
    expect(r.status).toBeLessThan(300);
    expect(await count('SELECT count(*) AS n FROM login_codes')).toBe(0);
    expect((await enter(a.email, code)).body).toEqual(INVALID);
  });
});

describe('the cleanup', () => {
  it('forgets used and expired codes, keeps open ones', async () => {
    const a = await confirmedAccount(h);
    const b = await secondAccount();
    expect((await enter(a.email, await mailedCode(a.email))).status).toBe(200);
    await mailedCode(b.email);
    await cleanup(h.deps);
    expect(await count('SELECT count(*) AS n FROM login_codes')).toBe(1);
    h.clock.advance(10 * MIN + 1);
    await cleanup(h.deps);
    expect(await count('SELECT count(*) AS n FROM login_codes')).toBe(0);
  });
});
