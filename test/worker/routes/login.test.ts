import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, registration, confirmedAccount, GOOD_PASSWORD, type Harness } from '../harness.ts';
import { PRODUCTION_ENV } from '../../support/production-env.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const MIN = 60_000;
const HOUR = 3600_000;

describe('POST /api/login', () => {
  it('answers a wrong password and an unknown e-mail identically, with one Argon2 verification each', async () => {
    await confirmedAccount(h);
    h.counts.verify = 0;
    const wrong = await h.call('POST', '/api/login', { email: 'milica@example.com', password: 'pogrešna lozinka 1' });
    expect(h.counts.verify).toBe(1);
    const unknown = await h.call('POST', '/api/login', { email: 'niko@example.com', password: 'pogrešna lozinka 1' });
    expect(h.counts.verify).toBe(2);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'invalid_credentials' } });
    expect(unknown.body).toEqual(wrong.body);
    expect([...unknown.headers.keys()].sort()).toEqual([...wrong.headers.keys()].sort());
  });

  it('tells an unconfirmed account apart only after the right password', async () => {
    await h.call('POST', '/api/register', registration());
    const wrong = await h.call('POST', '/api/login', { email: 'milica@example.com', password: 'pogrešna lozinka 1' });
    expect(wrong.status).toBe(401);
    const right = await h.call('POST', '/api/login', { email: 'milica@example.com', password: GOOD_PASSWORD });
    expect(right.status).toBe(403);
    expect(right.body).toEqual({ error: { code: 'email_not_confirmed' } });
    expect(right.headers.get('set-cookie')).toBeNull();
  });

  it('logs in with a password that registered: lengths count code points in every field (70 emoji + letters)', async () => {
    const password = '😀'.repeat(70) + ' ljubičasti kišobran';
    expect([...password].length).toBeLessThanOrEqual(128);
    expect(password.length).toBeGreaterThan(128);
    const a = await confirmedAccount(h, { password });
    const login = await h.call('POST', '/api/login', a);
    expect(login.status).toBe(200);
  });

  it('without "remember" sets a browser-session cookie; the session ends 12 h after login, however much it is used', async () => {
    const a = await confirmedAccount(h);
    const login = await h.call('POST', '/api/login', a);
    expect(login.sessionSetCookie).not.toMatch(/Max-Age|Expires/i);
    for (let i = 0; i < 15; i++) {
      h.clock.advance(45 * MIN);
      expect((await h.call('GET', '/api/me', undefined, { cookie: login.cookie })).body.account).not.toBeNull();
    }
    h.clock.advance(45 * MIN); // used every 45 minutes: still over at 12 h
    expect((await h.call('GET', '/api/me', undefined, { cookie: login.cookie })).body).toEqual({ account: null });
  });

  it('ends a browser session left idle for an hour (NIST SP 800-63B-4 AAL2), and a "remember" one idle for 7 days', async () => {
    const a = await confirmedAccount(h);
    const browser = await h.call('POST', '/api/login', a);
    const remembered = await h.call('POST', '/api/login', { ...a, remember: true });
    const me = (cookie?: string) => h.call('GET', '/api/me', undefined, { cookie });
    h.clock.advance(59 * MIN);
    expect((await me(browser.cookie)).body.account).not.toBeNull();
    h.clock.advance(HOUR + MIN);
    expect((await me(browser.cookie)).body).toEqual({ account: null });
    expect((await me(remembered.cookie)).body.account).not.toBeNull();
    h.clock.advance(7 * 24 * HOUR);
    expect((await me(remembered.cookie)).body).toEqual({ account: null });
  });

  it('with "remember" keeps a persistent session that ends 30 days after login, however much it is used', async () => {
    const a = await confirmedAccount(h);
    const login = await h.call('POST', '/api/login', { ...a, remember: true });
    expect(login.sessionSetCookie).toMatch(/Max-Age=2592000/);
    for (let day = 1; day < 30; day++) {
      h.clock.advance(24 * HOUR);
      const me = await h.call('GET', '/api/me', undefined, { cookie: login.cookie });
      expect(me.status).toBe(200);
      expect(me.sessionSetCookie).toBeUndefined(); // the cookie is not renewed either
    }
    h.clock.advance(24 * HOUR);
    expect((await h.call('GET', '/api/me', undefined, { cookie: login.cookie })).body).toEqual({ account: null });
  });

  it('ends a session that slid past its absolute lifetime before lifetimes were absolute', async () => {
    const a = await confirmedAccount(h);
    const login = await h.call('POST', '/api/login', a);
    // What the old sliding expiry could leave behind: expires_at far ahead of the session's start.
    await h.deps.db.$client.execute({
      sql: 'UPDATE sessions SET expires_at = ?',
      args: [h.clock.now + 100 * 24 * HOUR],
    });
    h.clock.advance(12 * HOUR + 1);
    expect((await h.call('GET', '/api/me', undefined, { cookie: login.cookie })).body).toEqual({ account: null });
  });

  it('revokes the session on the server at logout', async () => {
    const a = await confirmedAccount(h);
    const login = await h.call('POST', '/api/login', a);
    const out = await h.call('POST', '/api/logout', undefined, { cookie: login.cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await h.deps.db.$client.execute('SELECT count(*) AS n FROM sessions')).rows).toEqual([{ n: 0 }]);
    expect((await h.call('GET', '/api/me', undefined, { cookie: login.cookie })).body).toEqual({ account: null });
  });

  it('stores only the SHA-256 of the session token', async () => {
    const a = await confirmedAccount(h);
    const login = await h.call('POST', '/api/login', a);
    const token = login.cookie!.split('=')[1];
    const rows = JSON.stringify((await h.deps.db.$client.execute('SELECT * FROM sessions')).rows);
    expect(rows).not.toContain(token);
    expect(token).toMatch(/^[\w-]{43}$/);
  });

  it('refuses a forged or malformed session cookie', async () => {
    expect((await h.call('GET', '/api/me', undefined, { cookie: 'jp_session=' + 'A'.repeat(43) })).body).toEqual({
      account: null,
    });
    expect((await h.call('GET', '/api/me', undefined, { cookie: "jp_session=' OR 1=1 --" })).body).toEqual({
      account: null,
    });
  });
});

describe('secure cookies outside local http', () => {
  it('uses the __Host- prefix and Secure when the portal is on https', async () => {
    const s = await makeHarness({
      // https is production's (development refuses an https portal): the whole production configuration.
      env: { ...PRODUCTION_ENV, PORTAL_URL: 'https://portal.stambenoruma.rs/' },
    });
    try {
      const a = await confirmedAccount(s);
      const login = await s.call('POST', '/api/login', a);
      expect(login.sessionSetCookie).toMatch(/^__Host-jp_session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
      expect(login.device).toMatch(/^__Host-jp_device=/);
      expect((await s.call('GET', '/api/me', undefined, { cookie: login.cookie })).body.account).not.toBeNull();
    } finally {
      await s.close();
    }
  });
});
