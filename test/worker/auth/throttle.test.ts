import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, registration, confirmedAccount, type Harness } from '../harness.ts';
import { unlockConsumer } from '../../../worker/src/consumers/unlock.ts';
import { limitsPolicy } from '../../../worker/src/auth/limits.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const MIN = 60_000;

describe('PIN guessing', () => {
  it('locks a consumer code after 5 wrong PINs for 15 minutes, even with the right PIN, then releases it', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await h.call('POST', '/api/register', registration({ pin: String(1000 + i) }), {
        ip: `198.51.100.${i}`,
      });
      expect(r.status).toBe(400);
    }
    const locked = await h.call('POST', '/api/register', registration(), { ip: '198.51.100.99' });
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ error: { code: 'too_many_attempts' } });
    expect(Number(locked.headers.get('retry-after'))).toBe(15 * 60);
    // Other consumer codes are not affected.
    expect(
      (
        await h.call(
          'POST',
          '/api/register',
          registration({ email: 'd@example.com', consumerCode: '104522', pin: '7390', name: 'Dragan Petrović' }),
        )
      ).status,
    ).toBe(202);

    h.clock.advance(15 * MIN);
    expect((await h.call('POST', '/api/register', registration(), { ip: '198.51.100.99' })).status).toBe(202);
  });

  it('limits wrong PINs from one IP across consumer codes', async () => {
    for (let i = 0; i < 20; i++) {
      const code = String(200000 + i);
      expect(
        (await h.call('POST', '/api/register', registration({ consumerCode: code }), { ip: '192.0.2.1' })).status,
      ).toBe(400);
    }
    expect((await h.call('POST', '/api/register', registration(), { ip: '192.0.2.1' })).status).toBe(429);
    expect((await h.call('POST', '/api/register', registration(), { ip: '192.0.2.2' })).status).toBe(202);
  });

  it('evaluates at most 5 of 200 wrong PINs sent at once from one address (counted before checking)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        h.call('POST', '/api/register', registration({ pin: String(1000 + i) }), { ip: '192.0.2.77' }),
      ),
    );
    const evaluated = answers.filter((a) => a.status === 400).length;
    if (answers.some((a) => a.status !== 400 && a.status !== 429))
      console.log(
        answers
          .filter((a) => a.status !== 400 && a.status !== 429)
          .slice(0, 2)
          .map((a) => [a.status, a.body]),
      );
    expect(evaluated).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.status === 429).length).toBe(200 - evaluated);
  });

  it('never lets a burst that contains the real PIN through past the limit', async () => {
    const pins = [...Array.from({ length: 149 }, (_, i) => String(5000 + i)), '4821'];
    const answers = await Promise.all(
      pins.map((pin, i) =>
        h.call('POST', '/api/register', registration({ pin, email: `p${i}@example.com` }), {
          ip: `198.51.${i >> 8}.${i & 255}`,
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 400 || a.status === 202).length).toBeLessThanOrEqual(5);
  });

  it('caps wrong PINs per code per day and in total: the code stays locked (423) for 30 days or until the utility unlocks it', async () => {
    const wrong = (i: number) =>
      h.call('POST', '/api/register', registration({ pin: String(3000 + i) }), { ip: `203.0.113.${i}` });
    let n = 0;
    for (let day = 0; day < 2; day++) {
      for (let w = 0; w < 2; w++) {
        for (let i = 0; i < 5; i++) expect((await wrong(n++)).status).toBe(400);
        h.clock.advance(15 * MIN);
      }
      // 10 today: the daily cap holds even with a fresh 15-minute window (on day 2 the total is reached too).
      expect((await wrong(n)).status).toBe(day === 0 ? 429 : 423);
      h.clock.advance(24 * 60 * MIN);
    }
    const locked = await h.call('POST', '/api/register', registration(), { ip: '203.0.113.200' });
    expect(locked.status).toBe(423);
    expect(locked.body).toEqual({ error: { code: 'consumer_locked' } });
    // Locked for PIN_LOCK_DAYS (30) from the last wrong PIN, and the resident is told until when.
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(28 * 24 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(29 * 24 * 3600);
    h.clock.advance(28 * 24 * 60 * MIN);
    expect((await h.call('POST', '/api/register', registration(), { ip: '203.0.113.201' })).status).toBe(423);
    // The utility unlocks it (the same operation as npm run consumers:unlock).
    const admin = await makeHarness({ env: { ADMIN_TOKEN: 'a'.repeat(40) } });
    try {
      const unlock = (x: Harness, token: string) =>
        x.call(
          'POST',
          '/api/admin/consumers/unlock',
          { consumerCode: '104521' },
          { headers: { authorization: `Bearer ${token}` } },
        );
      expect((await unlock(admin, 'b'.repeat(40))).status).toBe(401);
      expect((await unlock(admin, 'a'.repeat(40))).body).toEqual({ status: 'unlocked', cleared: 0 });
    } finally {
      await admin.close();
    }
    expect(await unlockConsumer(h.deps, limitsPolicy(h.deps.config.limits), '104521')).toBe(3);
    expect((await h.call('POST', '/api/register', registration(), { ip: '203.0.113.202' })).status).toBe(202);
  });

  it('a locked code unlocks by itself after PIN_LOCK_DAYS, then allows one try per that time (a stranger cannot lock a street for good)', async () => {
    const wrong = (i: number) =>
      h.call('POST', '/api/register', registration({ pin: String(3000 + i) }), { ip: `203.0.113.${i}` });
    let n = 0;
    for (let day = 0; day < 2; day++) {
      for (let w = 0; w < 2; w++) {
        for (let i = 0; i < 5; i++) await wrong(n++);
        h.clock.advance(15 * MIN);
      }
      h.clock.advance(24 * 60 * MIN);
    }
    expect((await h.call('POST', '/api/register', registration(), { ip: '203.0.113.200' })).status).toBe(423);
    h.clock.advance(30 * 24 * 60 * MIN);
    // One wrong try, and the code is locked again for another 30 days.
    expect((await wrong(n++)).status).toBe(400);
    expect((await h.call('POST', '/api/register', registration(), { ip: '203.0.113.201' })).status).toBe(423);
    h.clock.advance(30 * 24 * 60 * MIN + MIN);
    // The resident's right PIN then registers, and the counters are forgotten.
    expect((await h.call('POST', '/api/register', registration(), { ip: '203.0.113.202' })).status).toBe(202);
    const left = await h.deps.db.$client.execute("SELECT key FROM throttles WHERE key LIKE '%pin:%104521'");
    expect(left.rows).toEqual([]);
  });

  it('counts IPv6 clients per /64', async () => {
    for (let i = 0; i < 20; i++) {
      expect(
        (
          await h.call('POST', '/api/register', registration({ consumerCode: String(300000 + i) }), {
            ip: `2001:db8:1:2::${(i + 1).toString(16)}`,
          })
        ).status,
      ).toBe(400);
    }
    expect((await h.call('POST', '/api/register', registration(), { ip: '2001:db8:1:2:ffff::1' })).status).toBe(429);
    expect((await h.call('POST', '/api/register', registration(), { ip: '2001:db8:1:3::1' })).status).toBe(202);
  });
});

describe('login failures', () => {
  it('grow the delay per e-mail after 5 failures, with Retry-After', async () => {
    const a = await confirmedAccount(h);
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await h.call(
            'POST',
            '/api/login',
            { email: a.email, password: `kriva lozinka ${i}` },
            { ip: `198.51.100.${i}` },
          )
        ).status,
      ).toBe(401);
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
      for (let i = 0; i < 7; i++)
        out.push(
          (await h.call('POST', '/api/login', { email, password: `kriva lozinka ${i}` }, { ip: `10.9.${i}.1` })).status,
        );
      return out;
    };
    expect(await seq('niko@example.com')).toEqual(await seq('milica@example.com'));
  });

  it('block an IP after 50 failures over many accounts (credential stuffing)', async () => {
    for (let i = 0; i < 50; i++) {
      expect(
        (
          await h.call(
            'POST',
            '/api/login',
            { email: `u${i}@example.com`, password: 'lozinka123456' },
            { ip: '192.0.2.9' },
          )
        ).status,
      ).toBe(401);
    }
    expect(
      (await h.call('POST', '/api/login', { email: 'u99@example.com', password: 'lozinka123456' }, { ip: '192.0.2.9' }))
        .status,
    ).toBe(429);
  }, 120_000);
});

