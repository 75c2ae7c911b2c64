// Node, libSQL file: a large batch (an import's thousands of rows) runs on a database thread of its
// own, so the native driver's synchronous work never holds the thread that answers residents.
// Invariant: the batch is still one transaction (all or nothing, as the client runs any batch);
// while it runs, the main thread's reads go on and see only what is committed (WAL), and its writes
// wait — asynchronously, never in SQLite's busy handler, which would hold the event loop — until
// the batch has committed or rolled back. Small batches and single statements stay in line.
import { Worker } from 'node:worker_threads';
import {
  LibsqlBatchError,
  LibsqlError,
  type Client,
  type InStatement,
  type ResultSet,
  type Row,
  type TransactionMode,
} from '@libsql/client';
import type { PlainResult, ThreadAnswer } from './db-thread.ts';

/** A batch goes to the thread from this many characters of arguments and SQL (a few milliseconds of work in line). */
export const OFFLOAD_FROM_CHARS = 64 * 1024;

const statementChars = (s: InStatement): number => {
  if (typeof s === 'string') return s.length;
  const args = Array.isArray(s.args) ? s.args : Object.values(s.args ?? {});
  let n = s.sql.length;
  for (const a of args) n += typeof a === 'string' ? a.length : 8;
  return n;
};

/** A statement that only reads (what drizzle and the app write for a read). */
const reads = (s: InStatement | string) => /^\s*select\b/i.test(typeof s === 'string' ? s : s.sql);

/** Rows rebuilt between two turns for everyone else. */
const ROWS_PER_TURN = 2_000;
const nextTurn = () => new Promise<void>((ok) => setTimeout(ok, 0));

/** The results as the client makes them (rows readable by index and by column name), in turns. */
async function resultSets(plain: PlainResult[]): Promise<ResultSet[]> {
  const out: ResultSet[] = [];
  let done = 0;
  for (const r of plain) {
    const rows: Row[] = [];
    for (const values of r.rows) {
      if (++done % ROWS_PER_TURN === 0) await nextTurn();
      const row = {} as Row;
      Object.defineProperty(row, 'length', { value: values.length });
      values.forEach((value, i) => {
        Object.defineProperty(row, i, { value });
        const column = r.columns[i];
        if (!Object.hasOwn(row, column))
          Object.defineProperty(row, column, { value, enumerable: true, configurable: true, writable: true });
      });
      rows.push(row);
    }
    out.push({ ...r, rows, toJSON: () => ({ ...r, lastInsertRowid: r.lastInsertRowid?.toString() }) });
  }
  return out;
}

/** The client of `url` with its large batches on a database thread (started at the first one). */
export function offloadLargeBatches(client: Client, url: string): Client {
  let thread: Worker | undefined;
  let next = 0;
  const pending = new Map<number, { ok: (r: ResultSet[]) => void; fail: (e: Error) => void }>();
  /** Batches on the thread, and the writes in line waiting for them to end. */
  let running = 0;
  let waiting: (() => void)[] = [];
  const start = () => {
    const t = new Worker(new URL('./db-thread.mjs', import.meta.url), { workerData: { url } });
    t.unref();
    const lost = (why: unknown) => {
      if (thread !== t) return;
      thread = undefined;
      for (const p of pending.values())
        p.fail(new LibsqlError(`database thread stopped: ${String(why)}`, 'THREAD_STOPPED'));
      pending.clear();
    };
    t.on('message', (m: ThreadAnswer) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if ('results' in m) void resultSets(m.results).then(p?.ok, p?.fail);
      else {
        const e = m.error;
        p?.fail(
          e.statementIndex === undefined
            ? new LibsqlError(e.message, e.code ?? 'UNKNOWN', e.extendedCode, e.rawCode)
            : new LibsqlBatchError(e.message, e.statementIndex, e.code ?? 'UNKNOWN', e.extendedCode, e.rawCode),
        );
      }
    });
    t.on('error', lost);
    t.on('exit', lost);
    return t;
  };
  const onThread = (statements: InStatement[], mode: TransactionMode) => {
    thread ??= start();
    const id = next++;
    const done = new Promise<ResultSet[]>((ok, fail) => {
      pending.set(id, { ok, fail });
      thread!.postMessage({ id, statements, mode });
    });
    running++;
    return done.finally(() => {
      if (--running > 0) return;
      const go = waiting;
      waiting = [];
      for (const ok of go) ok();
    });
  };
  /** Before a write in line: the thread's batches first (a batch's transaction holds the write lock). */
  const afterThread = async () => {
    while (running > 0) await new Promise<void>((ok) => waiting.push(ok));
  };

  // A method set on the client (a test counting round trips, or failing them) stands in front of
  // ours, and ours still call the real client's: set on the real one, each would call the other.
  const overrides = new Map<PropertyKey, unknown>();
  return new Proxy(client, {
    set(_target, key, value) {
      overrides.set(key, value);
      return true;
    },
    deleteProperty(_target, key) {
      return overrides.delete(key) || true;
    },
    get(target, key, receiver) {
      if (overrides.has(key)) return overrides.get(key);
      switch (key) {
        case 'batch':
          return async (statements: InStatement[], mode: TransactionMode = 'deferred') => {
            const chars = statements.reduce((n, s) => n + statementChars(s), 0);
            if (chars >= OFFLOAD_FROM_CHARS) return onThread(statements, mode);
            await afterThread();
            return target.batch(statements, mode);
          };
        case 'execute':
          return async (stmt: InStatement | string, args?: unknown) => {
            if (!reads(stmt)) await afterThread();
            return (target.execute as (s: unknown, a?: unknown) => Promise<ResultSet>)(stmt, args);
          };
        case 'transaction':
        case 'executeMultiple':
        case 'migrate':
          return async (...a: unknown[]) => {
            await afterThread();
            return (target[key] as (...x: unknown[]) => unknown).apply(target, a);
          };
        case 'close':
          return () => {
            void thread?.terminate();
            thread = undefined;
            for (const p of pending.values()) p.fail(new LibsqlError('The client is closed', 'CLIENT_CLOSED'));
            pending.clear();
            target.close();
          };
        default: {
          const v = Reflect.get(target, key, receiver);
          return typeof v === 'function' && key !== 'constructor' ? v.bind(target) : v;
        }
      }
    },
  });
}
