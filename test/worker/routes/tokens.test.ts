import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, registration, confirmedAccount, type Harness } from '../harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const HOUR = 3600_000;
const NEW = 'nova lozinka za Rumu 9';

describe('confirmation tokens', () => {
  it('work once; opened again, the link says the account is already confirmed and changes nothing', async () => {
    await h.call('POST', '/api/register', registration());
    const token = await h.linkFrom('confirm');
    expect((await h.call('POST', '/api/confirm', { token })).body).toEqual({ status: 'confirmed' });
    const mails = (await h.outbox()).length;
    const again = await h.call('POST', '/api/confirm', { token });
    expect([again.status, again.body]).toEqual([200, { status: 'already_confirmed' }]);
    expect((await h.outbox()).length).toBe(mails);
    // Still confirmed, the code linked once: the login works.
    const login = await h.call('POST', '/api/login', {
      email: 'milica@example.com',
      password: registration().password,
    });
    expect(login.body.account.consumers.map((c: { code: string }) => c.code)).toEqual(['104521']);
  });

  it('a used or expired link of an account never confirmed is invalid_token, as an unknown one', async () => {
    await h.call('POST', '/api/register', registration());
    const first = await h.linkFrom('confirm');
    h.clock.advance(3 * 60_000);
    await h.call('POST', '/api/register/resend', { email: 'milica@example.com' });
    const second = await h.linkFrom('confirm');
    // The first link was voided by the second: the account is not confirmed, nothing to tell.
    expect((await h.call('POST', '/api/confirm', { token: first })).body).toEqual({ error: { code: 'invalid_token' } });
    h.clock.advance(48 * HOUR + 1);
    expect((await h.call('POST', '/api/confirm', { token: second })).body).toEqual({
      error: { code: 'invalid_token' },
    });
    expect((await h.call('POST', '/api/confirm', { token: 'A'.repeat(43) })).body).toEqual({
      error: { code: 'invalid_token' },
    });
  });

  it('an older, voided link of an account confirmed with the newer one says already confirmed', async () => {
    await h.call('POST', '/api/register', registration());
    const first = await h.linkFrom('confirm');
    h.clock.advance(3 * 60_000);
    await h.call('POST', '/api/register/resend', { email: 'milica@example.com' });
    const second = await h.linkFrom('confirm');
    expect((await h.call('POST', '/api/confirm', { token: second })).body).toEqual({ status: 'confirmed' });
    expect((await h.call('POST', '/api/confirm', { token: first })).body).toEqual({ status: 'already_confirmed' });
  });

  it('the way on when the confirmation mail never came: a reset link confirms the account and links its code', async () => {
    await h.call('POST', '/api/register', registration());
    const login = await h.call('POST', '/api/login', {
      email: 'milica@example.com',
      password: registration().password,
    });
    expect(login.body).toEqual({ error: { code: 'email_not_confirmed' } });
    await h.call('POST', '/api/password/forgot', { email: 'milica@example.com' });
    const reset = await h.call('POST', '/api/password/reset', { token: await h.linkFrom('reset'), password: NEW });
    expect(reset.body.account.consumers.map((c: { code: string }) => c.code)).toEqual(['104521']);
    expect((await h.call('POST', '/api/login', { email: 'milica@example.com', password: NEW })).status).toBe(200);
  });

  it('a burst of 100 uses of one link: one confirms, every other says already confirmed', async () => {
    await h.call('POST', '/api/register', registration());
    const token = await h.linkFrom('confirm');
    const results = await Promise.all(Array.from({ length: 100 }, () => h.call('POST', '/api/confirm', { token })));
    const tally = (status: string) => results.filter((r) => r.status === 200 && r.body.status === status).length;
    expect([tally('confirmed'), tally('already_confirmed')]).toEqual([1, 99]);
  });

  it('expire after 48 h', async () => {
    await h.call('POST', '/api/register', registration());
    const token = await h.linkFrom('confirm');
    h.clock.advance(48 * HOUR + 1);
    expect((await h.call('POST', '/api/confirm', { token })).body).toEqual({ error: { code: 'invalid_token' } });
  });

  it('reject unknown tokens', async () => {
    expect((await h.call('POST', '/api/confirm', { token: 'A'.repeat(43) })).status).toBe(400);
  });

  it("can be sent again for an unconfirmed account, voiding the old link (the registration counted as the requester's first mail)", async () => {
    await h.call('POST', '/api/register', registration());
    const first = await h.linkFrom('confirm');
    const soon = await h.call('POST', '/api/register/resend', { email: 'milica@example.com' });
    expect(soon.body).toEqual({ status: 'recently_sent' });
    h.clock.advance(h.deps.config.limits.mailRequesterGapMs);
    expect((await h.call('POST', '/api/register/resend', { email: 'milica@example.com' })).status).toBe(202);
    const second = await h.linkFrom('confirm');
    expect(second).not.toBe(first);
    expect((await h.call('POST', '/api/confirm', { token: first })).status).toBe(400);
    expect((await h.call('POST', '/api/confirm', { token: second })).status).toBe(200);
  });

  it('resend answers 202 for unknown and confirmed addresses and sends nothing', async () => {
    await confirmedAccount(h);
    const before = (await h.outbox()).length;
    expect((await h.call('POST', '/api/register/resend', { email: 'milica@example.com' })).status).toBe(202);
    expect((await h.call('POST', '/api/register/resend', { email: 'niko@example.com' })).status).toBe(202);
    expect((await h.outbox()).length).toBe(before);
  });
});

