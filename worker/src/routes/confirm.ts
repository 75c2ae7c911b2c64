// POST /api/confirm: uses a confirmation token once — either a registration (the account becomes
// confirmed and its pending consumer code linked; if another registration of that code was
// confirmed first: 409 consumer_already_registered) or an e-mail change (the account takes the
// new address and the old one is told). An e-mail change is an account-wide event
// (auth/account-state.ts): every other session, link, code and device cookie is void, the
// session that confirms it (the same account's) stays. A link of an older security version is
// refused: a thief's pending change dies with the owner's new password.
// A registration link that can no longer be used (used, replaced or expired) of an account that is
// confirmed answers 200 "already_confirmed", so the resident who opens it again is sent to the
// login rather than told it failed. Not an oracle: only the holder of the secret token learns it,
// and it says nothing about any other account or address.
import { fail } from '../http/errors.ts';
import { sha256Hex } from '../auth/crypto.ts';
import { guarded, useToken } from '../auth/tokens.ts';
import { pendingConfirmation, takeNewEmail } from '../db/statements/accounts.ts';
import { confirmAccountStatements } from '../auth/registration.ts';
import { enqueueStatement, sendSoon } from '../mail/outbox.ts';
import { composeMail } from '../mail/compose.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { accountEventStatements } from '../auth/account-state.ts';
import { currentSession } from '../auth/sessions.ts';
import { setDeviceCookie } from '../auth/device-cookie.ts';
import type { Ctx } from '../env.ts';
import type { StatusAnswer } from '../../../contract/responses.ts';

export async function confirm(c: Ctx<'confirm'>) {
  const { deps } = c.var;
  const input = c.req.valid('json');
  const hash = await sha256Hex(input.token);
  const [p] = await pendingConfirmation(deps.db, hash);
  if (!p || p.purpose === 'reset') throw fail('invalid_token');
  const alreadyConfirmed = () => c.json({ status: 'already_confirmed' } satisfies StatusAnswer<'confirm'>, 200);
  if (p.purpose === 'confirm' && p.confirmed_at !== null && (p.used_at !== null || p.expires_at <= deps.now()))
    return alreadyConfirmed();
  if (p.purpose === 'email' && Number(p.current) !== 1) throw fail('invalid_token');
  const t = await useToken(deps, input.token, p.purpose as 'confirm' | 'email');
  let mailId: string | undefined;
  /** The same account's session that confirms an e-mail change: it stays (account-state.ts). */
  let actorSession: string | undefined;
  try {
    if (p.purpose === 'confirm') {
      const [used] = await guarded(deps, t, (guard) => [...confirmAccountStatements(deps, t.accountOf, guard)]);
      if (used.length === 0) {
        // A second click that lost the race to the first: the first one confirmed the account.
        const [now] = await pendingConfirmation(deps.db, hash);
        if (now?.confirmed_at != null) return alreadyConfirmed();
        throw fail('invalid_token');
      }
    } else {
      const notice = enqueueStatement(
        deps,
        'email_changed',
        p.email,
        composeMail(deps, 'email_changed', p.locale, p.name, undefined, p.payload ?? ''),
        t.guard,
      );
      // A reset link or login code mailed to the old address must not log in under the new one.
      const session = await currentSession(c, deps);
      actorSession = session?.account.id === p.account_id ? session.hash : undefined;
      const [used] = await guarded(deps, t, (guard) => [
        takeNewEmail(deps.db, hash, t.accountOf, deps.now()),
        notice.stmt,
        ...accountEventStatements(deps, t.accountOf, 'email_changed', { guard, actorSession }),
      ]);
      if (used.length === 0) throw fail('invalid_token');
      mailId = notice.id;
    }
  } catch (err) {
    // Someone registered the new address between the request and its confirmation.
    if (isUniqueViolation(err, 'accounts.email')) throw fail('email_taken');
    // Another registration of the same consumer code was confirmed first.
    if (isUniqueViolation(err, 'account_consumers.consumer_code')) throw fail('consumer_already_registered');
    throw err;
  }
  if (mailId) sendSoon(deps, [mailId]);
  // The browser that confirmed it keeps its session, and gets a device cookie of the new state.
  if (actorSession && p.payload) await setDeviceCookie(c, deps, p.account_id, p.payload);
  return c.json(
    { status: p.purpose === 'confirm' ? 'confirmed' : 'email_changed' } satisfies StatusAnswer<'confirm'>,
    200,
  );
}
