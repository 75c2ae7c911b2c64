// The account's passkeys: the list, adding one (the password again once the session is older
// than 5 minutes, wrong ones counted), removal, and the account-wide events — "log out
// everywhere" and a password reset with and without the passkeys, deleting the account — and
// the export.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, GOOD_PASSWORD, type Harness } from '../../harness.ts';
import { softAuthenticator } from '../../../support/soft-authenticator.ts';
import {
  ORIGIN,
  SECOND,
  addPasskey,
  count,
  loggedIn,
  passkeyLogin,
  registrationOptions,
} from '../../auth/passkey-steps.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const MIN = 60_000;
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';

describe('GET /api/account/passkeys', () => {
  it('lists the passkeys with their device, dates and backup, and says when the password is needed again', async () => {
    const a = await loggedIn(h);
    const auth = softAuthenticator();
    const empty = await h.call('GET', '/api/account/passkeys', undefined, { cookie: a.cookie });
    expect(empty.body).toEqual({ passkeys: [], reauthRequired: false });

    const opts = await registrationOptions(h, a.cookie);
    const response = await auth.createCredential(opts.body.options, ORIGIN, { backedUp: true });
    const added = await h.call(
      'POST',
      '/api/account/passkeys',
      { response },
      { cookie: a.cookie, headers: { 'user-agent': ANDROID_CHROME } },
    );
    expect(added.status).toBe(201);
    const createdAt = h.clock.now;
    h.clock.advance(2 * MIN);
    expect((await passkeyLogin(h, auth)).status).toBe(200);

    const list = await h.call('GET', '/api/account/passkeys', undefined, { cookie: a.cookie });
    expect(list.body.passkeys).toEqual([
      {
        id: response.id,
        device: { browser: 'Chrome', system: 'android' },
        createdAt,
        lastUsedAt: h.clock.now,
        backedUp: true,
      },
    ]);
    expect(list.body.reauthRequired).toBe(false);
    h.clock.advance(3 * MIN);
    expect((await h.call('GET', '/api/account/passkeys', undefined, { cookie: a.cookie })).body.reauthRequired).toBe(
      true,
    );
  });

  it('needs a session', async () => {
    expect((await h.call('GET', '/api/account/passkeys')).status).toBe(401);
    expect((await h.call('POST', '/api/account/passkeys/options', {})).status).toBe(401);
  });
});

describe('POST /api/account/passkeys/options', () => {
  it('after 5 minutes wants the password: none is reauth_required, a wrong one is counted, the right one works', async () => {
    const a = await loggedIn(h);
    h.clock.advance(5 * MIN);
    const none = await registrationOptions(h, a.cookie);
    expect(none.status).toBe(403);
    expect(none.body).toEqual({ error: { code: 'reauth_required' } });
    expect(await count(h, 'webauthn_challenges')).toBe(0);

    h.counts.verify = 0;
    for (let i = 0; i < 5; i++) {
      const wrong = await registrationOptions(h, a.cookie, 'pogrešna lozinka 1');
      expect(wrong.status).toBe(403);
      expect(wrong.body.error.code).toBe('wrong_password');
    }
    expect(h.counts.verify).toBe(5);
    const sixth = await registrationOptions(h, a.cookie, GOOD_PASSWORD);
    expect(sixth.status).toBe(429);
    expect(h.counts.verify).toBe(5);
    expect(await count(h, 'webauthn_challenges')).toBe(0);

    // A new login is a young session again.
    const fresh = (await h.call('POST', '/api/login', { email: a.email, password: a.password })).cookie as string;
    h.clock.advance(5 * MIN);
    const right = await registrationOptions(h, fresh, GOOD_PASSWORD);
    expect(right.status).toBe(200);
    const auth = softAuthenticator();
    const response = await auth.createCredential(right.body.options, ORIGIN);
    expect((await h.call('POST', '/api/account/passkeys', { response }, { cookie: fresh })).status).toBe(201);
  });

  it('is counted first per account: a burst of 100 gets exactly the daily limit of challenges', async () => {
    const a = await loggedIn(h);
    const answers = await Promise.all(Array.from({ length: 100 }, () => registrationOptions(h, a.cookie)));
    const limit = h.deps.config.limits.accountActionsPerDay;
    expect(answers.filter((r) => r.status === 200)).toHaveLength(limit);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(100 - limit);
    expect(await count(h, 'webauthn_challenges')).toBe(limit);
  });
});

