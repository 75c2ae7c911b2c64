// Account-wide events and the lock-out sequences an attacker would try: a pending e-mail change
// dies with a reset, a password change or "log out everywhere"; failures from elsewhere never
// keep the owner out; re-entering the password and the account actions are counted first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, confirmedAccount, GOOD_PASSWORD, type Harness } from '../harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const NEW = 'nova lozinka za Rumu 9';
const THIEF = 'lopov@example.net';

/** The owner's account, a thief's stolen session, and the change the thief asked for (its token). */
async function stolenSessionAsksForChange() {
  const a = await confirmedAccount(h);
  const thief = (await h.call('POST', '/api/login', a, { ip: '192.0.2.66' })).cookie;
  expect(
    (
      await h.call(
        'POST',
        '/api/account/email',
        { password: GOOD_PASSWORD, email: THIEF },
        { cookie: thief, ip: '192.0.2.66' },
      )
    ).status,
  ).toBe(202);
  return { a, thief, token: await h.linkFrom('confirm', THIEF) };
}

const emailOf = async () => (await h.deps.db.$client.execute('SELECT email FROM accounts')).rows[0].email;

describe('a pending e-mail change (account takeover with a stolen session)', () => {
  it('is void after the owner resets the password', async () => {
    const { a, token } = await stolenSessionAsksForChange();
    await h.call('POST', '/api/password/forgot', { email: a.email });
    expect(
      (await h.call('POST', '/api/password/reset', { token: await h.linkFrom('reset'), password: NEW })).status,
    ).toBe(200);
    expect((await h.call('POST', '/api/confirm', { token })).body).toEqual({ error: { code: 'invalid_token' } });
    expect(await emailOf()).toBe(a.email);
  });

  it('is void after the owner changes the password', async () => {
    const { a, token } = await stolenSessionAsksForChange();
    const owner = (await h.call('POST', '/api/login', a)).cookie;
    expect(
      (
        await h.call(
          'POST',
          '/api/account/password',
          { currentPassword: GOOD_PASSWORD, newPassword: NEW },
          { cookie: owner },
        )
      ).status,
    ).toBe(200);
    expect((await h.call('POST', '/api/confirm', { token })).status).toBe(400);
    expect(await emailOf()).toBe(a.email);
  });

  it('is void after "log out everywhere", and so is the thief\'s session', async () => {
    const { a, thief, token } = await stolenSessionAsksForChange();
    const owner = (await h.call('POST', '/api/login', a)).cookie;
    expect(
      (await h.call('POST', '/api/account/sessions/revoke-all', { keepCurrent: true }, { cookie: owner })).status,
    ).toBe(204);
    expect((await h.call('POST', '/api/confirm', { token })).status).toBe(400);
    expect((await h.call('GET', '/api/me', undefined, { cookie: thief })).body).toEqual({ account: null });
    expect((await h.call('GET', '/api/me', undefined, { cookie: owner })).body.account).not.toBeNull();
  });

  it('is refused when older than the last password change, even if the link was somehow still open', async () => {
    const { a, token } = await stolenSessionAsksForChange();
    h.clock.advance(1000);
    const owner = (await h.call('POST', '/api/login', a)).cookie;
    await h.call(
      'POST',
      '/api/account/password',
      { currentPassword: GOOD_PASSWORD, newPassword: NEW },
      { cookie: owner },
    );
    await h.deps.db.$client.execute("UPDATE tokens SET used_at = NULL WHERE purpose = 'email'");
    expect((await h.call('POST', '/api/confirm', { token })).status).toBe(400);
    expect(await emailOf()).toBe(a.email);
  });

  it('when the owner completes it, tells the old address', async () => {
    const a = await confirmedAccount(h);
    const owner = (await h.call('POST', '/api/login', a)).cookie;
    await h.call(
      'POST',
      '/api/account/email',
      { password: GOOD_PASSWORD, email: 'nova@example.com' },
      { cookie: owner },
    );
    expect(
      (await h.call('POST', '/api/confirm', { token: await h.linkFrom('confirm', 'nova@example.com') })).status,
    ).toBe(200);
    const notice = (await h.outbox()).find((m) => m.kind === 'email_changed');
    expect(notice).toMatchObject({ to: a.email });
    expect(notice!.text).toContain('nova@example.com');
  });
});

