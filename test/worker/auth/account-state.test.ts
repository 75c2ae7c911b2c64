// One account state, as a table: every account-wide event × every kind of credential, each
// credential issued before the event and tried after it through the API (or, where the API gives
// no side-effect-free way, through the function every route uses). The events and credentials are
// the app's own lists (auth/account-state.ts): a new event or credential kind without a runner or a
// probe here fails to compile and fails the first test.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, confirmedAccount, GOOD_PASSWORD, ROOT, type Harness } from '../harness.ts';
import {
  ACCOUNT_EVENTS,
  CREDENTIALS,
  EFFECTS,
  type AccountEvent,
  type Credential,
} from '../../../worker/src/auth/account-state.ts';
import { trustedDevice } from '../../../worker/src/auth/device-cookie.ts';
import { issueToken, peekToken } from '../../../worker/src/auth/tokens.ts';
import { softAuthenticator, type SoftAuthenticator } from '../../support/soft-authenticator.ts';
import { ORIGIN, SECOND, addPasskey, passkeyLogin, registrationOptions } from './passkey-steps.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const MIN = 60_000;
const NEW_EMAIL = 'nova@example.com';

/** Everything a thief (or the resident's other browser) could hold when the event happens. */
interface Held {
  email: string;
  accountId: string;
  actor: string;
  other: string;
  otherDevice: string;
  resetToken: string;
  emailToken: string;
  confirmToken: string;
  code: string;
  pendingPasskey: unknown;
  passkey: SoftAuthenticator;
}

/** What the event left: the actor's session (and device cookie) where the event keeps one. */
interface After {
  email: string;
  actor?: string;
  actorDevice?: string;
}

async function holdEverything(): Promise<Held> {
  const a = await confirmedAccount(h);
  const actorLogin = await h.call('POST', '/api/login', a, { ip: '198.51.100.1' });
  const otherLogin = await h.call('POST', '/api/login', a, { ip: '198.51.100.2' });
  const actor = String(actorLogin.cookie);
  const passkey = softAuthenticator();
  expect((await addPasskey(h, passkey, actor)).status).toBe(201);
  const options = await registrationOptions(h, actor);
  const pendingPasskey = await softAuthenticator().createCredential(options.body.options, ORIGIN);
  await h.call('POST', '/api/password/forgot', { email: a.email }, { ip: '198.51.100.3' });
  const resetToken = await h.linkFrom('reset');
  await h.call(
    'POST',
    '/api/account/email',
    { password: GOOD_PASSWORD, email: NEW_EMAIL },
    { cookie: otherLogin.cookie },
  );
  const emailToken = await h.linkFrom('email', NEW_EMAIL);
  await h.call('POST', '/api/login/code/send', { email: a.email }, { ip: '198.51.100.4' });
  const mail = (await h.outbox()).find((m) => m.kind === 'login-code');
  const code = String(mail?.subject.match(/(\d{6})$/)?.[1]);
  const accountId = String(actorLogin.body.account.id);
  const confirm = await issueToken(h.deps, accountId, 'confirm');
  await h.deps.db.batch([confirm.insert]);
  return {
    email: a.email,
    accountId,
    actor,
    other: String(otherLogin.cookie),
    otherDevice: String(otherLogin.device),
    resetToken,
    emailToken,
    confirmToken: confirm.token,
    code,
    pendingPasskey,
    passkey,
  };
}

/** How each event is made, by the resident in the actor's browser (a reset: from the mail's link). */
const EVENTS: Record<AccountEvent, (held: Held) => Promise<After>> = {
  async password_reset(held) {
    const r = await h.call('POST', '/api/password/reset', {
      token: held.resetToken,
      password: 'nova lozinka za Rumu 9',
    });
    expect(r.status).toBe(200);
    return { email: held.email, actor: r.cookie, actorDevice: r.device };
  },
  async password_changed(held) {
    const r = await h.call(
      'POST',
      '/api/account/password',
      { currentPassword: GOOD_PASSWORD, newPassword: 'nova lozinka za Rumu 9' },
      { cookie: held.actor },
    );
    expect(r.status).toBe(200);
    return { email: held.email, actor: held.actor, actorDevice: r.device };
  },
  async email_changed(held) {
    const r = await h.call('POST', '/api/confirm', { token: held.emailToken }, { cookie: held.actor });
    expect(r.body).toEqual({ status: 'email_changed' });
    return { email: NEW_EMAIL, actor: held.actor, actorDevice: r.device };
  },
  async logged_out_everywhere(held) {
    const r = await h.call('POST', '/api/account/sessions/revoke-all', { keepCurrent: true }, { cookie: held.actor });
    expect(r.status).toBe(204);
    return { email: held.email, actor: held.actor, actorDevice: r.device };
  },
  async passkey_removed(held) {
    const list = await h.call('GET', '/api/account/passkeys', undefined, { cookie: held.actor });
    const r = await h.call(
      'POST',
      '/api/account/passkeys/remove',
      { id: list.body.passkeys[0].id },
      { cookie: held.actor },
    );
    expect(r.status).toBe(200);
    return { email: held.email, actor: held.actor, actorDevice: r.device };
  },
  async consumer_unlinked(held) {
    const link = { consumerCode: SECOND.consumerCode, pin: SECOND.pin };
    expect((await h.call('POST', '/api/account/consumers/link', link, { cookie: held.actor })).status).toBe(201);
    const r = await h.call(
      'POST',
      '/api/account/consumers/unlink',
      { consumerCode: SECOND.consumerCode },
      { cookie: held.actor },
    );
    expect(r.status).toBe(204);
    return { email: held.email, actor: held.actor, actorDevice: r.device };
  },
  async account_deleted(held) {
    const r = await h.call('POST', '/api/account/delete', { password: GOOD_PASSWORD }, { cookie: held.actor });
    expect(r.status).toBe(204);
    return { email: held.email };
  },
};

