// Named statements on the consumer codes linked to accounts.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../ports.ts';
import { accountConsumers } from '../schema.ts';

/** The account's consumers with their latest bill's period and the number of unpaid bills. */
export const consumersWithBalance = (db: Db, accountId: string) =>
  db.all<{
    code: string;
    name: string;
    address: string;
    period: string | null;
    unpaid: number;
  }>(sql`
    SELECT c.code, c.name, c.address,
      (SELECT max(b.period) FROM bills b WHERE b.consumer_code = c.code) AS period,
      (SELECT count(*) FROM bills b WHERE b.consumer_code = c.code AND b.paid_at IS NULL) AS unpaid
    FROM account_consumers ac JOIN consumers c ON c.code = ac.consumer_code
    WHERE ac.account_id = ${accountId} ORDER BY ac.linked_at, c.code`);

/** Fails with a unique violation on account_consumers.consumer_code when the code is another account's. */
export const linkCode = (db: Db, accountId: string, code: string, now: number) =>
  db.insert(accountConsumers).values({ consumerCode: code, accountId, linkedAt: now });

export const unlinkCode = (db: Db, accountId: string, code: string) =>
  db
    .delete(accountConsumers)
    .where(and(eq(accountConsumers.accountId, accountId), eq(accountConsumers.consumerCode, code)));
