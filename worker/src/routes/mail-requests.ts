// POST /api/password/forgot and /api/register/resend: always 202, whether or not the
// account exists. Limited per IP (429, which tells nothing about the account) and per
// e-mail address (silently: no more mails go out).
import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import type { Deps } from '../ports.ts';
import { accounts } from '../db/schema.ts';
import { readBody } from '../http/body.ts';
import { tooManyAttempts } from '../http/errors.ts';
import { blockedQuery, hitStatement, retryAfterSeconds, type Rule } from '../auth/throttle.ts';
import { issueToken, tokenLink } from '../auth/tokens.ts';
import { enqueueStatement, sendSoon } from '../mail/outbox.ts';
import { composeMail } from '../mail/compose.ts';
import type { AppContext } from '../app.ts';

const HOUR = 3600_000;

function mailRules(deps: Deps, kind: string, email: string, ip: string): [Rule, Rule] {
  const l = deps.config.limits;
  return [
    { key: `${kind}:email:${email}`, limit: l.mailRequestsPerHour, windowMs: HOUR },
    { key: `${kind}:ip:${ip}`, limit: l.mailRequestsIpPerHour, windowMs: HOUR },
  ];
}

function mailRequest(ctx: AppContext, kind: 'forgot' | 'resend') {
  const { deps, schemas } = ctx;
  const { db } = deps;
  return async (c: Context) => {
    const input = await readBody(c, kind === 'forgot' ? schemas.forgot : schemas.resend);
    const now = deps.now();
    const rules = mailRules(deps, kind, input.email, ctx.clientIp(c));
    const [blocked, rows] = await db.batch([
      blockedQuery(db, rules.map((r) => r.key), now),
      db
        .select({ id: accounts.id, name: accounts.name, locale: accounts.locale, confirmedAt: accounts.confirmedAt })
        .from(accounts)
        .where(eq(accounts.email, input.email)),
    ]);
    const ipRetry = retryAfterSeconds(blocked.filter((b) => b.key === rules[1].key), now);
    if (ipRetry) throw tooManyAttempts(ipRetry);

    const hits = [hitStatement(db, rules[0], now), hitStatement(db, rules[1], now)] as const;
    const account = rows[0];
    const emailBlocked = blocked.some((b) => b.key === rules[0].key);
    const wanted = account && !emailBlocked && (kind === 'forgot' || account.confirmedAt === null);
    if (!wanted) {
      await db.batch(hits);
      return c.json({ status: 'accepted' }, 202);
    }
    const purpose = kind === 'forgot' ? 'reset' : 'confirm';
    const t = await issueToken(deps, account.id, purpose);
    const mailKind = kind === 'forgot' ? 'reset' : 'confirm';
    const locale = (input as { locale?: string }).locale ?? account.locale;
    const mail = enqueueStatement(deps, mailKind, input.email, composeMail(deps, mailKind, locale, account.name, tokenLink(deps, purpose, t.token)));
    await db.batch([...hits, t.voidOld, t.insert, mail.stmt]);
    sendSoon(deps, [mail.id]);
    return c.json({ status: 'accepted' }, 202);
  };
}

export const forgotPassword = (ctx: AppContext) => mailRequest(ctx, 'forgot');
export const resendConfirmation = (ctx: AppContext) => mailRequest(ctx, 'resend');
