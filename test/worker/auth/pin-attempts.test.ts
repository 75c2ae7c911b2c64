// The wrong PINs left, told with each wrong one (`attemptsLeft` of invalid_consumer_credentials):
// the fewest of the code's rules (window, day, total) and the asking address's, counting down to
// the refusal; a right PIN starts the code's count again; an unknown code answers alike; linking a
// code from the account counts the same way.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confirmedAccount, DEMO, makeHarness, registration, type Harness } from '../harness.ts';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const wrong = (over: Record<string, unknown> = {}, ip?: string) =>
  h.call('POST', '/api/register', registration({ pin: '0000', ...over }), ip ? { ip } : {});
const left = async (over: Record<string, unknown> = {}, ip?: string) => {
  const r = await wrong(over, ip);
  expect(r.status).toBe(400);
  expect(r.body.error.code).toBe('invalid_consumer_credentials');
  return r.body.error.attemptsLeft as number;
};

describe('wrong PINs left (default limits: 5 per code in 15 minutes, 20 per address)', () => {
  beforeEach(async () => {
    h = await makeHarness();
  });

  it('counts down with each wrong PIN to 0, then the next is refused', async () => {
    const counted = [];
    for (let i = 0; i < 5; i++) counted.push(await left());
    expect(counted).toEqual([4, 3, 2, 1, 0]);
    const refused = await wrong();
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'too_many_attempts' } });
  });

  it('an unknown code answers alike, with its own count', async () => {
    expect([await left({ consumerCode: '999999' }), await left({ consumerCode: '999999' })]).toEqual([4, 3]);
    expect(await left()).toBe(4);
  });

  it('a right PIN starts the code’s count again', async () => {
    expect([await left(), await left()]).toEqual([4, 3]);
    expect((await h.call('POST', '/api/register', registration())).status).toBe(202);
    expect(await left({ email: 'druga@example.com' })).toBe(4);
  });

  it('the window passed: the count starts again', async () => {
    expect([await left(), await left(), await left()]).toEqual([4, 3, 2]);
    h.clock.advance(15 * 60_000 + 1);
    expect(await left()).toBe(4);
  });

  it('linking a code from the account counts the same way', async () => {
    const { cookie } = await h.call('POST', '/api/login', await confirmedAccount(h));
    const link = (pin: string) =>
      h.call('POST', '/api/account/consumers/link', { consumerCode: '104523', pin }, { cookie });
    expect((await link('0000')).body).toEqual({ error: { code: 'invalid_consumer_credentials', attemptsLeft: 4 } });
    expect((await link('0001')).body.error.attemptsLeft).toBe(3);
  });
});

describe('wrong PINs left when another limit is nearer', () => {
  it("the asking address's limit, when fewer are left under it than under the code's", async () => {
    h = await makeHarness({ env: { PIN_IP_MAX_FAILURES: '3' } });
    expect(await left({ consumerCode: '999991' })).toBe(2);
    expect(await left({ consumerCode: '999992' })).toBe(1);
    expect(await left({ consumerCode: '999993' })).toBe(0);
    // Another address is counted on its own.
    expect(await left({ consumerCode: DEMO.code }, '198.51.100.9')).toBe(2);
  });

  it('the day’s and the total’s, when they are lower than the window’s', async () => {
    h = await makeHarness({ env: { PIN_DAILY_MAX_FAILURES: '2', PIN_TOTAL_MAX_FAILURES: '3' } });
    expect([await left(), await left()]).toEqual([1, 0]);
    expect((await wrong()).status).toBe(429);
  });
});
