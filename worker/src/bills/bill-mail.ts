// E-mail bills: one mail per new bill to each account that chose e-mail bills.
// The bill_mails primary key keeps a bill from ever being mailed twice to an account.
import { sql } from 'drizzle-orm';
import type { Deps } from '../ports.ts';
import { enqueueStatement, sendSoon } from '../mail/outbox.ts';
import type { RenderedMail } from '../mail/templates.ts';
import { PENDING_BILL_MAIL } from '../db/schema.ts';
import { renderBillMail, type Bill } from './bill-mail-content.ts';

const UNRENDERABLE = 'unrenderable';

type Target = Bill & {
  accountId: string;
  accountName: string | null;
  accountLocale: string;
  email: string;
  wants: number | null;
  consumerName: string;
  consumerAddress: string;
};

/**
 * Queues the bill mails still pending (written with their bills by the import): those of the
 * given bills right after an import, or all of them from the periodic job (after a crash).
 * Returns how many were queued.
 */
export async function mailPendingBills(deps: Deps, billIds?: string[], limit = 200): Promise<number> {
  if (billIds?.length === 0) return 0;
  const { db } = deps;
  const only = billIds
    ? sql`AND b.id IN (${sql.join(
        billIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  const targets = await db.all<Target>(sql`
    SELECT b.id, b.consumer_code AS consumerCode, b.period, b.issue_date AS issueDate, b.due_date AS dueDate, b.amount, b.balance,
      b.payee_account AS payeeAccount, b.reference, b.items, b.paid_at AS paidAt, b.pdf_key AS pdfKey, b.created_at AS createdAt, b.updated_at AS updatedAt,
      m.account_id AS accountId, a.name AS accountName, a.locale AS accountLocale, a.email,
      (a.email_bills = 1 AND a.confirmed_at IS NOT NULL) AS wants, c.name AS consumerName, c.address AS consumerAddress
    FROM bill_mails m
    JOIN bills b ON b.id = m.bill_id
    JOIN consumers c ON c.code = b.consumer_code
    LEFT JOIN accounts a ON a.id = m.account_id
    WHERE m.outbox_id = ${PENDING_BILL_MAIL} ${only}
    LIMIT ${limit}`);
  const ids: string[] = [];
  for (const t of targets) {
    const row = sql`bill_id = ${t.id} AND account_id = ${t.accountId} AND outbox_id = ${PENDING_BILL_MAIL}`;
    // Paid meanwhile, e-mail bills switched off or the account deleted: nothing to send.
    if (t.paidAt !== null || !t.wants) {
      await db.run(sql`DELETE FROM bill_mails WHERE ${row}`);
      continue;
    }
    let mail: RenderedMail;
    try {
      mail = await renderBillMail(
        deps,
        t,
        { id: t.accountId, name: t.accountName ?? '', locale: t.accountLocale },
        { name: t.consumerName, address: t.consumerAddress },
      );
    } catch (e) {
      // One bill that cannot be drawn must not keep the others' mails (or the import) back, nor be tried forever.
      deps.log('error', 'bill mail could not be rendered', { bill: t.id, account: t.accountId, error: String(e) });
      await db.run(sql`UPDATE bill_mails SET outbox_id = ${UNRENDERABLE} WHERE ${row}`);
      continue;
    }
    // Only while still pending: of two senders at once, one queues it and the other finds it taken.
    const queued = enqueueStatement(deps, 'bill', t.email, mail, sql`EXISTS (SELECT 1 FROM bill_mails WHERE ${row})`);
    const [, taken] = await db.batch([
      queued.stmt,
      db.run(sql`UPDATE bill_mails SET outbox_id = ${queued.id} WHERE ${row}`),
    ]);
    if (taken.rowsAffected) ids.push(queued.id);
  }
  if (ids.length) sendSoon(deps, ids);
  return ids.length;
}