describe('password reset', () => {
  it('answers forgot identically for known and unknown e-mails', async () => {
    await confirmedAccount(h);
    const known = await h.call('POST', '/api/password/forgot', { email: 'milica@example.com' });
    const unknown = await h.call('POST', '/api/password/forgot', { email: 'niko@example.com' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect([...unknown.headers.keys()].sort()).toEqual([...known.headers.keys()].sort());
    expect((await h.outbox()).filter((m) => m.kind === 'reset').map((m) => m.to)).toEqual(['milica@example.com']);
  });

  it('revokes every other session, mails a notice and logs the resident in with the new password', async () => {
    const a = await confirmedAccount(h);
    const s1 = await h.call('POST', '/api/login', a);
    const s2 = await h.call('POST', '/api/login', { ...a, remember: true });
    await h.call('POST', '/api/password/forgot', { email: a.email });
    const reset = await h.call('POST', '/api/password/reset', { token: await h.linkFrom('reset'), password: NEW });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ status: 'password_reset', account: { email: a.email } });
    expect(reset.sessionSetCookie).toMatch(/^jp_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    for (const s of [s1, s2])
      expect((await h.call('GET', '/api/me', undefined, { cookie: s.cookie })).body).toEqual({ account: null });
    expect((await h.call('GET', '/api/me', undefined, { cookie: reset.cookie })).body.account).not.toBeNull();
    expect((await h.outbox())[0]).toMatchObject({ kind: 'password_changed', to: a.email });
  });

  it('uses a token once and only for 1 h', async () => {
    const a = await confirmedAccount(h);
    await h.call('POST', '/api/password/forgot', { email: a.email });
    const token = await h.linkFrom('reset');
    expect((await h.call('POST', '/api/password/reset', { token, password: NEW })).status).toBe(200);
    expect((await h.call('POST', '/api/password/reset', { token, password: NEW + 'x' })).body).toEqual({
      error: { code: 'invalid_token' },
    });

    h.clock.advance(2 * HOUR); // leave the per-address hourly mail limit behind
    await h.call('POST', '/api/password/forgot', { email: a.email });
    const late = await h.linkFrom('reset');
    h.clock.advance(HOUR + 1);
    expect((await h.call('POST', '/api/password/reset', { token: late, password: NEW })).status).toBe(400);
  });

  it('voids older reset links when a new one is issued', async () => {
    const a = await confirmedAccount(h);
    await h.call('POST', '/api/password/forgot', { email: a.email });
    const older = await h.linkFrom('reset');
    h.clock.advance(3 * 60_000); // past "a link was sent a moment ago" for this requester
    await h.call('POST', '/api/password/forgot', { email: a.email });
    const newer = await h.linkFrom('reset');
    expect(newer).not.toBe(older);
    expect((await h.call('POST', '/api/password/reset', { token: older, password: NEW })).status).toBe(400);
    expect((await h.call('POST', '/api/password/reset', { token: newer, password: NEW })).status).toBe(200);
  });

  it("applies the password policy with the account's own data", async () => {
    const a = await confirmedAccount(h);
    await h.call('POST', '/api/password/forgot', { email: a.email });
    const token = await h.linkFrom('reset');
    const r = await h.call('POST', '/api/password/reset', { token, password: 'jovanović je moje ime' });
    expect(r.body).toEqual({
      error: { code: 'validation_failed', fields: { password: 'password_contains_personal' } },
    });
    // A rejected password does not use up the token.
    expect((await h.call('POST', '/api/password/reset', { token, password: NEW })).status).toBe(200);
  });

  it('lets one of many concurrent uses of a reset token win', async () => {
    const a = await confirmedAccount(h);
    await h.call('POST', '/api/password/forgot', { email: a.email });
    const token = await h.linkFrom('reset');
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => h.call('POST', '/api/password/reset', { token, password: `${NEW} ${i}` })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect((await h.outbox()).filter((m) => m.kind === 'password_changed')).toHaveLength(1);
  });
});
