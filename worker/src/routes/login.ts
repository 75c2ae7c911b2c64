// POST /api/login: one Argon2 verification whether or not the e-mail is known. The attempt is
// counted before the password is checked (per e-mail with growing delays and per address, or on
// the device's own counter for a browser that logged in to the account before); a success gives
// the slots back, so at most the limit of wrong passwords is ever checked, however many arrive at once.
import { readBody } from '../http/body.ts';
import { ApiError, refusedError } from '../http/errors.ts';
import { clearStatement, holding, releaseStatements, reserve } from '../auth/throttle.ts';
import { accountFromRow, newSession, setSessionCookie } from '../auth/sessions.ts';
import { loginAccount, rehashPassword } from '../db/statements/accounts.ts';
import { checkPassword } from '../auth/passwords.ts';
import { setDeviceCookie, trustedDevice } from '../auth/device-cookie.ts';
import type { Ctx } from '../env.ts';
import type { AccountAnswer } from '../../../contract/responses.ts';

// Argon2id (m=19456, t=2, p=1) of a random secret: verified for unknown e-mails so both paths cost the same.
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$Fr45+zrWHvDHBoOeW4Ji6A$ix9+TZIDYraUMVTOTYQEXUZ+uFbSVTRmQrQ9fSPvZa8';

export async function login(c: Ctx) {
  const { deps, schemas, limits, clientIp: ip } = c.var;
  const { db } = deps;
  const input = await readBody(c, schemas.login);
  const failureRules = limits.login(input.email, ip, await trustedDevice(c, deps, input.email));
  // One round trip: the attempt counted under every rule, and the account (if any).
  const rules = [...failureRules, limits.passwordWork(ip)];
  const r = await reserve(deps, rules, [loginAccount(input.email)]);
  if (r.refusal) throw refusedError(r.refusal);
  const row = r.extra[0].rows[0];

  const check = await holding(db, rules, () =>
    checkPassword(deps.hasher, row ? String(row.password_hash) : DUMMY_HASH, input.password),
  );
  if (!check.ok || !row) throw new ApiError(401, 'invalid_credentials');
  if (row.confirmed_at === null) {
    await db.$client.batch(releaseStatements(failureRules), 'write');
    throw new ApiError(403, 'email_not_confirmed');
  }

  const account = accountFromRow(row);
  const session = await newSession(deps, account.id, input.remember, c.req.header('user-agent'));
  // The session, and the failures forgotten: the account's (or this device's) counter goes,
  // the address gets its slot back.
  const [accountKey, ...others] = failureRules;
  await db.$client.batch(
    [
      session.insert,
      clearStatement(accountKey.key),
      ...releaseStatements(others),
      ...(check.rehash ? [rehashPassword(account.id, check.rehash)] : []),
    ],
    'write',
  );
  setSessionCookie(c, deps, session.token, input.remember);
  await setDeviceCookie(c, deps, account.email);
  return c.json({ account } satisfies AccountAnswer, 200);
}
