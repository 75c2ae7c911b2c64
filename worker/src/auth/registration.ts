// Registration after the answer. Once the PIN is proven and the password hashed, the resident is
// answered at once, and this work runs after the response, so neither the time taken nor the
// state left behind tells whether the address already has an account:
// - a new address: an unconfirmed account holding the proven code as *pending* (not linked);
// - an address with an unconfirmed registration that has not expired: it is kept as it is (its
//   first password and code: the first registration wins) and its link is mailed again. A stranger
//   who registers the same address cannot put his password on the account the mailbox's owner
//   confirms (a pre-account hijack); the resident who registered twice logs in with the first
//   password or sets a new one by "Zaboravili ste lozinku?" (docs/security.md argues the choice);
// - an expired unconfirmed registration is replaced;
// - an address with a confirmed account: a notice to it, at most once per gap (limits.ts).
// Every confirmation mail counts under the same per-recipient cap and requester gap as the
// other mails (limits.ts mailRequest 'resend'), counted by the request before it promised this
// work (routes/register.ts): beyond them nothing is sent and nothing changes.
// The code is linked only when the address is confirmed (confirmAccountStatements): at most one
// confirmed account per consumer code, and the first confirmation wins.
import { sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../ports.ts';
import type { RegisterInput } from '../../../contract/schemas.ts';
import { limitsPolicy } from './limits.ts';
import { workDone, type Work } from '../work/pending.ts';
import { reserve } from './throttle.ts';
import { issueToken, tokenLink } from './tokens.ts';
import { randomId } from './crypto.ts';
import { enqueueStatement, sendSoon } from '../mail/outbox.ts';
import { composeMail } from '../mail/compose.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { addressProven } from '../mail/delivery-events.ts';

/**
 * Confirms an account (`accountId`, an SQL expression such as a token's accountOf) and links its
 * pending consumer code, where `guard` holds; the link reached the mailbox, so the address is
 * proven (an undeliverable mark clears: mail/delivery-events.ts). Fails with a unique violation on
 * account_consumers.consumer_code when another account confirmed the code first.
 */
export function confirmAccountStatements(deps: Deps, accountId: SQL | string, guard: SQL) {
  const { db } = deps;
  const now = deps.now();
  return [
    db.run(sql`INSERT INTO account_consumers (consumer_code, account_id, linked_at)
      SELECT pending_consumer_code, id, ${now} FROM accounts WHERE id = ${accountId} AND pending_consumer_code IS NOT NULL AND ${guard}`),
    db.run(sql`UPDATE accounts SET confirmed_at = COALESCE(confirmed_at, ${now}), pending_consumer_code = NULL, updated_at = ${now}
      WHERE id = ${accountId} AND ${guard}`),
    addressProven(deps, accountId, guard),
  ] as const;
}

/** What a registration leaves for after the answer: never the password or the PIN, only the hash. */
export interface RegistrationWork {
  name: string;
  email: string;
  emailBills: boolean;
  locale: string;
  consumerCode: string;
  passwordHash: string;
}

export function registrationWork(input: RegisterInput, passwordHash: string): RegistrationWork {
  return {
    name: input.name,
    email: input.email,
    emailBills: input.emailBills,
    locale: input.locale,
    consumerCode: input.consumerCode,
    passwordHash,
  };
}

export async function completeRegistration(deps: Deps, work: Work<RegistrationWork>, attempt = 0): Promise<void> {
  const { db, config } = deps;
  const input = work.payload;
  const limits = limitsPolicy(config.limits);
  const now = deps.now();
  const [existing] = await db.all<{
    id: string;
    name: string;
    locale: string;
    confirmed_at: number | null;
    created_at: number;
  }>(sql`SELECT id, name, locale, confirmed_at, created_at FROM accounts WHERE email = ${input.email}`);

  if (existing?.confirmed_at != null) {
    const r = await reserve(deps, [limits.registerNotice(input.email)]);
    if (r.refusal) {
      await workDone(deps, work.id);
      return;
    }
    const mail = enqueueStatement(
      deps,
      'register_attempt',
      input.email,
      composeMail(deps, 'register_attempt', existing.locale, existing.name),
    );
    await db.batch([mail.stmt, workDone(deps, work.id)]);
    sendSoon(deps, [mail.id]);
    return;
  }

  const pending = existing && existing.created_at + config.confirmTtlMs > now ? existing : undefined;
  const id = existing?.id ?? randomId(deps.randomBytes);
  const t = await issueToken(deps, id, 'confirm');
  const mail = enqueueStatement(
    deps,
    'confirm',
    input.email,
    composeMail(deps, 'confirm', pending?.locale ?? input.locale, '', tokenLink(deps, 'confirm', t.token)),
  );
  if (pending) {
    // The first registration stands: only its link is mailed again.
    await db.batch([t.voidOld, t.insert, mail.stmt, workDone(deps, work.id)]);
    sendSoon(deps, [mail.id]);
    return;
  }
  const account = existing
    ? db.run(sql`UPDATE accounts SET name = ${input.name}, password_hash = ${input.passwordHash}, email_bills = ${input.emailBills ? 1 : 0},
        locale = ${input.locale}, pending_consumer_code = ${input.consumerCode}, created_at = ${now}, updated_at = ${now}
        WHERE id = ${id} AND confirmed_at IS NULL`)
    : db.run(sql`INSERT INTO accounts (id, name, email, password_hash, email_bills, locale, pending_consumer_code, created_at, updated_at)
        VALUES (${id}, ${input.name}, ${input.email}, ${input.passwordHash}, ${input.emailBills ? 1 : 0}, ${input.locale}, ${input.consumerCode}, ${now}, ${now})`);
  try {
    await db.batch([
      account,
      db.run(sql`INSERT INTO consents (account_id, terms_version, privacy_version, accepted_at)
        VALUES (${id}, ${config.utility.terms.version}, ${config.utility.privacy.version}, ${now})`),
      t.voidOld,
      t.insert,
      mail.stmt,
      workDone(deps, work.id),
    ]);
  } catch (err) {
    // Lost a race: the same address registered a moment earlier. Go round once more as that case.
    if (attempt === 0 && isUniqueViolation(err, 'accounts.email')) return completeRegistration(deps, work, 1);
    throw err;
  }
  sendSoon(deps, [mail.id]);
}
