// Passwords in one Unicode form (NFC), old hashes of another form checked once and rehashed,
// and Argon2 behind a bounded queue.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, confirmedAccount, type Harness } from '../harness.ts';
import { nodeArgon2 } from '../../../worker/node/argon2.ts';
import { boundedHasher } from '../../../worker/src/auth/bounded-hasher.ts';
import { ApiError } from '../../../worker/src/http/errors.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const NFC = 'čarobni šešir 1969'.normalize('NFC');
const NFD = NFC.normalize('NFD');

describe('Unicode normalisation', () => {
  it('logs in with the decomposed form of a password registered composed, and the other way round', async () => {
    expect(NFD).not.toBe(NFC);
    const a = await confirmedAccount(h, { password: NFC });
    expect((await h.call('POST', '/api/login', { email: a.email, password: NFD })).status).toBe(200);
    const b = await confirmedAccount(h, {
      email: 'dragan@example.com',
      consumerCode: '104522',
      pin: '7390',
      name: 'Dragan Petrović',
      password: NFD,
    });
    expect((await h.call('POST', '/api/login', { email: b.email, password: NFC })).status).toBe(200);
  });

  it('checks a hash made from a decomposed password before normalisation once, then rehashes it', async () => {
    const a = await confirmedAccount(h, { password: NFC });
    await h.deps.db.$client.execute({
      sql: 'UPDATE accounts SET password_hash = ?',
      args: [await nodeArgon2.hash(NFD)],
    });
    expect((await h.call('POST', '/api/login', { email: a.email, password: NFD })).status).toBe(200);
    const [{ password_hash }] = (await h.deps.db.$client.execute('SELECT password_hash FROM accounts')).rows;
    expect(await nodeArgon2.verify(String(password_hash), NFC)).toBe(true);
    expect((await h.call('POST', '/api/login', { email: a.email, password: NFC })).status).toBe(200);
  });
});

describe('bounded Argon2', () => {
  it('runs at most maxConcurrent at once, queues maxQueued, and refuses the rest with 503 at once', async () => {
    let running = 0;
    let peak = 0;
    const slow = {
      hash: async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
        return 'h';
      },
      verify: async () => true,
    };
    const bounded = boundedHasher(slow, { maxConcurrent: 2, maxQueued: 8 });
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => bounded.hash('x')));
    expect(peak).toBe(2);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(90);
    expect(refused[0].reason).toBeInstanceOf(ApiError);
    expect(refused[0].reason).toMatchObject({
      status: 503,
      code: 'service_unavailable',
      headers: { 'Retry-After': '1' },
    });
    expect(bounded.load()).toBe(0);
  });

  it('answers 503 with Retry-After to logins beyond the queue, never 5xx otherwise', async () => {
    // 100 different addresses and accounts at once: no throttle stops them, the queue does.
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        h.call(
          'POST',
          '/api/login',
          { email: `u${i}@example.com`, password: 'neka lozinka 12' },
          { ip: `198.51.${i >> 8}.${i & 255}` },
        ),
      ),
    );
    expect(answers.every((r) => r.status === 401 || r.status === 503)).toBe(true);
    expect(answers.filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(10);
    const busy = answers.find((r) => r.status === 503);
    // A refusal by the queue decided nothing: it is not counted as a failure anywhere.
    const failures = (
      await h.deps.db.$client.execute("SELECT sum(count) AS n FROM throttles WHERE key LIKE 'login:email:%'")
    ).rows[0].n;
    expect(Number(failures)).toBe(answers.filter((r) => r.status === 401).length);
    expect(busy?.body).toEqual({ error: { code: 'service_unavailable' } });
    expect(busy?.headers.get('retry-after')).toBe('1');
  });
});
