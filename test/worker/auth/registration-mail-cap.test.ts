// Confirmation mails share the per-recipient cap and the requester gap of the other mails: a
// burst of registrations of one victim's address from many client addresses sends at most the
// address's hourly cap, and each client at most one per gap. The answers stay the same 202.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeHarness, registration, type Harness } from '../harness.ts';

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
