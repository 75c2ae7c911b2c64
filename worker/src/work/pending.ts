// Work promised before it is done ("nothing lost"): a request that answers first writes a
// pending_work row before its answer, runs the work right after the response, and the work
// deletes its row in the same transaction as its own writes ("nothing twice"). A run takes a
// lease on the row first, so the periodic job retries only rows whose run died or failed.
import type { Condition } from '../auth/throttle.ts';
import type { InStatement } from '@libsql/client';
import { sql } from 'drizzle-orm';
import type { Deps } from '../ports.ts';
import { randomId } from '../auth/crypto.ts';

const MAX_ATTEMPTS = 8;

export interface Work<P> {
  id: string;
  payload: P;
}

/** Deletes the row: put it in the batch that does the work's writes (drizzle batches). */
export const workDone = (deps: Deps, id: string) => deps.db.run(sql`DELETE FROM pending_work WHERE id = ${id}`);

// biome-ignore lint/suspicious/noExplicitAny: each handler names its own payload; the registry holds them all.
export type Handler = (deps: Deps, work: Work<any>) => Promise<void>;

/** The insert that records the promise (batchable with the request's other writes). */
export function pendingWorkStatement(deps: Deps, kind: string, payload: unknown) {
  const id = randomId(deps.randomBytes);
  const now = deps.now();
  const args = [id, kind, JSON.stringify(payload), now, now];
  return {
    id,
    stmt: {
      sql: 'INSERT INTO pending_work (id, kind, payload, attempts, run_after, created_at) VALUES (?, ?, ?, 0, ?, ?)',
      args,
    },
    /** The same promise, written only where `when` holds (e.g. a reservation's `held`, in its batch). */
    stmtWhen: (when: Condition): InStatement => ({
      sql: `INSERT INTO pending_work (id, kind, payload, attempts, run_after, created_at) SELECT ?, ?, ?, 0, ?, ? WHERE ${when.sql}`,
      args: [...args, ...when.args],
    }),
  };
}

const doneStatement = (id: string): InStatement => ({ sql: 'DELETE FROM pending_work WHERE id = ?', args: [id] });

/** Runs one row if nobody holds its lease; a failure leaves it for a later run. */
async function runOne(deps: Deps, handlers: Record<string, Handler>, id: string): Promise<void> {
  const now = deps.now();
  const claimed = await deps.db.$client.execute({
    sql: 'UPDATE pending_work SET run_after = ?, attempts = attempts + 1 WHERE id = ? AND run_after <= ? RETURNING kind, payload, attempts',
    args: [now + deps.config.workLeaseMs, id, now],
  });
  const row = claimed.rows[0];
  if (!row) return;
  const handler = handlers[String(row.kind)];
  if (!handler || Number(row.attempts) > MAX_ATTEMPTS) {
    deps.log('error', 'pending work given up', { id, kind: String(row.kind), attempts: Number(row.attempts) });
    await deps.db.$client.execute(doneStatement(id));
    return;
  }
  try {
    await handler(deps, { id, payload: JSON.parse(String(row.payload)) });
  } catch (e) {
    deps.log('warn', 'pending work failed, will retry', { id, kind: String(row.kind), error: String(e) });
  }
}

/** After the response: this request's own work. */
export function runSoon(deps: Deps, handlers: Record<string, Handler>, id: string): void {
  deps.defer(() => runOne(deps, handlers, id));
}

/** The periodic job: every row whose lease ran out (a crash, a failure), oldest first. */
export async function runDuePendingWork(deps: Deps, handlers: Record<string, Handler>, limit = 100): Promise<number> {
  const due = await deps.db.$client.execute({
    sql: 'SELECT id FROM pending_work WHERE run_after <= ? ORDER BY created_at LIMIT ?',
    args: [deps.now(), limit],
  });
  for (const r of due.rows) await runOne(deps, handlers, String(r.id));
  return due.rows.length;
}