describe('reset and resend mails', () => {
  it('go out at most 5 times an hour per address, silently; the same requester hears "recently_sent"', async () => {
    const a = await confirmedAccount(h);
    for (let i = 0; i < 7; i++) {
      const r = await h.call('POST', '/api/password/forgot', { email: a.email }, { ip: `198.51.100.${i}` });
      expect(r.status).toBe(202);
      expect(r.body).toEqual({ status: 'accepted' });
    }
    expect((await h.outbox()).filter((m) => m.kind === 'reset')).toHaveLength(5);
    const again = await h.call('POST', '/api/password/forgot', { email: a.email }, { ip: '198.51.100.0' });
    expect(again.body).toEqual({ status: 'recently_sent' });
    // Answered alike for an address without an account.
    await h.call('POST', '/api/password/forgot', { email: 'niko@example.com' }, { ip: '198.51.100.50' });
    expect(
      (await h.call('POST', '/api/password/forgot', { email: 'niko@example.com' }, { ip: '198.51.100.50' })).body,
    ).toEqual({ status: 'recently_sent' });
  });

  it('"recently_sent" answers do not spend the address\'s own count (one client cannot use it up)', async () => {
    const a = await confirmedAccount(h);
    await Promise.all(
      Array.from({ length: 100 }, () =>
        h.call('POST', '/api/password/forgot', { email: a.email }, { ip: '192.0.2.44' }),
      ),
    );
    const [row] = (
      await h.deps.db.$client.execute({
        sql: 'SELECT count FROM throttles WHERE key = ?',
        args: [`forgot:email:${a.email}`],
      })
    ).rows;
    expect(Number(row.count)).toBe(1);
    for (let i = 0; i < 4; i++)
      await h.call('POST', '/api/password/forgot', { email: a.email }, { ip: `198.51.100.${i}` });
    expect((await h.outbox()).filter((m) => m.kind === 'reset')).toHaveLength(5);
  });

  it('still reach the owner whose browser logged in before, whatever strangers asked for', async () => {
    const a = await confirmedAccount(h);
    const owner = await h.call('POST', '/api/login', a);
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        h.call('POST', '/api/password/forgot', { email: a.email }, { ip: `198.51.${i >> 8}.${i & 255}` }),
      ),
    );
    const strangers = (await h.outbox()).filter((m) => m.kind === 'reset').length;
    expect(strangers).toBeLessThanOrEqual(5);
    const r = await h.call(
      'POST',
      '/api/password/forgot',
      { email: a.email },
      { ip: '203.0.113.9', cookie: owner.device },
    );
    expect(r.body).toEqual({ status: 'accepted' });
    expect((await h.outbox()).filter((m) => m.kind === 'reset')).toHaveLength(strangers + 1);
  });

  it('answer 429 to an address that floods, and at most 20 of 150 at once get through', async () => {
    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        h.call('POST', '/api/password/forgot', { email: `x${i}@example.com` }, { ip: '192.0.2.5' }),
      ),
    );
    expect(answers.filter((r) => r.status === 202)).toHaveLength(20);
    const r = answers.find((x) => x.status === 429)!;
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answer before the token and mail work: as fast for a known address as for an unknown one', async () => {
    const a = await confirmedAccount(h);
    const trips = async (email: string, ip: string) => {
      let n = 0;
      const client = h.deps.db.$client as unknown as {
        batch: (...x: unknown[]) => unknown;
        execute: (...x: unknown[]) => unknown;
      };
      const [batch, execute] = [client.batch.bind(client), client.execute.bind(client)];
      client.batch = (...x) => (n++, batch(...x));
      client.execute = (...x) => (n++, execute(...x));
      await h.call('POST', '/api/password/forgot', { email }, { ip, deferred: 'keep' });
      Object.assign(client, { batch, execute });
      await h.settle();
      return n;
    };
    expect(await trips(a.email, '198.51.100.1')).toBe(await trips('niko@example.com', '198.51.100.2'));
  });
});

describe('the admin token', () => {
  it('is guessed at most 10 times an hour per address, however many guesses arrive at once (two tokens during a rotation too)', async () => {
    const admin = await makeHarness({
      env: { ADMIN_TOKEN: 'a'.repeat(40), ADMIN_TOKEN_NEXT: 'n'.repeat(40) },
      seed: false,
    });
    try {
      const answers = await Promise.all(
        Array.from({ length: 120 }, (_, i) =>
          admin.call(
            'POST',
            '/api/admin/consumers/unlock',
            { consumerCode: '104521' },
            { ip: '192.0.2.60', headers: { authorization: `Bearer ${'x'.repeat(39)}${i % 10}` } },
          ),
        ),
      );
      expect(answers.filter((r) => r.status === 401).length).toBeLessThanOrEqual(10);
      expect(answers.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(110);
    } finally {
      await admin.close();
    }
  });
});
