// The ceiling on password guessing (NIST SP 800-63B-4: at most 100 consecutive failures), on a
// clock the test moves across days: the count is not forgotten with time, only by a successful
// login or a reset; past it passwords are refused before any hashing, a login code (or a passkey,
// or a reset) still works, and an address without an account answers the same.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, confirmedAccount, type Harness } from '../harness.ts';

let h: Harness;
beforeEach(async (ctx) => {
  // The first test reaches the real 100; the others test what forgets the count on a ceiling of 10 (the same rule).
  h = await makeHarness(
    ctx.task.name.startsWith('over more than a day') ? {} : { env: { LOGIN_MAX_CONSECUTIVE_FAILURES: '10' } },
  );
});
afterEach(async () => {
  await h.close();
});

const MIN = 60_000;
const LOCKED = { error: { code: 'password_locked' } };

/** Wrong passwords one after another, each after the longest growing delay (15 min), from ever new addresses. */
async function guess(email: string, n: number) {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    h.clock.advance(15 * MIN + 1000);
    const r = await h.call(
      'POST',
      '/api/login',
      { email, password: `kriva lozinka ${i}` },
      { ip: `198.51.100.${i % 250}` },
    );
    statuses.push(r.status);
  }
  return statuses;
}

describe('100 wrong passwords in a row', () => {
  it('over more than a day stay counted; the 101st try, even the right password, is refused without hashing', async () => {
    const a = await confirmedAccount(h);
    const statuses = await guess(a.email, 100);
    expect(statuses.every((s) => s === 401)).toBe(true);
    h.clock.advance(3 * 24 * 60 * MIN);
    const hashes = h.counts.verify;
    const right = await h.call('POST', '/api/login', a, { ip: '203.0.113.9' });
    expect(right.status).toBe(423);
    expect(right.body).toEqual(LOCKED);
    expect(h.counts.verify).toBe(hashes);
  });

  it('a login code still logs in, and forgets the count: the password works again', async () => {
    const a = await confirmedAccount(h);
    await guess(a.email, 10);
    h.clock.advance(15 * MIN + 1000); // past the growing delay: the ceiling answers
    expect((await h.call('POST', '/api/login', a)).status).toBe(423);
    await h.call('POST', '/api/login/code/send', { email: a.email });
    const mail = (await h.outbox()).find((m) => m.kind === 'login-code');
    const code = String(mail?.subject.match(/(\d{6})$/)?.[1]);
    expect((await h.call('POST', '/api/login/code', { email: a.email, code })).status).toBe(200);
    expect((await h.call('POST', '/api/login', a)).status).toBe(200);
  });

  it('a reset forgets the count', async () => {
    const a = await confirmedAccount(h);
    await guess(a.email, 10);
    h.clock.advance(15 * MIN + 1000); // past the growing delay: the ceiling answers
    expect((await h.call('POST', '/api/login', a)).status).toBe(423);
    await h.call('POST', '/api/password/forgot', { email: a.email });
    const token = await h.linkFrom('reset');
    const password = 'nova lozinka za Rumu 9';
    expect((await h.call('POST', '/api/password/reset', { token, password })).status).toBe(200);
    expect((await h.call('POST', '/api/login', { email: a.email, password })).status).toBe(200);
  });

  it('a success before the ceiling starts the count again', async () => {
    const a = await confirmedAccount(h);
    await guess(a.email, 9);
    h.clock.advance(15 * MIN + 1000);
    expect((await h.call('POST', '/api/login', a)).status).toBe(200);
    const more = await guess(a.email, 9);
    expect(more.every((s) => s === 401)).toBe(true);
  });

  it('an address without an account reaches the same ceiling (it tells nothing about who has one)', async () => {
    await guess('niko@example.com', 10);
    h.clock.advance(15 * MIN + 1000);
    const r = await h.call('POST', '/api/login', { email: 'niko@example.com', password: 'bilo šta 1234' });
    expect(r.status).toBe(423);
    expect(r.body).toEqual(LOCKED);
  });
});

describe('a burst at the ceiling', () => {
  it('150 wrong passwords at once (the other limits out of the way): exactly 100 are checked, 50 refused with 423 before any hashing', async () => {
    await h.close();
    const loose = ['LOGIN_FREE_FAILURES', 'LOGIN_IP_MAX_FAILURES', 'PASSWORD_WORK_PER_ADDRESS', 'DEVICE_MAX_FAILURES'];
    h = await makeHarness({ env: { ARGON2_MAX_QUEUED: '200', ...Object.fromEntries(loose.map((k) => [k, '1000'])) } });
    const a = await confirmedAccount(h);
    const verified = h.counts.verify;
    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        h.call('POST', '/api/login', { email: a.email, password: `kriva lozinka ${i}` }, { ip: `198.51.100.${i}` }),
      ),
    );
    expect(answers.filter((r) => r.status === 401)).toHaveLength(100);
    expect(answers.filter((r) => r.status === 423)).toHaveLength(50);
    expect(h.counts.verify - verified).toBe(100);
    expect((await h.call('POST', '/api/login', a)).body).toEqual(LOCKED);
  });
});
