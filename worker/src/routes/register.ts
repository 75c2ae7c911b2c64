// POST /api/register: consumer code + PIN, a new unconfirmed account, consent, and the
// confirmation mail, all in one batch. An e-mail that already has an account gets the
// same 202, and its owner a notice instead (no account enumeration).
import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import { accounts, accountConsumers, consents } from '../db/schema.ts';
import { readBody } from '../http/body.ts';
import { ApiError } from '../http/errors.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { proveConsumer } from '../auth/consumer-pin.ts';
import { issueToken, tokenLink } from '../auth/tokens.ts';
import { randomId } from '../auth/crypto.ts';
import { enqueueStatement, sendSoon } from '../mail/outbox.ts';
import { composeMail } from '../mail/compose.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { AppContext } from '../app.ts';

export function register(ctx: AppContext) {
  const { deps, schemas } = ctx;
  const { db } = deps;
  return async (c: Context) => {
    const input = await readBody(c, schemas.register);
    const problem = passwordProblem(input.password, input);
    if (problem) throw new ApiError(422, 'validation_failed', { password: problem });

    const now = deps.now();
    const { linkedTo, extra: existingRows } = await proveConsumer(ctx, c, input.consumerCode, input.pin,
      db.select({ id: accounts.id, name: accounts.name, locale: accounts.locale }).from(accounts).where(eq(accounts.email, input.email)));
    if (linkedTo) throw new ApiError(409, 'consumer_already_registered');

    // Hash on every path that reaches here, so the time taken does not tell whether the e-mail is known.
    const passwordHash = await deps.hasher.hash(input.password);
    const existing = existingRows[0];
    if (existing) {
      await notifyOwner(ctx, input.email, existing);
      return c.json({ status: 'confirmation_sent' }, 202);
    }

    const id = randomId(deps.randomBytes);
    const { token, insert: tokenInsert } = await issueToken(deps, id, 'confirm');
    const mail = enqueueStatement(deps, 'confirm', input.email, composeMail(deps, 'confirm', input.locale, input.name, tokenLink(deps, 'confirm', token)));
    try {
      await db.batch([
        db.insert(accounts).values({
          id, name: input.name, email: input.email, passwordHash, emailBills: input.emailBills,
          locale: input.locale, createdAt: now, updatedAt: now,
        }),
        db.insert(accountConsumers).values({ consumerCode: input.consumerCode, accountId: id, linkedAt: now }),
        db.insert(consents).values({
          accountId: id, termsVersion: deps.config.utility.terms.version,
          privacyVersion: deps.config.utility.privacy.version, acceptedAt: now,
        }),
        tokenInsert,
        mail.stmt,
      ]);
    } catch (err) {
      // Lost a race: someone registered the same e-mail or consumer code a moment earlier.
      if (isUniqueViolation(err, 'accounts.email')) {
        const [owner] = await db.select({ id: accounts.id, name: accounts.name, locale: accounts.locale }).from(accounts).where(eq(accounts.email, input.email));
        if (owner) await notifyOwner(ctx, input.email, owner);
        return c.json({ status: 'confirmation_sent' }, 202);
      }
      if (isUniqueViolation(err, 'account_consumers.consumer_code')) throw new ApiError(409, 'consumer_already_registered');
      throw err;
    }
    sendSoon(deps, [mail.id]);
    return c.json({ status: 'confirmation_sent' }, 202);
  };
}

async function notifyOwner(ctx: AppContext, email: string, owner: { name: string; locale: string }) {
  const { deps } = ctx;
  const mail = enqueueStatement(deps, 'register_attempt', email, composeMail(deps, 'register_attempt', owner.locale, owner.name));
  await mail.stmt;
  sendSoon(deps, [mail.id]);
}
