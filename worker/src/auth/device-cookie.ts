// The device cookie (OWASP, "Slow down online guessing attacks with device cookies"): a browser
// that has logged in to an account gets a signed cookie naming that account's address; its
// later logins to that account count failures on the device's own counter, so an attacker's
// failures elsewhere cannot lock the owner out. It proves nothing by itself: the password is
// still checked, and a stolen device cookie only gives its holder the owner's (small) budget.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { SignJWT, jwtVerify } from 'jose';
import type { Deps } from '../ports.ts';
import { randomId, sha256Hex } from './crypto.ts';

const LIFETIME_S = 365 * 24 * 3600;
const AUDIENCE = 'jp-device';

function cookieName(deps: Deps): string {
  return deps.config.cookieSecure ? '__Host-jp_device' : 'jp_device';
}

const key = (deps: Deps) => new TextEncoder().encode(deps.config.signingKey);
// The address is kept only as a digest: the cookie says which account, not who.
const addressDigest = async (email: string) => (await sha256Hex(`device:${email}`)).slice(0, 32);

export async function setDeviceCookie(c: Context, deps: Deps, email: string): Promise<void> {
  const now = Math.floor(deps.now() / 1000);
  const jwt = await new SignJWT({ e: await addressDigest(email) })
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

/** The device's id when the request carries a valid device cookie for this address, else undefined. */
export async function trustedDevice(c: Context, deps: Deps, email: string): Promise<string | undefined> {
  const jwt = getCookie(c, cookieName(deps));
  if (!jwt || jwt.length > 1024) return undefined;
  try {
    const { payload } = await jwtVerify(jwt, key(deps), {
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: new Date(deps.now()),
    });
    return payload.e === (await addressDigest(email)) && typeof payload.jti === 'string' ? payload.jti : undefined;
  } catch {
    return undefined;
  }
}
