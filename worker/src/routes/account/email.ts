// POST /api/account/email {password, email}: the new address is confirmed by a link sent to it
// (a button on the page posts POST /api/confirm with that token), and the old address gets a
// notice. An address that already belongs to another account gets a notice instead; the answer,
// and what the old address receives, are the same. Counted per account and per address
// (auth/reverify.ts); the mail to the new address, either kind, under the cap per mailbox that
// registrations and resent confirmations share (limits.ts), past which it is not sent — with the
// same answer. Mails to the new, unproven address carry no text the requester typed.
import { accountWithEmail } from '../../db/statements/accounts.ts';
import { issueToken, tokenLink } from '../../auth/tokens.ts';
import { enqueueStatement, sendSoon } from '../../mail/outbox.ts';
import { composeMail } from '../../mail/compose.ts';
import { verifyPassword } from '../../auth/reverify.ts';
import { reserve } from '../../auth/throttle.ts';
import type { AccountCtx } from '../../env.ts';

export async function changeEmail(c: AccountCtx<'changeEmail'>) {
  const { deps } = c.var;
  const { db } = deps;
  const s = c.var.session;
  const input = c.req.valid('json');
  const a = s.account;
  await verifyPassword(c, 'email', input.password);
  if (input.email === a.email) return c.json({ status: 'confirmation_sent' }, 202);
  // The requester's own address is told in either case, so its mailbox shows nothing about whether the new one is taken.
  const toOld = enqueueStatement(
    deps,
    'email_change_notice',
    a.email,
    composeMail(deps, 'email_change_notice', a.locale, a.name, undefined, input.email),
  );
  // Counted first, taken or not, so the cap tells nothing about the new address either.
  const cap = c.var.limits.mailRequest('resend', input.email, c.var.clientIp).address;
  if ((await reserve(deps, [cap])).refusal) {
    await db.batch([toOld.stmt]);
    sendSoon(deps, [toOld.id]);
    return c.json({ status: 'confirmation_sent' }, 202);
  }
  const [taken] = await accountWithEmail(db, input.email);
  if (taken) {
    const mail = enqueueStatement(deps, 'email_taken', input.email, composeMail(deps, 'email_taken', a.locale, ''));
    await db.batch([mail.stmt, toOld.stmt]);
    sendSoon(deps, [mail.id, toOld.id]);
    return c.json({ status: 'confirmation_sent' }, 202);
  }
  const t = await issueToken(deps, a.id, 'email', input.email);
  const toNew = enqueueStatement(
    deps,
    'email_change',
    input.email,
    composeMail(deps, 'email_change', a.locale, '', tokenLink(deps, 'email', t.token)),
  );
  await db.batch([t.voidOld, t.insert, toNew.stmt, toOld.stmt]);
  sendSoon(deps, [toNew.id, toOld.id]);
  return c.json({ status: 'confirmation_sent' }, 202);
}
