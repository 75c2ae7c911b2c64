// POST /api/email-bills/unsubscribe: the signed link from a bill mail turns e-mail bills off.
// Takes {token} as JSON (the portal's button) or ?token= with a form body (RFC 8058 one-click
// from the mail client); the token is the authority, so no session or Origin is needed.
import { Hono } from 'hono';
import { stopEmailBills } from '../db/statements/accounts.ts';
import { fail } from '../http/errors.ts';
import { verifyUnsubscribeToken } from '../bills/unsubscribe.ts';
import type { AppEnv, Ctx } from '../env.ts';

async function unsubscribe(c: Ctx) {
  const { deps } = c.var;
  let token = c.req.query('token');
  if (!token && c.req.header('content-type')?.startsWith('application/json')) {
    token = await c.req.json().then(
      (b: { token?: unknown }) => (typeof b?.token === 'string' ? b.token : undefined),
      () => undefined,
    );
  }
  const accountId = token && token.length < 2048 ? await verifyUnsubscribeToken(deps.config, token) : null;
  if (!accountId) throw fail('invalid_token');
  await stopEmailBills(deps.db, accountId, deps.now());
  return c.json({ status: 'unsubscribed' });
}

/** Mounted at /api/email-bills: no cookie and no Origin check (the signed token is the authority), small bodies. */
export const unsubscribeRoutes = new Hono<AppEnv>().post('/unsubscribe', unsubscribe);
