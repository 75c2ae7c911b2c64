// The billing system's change feed (GET /api/admin/delivery?since=): the rows of delivery_changes
// after a cursor, in id order. Each row is one consumer code as linked at the time (migration
// 0012's triggers); rows without a code (before 0012, or an account with no code linked) are not in
// the feed. Invariant: ids only grow, so paging by the last id read never repeats or skips a row.
import type { Db } from '../../ports.ts';
import type { DeliveryRow } from './delivery-list.ts';

type Exec = Pick<Db['$client'], 'execute'>;

export interface DeliveryChange {
  id: number;
  consumerCode: string;
  delivery: DeliveryRow['delivery'];
  reason: DeliveryRow['reason'];
  /** ms */
  at: number;
}

/** At most `limit` changes with an id above `after`, oldest first; the reason NULL is e-mail. */
export async function deliveryChangesAfter(db: Exec, after: number, limit: number): Promise<DeliveryChange[]> {
  const { rows } = await db.execute({
    sql: `SELECT id, consumer_code, reason, at FROM delivery_changes
      WHERE id > ? AND consumer_code IS NOT NULL ORDER BY id LIMIT ?`,
    args: [after, limit],
  });
  return rows.map((r) => ({
    id: Number(r.id),
    consumerCode: String(r.consumer_code),
    delivery: r.reason === null ? 'email' : 'paper',
    reason: r.reason === null ? null : (String(r.reason) as DeliveryRow['reason']),
    at: Number(r.at),
  }));
}
