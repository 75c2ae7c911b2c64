// Personal-data rights (ZZPL): GET /api/account/consents, GET /api/account/export,
// POST /api/account/delete {password}. Deleting removes the account, its sessions, tokens,
// consents, links and queued mail to it; consumer and bill records belong to the billing
// system and stay, as accounting law requires.
import { consentsOf, deleteAccountStatements, exportQueries } from '../../db/statements/accounts.ts';
import { readBody } from '../../http/body.ts';
import { clearSessionCookie } from '../../auth/sessions.ts';
import { enqueueStatement, sendSoon } from '../../mail/outbox.ts';
import { composeMail } from '../../mail/compose.ts';
import { billSummary } from '../../bills/view.ts';
import { countAccountAction, verifyPassword } from '../../auth/reverify.ts';
import type { AccountCtx } from '../../env.ts';
import type { ConsentsAnswer } from '../../../../contract/responses.ts';

export async function listConsents(c: AccountCtx) {
  const { deps } = c.var;
  const s = c.var.session;
  const rows = await consentsOf(deps.db, s.account.id);
  return c.json({ consents: rows } satisfies ConsentsAnswer);
}

export async function exportData(c: AccountCtx) {
  const { deps } = c.var;
  const { db } = deps;
  const s = c.var.session;
  await countAccountAction(c, 'export');
  const id = s.account.id;
  const codes = s.account.consumers.map((x) => x.code);
  const [[account], consentRows, sessionRows, billRows] = await db.batch(exportQueries(db, id, codes));
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
  const { deps, schemas } = c.var;
  const { db } = deps;
  const s = c.var.session;
  const input = await readBody(c, schemas.deleteAccount);
  const a = s.account;
  await verifyPassword(c, 'delete', input.password);
  const farewell = enqueueStatement(
    deps,
    'account_deleted',
    a.email,
    composeMail(deps, 'account_deleted', a.locale, a.name),
  );
  await db.batch([...deleteAccountStatements(db, a, c.var.limits.loginAccountKey(a.email)), farewell.stmt]);
  sendSoon(deps, [farewell.id]);
  clearSessionCookie(c, deps);
  return c.body(null, 204);
}
