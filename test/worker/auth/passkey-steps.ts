// The passkey ceremonies as the widget runs them, against the test harness: ask for options,
// hand them to the software authenticator, send its answer back.
import type { Harness, Reply } from '../harness.ts';
import { confirmedAccount } from '../harness.ts';
import type { CeremonyOptions, SoftAuthenticator } from '../../support/soft-authenticator.ts';

/** The page the widget runs on in the tests (in ALLOWED_ORIGINS; RP ID localhost). */
export const ORIGIN = 'http://localhost:8787';

export const SECOND = {
  email: 'dragan@example.com',
  consumerCode: '104522',
  pin: '7390',
  name: 'Dragan Petrović',
};

/** A confirmed account and a session that has just logged in with its password. */
export async function loggedIn(h: Harness, over: Record<string, unknown> = {}) {
  const a = await confirmedAccount(h, over);
  const login = await h.call('POST', '/api/login', a);
  if (login.status !== 200 || !login.cookie) throw new Error(`login: ${login.status}`);
  return { ...a, cookie: login.cookie, accountId: String(login.body.account.id) };
}

/** Registration options for the session (with the password when given). */
export async function registrationOptions(h: Harness, cookie: string, password?: string) {
  return h.call('POST', '/api/account/passkeys/options', password === undefined ? {} : { password }, { cookie });
}

/** Adds a passkey to the session's account: options, the authenticator, the answer. */
export async function addPasskey(
  h: Harness,
  auth: SoftAuthenticator,
  cookie: string,
  o: CeremonyOptions = {},
  origin = ORIGIN,
): Promise<Reply> {
  const opts = await registrationOptions(h, cookie);
  if (opts.status !== 200) throw new Error(`passkey options: ${opts.status} ${JSON.stringify(opts.body)}`);
  const response = await auth.createCredential(opts.body.options, origin, o);
  return h.call('POST', '/api/account/passkeys', { response }, { cookie });
}

/** A login challenge and the authenticator's assertion for it (not sent yet). */
export async function assertion(h: Harness, auth: SoftAuthenticator, o: CeremonyOptions = {}, origin = ORIGIN) {
  const opts = await h.call('POST', '/api/passkey/login/options');
  if (opts.status !== 200) throw new Error(`login options: ${opts.status} ${JSON.stringify(opts.body)}`);
  return auth.getAssertion(opts.body.options, origin, o);
}

/** A whole passkey login. */
export async function passkeyLogin(
  h: Harness,
  auth: SoftAuthenticator,
  o: CeremonyOptions = {},
  origin = ORIGIN,
): Promise<Reply> {
  return h.call('POST', '/api/passkey/login', { response: await assertion(h, auth, o, origin) });
}

export const count = async (h: Harness, table: string) =>
  Number((await h.deps.db.$client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
