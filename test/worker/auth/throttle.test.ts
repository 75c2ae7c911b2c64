import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, registration, confirmedAccount, type Harness } from '../harness.ts';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(async () => { await h.close(); });

const MIN = 60_000;

describe('PIN guessing', () => {
  it('locks a consumer code after 5 wrong PINs for 15 minutes, even with the right PIN, then releases it', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await h.call('POST', '/api/register', registration({ pin: String(1000 + i) }), { ip: `198.51.100.${i}` });
      expect(r.status).toBe(400);
    }
    const locked = await h.call('POST', '/api/register', registration(), { ip: '198.51.100.99' });
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ error: { code: 'too_many_attempts' } });
    expect(Number(locked.headers.get('retry-after'))).toBe(15 * 60);
    // Other consumer codes are not affected.
    expect((await h.call('POST', '/api/register', registration({ email: 'd@example.com', consumerCode: '104522', pin: '7390', name: 'Dragan Petrović' }))).status).toBe(202);

    h.clock.advance(15 * MIN);
    expect((await h.call('POST', '/api/register', registration(), { ip: '198.51.100.99' })).status).toBe(202);
  });

  it('limits wrong PINs from one IP across consumer codes', async () => {
    for (let i = 0; i < 20; i++) {
      const code = String(200000 + i);
      expect((await h.call('POST', '/api/register', registration({ consumerCode: code }), { ip: '192.0.2.1' })).status).toBe(400);
    }
    expect((await h.call('POST', '/api/register', registration(), { ip: '192.0.2.1' })).status).toBe(429);
    expect((await h.call('POST', '/api/register', registration(), { ip: '192.0.2.2' })).status).toBe(202);
  });

  it('holds under concurrent guesses (counts are atomic in the database)', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => h.call('POST', '/api/register', registration({ pin: String(2000 + i) }), { ip: `198.51.100.${i}` })));
    // Every wrong PIN that got through to the check was counted; the rest were already refused.
    const checked = answers.filter((a) => a.status === 400).length;
    expect(checked + answers.filter((a) => a.status === 429).length).toBe(12);
    const [row] = (await h.deps.db.$client.execute("SELECT count FROM throttles WHERE key = 'pin:code:104521'")).rows;
    expect(Number(row.count)).toBe(checked);
    expect(checked).toBeGreaterThanOrEqual(5);
    expect((await h.call('POST', '/api/register', registration())).status).toBe(429);
  });
});

describe('login failures', () => {
  it('grow the delay per e-mail after 5 failures, with Retry-After', async () => {
    const a = await confirmedAccount(h);
    for (let i = 0; i < 5; i++) {
      expect((await h.call('POST', '/api/login', { email: a.email, password: `kriva lozinka ${i}` }, { ip: `198.51.100.${i}` })).status).toBe(401);
    }
    const blocked = await h.call('POST', '/api/login', a, { ip: '198.51.100.50' });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('1');
    h.clock.advance(1000);
    expect((await h.call('POST', '/api/login', { email: a.email, password: 'kriva lozinka 6' })).status).toBe(401);
    expect((await h.call('POST', '/api/login', a)).headers.get('retry-after')).toBe('2');
    h.clock.advance(2000);
    expect((await h.call('POST', '/api/login', { email: a.email, password: 'kriva lozinka 7' })).status).toBe(401);
    expect((await h.call('POST', '/api/login', a)).headers.get('retry-after')).toBe('4');
    h.clock.advance(4000);
    // The right password after the delay logs in and clears the counter.
    expect((await h.call('POST', '/api/login', a)).status).toBe(200);
    expect((await h.call('POST', '/api/login', { email: a.email, password: 'kriva lozinka 8' })).status).toBe(401);
  });

  it('throttle unknown e-mails exactly like known ones (no enumeration)', async () => {
    await confirmedAccount(h);
    const seq = async (email: string) => {
      const out: number[] = [];
      for (let i = 0; i < 7; i++) out.push((await h.call('POST', '/api/login', { email, password: `kriva lozinka ${i}` }, { ip: `10.9.${i}.1` })).status);
      return out;
    };
    expect(await seq('niko@example.com')).toEqual(await seq('milica@example.com'));
  });

  it('block an IP after 50 failures over many accounts (credential stuffing)', async () => {
    for (let i = 0; i < 50; i++) {
      expect((await h.call('POST', '/api/login', { email: `u${i}@example.com`, password: 'lozinka123456' }, { ip: '192.0.2.9' })).status).toBe(401);
    }
    expect((await h.call('POST', '/api/login', { email: 'u99@example.com', password: 'lozinka123456' }, { ip: '192.0.2.9' })).status).toBe(429);
  }, 120_000);
});

describe('reset and resend mails', () => {
  it('go out at most 3 times an hour per address, silently (always 202)', async () => {
    const a = await confirmedAccount(h);
    for (let i = 0; i < 5; i++) {
      expect((await h.call('POST', '/api/password/forgot', { email: a.email }, { ip: `198.51.100.${i}` })).status).toBe(202);
    }
    expect((await h.outbox()).filter((m) => m.kind === 'reset')).toHaveLength(3);
    h.clock.advance(60 * MIN);
    await h.call('POST', '/api/password/forgot', { email: a.email });
    expect((await h.outbox()).filter((m) => m.kind === 'reset')).toHaveLength(4);
  });

  it('answer 429 to an IP that floods', async () => {
    for (let i = 0; i < 20; i++) expect((await h.call('POST', '/api/password/forgot', { email: `x${i}@example.com` }, { ip: '192.0.2.5' })).status).toBe(202);
    const r = await h.call('POST', '/api/password/forgot', { email: 'y@example.com' }, { ip: '192.0.2.5' });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
