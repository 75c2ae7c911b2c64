// The device cookie (OWASP, "Slow down online guessing attacks with device cookies"): a browser
// that has logged in to an account gets a signed cookie naming that account's address; its
// later logins to that account count failures on the device's own counter, so an attacker's
// failures elsewhere cannot lock the owner out. It proves nothing by itself: the password is
// still checked, and a stolen device cookie only gives its holder the owner's (small) budget,
// and only until the next account-wide event (account-state.ts).
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { SignJWT, jwtVerify } from 'jose';
import type { InStatement } from '@libsql/client';
import type { Deps } from '../ports.ts';
import { release, reserve, type Rule } from './throttle.ts';
import { randomId, sha256Hex } from './crypto.ts';

const LIFETIME_S = 365 * 24 * 3600;
const AUDIENCE = 'jp-device';

function cookieName(deps: Deps): string {
  return deps.config.cookieSecure ? '__Host-jp_device' : 'jp_device';
}

const key = (deps: Deps) => new TextEncoder().encode(deps.config.signingKey);
// The address is kept only as a digest: the cookie says which account, not who.
const addressDigest = async (email: string) => (await sha256Hex(`device:${email}`)).slice(0, 32);

/** The account's id and security version by address (one indexed read). */
const ACCOUNT_STATE_SQL = 'SELECT id, security_version FROM accounts WHERE email = ?';

/** An account's state as a row carries it: `id` and `security_version` (ACCOUNT_COLUMNS has both). */
export type AccountState = Record<string, unknown>;

/**
 * A new device cookie for the account at its security version (the row's, or read now when the
 * caller has none since an event just moved it): after an account-wide event (account-state.ts)
 * the old cookies buy nothing, and the browser that made the change gets a fresh one.
 */
export async function setDeviceCookie(
  c: Context,
  deps: Deps,
  accountId: string,
  email: string,
  state?: AccountState,
): Promise<void> {
  const row = state ?? (await deps.db.$client.execute({ sql: ACCOUNT_STATE_SQL, args: [email] })).rows[0];
  if (!row || row.id !== accountId) return;
  const now = Math.floor(deps.now() / 1000);
  const jwt = await new SignJWT({ e: await addressDigest(email), a: accountId, v: Number(row.security_version) })
    .setProtectedHeader({ alg: 'HS256' })
    .setJti(randomId(deps.randomBytes))
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + LIFETIME_S)
    .sign(key(deps));
  setCookie(c, cookieName(deps), jwt, {
    httpOnly: true,
    secure: deps.config.cookieSecure,
    sameSite: 'Lax',
    path: '/',
    maxAge: LIFETIME_S,
  });
}

/** What a signed device cookie claims: its id, and the account and security version it was issued to. */
export interface DeviceClaim {
  id: string;
  accountId: unknown;
  version: unknown;
}

/** The request's device cookie for this address, checked by its signature only (no database read). */
export async function deviceClaim(c: Context, deps: Deps, email: string): Promise<DeviceClaim | undefined> {
  const jwt = getCookie(c, cookieName(deps));
  if (!jwt || jwt.length > 1024) return undefined;
  try {
    const { payload } = await jwtVerify(jwt, key(deps), {
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: new Date(deps.now()),
    });
    if (payload.e !== (await addressDigest(email)) || typeof payload.jti !== 'string') return undefined;
    return { id: payload.jti, accountId: payload.a, version: payload.v };
  } catch {
    return undefined;
  }
}

/** The claim holds for the account as it is now: the same account (not an earlier one of the address) at the same version. */
export const deviceIsCurrent = (claim: DeviceClaim, row: AccountState | undefined) =>
  row !== undefined && row.id === claim.accountId && Number(row.security_version) === claim.version;

/** The device's id when the request carries a current device cookie for this address (one read when it carries one). */
export async function trustedDevice(c: Context, deps: Deps, email: string): Promise<string | undefined> {
  const claim = await deviceClaim(c, deps, email);
  if (!claim) return undefined;
  const [row] = (await deps.db.$client.execute({ sql: ACCOUNT_STATE_SQL, args: [email] })).rows;
  return deviceIsCurrent(claim, row) ? claim.id : undefined;
}

/**
 * Counts a login attempt first (auth/throttle.ts) with the account's row in the same round trip:
 * on the device's own counter when the request carries the owner's device cookie, else as a
 * stranger's. A cookie from before an account-wide event is found stale by that row: its slots are
 * given back and the attempt counted again as a stranger's (a second round trip, only then).
 */
export async function reserveLogin(
  c: Context,
  deps: Deps,
  email: string,
  rulesFor: (device?: string) => Rule[],
  account: InStatement,
) {
  const claim = await deviceClaim(c, deps, email);
  let rules = rulesFor(claim?.id);
  let r = await reserve(deps, rules, [account]);
  if (claim && !deviceIsCurrent(claim, r.extra[0].rows[0])) {
    await release(deps.db, r.admitted);
    rules = rulesFor(undefined);
    r = await reserve(deps, rules, [account]);
  }
  return { r, rules, row: r.extra[0].rows[0] };
}