describe('lock-out as a weapon', () => {
  it("an attacker's failures from many addresses do not keep out the owner's browser (device cookie)", async () => {
    const a = await confirmedAccount(h);
    const device = (await h.call('POST', '/api/login', a)).device;
    for (let i = 0; i < 12; i++)
      await h.call(
        'POST',
        '/api/login',
        { email: a.email, password: `pogrešna ${i} lozinka` },
        { ip: `198.51.100.${i}` },
      );
    expect((await h.call('POST', '/api/login', a, { ip: '203.0.113.50' })).status).toBe(429); // a stranger's browser waits
    expect((await h.call('POST', '/api/login', a, { cookie: device })).status).toBe(200);
  });

  it('a device cookie for another account, or a forged one, gives no exemption', async () => {
    const a = await confirmedAccount(h);
    const b = await confirmedAccount(h, {
      name: 'Dragan Petrović',
      email: 'dragan@example.com',
      consumerCode: '104522',
      pin: '7390',
    });
    const deviceOfB = (await h.call('POST', '/api/login', b)).device!;
    for (let i = 0; i < 6; i++)
      await h.call(
        'POST',
        '/api/login',
        { email: a.email, password: `pogrešna ${i} lozinka` },
        { ip: `198.51.100.${i}` },
      );
    expect((await h.call('POST', '/api/login', a, { cookie: deviceOfB })).status).toBe(429);
    const forged = deviceOfB.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'));
    expect((await h.call('POST', '/api/login', a, { cookie: forged })).status).toBe(429);
  });

  it('a reset lets the owner in at once and forgets the failures (a new browser then logs in too)', async () => {
    const a = await confirmedAccount(h);
    for (let i = 0; i < 12; i++)
      await h.call(
        'POST',
        '/api/login',
        { email: a.email, password: `pogrešna ${i} lozinka` },
        { ip: `198.51.100.${i}` },
      );
    await h.call('POST', '/api/password/forgot', { email: a.email });
    const reset = await h.call('POST', '/api/password/reset', { token: await h.linkFrom('reset'), password: NEW });
    expect((await h.call('GET', '/api/me', undefined, { cookie: reset.cookie })).body.account).not.toBeNull();
    expect((await h.call('POST', '/api/login', { email: a.email, password: NEW }, { ip: '203.0.113.51' })).status).toBe(
      200,
    );
  });

  it('checks at most 5 of 200 wrong passwords sent at once to one account', async () => {
    const a = await confirmedAccount(h);
    h.counts.verify = 0;
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        h.call(
          'POST',
          '/api/login',
          { email: a.email, password: `pogrešna ${i} lozinka` },
          { ip: `198.51.${i >> 8}.${i & 255}` },
        ),
      ),
    );
    expect(h.counts.verify).toBeLessThanOrEqual(5);
    expect(answers.filter((r) => r.status === 401).length).toBeLessThanOrEqual(5);
    expect(answers.every((r) => r.status === 401 || r.status === 429)).toBe(true);
  });
});

describe('inside a session', () => {
  it('checks at most 5 of 120 wrong passwords re-entered at once', async () => {
    const a = await confirmedAccount(h);
    const cookie = (await h.call('POST', '/api/login', a)).cookie;
    h.counts.verify = 0;
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        h.call('POST', '/api/account/delete', { password: `pogrešna ${i} lozinka` }, { cookie, ip: `198.51.100.${i}` }),
      ),
    );
    expect(h.counts.verify).toBeLessThanOrEqual(5);
    expect(answers.filter((r) => r.status === 403).length).toBeLessThanOrEqual(5);
    expect(answers.every((r) => r.status === 403 || r.status === 429)).toBe(true);
  });

  it('counts e-mail changes with the right password per account per day (no mail flood, no Argon2 flood)', async () => {
    const a = await confirmedAccount(h);
    const cookie = (await h.call('POST', '/api/login', a)).cookie;
    h.counts.verify = 0;
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        h.call(
          'POST',
          '/api/account/email',
          { password: GOOD_PASSWORD, email: `n${i}@example.net` },
          { cookie, ip: `198.51.100.${i}` },
        ),
      ),
    );
    const accepted = answers.filter((r) => r.status === 202).length;
    expect(accepted).toBeLessThanOrEqual(20);
    expect(h.counts.verify).toBeLessThanOrEqual(20);
    expect(answers.every((r) => r.status === 202 || r.status === 429 || r.status === 503)).toBe(true);
    const mails = (await h.outbox()).filter(
      (m) => m.kind === 'email_change' || m.kind === 'email_change_notice',
    ).length;
    expect(mails).toBe(2 * accepted);
    // The mail to the new, unproven address carries nothing the requester typed.
    const toNew = (await h.outbox()).find((m) => m.kind === 'email_change')!;
    expect(toNew.text).not.toContain('Milica');
  });

  it('counts the export per account', async () => {
    const a = await confirmedAccount(h);
    const cookie = (await h.call('POST', '/api/login', a)).cookie;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => h.call('GET', '/api/account/export', undefined, { cookie })),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(20);
  });
});
