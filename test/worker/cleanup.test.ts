import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, registration, confirmedAccount, type Harness } from './harness.ts';
import { cleanup } from '../../worker/src/cleanup.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const HOUR = 3600_000;

describe('periodic cleanup', () => {
  it('removes unconfirmed registrations after 48 h (their code was never linked)', async () => {
    await h.call('POST', '/api/register', registration());
    h.clock.advance(47 * HOUR);
    expect((await cleanup(h.deps)).accountsRemoved).toBe(0);
    expect((await h.deps.db.$client.execute('SELECT count(*) AS n FROM account_consumers')).rows).toEqual([{ n: 0 }]);
    h.clock.advance(HOUR + 1);
    expect((await cleanup(h.deps)).accountsRemoved).toBe(1);
    expect((await h.deps.db.$client.execute('SELECT count(*) AS n FROM accounts')).rows).toEqual([{ n: 0 }]);
  });

  it("keeps a consumer code's total PIN lock, forgets windows that are over", async () => {
    for (let i = 0; i < 3; i++)
      await h.call('POST', '/api/register', registration({ pin: String(1000 + i) }), { ip: `198.51.100.${i}` });
    h.clock.advance(400 * 24 * HOUR);
    await cleanup(h.deps);
    const keys = (await h.deps.db.$client.execute('SELECT key, count FROM throttles ORDER BY key')).rows.map((r) => [
      r.key,
      r.count,
    ]);
    expect(keys).toEqual([['lock:pin:104521', 3]]);
  });

  it('keeps confirmed accounts and removes expired sessions and tokens', async () => {
    const a = await confirmedAccount(h);
    await h.call('POST', '/api/login', a);
    h.clock.advance(72 * HOUR);
    await cleanup(h.deps);
    const count = async (t: string) => (await h.deps.db.$client.execute(`SELECT count(*) AS n FROM ${t}`)).rows[0].n;
    expect(await count('accounts')).toBe(1);
    expect(await count('sessions')).toBe(0);
    expect(await count('tokens')).toBe(0);
    expect((await h.call('POST', '/api/login', a)).status).toBe(200);
  });
});
