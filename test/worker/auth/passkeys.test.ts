// Passkey ceremonies end to end over the real app, a real libSQL file and a software
// authenticator that signs for real (no verification is mocked): what is accepted, and every
// way a response is refused — replayed, expired, another origin or RP ID, no user verification,
// a counter that went back, a removed credential, another account's challenge — and that a
// replayed assertion gives one session however many requests race. The verification's libSQL
// round trips are counted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../harness.ts';
import { softAuthenticator } from '../../support/soft-authenticator.ts';
import { cleanup } from '../../../worker/src/cleanup.ts';
import {
  ORIGIN,
  SECOND,
  addPasskey,
  assertion,
  count,
  loggedIn,
  passkeyLogin,
  registrationOptions,
} from './passkey-steps.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const MIN = 60_000;
const failed = { error: { code: 'passkey_failed' } };

describe('adding a passkey and logging in with it', () => {
  it('registers a user-verified passkey, then logs in with it without an e-mail: a session and a device cookie', async () => {
    const a = await loggedIn(h);
    const auth = softAuthenticator();
    const opts = await registrationOptions(h, a.cookie);
    expect(opts.status).toBe(200);
    expect(opts.body.options).toMatchObject({
      rp: { id: 'localhost', name: h.deps.config.utility.name },
      user: { name: a.email, displayName: 'Milica Jovanović' },
      attestation: 'none',
      timeout: 300_000,
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      excludeCredentials: [],
    });
    const response = await auth.createCredential(opts.body.options, ORIGIN, { backedUp: true });
    const added = await h.call('POST', '/api/account/passkeys', { response }, { cookie: a.cookie });
    expect(added.status).toBe(201);
    expect(added.body.passkey).toMatchObject({ id: response.id, lastUsedAt: null, backedUp: true });

    // Only the challenge's hash was stored, and it is gone once used.
    expect(await count(h, 'webauthn_challenges')).toBe(0);
    const [stored] = (await h.deps.db.$client.execute('SELECT * FROM passkeys')).rows;
    expect(stored).toMatchObject({ id: response.id, account_id: a.accountId, counter: 0, device_type: 'multiDevice' });
    expect(JSON.parse(String(stored.transports))).toEqual(['hybrid', 'internal']);

    const loginOpts = await h.call('POST', '/api/passkey/login/options');
    expect(loginOpts.body.options).toMatchObject({ rpId: 'localhost', userVerification: 'required', timeout: 300_000 });
    expect(loginOpts.body.options.allowCredentials ?? []).toEqual([]);
    const [challengeRow] = (await h.deps.db.$client.execute('SELECT * FROM webauthn_challenges')).rows;
    expect(challengeRow.purpose).toBe('login');
    expect(challengeRow.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(challengeRow.hash).not.toContain(loginOpts.body.options.challenge);
    expect(Number(challengeRow.expires_at) - h.clock.now).toBe(5 * MIN);

    h.clock.advance(MIN);
    const login = await h.call('POST', '/api/passkey/login', {
      response: await auth.getAssertion(loginOpts.body.options, ORIGIN),
      remember: true,
    });
    expect(login.status).toBe(200);
    expect(login.body.account).toMatchObject({ id: a.accountId, email: a.email });
    expect(login.sessionSetCookie).toMatch(/Max-Age=2592000/);
    expect(login.device).toBeDefined();
    expect((await h.call('GET', '/api/me', undefined, { cookie: login.cookie })).body.account.id).toBe(a.accountId);
    const [used] = (await h.deps.db.$client.execute('SELECT counter, last_used_at FROM passkeys')).rows;
    expect(used).toEqual({ counter: 1, last_used_at: h.clock.now });
  });

  it('offers a second registration with the first passkey excluded', async () => {
    const a = await loggedIn(h);
    const auth = softAuthenticator();
    expect((await addPasskey(h, auth, a.cookie)).status).toBe(201);
    const opts = await registrationOptions(h, a.cookie);
    expect(opts.body.options.excludeCredentials).toEqual([
      { id: auth.credentialIds()[0], type: 'public-key', transports: ['hybrid', 'internal'] },
    ]);
    await expect(auth.createCredential(opts.body.options, ORIGIN)).rejects.toThrow(/excluded/);
  });
});

describe('a login is refused', () => {
  async function withPasskey() {
    const a = await loggedIn(h);
    const auth = softAuthenticator();
    expect((await addPasskey(h, auth, a.cookie)).status).toBe(201);
    return { a, auth };
  }

  it('when the assertion is replayed (the challenge is single use; synced passkeys keep no counter)', async () => {
    const { auth } = await withPasskey();
    const response = await assertion(h, auth, { counter: 0 });
    expect((await h.call('POST', '/api/passkey/login', { response })).status).toBe(200);
    const again = await h.call('POST', '/api/passkey/login', { response });
    expect(again.status).toBe(401);
    expect(again.body).toEqual(failed);
    expect(again.cookie).toBeUndefined();
  });

  it('when the challenge is older than 5 minutes, and the cleanup removes it', async () => {
    const { auth } = await withPasskey();
    const late = await assertion(h, auth);
    const inTime = await assertion(h, auth);
    h.clock.advance(5 * MIN);
    expect((await h.call('POST', '/api/passkey/login', { response: late })).body).toEqual(failed);
    await assertion(h, auth); // a fresh one stays
    expect(await count(h, 'webauthn_challenges')).toBe(2);
    await cleanup(h.deps);
    expect(await count(h, 'webauthn_challenges')).toBe(1);
    expect((await h.call('POST', '/api/passkey/login', { response: inTime })).status).toBe(401);
  });

  it('from an origin outside ALLOWED_ORIGINS (a phishing page), and its challenge is spent', async () => {
    const { auth } = await withPasskey();
    const opts = (await h.call('POST', '/api/passkey/login/options')).body.options;
    const phished = await auth.getAssertion(opts, 'https://stambenoruma-portal.example');
    expect((await h.call('POST', '/api/passkey/login', { response: phished })).body).toEqual(failed);
    const honest = await auth.getAssertion(opts, ORIGIN);
    expect((await h.call('POST', '/api/passkey/login', { response: honest })).status).toBe(401);
  });

  it('for another RP ID', async () => {
    const { auth } = await withPasskey();
    expect((await passkeyLogin(h, auth, { rpId: 'evil.example' })).body).toEqual(failed);
    expect((await passkeyLogin(h, auth)).status).toBe(200);
  });

  it('without user verification (a tap alone is not enough)', async () => {
    const { auth } = await withPasskey();
    expect((await passkeyLogin(h, auth, { uv: false })).body).toEqual(failed);
  });

  it('when the counter goes back or stays (a cloned authenticator)', async () => {
    const { auth } = await withPasskey();
    expect((await passkeyLogin(h, auth, { counter: 5 })).status).toBe(200);
    expect((await passkeyLogin(h, auth, { counter: 3 })).body).toEqual(failed);
    expect((await passkeyLogin(h, auth, { counter: 5 })).body).toEqual(failed);
    expect((await h.deps.db.$client.execute('SELECT counter FROM passkeys')).rows[0].counter).toBe(5);
    expect((await passkeyLogin(h, auth, { counter: 6 })).status).toBe(200);
  });

  it('for a removed passkey', async () => {
    const { a, auth } = await withPasskey();
    const id = auth.credentialIds()[0];
    expect((await h.call('POST', '/api/account/passkeys/remove', { id }, { cookie: a.cookie })).status).toBe(200);
    expect((await passkeyLogin(h, auth)).body).toEqual(failed);
  });

  it('for a user handle that is not the passkey’s account, a tampered signature or a registration challenge', async () => {
    const { a, auth } = await withPasskey();
    const response = await assertion(h, auth);
    response.response.userHandle = btoa('someone-else').replace(/=+$/, '');
    expect((await h.call('POST', '/api/passkey/login', { response })).body).toEqual(failed);

    const tampered = await assertion(h, auth);
    const sig = tampered.response.signature;
    tampered.response.signature = `${sig.slice(0, 20)}${sig[20] === 'A' ? 'B' : 'A'}${sig.slice(21)}`;
    expect((await h.call('POST', '/api/passkey/login', { response: tampered })).body).toEqual(failed);

    const opts = (await registrationOptions(h, a.cookie)).body.options;
    const wrongKind = await auth.getAssertion({ challenge: opts.challenge, rpId: 'localhost' }, ORIGIN);
    expect((await h.call('POST', '/api/passkey/login', { response: wrongKind })).body).toEqual(failed);
  });

  it('for an unknown credential and for client data without a challenge, with one answer', async () => {
    await withPasskey();
    const stranger = softAuthenticator();
    await stranger.createCredential({ challenge: 'x', rp: { id: 'localhost' }, user: { id: 'bm9ib2R5' } }, ORIGIN);
    expect((await passkeyLogin(h, stranger)).body).toEqual(failed);
    const garbage = {
      id: 'abc',
      rawId: 'abc',
      type: 'public-key',
      response: { clientDataJSON: 'e30', authenticatorData: '', signature: '' },
    };
    expect((await h.call('POST', '/api/passkey/login', { response: garbage })).body).toEqual(failed);
  });
});

describe('a registration is refused', () => {
  it('without user verification, from another origin, or after 5 minutes', async () => {
    const a = await loggedIn(h);
    const auth = softAuthenticator();
    expect((await addPasskey(h, auth, a.cookie, { uv: false })).body).toEqual(failed);
    expect((await addPasskey(h, auth, a.cookie, {}, 'https://evil.example')).status).toBe(400);
    expect((await addPasskey(h, auth, a.cookie, { rpId: 'evil.example' })).status).toBe(400);
    const opts = (await registrationOptions(h, a.cookie)).body.options;
    const response = await auth.createCredential(opts, ORIGIN);
    h.clock.advance(5 * MIN);
    expect((await h.call('POST', '/api/account/passkeys', { response }, { cookie: a.cookie })).status).toBe(400);
    expect(await count(h, 'passkeys')).toBe(0);
  });

  it("for another account's challenge, and for another session's", async () => {
    const owner = await loggedIn(h);
    const other = await loggedIn(h, SECOND);
    const auth = softAuthenticator();
    const opts = (await registrationOptions(h, owner.cookie)).body.options;
    const response = await auth.createCredential(opts, ORIGIN);
    const stolen = await h.call('POST', '/api/account/passkeys', { response }, { cookie: other.cookie });
    expect(stolen.status).toBe(400);
    expect(stolen.body).toEqual(failed);

    const secondSession = (await h.call('POST', '/api/login', { email: owner.email, password: owner.password }))
      .cookie as string;
    const opts2 = (await registrationOptions(h, owner.cookie)).body.options;
    const response2 = await auth.createCredential(opts2, ORIGIN);
    expect(
      (await h.call('POST', '/api/account/passkeys', { response: response2 }, { cookie: secondSession })).status,
    ).toBe(400);
    expect(await count(h, 'passkeys')).toBe(0);
  });

  it('when the challenge is replayed: one passkey', async () => {
    const a = await loggedIn(h);
    const auth = softAuthenticator();
    const response = await auth.createCredential((await registrationOptions(h, a.cookie)).body.options, ORIGIN);
    expect((await h.call('POST', '/api/account/passkeys', { response }, { cookie: a.cookie })).status).toBe(201);
    expect((await h.call('POST', '/api/account/passkeys', { response }, { cookie: a.cookie })).status).toBe(400);
    expect(await count(h, 'passkeys')).toBe(1);
  });
});

describe('under concurrency', () => {
  it('a burst of 120 requests replaying one assertion gives exactly one session', async () => {
    const a = await loggedIn(h);
    const auth = softAuthenticator();
    expect((await addPasskey(h, auth, a.cookie)).status).toBe(201);
    // Counter 0, as platform passkeys send it: only the challenge stands between the replays.
    const response = await assertion(h, auth, { counter: 0 });
    const before = await count(h, 'sessions');
    const answers = await Promise.all(
      Array.from({ length: 120 }, () => h.call('POST', '/api/passkey/login', { response })),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 401)).toHaveLength(119);
    expect(answers.filter((r) => r.cookie)).toHaveLength(1);
    expect(await count(h, 'sessions')).toBe(before + 1);
  });

  it('50 different assertions racing with the same counter give one session (the counter is written only forward)', async () => {
    const a = await loggedIn(h);
    const auth = softAuthenticator();
    expect((await addPasskey(h, auth, a.cookie)).status).toBe(201);
    const responses = [];
    for (let i = 0; i < 50; i++) responses.push(await assertion(h, auth, { counter: 7 }));
    const before = await count(h, 'sessions');
    const answers = await Promise.all(responses.map((response) => h.call('POST', '/api/passkey/login', { response })));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await count(h, 'sessions')).toBe(before + 1);
    expect((await h.deps.db.$client.execute('SELECT counter FROM passkeys')).rows[0].counter).toBe(7);
  });

  it('login options are counted first per address: a burst of 100 gets exactly the limit, and rows only for those', async () => {
    await h.close();
    h = await makeHarness({ env: { PASSKEY_OPTIONS_IP_PER_HOUR: '10' } });
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => h.call('POST', '/api/passkey/login/options', {}, { ip: '198.51.100.9' })),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(10);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(90);
    expect(refused[0].body).toEqual({ error: { code: 'too_many_attempts' } });
    expect(Number(refused[0].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await count(h, 'webauthn_challenges')).toBe(10);
    // Another address is not held up.
    expect((await h.call('POST', '/api/passkey/login/options', {}, { ip: '198.51.100.10' })).status).toBe(200);
  });
});

describe('round trips', () => {
  it('a passkey login costs at most 2 libSQL round trips for the verification', async () => {
    const a = await loggedIn(h);
    const auth = softAuthenticator();
    expect((await addPasskey(h, auth, a.cookie)).status).toBe(201);
    const response = await assertion(h, auth);
    await h.settle();
    let trips = 0;
    const client = h.deps.db.$client as unknown as Record<string, (...args: unknown[]) => unknown>;
    const originals = new Map<string, (...args: unknown[]) => unknown>();
    for (const m of ['execute', 'batch', 'executeMultiple', 'migrate', 'transaction']) {
      const original = client[m];
      originals.set(m, original);
      client[m] = (...args: unknown[]) => {
        trips++;
        return original.apply(client, args);
      };
    }
    try {
      const login = await h.call('POST', '/api/passkey/login', { response });
      expect(login.status).toBe(200);
    } finally {
      for (const [m, f] of originals) client[m] = f;
    }
    console.log(`libSQL round trips: passkey login ${trips}`);
    expect(trips).toBeLessThanOrEqual(2);
  });
});
