import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, registration, confirmedAccount, GOOD_PASSWORD, type Harness } from '../harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

describe('the newcomer flow', () => {
  it('register → confirm → login → me → logout → forgot → reset → login', async () => {
    expect((await h.call('POST', '/api/register', registration())).status).toBe(202);
    const confirmToken = await h.linkFrom('confirm');
    expect((await h.call('POST', '/api/confirm', { token: confirmToken })).body).toEqual({ status: 'confirmed' });

    const login = await h.call('POST', '/api/login', {
      email: 'Milica@Example.com',
      password: GOOD_PASSWORD,
      remember: true,
    });
    expect(login.status).toBe(200);
    expect(login.body.account).toMatchObject({
      name: 'Milica Jovanović',
      email: 'milica@example.com',
      emailBills: true,
      locale: 'sr-Latn',
    });
    expect(login.body.account.consumers).toEqual([
      { code: '104521', name: 'Milica Jovanović', address: 'Glavna 12, 22400 Ruma' },
    ]);
    expect(login.sessionSetCookie).toMatch(/^jp_session=[\w-]{43}; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/);

    const me = await h.call('GET', '/api/me', undefined, { cookie: login.cookie });
    expect(me.status).toBe(200);
    expect(me.body.account.email).toBe('milica@example.com');

    expect((await h.call('POST', '/api/logout', undefined, { cookie: login.cookie })).status).toBe(204);
    expect((await h.call('GET', '/api/me', undefined, { cookie: login.cookie })).body).toEqual({ account: null });

    expect((await h.call('POST', '/api/password/forgot', { email: 'milica@example.com' })).status).toBe(202);
    const resetToken = await h.linkFrom('reset');
    expect(
      (await h.call('POST', '/api/password/reset', { token: resetToken, password: 'nova lozinka za Rumu 9' })).status,
    ).toBe(200);
    expect((await h.call('POST', '/api/login', { email: 'milica@example.com', password: GOOD_PASSWORD })).status).toBe(
      401,
    );
    expect(
      (await h.call('POST', '/api/login', { email: 'milica@example.com', password: 'nova lozinka za Rumu 9' })).status,
    ).toBe(200);

    const kinds = (await h.outbox()).map((m) => [m.kind, m.status]);
    expect(kinds).toEqual([
      ['password_changed', 'sent'],
      ['reset', 'sent'],
      ['confirm', 'sent'],
    ]);
  });

  it('health answers', async () => {
    expect((await h.call('GET', '/api/health')).body).toEqual({ status: 'ok' });
  });

  it('a confirmed account helper works', async () => {
    const a = await confirmedAccount(h);
    expect((await h.call('POST', '/api/login', a)).status).toBe(200);
  });
});
