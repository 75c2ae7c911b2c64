import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, registration, confirmedAccount, type Harness } from './harness.ts';
import { cleanup } from '../../worker/src/cleanup.ts';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(async () => { await h.close(); });

const HOUR = 3600_000;

describe('periodic cleanup', () => {
  it('removes unconfirmed accounts after 48 h and releases their consumer code', async () => {
    await h.call('POST', '/api/register', registration());
    h.clock.advance(47 * HOUR);
    expect((await cleanup(h.deps)).accountsRemoved).toBe(0);
    expect((await h.call('POST', '/api/register', registration({ email: 'drugi@example.com' }))).status).toBe(409);
    h.clock.advance(HOUR + 1);
    expect((await cleanup(h.deps)).accountsRemoved).toBe(1);
    expect((await h.call('POST', '/api/register', registration({ email: 'drugi@example.com' }))).status).toBe(202);
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
