// Logging in with a one-time code by e-mail. POST /api/login/code/send asks for a code exactly as
// a forgotten password asks for a link (mail-requests.ts: same limits, same answer for every
// address). POST /api/login/code uses it: the try is counted first per address (the login
// per-address budget) and then on the code itself (login-codes.ts: at most 5, single use), and per
// day per e-mail address and requester (or the owner's browser, by its device cookie) so a
// stranger cannot use up the owner's tries (limits.ts); the session is inserted only in the batch
// of the request whose try used the code, which also forgets the account's wrong passwords. Every failure
// (wrong, used, expired, tried 5 times, unknown or unconfirmed address) is one 401 invalid_code,
// after the same work.
import { fail, refusedError } from '../http/errors.ts';
import { clearWhen, releaseWhen } from '../auth/throttle.ts';
import { accountFromRow, newSession, setSessionCookie } from '../auth/sessions.ts';
import { loginAccount } from '../db/statements/accounts.ts';
import { tryLoginCode, usedCode } from '../auth/login-codes.ts';
import { reserveLogin, setDeviceCookie } from '../auth/device-cookie.ts';
import { mailRequest } from './mail-requests.ts';
import type { Ctx } from '../env.ts';
import type { AccountAnswer } from '../../../contract/responses.ts';

// No account has this id (ids are 32 hex digits): an unknown address's try matches no code.
const NO_ACCOUNT = 'none';

export const sendLoginCode = mailRequest('code');

export async function loginWithCode(c: Ctx<'loginCode'>) {
  const { deps, limits, clientIp } = c.var;
  const { db } = deps;
  const input = c.req.valid('json');
  // Round trip 1: the try counted per address and per e-mail address (or the owner's browser), and the account (if any).
  const { r, rules, row } = await reserveLogin(
    c,
    deps,
    input.email,
    (device) => limits.loginCode(input.email, clientIp, device),
    loginAccount(input.email),
  );
  if (r.refusal) throw refusedError(r.refusal);
  const account = row && row.confirmed_at !== null ? accountFromRow(row) : undefined;

  const t = await tryLoginCode(deps, account?.id ?? NO_ACCOUNT, input.code);
  const session = await newSession(deps, account?.id ?? NO_ACCOUNT, input.remember, c.req.header('user-agent'), 'code');
  // Round trip 2: the try counted on the code; only the try that used it inserts the session and
  // gives the slots back.
  const [use] = await db.batch([
    t.use,
    session.insertWhen(t.guard),
    ...rules.flatMap((rule) => releaseWhen(db, rule, t.guard)),
    ...limits.loginAccountKeys(input.email).map((key) => clearWhen(db, key, t.guard)),
  ]);
  if (!account || !usedCode(use.rows)) throw fail('invalid_code');

  setSessionCookie(c, deps, session.token, input.remember);
  await setDeviceCookie(c, deps, account.id, account.email, row);
  return c.json({ account } satisfies AccountAnswer, 200);
}
