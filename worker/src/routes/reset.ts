// POST /api/password/reset: the new password, an account-wide event (auth/account-state.ts: every
// other session, link, code and device cookie void; the provisional passkeys removed unless kept,
// all of them with removePasskeys), the account's failed logins forgotten, a notice mailed, and
// the resident logged in at once (an attacker's failures cannot keep the owner out after a
// reset). Opening the reset link proves the mailbox, so an unconfirmed account becomes confirmed
// and its pending code linked.
import { fail, refusedError } from '../http/errors.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { hashPassword } from '../auth/passwords.ts';
import { guarded, peekToken, useToken } from '../auth/tokens.ts';
import { accountById, personalData, setPassword } from '../db/statements/accounts.ts';
import { clearWhen, holding, reserve } from '../auth/throttle.ts';
import { accountEventStatements } from '../auth/account-state.ts';
import { confirmAccountStatements } from '../auth/registration.ts';
import { accountFromRow, newSession, setSessionCookie } from '../auth/sessions.ts';
import { setDeviceCookie } from '../auth/device-cookie.ts';
import { enqueueStatement, sendSoon } from '../mail/outbox.ts';
import { composeMail } from '../mail/compose.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Ctx } from '../env.ts';
import type { ProvisionalPasskeysAnswer, ResetAnswer } from '../../../contract/responses.ts';
import { passkeysOf, provisionalPasskeysOf } from '../db/statements/passkeys.ts';
import { parseUserAgent } from '../../../contract/user-agent.ts';

/**
 * POST /api/password/reset/passkeys {token}: the passkeys a reset would remove by default (added
 * in a code's session or within a day of the confirmation), for the reset form to list, and how
 * many the account has in all (the form offers to remove them only then); only to the holder of a
 * valid reset link.
 */
export async function provisionalPasskeys(c: Ctx<'resetPasskeys'>) {
  const { deps } = c.var;
  const input = c.req.valid('json');
  const accountId = await peekToken(deps, input.token, 'reset');
  if (!accountId) throw fail('invalid_token');
  const [rows, all] = await Promise.all([provisionalPasskeysOf(deps.db, accountId), passkeysOf(deps.db, accountId)]);
  return c.json({
    passkeys: rows.map((p) => ({ device: parseUserAgent(p.userAgent), createdAt: p.createdAt })),
    count: all.length,
  } satisfies ProvisionalPasskeysAnswer);
}

export async function resetPassword(c: Ctx<'reset'>) {
  const { deps, limits, clientIp } = c.var;
  const { db } = deps;
  const input = c.req.valid('json');
  const accountId = await peekToken(deps, input.token, 'reset');
  if (!accountId) throw fail('invalid_token');
  const [account] = await personalData(db, accountId);
  if (!account) throw fail('invalid_token');
  const problem = passwordProblem(input.password, {
    name: account.name,
    email: account.email,
    consumerCode: account.code ?? account.pending ?? undefined,
  });
  if (problem) throw fail('validation_failed', { fields: { password: problem } });

  const work = [limits.passwordWork(clientIp)];
  const r = await reserve(deps, work);
  if (r.refusal) throw refusedError(r.refusal);
  const passwordHash = await holding(db, work, () => hashPassword(deps.hasher, input.password));
  const t = await useToken(deps, input.token, 'reset');
  const now = deps.now();
  const session = await newSession(deps, accountId, false, c.req.header('user-agent'), 'reset');
  const mail = enqueueStatement(
    deps,
    'password_changed',
    account.email,
    composeMail(deps, 'password_changed', account.locale, account.name),
    t.guard,
  );
  // Everything applies only if this request is the one that used the token.
  let used: unknown[];
  try {
    [used] = await guarded(deps, t, (guard) => [
      setPassword(db, accountId, passwordHash, now, guard),
      ...confirmAccountStatements(deps, accountId, guard),
      // The event before the new session, so the session is of the new version.
      ...accountEventStatements(deps, accountId, 'password_reset', {
        passkeys: input.removePasskeys ? 'all' : input.keepProvisionalPasskeys ? undefined : 'provisional',
        guard,
      }),
      ...limits.loginAccountKeys(account.email).map((key) => clearWhen(db, key, guard)),
      session.insertWhen(guard),
      mail.stmt,
    ]);
  } catch (err) {
    if (isUniqueViolation(err, 'account_consumers.consumer_code')) throw fail('consumer_already_registered');
    throw err;
  }
  if (used.length === 0) throw fail('invalid_token');
  sendSoon(deps, [mail.id]);
  const [row] = (await db.$client.execute(accountById(accountId))).rows;
  setSessionCookie(c, deps, session.token, false);
  await setDeviceCookie(c, deps, accountId, account.email);
  return c.json({ status: 'password_reset', account: accountFromRow(row) } satisfies ResetAnswer, 200);
}
