// Confirmation mails share the per-recipient cap and the requester gap of the other mails: a
// burst of registrations of one victim's address from many client addresses sends at most the
// address's hourly cap, and each client at most one per gap. The answers stay the same 202. The
// cap is per mailbox (sub-addresses `zrtva+N@` are one), and e-mail changes aimed at the address
// from many accounts spend the same cap, whether it is taken or free.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { confirmedAccount, GOOD_PASSWORD, makeHarness, registration, type Harness } from '../harness.ts';

let h: Harness;
beforeEach(async () => {
  // The burst must reach the mail: a hashing queue for all of it, and the PIN's counters (which a
  // burst of right PINs fills while in flight) out of the way; they have their own tests.
  const pins = ['PIN_MAX_FAILURES', 'PIN_DAILY_MAX_FAILURES', 'PIN_TOTAL_MAX_FAILURES', 'PIN_IP_MAX_FAILURES'];
  h = await makeHarness({ env: { ARGON2_MAX_QUEUED: '200', ...Object.fromEntries(pins.map((k) => [k, '500'])) } });
});
afterEach(async () => {
  await h.close();
});

const VICTIM = 'zrtva@example.com';
const confirmations = async () => (await h.outbox()).filter((m) => m.kind === 'confirm' && m.to === VICTIM);

it('120 registrations of one address at once from 6 client addresses: 5 confirmation mails, every answer 202', async () => {
  const answers = await Promise.all(
    Array.from({ length: 120 }, (_, i) =>
      h.call('POST', '/api/register', registration({ email: VICTIM }), { ip: `198.51.100.${i % 6}` }),
    ),
  );
  const statuses = answers.map((r) => r.status);
  expect(
    statuses.filter((s) => s !== 202),
    JSON.stringify(answers.find((r) => r.status !== 202)?.body),
  ).toEqual([]);
  expect(await confirmations()).toHaveLength(h.deps.config.limits.mailRequestsPerHour);
  expect(Number((await h.deps.db.$client.execute('SELECT count(*) AS n FROM accounts')).rows[0].n)).toBe(1);
});

it('one client registering the same address again within the gap gets no second mail; after the hour the cap is there again', async () => {
  await h.call('POST', '/api/register', registration({ email: VICTIM }), { ip: '198.51.100.1' });
  await h.call('POST', '/api/register', registration({ email: VICTIM }), { ip: '198.51.100.1' });
  expect(await confirmations()).toHaveLength(1);
  h.clock.advance(h.deps.config.limits.mailRequesterGapMs);
  await h.call('POST', '/api/register', registration({ email: VICTIM }), { ip: '198.51.100.1' });
  expect(await confirmations()).toHaveLength(2);
});

it('120 registrations of sub-addresses of one mailbox (zrtva+N@) at once: the cap holds for the mailbox', async () => {
  const answers = await Promise.all(
    Array.from({ length: 120 }, (_, i) =>
      h.call('POST', '/api/register', registration({ email: `zrtva+${i}@example.com` }), { ip: `198.51.100.${i % 6}` }),
    ),
  );
  expect(answers.filter((r) => r.status !== 202)).toEqual([]);
  const toMailbox = (await h.outbox()).filter((m) => m.kind === 'confirm' && m.to.endsWith('@example.com'));
  expect(toMailbox).toHaveLength(h.deps.config.limits.mailRequestsPerHour);
});

it.each([
  ['free', false],
  ['taken', true],
])('120 e-mail changes at once from 6 accounts to one %s address: at most the cap reaches it', async (_, taken) => {
  const consumers = [
    ['104522', '7390'],
    ['104523', '1168'],
    ['104524', '5502'],
    ['104525', '9034'],
    ['104526', '2277'],
    ['104527', '6640'],
  ];
  if (taken) await confirmedAccount(h, { email: VICTIM });
  const cookies: string[] = [];
  for (const [i, [consumerCode, pin]] of consumers.entries()) {
    const a = await confirmedAccount(h, { email: `nalog${i}@example.org`, consumerCode, pin });
    cookies.push(String((await h.call('POST', '/api/login', a)).cookie));
  }
  const answers = await Promise.all(
    Array.from({ length: 120 }, (_, i) =>
      h.call(
        'POST',
        '/api/account/email',
        { password: GOOD_PASSWORD, email: VICTIM },
        { cookie: cookies[i % 6], ip: `203.0.113.${i % 6}` },
      ),
    ),
  );
  // Each session re-enters its password at most 5 times in 15 minutes (429 past that): 30 get through.
  expect(answers.filter((r) => r.status !== 202 && r.status !== 429)).toEqual([]);
  expect(answers.filter((r) => r.status === 202).length).toBeGreaterThan(h.deps.config.limits.mailRequestsPerHour);
  const toVictim = (await h.outbox()).filter((m) => m.to === VICTIM && m.kind !== 'confirm');
  expect(toVictim.length).toBeLessThanOrEqual(h.deps.config.limits.mailRequestsPerHour);
  expect(new Set(toVictim.map((m) => m.kind))).toEqual(new Set([taken ? 'email_taken' : 'email_change']));
});
