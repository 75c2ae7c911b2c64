// What the database holds of a file's rows, for the office's import preview (staff/imports.ts):
// one read each, the keys as one JSON parameter (no parameter limit, and SQLite walks the primary
// key or the bills' unique index for each). Reads only.
import type { Db } from '../../ports.ts';

type Exec = Pick<Db['$client'], 'execute'>;

export interface StoredConsumer {
  code: string;
  pinDigest: string;
  name: string;
  address: string;
}

/** The consumers of these codes that exist. */
export async function storedConsumers(db: Exec, codes: string[]): Promise<Map<string, StoredConsumer>> {
  const rs = await db.execute({
    sql: 'SELECT code, pin_digest, name, address FROM consumers WHERE code IN (SELECT value FROM json_each(?))',
    args: [JSON.stringify(codes)],
  });
  return new Map(
    rs.rows.map((r) => [
      String(r.code),
      { code: String(r.code), pinDigest: String(r.pin_digest), name: String(r.name), address: String(r.address) },
    ]),
  );
}

/** A stored bill's fields as the import writes them (bills/import.ts `upsertBills`). */
export interface StoredBill {
  issueDate: string;
  dueDate: string;
  amount: number;
  balance: number;
  payeeAccount: string;
  reference: string;
  items: string;
  paidAt: string | null;
}

/** The stored bills of these consumer code + period pairs, keyed `code/period`. */
export async function storedBills(db: Exec, keys: [string, string][]): Promise<Map<string, StoredBill>> {
  const rs = await db.execute({
    sql: `SELECT b.consumer_code, b.period, b.issue_date, b.due_date, b.amount, b.balance, b.payee_account,
        b.reference, b.items, b.paid_at
      FROM json_each(?) k
      JOIN bills b ON b.consumer_code = json_extract(k.value, '$[0]') AND b.period = json_extract(k.value, '$[1]')`,
    args: [JSON.stringify(keys)],
  });
  return new Map(
    rs.rows.map((r) => [
      `${r.consumer_code}/${r.period}`,
      {
        issueDate: String(r.issue_date),
        dueDate: String(r.due_date),
        amount: Number(r.amount),
        balance: Number(r.balance),
        payeeAccount: String(r.payee_account),
        reference: String(r.reference),
        items: String(r.items),
        paidAt: r.paid_at === null ? null : String(r.paid_at),
      },
    ]),
  );
}
