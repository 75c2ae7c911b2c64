// Personal-data rights (ZZPL): GET /api/account/consents, GET /api/account/export (a summary
// first, then the records, dates in ISO 8601; for moving the data), GET /api/account/export.html
// (the same to read, data-page.ts),
// POST /api/account/delete {password}. Deleting removes the account, its sessions, tokens,
// passkeys, consents, links and queued mail to it; consumer and bill records belong to the billing
// system and stay, as accounting law requires.
import { consentsOf, deleteAccountStatements, exportQueries } from '../../db/statements/accounts.ts';
import { clearSessionCookie } from '../../auth/sessions.ts';
import { enqueueStatement, sendSoon } from '../../mail/outbox.ts';
import { composeMail } from '../../mail/compose.ts';
import { billSummary } from '../../bills/view.ts';
import { countAccountAction, verifyPassword } from '../../auth/reverify.ts';
import type { AccountCtx } from '../../env.ts';
import type { ConsentsAnswer, DataExport } from '../../../../contract/responses.ts';
import { dataPage } from './data-page.ts';

export async function listConsents(c: AccountCtx) {
  const { deps } = c.var;
  const s = c.var.session;
  const rows = await consentsOf(deps.db, s.account.id);
  return c.json({ consents: rows } satisfies ConsentsAnswer);
}

/** Everything the portal keeps about the account in session (counted as one export). */
async function gatherExport(c: AccountCtx): Promise<DataExport> {
  const { deps } = c.var;
  const { db } = deps;
  const s = c.var.session;
  await countAccountAction(c, 'export');
  const id = s.account.id;
  const codes = s.account.consumers.map((x) => x.code);
  const [[account], consentRows, sessionRows, billRows, passkeyRows] = await db.batch(exportQueries(db, id, codes));
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    // First in the file: what a person opening it reads before the records.
    summary: {
      controller: deps.config.utility.name,
      exportedAt: iso(deps.now()),
      name: s.account.name,
      email: s.account.email,
      consumerCodes: codes,
      sessions: sessionRows.length,
      consents: consentRows.length,
      bills: billRows.length,
      passkeys: passkeyRows.length,
    },
    account: {
      ...s.account,
      createdAt: iso(account.createdAt),
      confirmedAt: account.confirmedAt === null ? null : iso(account.confirmedAt),
    },
    consents: consentRows.map((x) => ({ ...x, acceptedAt: iso(x.acceptedAt) })),
    sessions: sessionRows.map((x) => ({ ...x, createdAt: iso(x.createdAt), lastSeenAt: iso(x.lastSeenAt) })),
    passkeys: passkeyRows.map((x) => ({
      ...x,
      createdAt: iso(x.createdAt),
      lastUsedAt: x.lastUsedAt === null ? null : iso(x.lastUsedAt),
    })),
    bills: billRows.map(billSummary),
  };
}

/** GET /api/account/export: the data for moving it elsewhere, as a JSON attachment. */
export async function exportData(c: AccountCtx) {
  const data = await gatherExport(c);
  c.header('Content-Disposition', 'attachment; filename="moji-podaci.json"');
  return c.json(data satisfies DataExport);
}

/** GET /api/account/export.html?lang=: the same, as a page to read (data-page.ts). */
export async function exportPage(c: AccountCtx) {
  const data = await gatherExport(c);
  return c.html(dataPage(data, c.req.query('lang'), c.var.session.account.locale));
}

export async function deleteAccount(c: AccountCtx<'deleteAccount'>) {
  const { deps } = c.var;
  const { db } = deps;
  const s = c.var.session;
  const input = c.req.valid('json');
  const a = s.account;
  await verifyPassword(c, 'delete', input.password);
  const farewell = enqueueStatement(
    deps,
    'account_deleted',
    a.email,
    composeMail(deps, 'account_deleted', a.locale, a.name),
  );
  await db.batch([...deleteAccountStatements(db, a, c.var.limits.loginAccountKeys(a.email)), farewell.stmt]);
  sendSoon(deps, [farewell.id]);
  clearSessionCookie(c, deps);
  return c.body(null, 204);
}
