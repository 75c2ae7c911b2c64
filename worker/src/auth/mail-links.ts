// The reset or confirmation link a forgot/resend request promised, sent after the answer: for an
// existing account (a confirmation only while it is unconfirmed) a new link voids the older ones;
// for anyone else nothing is sent. Either way the pending row goes (work/pending.ts).
import { eq } from 'drizzle-orm';
import type { Deps } from '../ports.ts';
import { accounts } from '../db/schema.ts';
import { issueToken, tokenLink } from './tokens.ts';
import { enqueueStatement, sendSoon } from '../mail/outbox.ts';
import { composeMail } from '../mail/compose.ts';
import { workDone, type Work } from '../work/pending.ts';

export interface MailLinkWork {
  kind: 'forgot' | 'resend';
  email: string;
  locale?: string;
}

export async function sendMailLink(deps: Deps, work: Work<MailLinkWork>): Promise<void> {
  const { db } = deps;
  const { kind, email, locale } = work.payload;
  const [account] = await db
    .select({ id: accounts.id, name: accounts.name, locale: accounts.locale, confirmedAt: accounts.confirmedAt })
    .from(accounts)
    .where(eq(accounts.email, email));
  if (!account || (kind === 'resend' && account.confirmedAt !== null)) {
    await workDone(deps, work.id);
    return;
  }
  const purpose = kind === 'forgot' ? 'reset' : 'confirm';
  const t = await issueToken(deps, account.id, purpose);
  // The name was typed by whoever registered: only a confirmed address is greeted with it.
  const name = account.confirmedAt === null ? '' : account.name;
  const mail = enqueueStatement(
    deps,
    purpose,
    email,
    composeMail(deps, purpose, locale ?? account.locale, name, tokenLink(deps, purpose, t.token)),
  );
  await db.batch([t.voidOld, t.insert, mail.stmt, workDone(deps, work.id)]);
  sendSoon(deps, [mail.id]);
}
