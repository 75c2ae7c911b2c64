// POST /api/login: one Argon2 verification whether or not the e-mail is known. The attempt is
// counted before the password is checked (per e-mail with growing delays and per address, or on
// the device's own counter for a browser that logged in to the account before); a success gives
// the slots back, so at most the limit of wrong passwords is ever checked, however many arrive at once.
// Wrong passwords in a row are also counted against the account's ceiling (100, forgotten only
// by a successful login or a reset): past it, 423 password_locked before any hashing.
import { fail, refusedError } from '../http/errors.ts';
import { clearStatement, holding, releaseStatements } from '../auth/throttle.ts';
import { accountFromRow, newSession, setSessionCookie } from '../auth/sessions.ts';
import { loginAccount, rehashPassword } from '../db/statements/accounts.ts';
import { checkPassword } from '../auth/passwords.ts';
import { reserveLogin, setDeviceCookie } from '../auth/device-cookie.ts';
import type { Ctx } from '../env.ts';
import type { AccountAnswer } from '../../../contract/responses.ts';

// Argon2id (m=19456, t=2, p=1) of a random secret: verified for unknown e-mails so both paths cost the same.
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$Fr45+zrWHvDHBoOeW4Ji6A$ix9+TZIDYraUMVTOTYQEXUZ+uFbSVTRmQrQ9fSPvZa8';

export async function login(c: Ctx<'login'>) {
  const { deps, limits, clientIp: ip } = c.var;
  const { db } = deps;
  const input = c.req.valid('json');
  // One round trip: the attempt counted under every rule, and the account (if any).
  const { r, rules, row } = await reserveLogin(
    c,
    deps,
    input.email,
    (device) => [...limits.login(input.email, ip, device), limits.passwordWork(ip)],
    loginAccount(input.email),
  );
  if (r.refusal) throw refusedError(r.refusal);
  const failureRules = rules.slice(0, -1);

  const check = await holding(db, rules, () =>
    checkPassword(deps.hasher, row ? String(row.password_hash) : DUMMY_HASH, input.password),
  );
  if (!check.ok || !row) throw fail('invalid_credentials');
  if (row.confirmed_at === null) {
    await db.$client.batch(releaseStatements(failureRules), 'write');
    throw fail('email_not_confirmed');
  }

  const account = accountFromRow(row);
  const session = await newSession(deps, account.id, input.remember, c.req.header('user-agent'), 'password');
  // The session, and the failures forgotten: the account's counters (and this device's) go, the
  // address gets its slot back.
  const accountKeys = limits.loginAccountKeys(input.email);
  const deviceKeys = failureRules.filter((r) => r.key.startsWith('login:device:')).map((r) => r.key);
  const others = failureRules.filter((r) => !accountKeys.includes(r.key) && !deviceKeys.includes(r.key));
  await db.$client.batch(
    [
      session.insert,
      clearStatement(...accountKeys, ...deviceKeys),
      ...releaseStatements(others),
      ...(check.rehash ? [rehashPassword(account.id, check.rehash)] : []),
    ],
    'write',
  );
  setSessionCookie(c, deps, session.token, input.remember);
  await setDeviceCookie(c, deps, account.id, account.email, row);
  return c.json({ account } satisfies AccountAnswer, 200);
}
