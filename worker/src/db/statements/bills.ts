// Named statements on bills as the resident and the billing system see them.
import { and, count, desc, eq, getTableColumns, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../ports.ts';
import { bills } from '../schema.ts';

/** One page of the bills of these codes, newest first, with the total (one batch). */
export const billPage = (db: Db, codes: string[], page: number, pageSize: number) => {
  const where = inArray(bills.consumerCode, codes);
  return db.batch([
    db
      .select()
      .from(bills)
      .where(where)
      .orderBy(desc(bills.period), bills.consumerCode)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(bills).where(where),
  ]);
};

/** The bill with this id if it belongs to one of these codes. */
export const billOfCodes = (db: Db, id: string, codes: string[]) =>
  db
    .select()
    .from(bills)
    .where(and(eq(bills.id, id), inArray(bills.consumerCode, codes)));

export const billByPeriod = (db: Db, code: string, period: string) =>
  db
    .select({ id: bills.id })
    .from(bills)
    .where(and(eq(bills.consumerCode, code), eq(bills.period, period)));

export const setBillPdf = (db: Db, id: string, key: string, now: number) =>
  db.update(bills).set({ pdfKey: key, updatedAt: now }).where(eq(bills.id, id));

/** The last `months` bills of each of these codes (oldest first per code), and every unpaid one (oldest first). */
export const billsOverview = (db: Db, codes: string[], months: number) => {
  const ranked = db
    .select({
      id: bills.id,
      n: sql<number>`row_number() OVER (PARTITION BY ${bills.consumerCode} ORDER BY ${bills.period} DESC)`.as('n'),
    })
    .from(bills)
    .where(inArray(bills.consumerCode, codes))
    .as('ranked');
  return db.batch([
    db
      .select(getTableColumns(bills))
      .from(bills)
      .innerJoin(ranked, eq(ranked.id, bills.id))
      .where(lte(ranked.n, months))
      .orderBy(bills.consumerCode, bills.period),
    unpaidBills(db, codes),
  ]);
};

/** The consumer's unpaid bills older than this period, oldest first: the debt a bill's own slip does not pay. */
export const olderUnpaidBills = (db: Db, code: string, period: string) =>
  db
    .select()
    .from(bills)
    .where(and(eq(bills.consumerCode, code), isNull(bills.paidAt), lt(bills.period, period)))
    .orderBy(bills.period);

/** Every unpaid bill of these codes, oldest first per code. */
export const unpaidBills = (db: Db, codes: string[]) =>
  db
    .select()
    .from(bills)
    .where(and(inArray(bills.consumerCode, codes), isNull(bills.paidAt)))
    .orderBy(bills.consumerCode, bills.period);
