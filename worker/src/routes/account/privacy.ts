// Personal-data rights (ZZPL): GET /api/account/consents, GET /api/account/export,
// POST /api/account/delete {password}. Deleting removes the account, its sessions, tokens,
// consents, links and queued mail to it; consumer and bill records belong to the billing
// system and stay, as accounting law requires.
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { bills, consents, sessions, accounts } from '../../db/schema.ts';
import { readBody } from '../../http/body.ts';
import { clearSessionCookie } from '../../auth/sessions.ts';
import { enqueueStatement, sendSoon } from '../../mail/outbox.ts';
import { composeMail } from '../../mail/compose.ts';
import { billSummary } from '../../bills/view.ts';
import { countAccountAction, verifyPassword } from './verify-password.ts';
import type { AccountCtx } from '../../env.ts';

export async function listConsents(c: AccountCtx) {
    const { deps } = c.var;
    const { db } = deps;
    const s = c.var.session;
    const rows = await deps.db
      .select({ termsVersion: consents.termsVersion, privacyVersion: consents.privacyVersion, acceptedAt: consents.acceptedAt })
      .from(consents)
      .where(eq(consents.accountId, s.account.id))
      .orderBy(desc(consents.acceptedAt));
    return c.json({ consents: rows });
}

export async function exportData(c: AccountCtx) {
    const { deps } = c.var;
    const { db } = deps;
    const s = c.var.session;
    await countAccountAction(c, 'export');
    const id = s.account.id;
    const codes = s.account.consumers.map((x) => x.code);
    const [[account], consentRows, sessionRows, billRows] = await db.batch([
      db.select({ createdAt: accounts.createdAt, confirmedAt: accounts.confirmedAt }).from(accounts).where(eq(accounts.id, id)),
      db.select({ termsVersion: consents.termsVersion, privacyVersion: consents.privacyVersion, acceptedAt: consents.acceptedAt }).from(consents).where(eq(consents.accountId, id)),
      db.select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent, remember: sessions.remember }).from(sessions).where(eq(sessions.accountId, id)),
      db.select().from(bills).where(inArray(bills.consumerCode, codes.length ? codes : [''])).orderBy(desc(bills.period)),
    ]);
    c.header('Content-Disposition', 'attachment; filename="moji-podaci.json"');
    return c.json({
      exportedAt: new Date(deps.now()).toISOString(),
      controller: deps.config.utility.name,
      account: { ...s.account, ...account },
      consents: consentRows,
      sessions: sessionRows,
      bills: billRows.map(billSummary),
    });
}

export async function deleteAccount(c: AccountCtx) {
    const { deps, schemas, limits } = c.var;
    const { db } = deps;
    const s = c.var.session;
    const input = await readBody(c, schemas.deleteAccount);
    const a = s.account;
    await verifyPassword(c, 'delete', input.password);
    const farewell = enqueueStatement(deps, 'account_deleted', a.email, composeMail(deps, 'account_deleted', a.locale, a.name));
    await db.batch([
      db.run(sql`DELETE FROM outbox WHERE to_address = ${a.email}`),
      db.run(sql`DELETE FROM sessions WHERE account_id = ${a.id}`),
      db.run(sql`DELETE FROM tokens WHERE account_id = ${a.id}`),
      db.run(sql`DELETE FROM consents WHERE account_id = ${a.id}`),
      db.run(sql`DELETE FROM account_consumers WHERE account_id = ${a.id}`),
      db.run(sql`DELETE FROM throttles WHERE key = ${c.var.limits.loginAccountKey(a.email)}`),
      db.run(sql`DELETE FROM accounts WHERE id = ${a.id}`),
      farewell.stmt,
    ]);
    sendSoon(deps, [farewell.id]);
    clearSessionCookie(c, deps);
    return c.body(null, 204);
}
