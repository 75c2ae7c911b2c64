// The login code a POST /api/login/code/send promised, sent after the answer: a confirmed account
// gets a new code (replacing any open one) and its mail in the same batch; an unconfirmed one gets
// the confirmation link again instead (a code could not log it in, and nobody stays stuck);
// anyone else gets nothing. Either way the pending row goes (work/pending.ts).
import type { Deps } from '../ports.ts';
import { issueLoginCode } from './login-codes.ts';
import { sendMailLink } from './mail-links.ts';
import { enqueueStatement, sendSoon } from '../mail/outbox.ts';
import { composeMail } from '../mail/compose.ts';
import { workDone, type Work } from '../work/pending.ts';

export interface LoginCodeWork {
  email: string;
  locale?: string;
}

export async function sendLoginCode(deps: Deps, work: Work<LoginCodeWork>): Promise<void> {
  const { db } = deps;
  const { email, locale } = work.payload;
  const account = (
    await db.$client.execute({
      sql: 'SELECT id, name, locale, confirmed_at FROM accounts WHERE email = ?',
      args: [email],
    })
  ).rows[0];
  if (!account) {
    await workDone(deps, work.id);
    return;
  }
  if (account.confirmed_at === null) {
    await sendMailLink(deps, { id: work.id, payload: { kind: 'resend', email, locale } });
    return;
  }
  const { code, upsert } = await issueLoginCode(deps, String(account.id));
  const mail = enqueueStatement(
    deps,
    'login-code',
    email,
    composeMail(deps, 'login-code', locale ?? String(account.locale), String(account.name), undefined, undefined, code),
  );
  await db.batch([upsert, mail.stmt, workDone(deps, work.id)]);
  sendSoon(deps, [mail.id]);
}
