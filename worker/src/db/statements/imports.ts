// What the database holds of a file's rows, for the office's import preview (staff/imports.ts):
// reads of KEYS_PER_READ keys each, the keys as one JSON parameter (no parameter limit, and SQLite
// walks the primary key or the bills' unique index for each), with a turn for everyone else between
// two (a town's 20,000 rows read at once held the event loop). Reads only.
import type { Db } from '../../ports.ts';
import { nextTurn } from '../../csv/turns.ts';

/** Keys read between two turns. */
const KEYS_PER_READ = 2_000;

/** `read` for each slice of `keys`, a turn between two. */
async function inSlices<K>(keys: K[], read: (some: K[]) => Promise<void>) {
  for (let i = 0; i < keys.length; i += KEYS_PER_READ) {
    if (i > 0) await nextTurn();
    await read(keys.slice(i, i + KEYS_PER_READ));
  }
}

type Exec = Pick<Db['$client'], 'execute'>;

export interface StoredConsumer {
  code: string;
  pinDigest: string;
  name: string;
  address: string;
}

/** The consumers of these codes that exist. */
export async function storedConsumers(db: Exec, codes: string[]): Promise<Map<string, StoredConsumer>> {
  const stored = new Map<string, StoredConsumer>();
  await inSlices(codes, async (some) => {
    const rs = await db.execute({
      sql: 'SELECT code, pin_digest, name, address FROM consumers WHERE code IN (SELECT value FROM json_each(?))',
      args: [JSON.stringify(some)],
    });
    for (const r of rs.rows)
      stored.set(String(r.code), {
        code: String(r.code),
        pinDigest: String(r.pin_digest),
        name: String(r.name),
        address: String(r.address),
      });
  });
  return stored;
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
  const stored = new Map<string, StoredBill>();
  await inSlices(keys, async (some) => {
    const rs = await db.execute({
      sql: `SELECT b.consumer_code, b.period, b.issue_date, b.due_date, b.amount, b.balance, b.payee_account,
          b.reference, b.items, b.paid_at
        FROM json_each(?) k
        JOIN bills b ON b.consumer_code = json_extract(k.value, '$[0]') AND b.period = json_extract(k.value, '$[1]')`,
      args: [JSON.stringify(some)],
    });
    for (const r of rs.rows)
      stored.set(`${r.consumer_code}/${r.period}`, {
        issueDate: String(r.issue_date),
        dueDate: String(r.due_date),
        amount: Number(r.amount),
        balance: Number(r.balance),
        payeeAccount: String(r.payee_account),
        reference: String(r.reference),
        items: String(r.items),
        paidAt: r.paid_at === null ? null : String(r.paid_at),
      });
  });
  return stored;
}
