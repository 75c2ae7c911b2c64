// The bill run of a period as numbers (the office's Uvoz polls it every 2 s during a run): one
// aggregate read over the period's bills, their bill mails and those mails' outbox rows; and the
// failed ones queued again. A bill mail's state is its outbox row's status (mail/outbox.ts);
// `bill_mails.outbox_id = 'pending'` (schema.ts PENDING_BILL_MAIL) still waits, and a mail whose
// outbox row the cleanup removed (sent or cancelled, past the audit time) counts as sent.
import type { InStatement } from '@libsql/client';
import type { Db } from '../../ports.ts';
import { PENDING_BILL_MAIL } from '../schema.ts';

type Exec = Pick<Db['$client'], 'execute'>;

export interface RunCounts {
  bills: number;
  queued: number;
  sent: number;
  failed: number;
  cancelled: number;
  undeliverable: number;
  paper: number;
}

/**
 * `paper`: the period's bills without a bill mail; `undeliverable`: those of them whose linked,
 * confirmed account chose e-mail bills but its address is marked undeliverable (the import queues
 * no mail to such an address: bills/import.ts), unpaid.
 */
export async function runCounts(db: Exec, period: string): Promise<RunCounts> {
  const rs = await db.execute({
    sql: `SELECT count(DISTINCT b.id) AS bills,
        count(DISTINCT CASE WHEN bm.bill_id IS NULL THEN b.id END) AS paper,
        count(DISTINCT CASE WHEN bm.bill_id IS NULL AND b.paid_at IS NULL AND a.confirmed_at IS NOT NULL
          AND a.email_bills = 1 AND a.undeliverable_at IS NOT NULL THEN b.id END) AS undeliverable,
        count(CASE WHEN bm.outbox_id = :pending OR o.status IN ('pending', 'sending') THEN 1 END) AS queued,
        count(CASE WHEN o.status = 'sent' OR (o.id IS NULL AND bm.outbox_id <> :pending) THEN 1 END) AS sent,
        count(CASE WHEN o.status = 'failed' THEN 1 END) AS failed,
        count(CASE WHEN o.status = 'cancelled' THEN 1 END) AS cancelled
      FROM bills b
      LEFT JOIN bill_mails bm ON bm.bill_id = b.id
      LEFT JOIN outbox o ON o.id = bm.outbox_id
      LEFT JOIN account_consumers ac ON ac.consumer_code = b.consumer_code
      LEFT JOIN accounts a ON a.id = ac.account_id
      WHERE b.period = :period`,
    args: { period, pending: PENDING_BILL_MAIL },
  });
  const r = rs.rows[0];
  return {
    bills: Number(r.bills),
    queued: Number(r.queued),
    sent: Number(r.sent),
    failed: Number(r.failed),
    cancelled: Number(r.cancelled),
    undeliverable: Number(r.undeliverable),
    paper: Number(r.paper),
  };
}

/** The outbox ids of the period's failed bill mails. */
export async function failedBillMails(db: Exec, period: string): Promise<string[]> {
  const rs = await db.execute({
    sql: `SELECT o.id FROM bills b JOIN bill_mails bm ON bm.bill_id = b.id JOIN outbox o ON o.id = bm.outbox_id
      WHERE b.period = ? AND o.status = 'failed'`,
    args: [period],
  });
  return rs.rows.map((r) => String(r.id));
}

/**
 * These mails, if still failed, due again now with their attempts from zero (the senders give them
 * MAIL_MAX_ATTEMPTS again); returns the ids queued. A mail not failed is left alone, so a second
 * retry right after queues none.
 */
export const retryStatement = (ids: string[], now: number): InStatement => ({
  sql: `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, lease_until = 0
    WHERE status = 'failed' AND id IN (SELECT value FROM json_each(?))
    RETURNING id`,
  args: [now, JSON.stringify(ids)],
});
