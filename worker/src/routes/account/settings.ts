// POST /api/account/settings {emailBills?, locale?} and POST /api/account/password.
import { saveSettings, setPassword } from '../../db/statements/accounts.ts';
import { fail } from '../../http/errors.ts';
import { passwordProblem } from '../../auth/password-policy.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { accountEventStatements } from '../../auth/account-state.ts';
import { setDeviceCookie } from '../../auth/device-cookie.ts';
import { enqueueStatement, sendSoon } from '../../mail/outbox.ts';
import { composeMail } from '../../mail/compose.ts';
import { verifyPassword } from '../../auth/reverify.ts';
import type { AccountCtx } from '../../env.ts';
import type { AccountAnswer } from '../../../../contract/responses.ts';

export async function updateSettings(c: AccountCtx<'settings'>) {
  const { deps } = c.var;
  const s = c.var.session;
  const input = c.req.valid('json');
  const changes = {
    ...(input.emailBills !== undefined && { emailBills: input.emailBills }),
    ...(input.locale && { locale: input.locale }),
  };
  if (Object.keys(changes).length) await saveSettings(deps.db, s.account.id, changes, deps.now());
  return c.json({ account: { ...s.account, ...changes } } satisfies AccountAnswer);
}

/** Needs the current password; every other session and open link is voided and a notice is mailed. */
export async function changePassword(c: AccountCtx<'changePassword'>) {
  const { deps } = c.var;
  const { db } = deps;
  const s = c.var.session;
  const input = c.req.valid('json');
  const a = s.account;
  const problem = passwordProblem(input.newPassword, {
    name: a.name,
    email: a.email,
    consumerCode: a.consumers[0]?.code,
  });
  if (problem) throw fail('validation_failed', { fields: { newPassword: problem } });
  await verifyPassword(c, 'password', input.currentPassword);
  const hash = await hashPassword(deps.hasher, input.newPassword);
  const mail = enqueueStatement(
    deps,
    'password_changed',
    a.email,
    composeMail(deps, 'password_changed', a.locale, a.name),
  );
  await db.batch([
    setPassword(db, a.id, hash, deps.now()),
    ...accountEventStatements(deps, a.id, 'password_changed', { actorSession: s.hash }),
    mail.stmt,
  ]);
  await setDeviceCookie(c, deps, a.id, a.email);
  sendSoon(deps, [mail.id]);
  return c.json({ status: 'password_changed' });
}
