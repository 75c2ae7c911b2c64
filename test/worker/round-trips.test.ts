// libSQL round trips per request (each one a network hop when the database is remote):
// counted on the client, deterministic, so asserted as budgets. Mail delivery after the
// response (deferred) is not part of the request and is not counted here.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, registration, confirmedAccount, type Harness } from './harness.ts';

let h: Harness;
let trips = 0;
beforeEach(async () => {
  h = await makeHarness({ env: { MAIL_TRANSPORT: 'dev' } });
  const client = h.deps.db.$client as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const method of ['execute', 'batch', 'executeMultiple', 'migrate', 'transaction']) {
    const original = client[method].bind(client);
    client[method] = (...args: unknown[]) => {
      trips++;
      return original(...args);
    };
  }
});
afterEach(async () => {
  await h.close();
});

async function count(work: () => Promise<unknown>) {
  await h.settle();
  const deferred = h.deps.defer;
  // Deferred work (mail delivery) starts after the response: keep it out of the request's count.
  const held: (() => Promise<unknown>)[] = [];
  h.deps.defer = (w) => void held.push(w);
  trips = 0;
  await work();
  const n = trips;
  h.deps.defer = deferred;
  await Promise.all(held.map((w) => w()));
  return n;
}

describe('round trips per request', () => {
  it('stay within budget: register ≤ 3, login ≤ 2, /api/me ≤ 1', async () => {
    const register = await count(() => h.call('POST', '/api/register', registration()));
    const a = await confirmedAccount(h, {
      email: 'drugi@example.com',
      consumerCode: '104522',
      pin: '7390',
      name: 'Dragan Petrović',
    });
    let cookie: string | undefined;
    const login = await count(async () => {
      cookie = (await h.call('POST', '/api/login', a)).cookie;
    });
    const me = await count(() => h.call('GET', '/api/me', undefined, { cookie }));
    console.log(`libSQL round trips: register ${register}, login ${login}, /api/me ${me}`);
    expect(register).toBeLessThanOrEqual(3);
    expect(login).toBeLessThanOrEqual(2);
    expect(me).toBeLessThanOrEqual(1);
  });
});
