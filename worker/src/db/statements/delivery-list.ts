// The print house's list (docs/office.md): every consumer with a bill in the period and how that
// bill reaches them, the one rule behind the office's print list and the billing system's
// GET /api/admin/delivery. Invariants: e-mail only when the code is linked to a confirmed account
// with e-mail bills on, whose address was not marked undeliverable before the period's print
// deadline, and whose own mail of this bill has not failed; anything else is paper with its reason.
// After the deadline a period's list changes only by bills whose own mail did not arrive (printed
// one by one); an address marked later goes to paper from the next period.
import type { Db } from '../../ports.ts';
import type { Config } from '../../config.ts';

type Exec = Pick<Db['$client'], 'execute'>;

/** One row of the delivery list, as the office's print list and the billing system's API both give it. */
export interface DeliveryRow {
  consumerCode: string;
  name: string;
  address: string;
  delivery: 'email' | 'paper';
  reason: 'no_account' | 'unconfirmed' | 'opted_out' | 'undeliverable' | null;
  /**
   * ms, or null: when the code's delivery under its account began (the account's choice, the code
   * linked, the address proven again: delivery_changes); for `undeliverable`, when the address was
   * marked or, when the bill's own mail failed, when that mail was sent.
   */
  since: number | null;
}

/**
 * A mail event about this bill's mail: named by its outbox id, or — from a source that does not
 * quote our Message-ID (Cloudflare's events) — to the same address after the mail was written.
 */
const ABOUT_THE_MAIL = `(e.outbox_id = bm.outbox_id OR (e.outbox_id IS NULL AND e.email = a.email AND e.occurred_at > bm.created_at))`;

/**
 * This bill's mail to the linked account did not arrive: the transport gave up; or, with no
 * delivery of it reported, it bounced for good or was reported as spam, or it bounced softly (or
 * was deferred) and BILL_MAIL_UNDELIVERED_DAYS have passed since it was sent. (A transport that
 * reports no events — SMTP without bounces fed — never trips the last two.)
 */
const OWN_MAIL_FAILED = `EXISTS (SELECT 1 FROM bill_mails bm WHERE bm.bill_id = b.id AND bm.account_id = a.id AND (
    EXISTS (SELECT 1 FROM outbox o WHERE o.id = bm.outbox_id AND o.status = 'failed')
    OR (NOT EXISTS (SELECT 1 FROM mail_events e WHERE ${ABOUT_THE_MAIL} AND e.type = 'delivered')
      AND (EXISTS (SELECT 1 FROM mail_events e WHERE ${ABOUT_THE_MAIL} AND e.type IN ('bounce_hard', 'complaint'))
        OR (bm.created_at <= :undeliveredCutoff
          AND EXISTS (SELECT 1 FROM mail_events e WHERE ${ABOUT_THE_MAIL} AND e.type IN ('bounce_soft', 'deferred')))))))`;

/** The address was marked undeliverable before this period's print deadline (the bill's import + PRINT_DEADLINE_DAYS). */
const MARKED_IN_TIME = `(a.undeliverable_at IS NOT NULL AND a.undeliverable_at < b.created_at + :deadlineMs)`;

const EMAIL_CHOSEN = `a.id IS NOT NULL AND a.confirmed_at IS NOT NULL AND a.email_bills = 1`;

export async function deliveryRows(
  deps: { db: { $client: Exec }; now(): number; config: Pick<Config, 'printDeadlineMs' | 'billMailUndeliveredMs'> },
  period: string,
): Promise<DeliveryRow[]> {
  const { rows } = await deps.db.$client.execute({
    sql: `SELECT code, name, address, reason, since FROM (
        SELECT c.code, c.name, c.address,
          CASE
            WHEN ${EMAIL_CHOSEN} AND (${MARKED_IN_TIME} OR ${OWN_MAIL_FAILED}) THEN 'undeliverable'
            WHEN ${EMAIL_CHOSEN} THEN NULL
            WHEN a.id IS NOT NULL AND a.confirmed_at IS NOT NULL THEN 'opted_out'
            WHEN EXISTS (SELECT 1 FROM accounts p WHERE p.pending_consumer_code = c.code AND p.confirmed_at IS NULL) THEN 'unconfirmed'
            ELSE 'no_account' END AS reason,
          CASE WHEN ${EMAIL_CHOSEN} AND ${MARKED_IN_TIME} THEN a.undeliverable_at
            WHEN ${EMAIL_CHOSEN} AND ${OWN_MAIL_FAILED}
              THEN (SELECT bm.created_at FROM bill_mails bm WHERE bm.bill_id = b.id AND bm.account_id = a.id)
            WHEN a.id IS NOT NULL THEN (SELECT max(d.at) FROM delivery_changes d WHERE d.account_id = a.id
              AND (d.consumer_code = c.code OR d.consumer_code IS NULL)) END AS since
        FROM bills b
        JOIN consumers c ON c.code = b.consumer_code
        LEFT JOIN account_consumers ac ON ac.consumer_code = c.code
        LEFT JOIN accounts a ON a.id = ac.account_id
        WHERE b.period = :period)
      ORDER BY code`,
    args: {
      period,
      deadlineMs: deps.config.printDeadlineMs,
      undeliveredCutoff: deps.now() - deps.config.billMailUndeliveredMs,
    },
  });
  return rows.map((r) => ({
    consumerCode: String(r.code),
    name: String(r.name),
    address: String(r.address),
    delivery: r.reason === null ? 'email' : 'paper',
    reason: r.reason === null ? null : (String(r.reason) as DeliveryRow['reason']),
    since: r.since === null ? null : Number(r.since),
  }));
}
