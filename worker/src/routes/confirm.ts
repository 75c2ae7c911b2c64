// POST /api/confirm: uses a confirmation token once — either a registration (the account becomes
// confirmed and its pending consumer code linked; if another registration of that code was
// confirmed first: 409 consumer_already_registered) or an e-mail change (the account takes the
// new address and the old one is told). An e-mail-change link older than the account's last
// password change is refused: a thief's pending change dies with the owner's new password.
import { sql } from 'drizzle-orm';
import { readBody } from '../http/body.ts';
import { ApiError } from '../http/errors.ts';
import { sha256Hex } from '../auth/crypto.ts';
import { useToken } from '../auth/tokens.ts';
import { confirmAccountStatements } from '../auth/registration.ts';
import { enqueueStatement, sendSoon } from '../mail/outbox.ts';
import { composeMail } from '../mail/compose.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Ctx } from '../env.ts';

interface Pending { purpose: string; created_at: number; email: string; name: string; locale: string; password_changed_at: number | null; payload: string | null }

export async function confirm(c: Ctx) {
    const { deps, schemas } = c.var;
    const { db } = deps;
    const input = await readBody(c, schemas.confirm);
    const hash = await sha256Hex(input.token);
    const [p] = await db.all<Pending>(sql`SELECT t.purpose, t.created_at, t.payload, a.email, a.name, a.locale, a.password_changed_at
      FROM tokens t JOIN accounts a ON a.id = t.account_id WHERE t.hash = ${hash}`);
    if (!p || p.purpose === 'reset') throw new ApiError(400, 'invalid_token');
    if (p.purpose === 'email' && p.password_changed_at !== null && p.created_at < p.password_changed_at) throw new ApiError(400, 'invalid_token');
    const t = await useToken(deps, input.token, p.purpose as 'confirm' | 'email');
    const now = deps.now();
    let mailId: string | undefined;
    try {
      if (p.purpose === 'confirm') {
        const [used] = await db.batch([t.use, ...confirmAccountStatements(deps, t.accountOf, t.guard)]);
        if (used.length === 0) throw new ApiError(400, 'invalid_token');
      } else {
        const notice = enqueueStatement(deps, 'email_changed', p.email, composeMail(deps, 'email_changed', p.locale, p.name, undefined, p.payload ?? ''), t.guard);
        const [used] = await db.batch([
          t.use,
          db.run(sql`UPDATE accounts SET email = (SELECT payload FROM tokens WHERE hash = ${hash}), updated_at = ${now}
            WHERE id = ${t.accountOf} AND (password_changed_at IS NULL OR password_changed_at <= ${p.created_at})`),
          notice.stmt,
        ]);
        if (used.length === 0) throw new ApiError(400, 'invalid_token');
        mailId = notice.id;
      }
    } catch (err) {
      // Someone registered the new address between the request and its confirmation.
      if (isUniqueViolation(err, 'accounts.email')) throw new ApiError(409, 'email_taken');
      // Another registration of the same consumer code was confirmed first.
      if (isUniqueViolation(err, 'account_consumers.consumer_code')) throw new ApiError(409, 'consumer_already_registered');
      throw err;
    }
    if (mailId) sendSoon(deps, [mailId]);
    return c.json({ status: p.purpose === 'confirm' ? 'confirmed' : 'email_changed' }, 200);
}
