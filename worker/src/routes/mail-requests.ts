// POST /api/password/forgot, /api/register/resend and /api/login/code/send: the same 202 whether
// or not the account exists, decided by counting alone (limits.ts) before anything about the
// account is read:
// - per address asking: 429 (tells nothing about the account);
// - the same requester for the same e-mail again within minutes: 202 "recently_sent", no mail;
// - per e-mail address: silently no more mail — except for a browser that has logged in to that
//   account before (device cookie), so strangers cannot use up the owner's own reset mails.
// The token or code and the mail are made after the response (a pending_work row written before
// it, so the promise survives a crash), and the time taken does not tell either.
import { refusedError } from '../http/errors.ts';
import { release, reserve } from '../auth/throttle.ts';
import { trustedDevice } from '../auth/device-cookie.ts';
import { pendingWorkStatement, runSoon } from '../work/pending.ts';
import { WORK_HANDLERS } from '../work/handlers.ts';
import type { MailLinkWork } from '../auth/mail-links.ts';
import type { LoginCodeWork } from '../auth/login-code-mail.ts';
import type { Ctx } from '../env.ts';
import type { StatusAnswer } from '../../../contract/responses.ts';

type Kind = 'forgot' | 'resend' | 'code';

/** The handler of one kind of mail request (the login code's is mounted from login-code.ts). */
export function mailRequest(kind: Kind) {
  // The body of each kind is validated by its own schema where it is mounted (routes/public.ts).
  return async (c: Ctx<'forgot' | 'resend' | 'loginCodeRequest'>) => {
    const { deps, limits, clientIp } = c.var;
    const input = c.req.valid('json');
    const rules = limits.mailRequest(kind, input.email, clientIp);
    // Not for codes: their per-address count is what bounds the guesses at an account (5 codes of 5 tries an hour).
    const owner = kind === 'forgot' && (await trustedDevice(c, deps, input.email)) !== undefined;
    const r = await reserve(deps, [rules.ip, rules.requester, ...(owner ? [] : [rules.address])], [], {
      independent: true,
    });
    const ipRefusal = r.refused(rules.ip);
    if (ipRefusal) {
      await release(deps.db, r.admitted);
      throw refusedError(ipRefusal);
    }
    if (r.refused(rules.requester)) {
      // Nothing is sent, so the address's own count is not spent either.
      if (!r.refused(rules.address) && !owner) await release(deps.db, [rules.address]);
      return c.json({ status: 'recently_sent' } satisfies StatusAnswer<'mailRequest'>, 202);
    }
    if (!r.refused(rules.address)) {
      const locale = 'locale' in input ? input.locale : undefined;
      const work =
        kind === 'code'
          ? pendingWorkStatement(deps, 'login-code', { email: input.email, locale } satisfies LoginCodeWork)
          : pendingWorkStatement(deps, 'mail-link', { kind, email: input.email, locale } satisfies MailLinkWork);
      await deps.db.$client.execute(work.stmt);
      runSoon(deps, WORK_HANDLERS, work.id);
    }
    return c.json({ status: 'accepted' } satisfies StatusAnswer<'mailRequest'>, 202);
  };
}

export const forgotPassword = mailRequest('forgot');
export const resendConfirmation = mailRequest('resend');