/** The device cookie as the login and mail-request routes judge it. */
async function deviceTrusted(email: string, cookie?: string) {
  if (!cookie) return false;
  const app = new Hono().get('/', async (c) => c.text(String((await trustedDevice(c, h.deps, email)) ?? '')));
  return (await (await app.request('/', { headers: { cookie } })).text()) !== '';
}

const alive = async (cookie?: string) =>
  !!cookie && (await h.call('GET', '/api/me', undefined, { cookie })).body?.account != null;

/** Whether the credential still works after the event, tried as its holder would. */
const PROBES: Record<Credential, (held: Held, after: After) => Promise<boolean>> = {
  session: (held) => alive(held.other),
  confirm_link: async (held) => (await peekToken(h.deps, held.confirmToken, 'confirm')) !== null,
  async reset_link(held) {
    const r = await h.call('POST', '/api/password/reset', { token: held.resetToken, password: 'lozinka lopova 12' });
    return r.status === 200;
  },
  async email_link(held) {
    return (await h.call('POST', '/api/confirm', { token: held.emailToken })).status === 200;
  },
  async login_code(held, after) {
    return (await h.call('POST', '/api/login/code', { email: after.email, code: held.code })).status === 200;
  },
  async passkey_registration(held) {
    // Finished in the browser that asked for it (still logged in where the event keeps the actor).
    const r = await h.call('POST', '/api/account/passkeys', { response: held.pendingPasskey }, { cookie: held.actor });
    return r.status === 201;
  },
  device_cookie: (held, after) => deviceTrusted(after.email, held.otherDevice),
  async passkey(held) {
    return (await passkeyLogin(h, held.passkey)).status === 200;
  },
};

it("docs/security.md's table is the code's table", () => {
  const doc = readFileSync(resolve(ROOT, 'docs/security.md'), 'utf8');
  const rows = doc
    .split('\n')
    .filter((l) => /^\| [a-z_]+ \|/.test(l) && ACCOUNT_EVENTS.some((e) => l.startsWith(`| ${e} |`)))
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  const header = doc.split('\n').find((l) => l.startsWith('| event |'));
  expect(
    header
      ?.split('|')
      .slice(2, -1)
      .map((c) => c.trim()),
  ).toEqual([...CREDENTIALS]);
  expect(rows).toEqual(ACCOUNT_EVENTS.map((e) => [e, ...CREDENTIALS.map((k) => EFFECTS[e][k])]));
});

it('has a runner for every event and a probe for every kind of credential, and a rule for each pair', () => {
  expect(Object.keys(EVENTS).sort()).toEqual([...ACCOUNT_EVENTS].sort());
  expect(Object.keys(PROBES).sort()).toEqual([...CREDENTIALS].sort());
  for (const event of ACCOUNT_EVENTS) expect(Object.keys(EFFECTS[event]).sort()).toEqual([...CREDENTIALS].sort());
});

describe.each(ACCOUNT_EVENTS.map((e) => [e]))('%s', (event) => {
  it('voids what its row of the table says, keeps the rest', async () => {
    const held = await holdEverything();
    // Before: each one would work (tried without using it up where the API would).
    expect(await alive(held.other)).toBe(true);
    expect(await peekToken(h.deps, held.resetToken, 'reset')).toBe(held.accountId);
    expect(await peekToken(h.deps, held.emailToken, 'email')).toBe(held.accountId);
    expect(await peekToken(h.deps, held.confirmToken, 'confirm')).toBe(held.accountId);
    expect(await deviceTrusted(held.email, held.otherDevice)).toBe(true);
    h.clock.advance(MIN);

    const after = await EVENTS[event](held);
    const effects = EFFECTS[event];
    const results: Record<string, boolean> = {};
    // The passkey first (a probe of the links may reset the password and remove provisional ones).
    for (const kind of ['passkey', ...CREDENTIALS.filter((k) => k !== 'passkey')] as Credential[])
      results[kind] = await PROBES[kind](held, after);
    const expected = Object.fromEntries(
      CREDENTIALS.map((kind) => [
        kind,
        effects[kind] === 'kept' || effects[kind] === 'removed when asked', // none asked here
      ]),
    );
    expect(results).toEqual(expected);

    // The actor's session and browser stay where the table says so, on the new version.
    const actorKept = effects.session === 'void, actor kept';
    expect(await alive(after.actor)).toBe(actorKept);
    expect(await deviceTrusted(after.email, after.actorDevice)).toBe(effects.device_cookie === 'void, actor kept');
  });
});

describe('the reset link mailed to the old address (issue 20, item 1)', () => {
  it('is refused once the new address is confirmed, so the old mailbox cannot take the account back', async () => {
    const a = await confirmedAccount(h);
    const login = await h.call('POST', '/api/login', a);
    await h.call('POST', '/api/account/email', { password: GOOD_PASSWORD, email: NEW_EMAIL }, { cookie: login.cookie });
    await h.call('POST', '/api/password/forgot', { email: a.email }, { ip: '203.0.113.50' });
    const stolen = await h.linkFrom('reset', a.email);
    const token = await h.linkFrom('email', NEW_EMAIL);
    expect((await h.call('POST', '/api/confirm', { token }, { cookie: login.cookie })).status).toBe(200);
    const r = await h.call('POST', '/api/password/reset', { token: stolen, password: 'lozinka lopova 12' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: { code: 'invalid_token' } });
    expect((await h.call('POST', '/api/login', { email: NEW_EMAIL, password: GOOD_PASSWORD })).status).toBe(200);
  });
});
