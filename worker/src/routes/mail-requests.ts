// POST /api/password/forgot and /api/register/resend: the same 202 whether or not the account
// exists, decided by counting alone (limits.ts) before anything about the account is read:
// - per address asking: 429 (tells nothing about the account);
// - the same requester for the same e-mail again within minutes: 202 "recently_sent", no mail;
// - per e-mail address: silently no more mail — except for a browser that has logged in to that
//   account before (device cookie), so strangers cannot use up the owner's own reset mails.
// The token and the mail are made after the response, so the time taken does not tell either.
import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import type { Deps } from '../ports.ts';
import { accounts } from '../db/schema.ts';
import { readBody } from '../http/body.ts';
import { refusedError } from '../http/errors.ts';
import { release, reserve } from '../auth/throttle.ts';
import { trustedDevice } from '../auth/device-cookie.ts';
import { issueToken, tokenLink } from '../auth/tokens.ts';
import { enqueueStatement, sendSoon } from '../mail/outbox.ts';
import { composeMail } from '../mail/compose.ts';
import type { AppContext } from '../app.ts';

type Kind = 'forgot' | 'resend';

async function sendLink(deps: Deps, kind: Kind, email: string, locale: string | undefined) {
  const { db } = deps;
  const [account] = await db
    .select({ id: accounts.id, name: accounts.name, locale: accounts.locale, confirmedAt: accounts.confirmedAt })
    .from(accounts)
    .where(eq(accounts.email, email));
  if (!account || (kind === 'resend' && account.confirmedAt !== null)) return;
  const purpose = kind === 'forgot' ? 'reset' : 'confirm';
  const t = await issueToken(deps, account.id, purpose);
  // The name was typed by whoever registered: only a confirmed address is greeted with it.
  const name = account.confirmedAt === null ? '' : account.name;
  const mail = enqueueStatement(deps, purpose, email, composeMail(deps, purpose, locale ?? account.locale, name, tokenLink(deps, purpose, t.token)));
  await db.batch([t.voidOld, t.insert, mail.stmt]);
  sendSoon(deps, [mail.id]);
}

function mailRequest(ctx: AppContext, kind: Kind) {
  const { deps, schemas, limits } = ctx;
  return async (c: Context) => {
    const input = await readBody(c, kind === 'forgot' ? schemas.forgot : schemas.resend);
    const rules = limits.mailRequest(kind, input.email, ctx.clientIp(c));
    const owner = kind === 'forgot' && (await trustedDevice(c, deps, input.email)) !== undefined;
    const r = await reserve(deps.db, [rules.ip, rules.requester, ...(owner ? [] : [rules.address])], deps.now(), [], { independent: true });
    const ipRefusal = r.refused(rules.ip);
    if (ipRefusal) {
      await release(deps.db, r.admitted);
      throw refusedError(ipRefusal);
    }
    if (r.refused(rules.requester)) return c.json({ status: 'recently_sent' }, 202);
    if (!r.refused(rules.address)) deps.defer(() => sendLink(deps, kind, input.email, (input as { locale?: string }).locale));
    return c.json({ status: 'accepted' }, 202);
  };
}

export const forgotPassword = (ctx: AppContext) => mailRequest(ctx, 'forgot');
export const resendConfirmation = (ctx: AppContext) => mailRequest(ctx, 'resend');