describe('POST /api/account/passkeys/remove', () => {
  it("removes one of the account's passkeys; another account's or an unknown id is not_found", async () => {
    const a = await loggedIn(h);
    const b = await loggedIn(h, SECOND);
    const auth = softAuthenticator();
    expect((await addPasskey(h, auth, a.cookie)).status).toBe(201);
    const [id] = auth.credentialIds();
    const foreign = await h.call('POST', '/api/account/passkeys/remove', { id }, { cookie: b.cookie });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({ error: { code: 'not_found' } });
    const removed = await h.call('POST', '/api/account/passkeys/remove', { id }, { cookie: a.cookie });
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ status: 'removed' });
    expect((await h.call('POST', '/api/account/passkeys/remove', { id }, { cookie: a.cookie })).status).toBe(404);
    expect(await count(h, 'passkeys')).toBe(0);
  });
});

describe('account-wide events', () => {
  async function withPasskey() {
    const a = await loggedIn(h);
    const auth = softAuthenticator();
    expect((await addPasskey(h, auth, a.cookie)).status).toBe(201);
    return { a, auth };
  }

  it('"log out everywhere" keeps the passkeys unless asked, and always voids a passkey being added', async () => {
    const { a, auth } = await withPasskey();
    const laptop = softAuthenticator();
    const pending = await laptop.createCredential((await registrationOptions(h, a.cookie)).body.options, ORIGIN);
    expect(
      (await h.call('POST', '/api/account/sessions/revoke-all', { keepCurrent: true }, { cookie: a.cookie })).status,
    ).toBe(204);
    expect((await h.call('POST', '/api/account/passkeys', { response: pending }, { cookie: a.cookie })).status).toBe(
      400,
    );
    expect((await passkeyLogin(h, auth)).status).toBe(200);

    const r = await h.call(
      'POST',
      '/api/account/sessions/revoke-all',
      { keepCurrent: true, passkeys: true },
      { cookie: a.cookie },
    );
    expect(r.status).toBe(204);
    expect(await count(h, 'passkeys')).toBe(0);
    expect((await passkeyLogin(h, auth)).body).toEqual({ error: { code: 'passkey_failed' } });
    // The session that asked stays; the one the passkey made is gone.
    expect((await h.call('GET', '/api/me', undefined, { cookie: a.cookie })).body.account).not.toBeNull();
    expect(await count(h, 'sessions')).toBe(1);
  });

  it('a password reset removes the provisional passkeys unless kept, keeps the others unless removePasskeys', async () => {
    const { a, auth } = await withPasskey();
    // The reset link's holder learns the provisional ones and how many the account has in all.
    await h.call('POST', '/api/password/forgot', { email: a.email });
    const asked = await h.call('POST', '/api/password/reset/passkeys', { token: await h.linkFrom('reset') });
    expect(asked.body).toMatchObject({ count: 1 });
    expect(asked.body.passkeys).toHaveLength(1);
    h.clock.advance(3 * MIN);
    const provisional = async () =>
      (await h.deps.db.$client.execute('SELECT provisional FROM passkeys')).rows.map((r) => Number(r.provisional));
    // Added in a password's session: the password may be what leaked.
    expect(await provisional()).toEqual([1]);
    const reset = async (body: Record<string, unknown>) => {
      await h.call('POST', '/api/password/forgot', { email: a.email });
      const token = await h.linkFrom('reset');
      h.clock.advance(3 * MIN); // the next forgot-password mail is not "already sent"
      return h.call('POST', '/api/password/reset', { token, ...body });
    };
    expect((await reset({ password: 'nova lozinka za Rumu 9', keepProvisionalPasskeys: true })).status).toBe(200);
    expect((await passkeyLogin(h, auth)).status).toBe(200);
    expect((await reset({ password: 'još novija lozinka 10' })).status).toBe(200);
    expect(await count(h, 'passkeys')).toBe(0);
    expect((await passkeyLogin(h, auth)).status).toBe(401);

    // A passkey added in the session the reset began is the resident's own: the mailbox was proven just then.
    h.clock.advance(60 * MIN); // the address's hourly cap on reset mails
    await h.call('POST', '/api/password/forgot', { email: a.email });
    const token = await h.linkFrom('reset');
    h.clock.advance(3 * MIN);
    const afterReset = await h.call('POST', '/api/password/reset', { token, password: 'još novija lozinka 11' });
    const phone = softAuthenticator();
    expect((await addPasskey(h, phone, String(afterReset.cookie))).status).toBe(201);
    expect(await provisional()).toEqual([0]);
    expect((await reset({ password: 'lozinka broj četiri 4' })).status).toBe(200);
    expect(await provisional()).toEqual([0]);
    expect((await passkeyLogin(h, phone)).status).toBe(200);
    expect((await reset({ password: 'lozinka broj pet 55', removePasskeys: true })).status).toBe(200);
    expect(await count(h, 'passkeys')).toBe(0);
    expect((await passkeyLogin(h, phone)).status).toBe(401);
  });

  it('a passkey outlives a reset by default only when made in a session begun by a reset or by such a passkey', async () => {
    const a = await loggedIn(h);
    const provisionalOf = async (auth: ReturnType<typeof softAuthenticator>) =>
      Number(
        (
          await h.deps.db.$client.execute({
            sql: 'SELECT provisional FROM passkeys WHERE id = ?',
            args: [auth.credentialIds()[0]],
          })
        ).rows[0].provisional,
      );
    // Days after the confirmation, in a password's session: provisional all the same.
    h.clock.advance(3 * 24 * 60 * MIN);
    const relogin = await h.call('POST', '/api/login', { email: a.email, password: GOOD_PASSWORD });
    const p1 = softAuthenticator();
    expect((await addPasskey(h, p1, String(relogin.cookie))).status).toBe(201);
    expect(await provisionalOf(p1)).toBe(1);
    // A provisional passkey's session cannot make a lasting one (the laundering a reviewer tried).
    h.clock.advance(2 * 24 * 60 * MIN);
    const viaP1 = await passkeyLogin(h, p1);
    const p2 = softAuthenticator();
    expect((await addPasskey(h, p2, String(viaP1.cookie))).status).toBe(201);
    expect(await provisionalOf(p2)).toBe(1);
    // A reset's session makes a lasting one, and so does that one's session in turn.
    await h.call('POST', '/api/password/forgot', { email: a.email });
    const token = await h.linkFrom('reset');
    const reset = await h.call('POST', '/api/password/reset', { token, password: 'lozinka posle reseta 12' });
    expect(reset.status).toBe(200);
    expect(await count(h, 'passkeys')).toBe(0);
    const p3 = softAuthenticator();
    expect((await addPasskey(h, p3, String(reset.cookie))).status).toBe(201);
    expect(await provisionalOf(p3)).toBe(0);
    const viaP3 = await passkeyLogin(h, p3);
    const p4 = softAuthenticator();
    expect((await addPasskey(h, p4, String(viaP3.cookie))).status).toBe(201);
    expect(await provisionalOf(p4)).toBe(0);
    // So the stranger's passkeys go with the resident's reset, hers stay.
    expect((await passkeyLogin(h, p1)).status).toBe(401);
    expect((await passkeyLogin(h, p4)).status).toBe(200);
  });

  it('deleting the account removes its passkeys and open challenges', async () => {
    const { a } = await withPasskey();
    await registrationOptions(h, a.cookie);
    expect(await count(h, 'webauthn_challenges')).toBe(1);
    expect(
      (await h.call('POST', '/api/account/delete', { password: GOOD_PASSWORD }, { cookie: a.cookie })).status,
    ).toBe(204);
    expect(await count(h, 'passkeys')).toBe(0);
    expect(await count(h, 'webauthn_challenges')).toBe(0);
  });
});

describe('the export', () => {
  it('lists the passkeys (no key material) and counts them in the summary', async () => {
    const a = await loggedIn(h);
    const auth = softAuthenticator();
    expect((await addPasskey(h, auth, a.cookie)).status).toBe(201);
    const r = await h.call('GET', '/api/account/export', undefined, { cookie: a.cookie });
    expect(r.body.summary.passkeys).toBe(1);
    expect(r.body.passkeys).toEqual([
      {
        id: auth.credentialIds()[0],
        createdAt: new Date(h.clock.now).toISOString(),
        lastUsedAt: null,
        userAgent: null,
        backedUp: false,
      },
    ]);
    const [key] = (await h.deps.db.$client.execute('SELECT public_key FROM passkeys')).rows;
    expect(JSON.stringify(r.body)).not.toContain(String(key.public_key));
  });
});
