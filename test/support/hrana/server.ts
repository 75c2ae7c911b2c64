// TEST SUPPORT ONLY — not a database server for anything else.
// A small Hrana-over-HTTP endpoint (the protocol sqld and Turso speak to @libsql/client/web),
// backed by a real libSQL file, so the Worker can be run in workerd against libSQL over HTTP
// as in production. It implements what the web client sends: the v2/v3 pipeline with
// execute, batch (with step conditions), sequence, get_autocommit and close. Pipelines are
// run one at a time on one connection, and a stream must close within its pipeline.
// (Set HRANA_DEBUG=1 to print each pipeline and its results.)
import { createServer, type Server } from 'node:http';
// libsql's synchronous driver (a dependency of @libsql/client): statements run exactly in order.
import Database from 'libsql';

type InValue = null | bigint | number | string | Buffer;

type HValue =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string };
interface Stmt {
  sql?: string;
  sql_id?: number;
  args?: HValue[];
  named_args?: { name: string; value: HValue }[];
  want_rows?: boolean;
}
type Cond =
  | { type: 'ok' | 'error'; step: number }
  | { type: 'not'; cond: Cond }
  | { type: 'and' | 'or'; conds: Cond[] }
  | { type: 'is_autocommit' };

const toIn = (v: HValue): InValue =>
  v.type === 'null'
    ? null
    : v.type === 'integer'
      ? BigInt(v.value)
      : v.type === 'float'
        ? v.value
        : v.type === 'text'
          ? v.value
          : Buffer.from(v.base64, 'base64');

function toH(v: unknown): HValue {
  if (v === null || v === undefined) return { type: 'null' };
  if (typeof v === 'bigint') return { type: 'integer', value: v.toString() };
  if (typeof v === 'number')
    return Number.isInteger(v) ? { type: 'integer', value: String(v) } : { type: 'float', value: v };
  if (typeof v === 'string') return { type: 'text', value: v };
  if (v instanceof ArrayBuffer || ArrayBuffer.isView(v))
    return { type: 'blob', base64: Buffer.from(v as ArrayBuffer).toString('base64') };
  return { type: 'text', value: String(v) };
}

export interface HranaServer {
  url: string;
  requests: number;
  close(): Promise<void>;
}

/** `port` 0 picks a free one; a fixed port lets a test stop the server and start it again at the same URL. */
export async function startHranaServer(file: string, port = 0): Promise<HranaServer> {
  const db = new Database(file);
  db.exec('PRAGMA journal_mode = WAL');
  let queue = Promise.resolve();
  let autocommit = true;
  // SQL texts stored by id (store_sql) for the stream of the current pipeline.
  const stored = new Map<number, string>();

  async function execute(stmt: Stmt) {
    const named = Object.fromEntries((stmt.named_args ?? []).map((a) => [a.name.replace(/^[:@$]/, ''), toIn(a.value)]));
    const args = stmt.named_args?.length ? [named] : (stmt.args ?? []).map(toIn);
    const prepared = db.prepare(stmt.sql ?? stored.get(stmt.sql_id ?? -1) ?? '');
    prepared.safeIntegers(true);
    let cols: { name: string; decltype: string | null }[] = [];
    let rows: unknown[][] = [];
    let changes = 0;
    let lastId: unknown = null;
    if (prepared.reader) {
      prepared.raw(true);
      rows = prepared.all(...args) as unknown[][];
      cols = prepared.columns().map((c: { name: string; type: string | null }) => ({ name: c.name, decltype: c.type }));
    } else {
      const info = prepared.run(...args) as { changes: number; lastInsertRowid: unknown };
      changes = Number(info.changes);
      lastId = info.lastInsertRowid;
    }
    autocommit = !db.inTransaction;
    return {
      cols,
      rows: stmt.want_rows === false ? [] : rows.map((r) => r.map(toH)),
      affected_row_count: changes,
      last_insert_rowid: lastId === null || lastId === undefined ? null : String(lastId),
      replication_index: null,
      rows_read: 0,
      rows_written: 0,
      query_duration_ms: 0,
    };
  }

  async function runBatch(steps: { stmt: Stmt; condition?: Cond | null }[]) {
    const results: (unknown | null)[] = [];
    const errors: (unknown | null)[] = [];
    const holds = (c: Cond): boolean =>
      c.type === 'ok'
        ? results[c.step] != null
        : c.type === 'error'
          ? errors[c.step] != null
          : c.type === 'not'
            ? !holds(c.cond)
            : c.type === 'and'
              ? c.conds.every(holds)
              : c.type === 'or'
                ? c.conds.some(holds)
                : autocommit;
    for (const step of steps) {
      if (step.condition && !holds(step.condition)) {
        results.push(null);
        errors.push(null);
        continue;
      }
      try {
        results.push(await execute(step.stmt));
        errors.push(null);
      } catch (e) {
        results.push(null);
        errors.push({ message: (e as Error).message, code: (e as { code?: string }).code ?? 'UNKNOWN' });
      }
    }
    return { step_results: results, step_errors: errors };
  }

  async function handle(req: {
    type: string;
    stmt?: Stmt;
    batch?: { steps: { stmt: Stmt; condition?: Cond }[] };
    sql?: string;
    sql_id?: number;
  }) {
    switch (req.type) {
      case 'store_sql':
        stored.set(req.sql_id!, req.sql ?? '');
        return { type: 'store_sql' };
      case 'close_sql':
        stored.delete(req.sql_id!);
        return { type: 'close_sql' };
      case 'execute':
        return { type: 'execute', result: await execute(req.stmt!) };
      case 'batch':
        return { type: 'batch', result: await runBatch(req.batch!.steps) };
      case 'sequence':
        db.exec(req.sql ?? '');
        autocommit = !db.inTransaction;
        return { type: 'sequence' };
      case 'get_autocommit':
        return { type: 'get_autocommit', is_autocommit: autocommit };
      case 'close':
        return { type: 'close' };
      default:
        throw Object.assign(new Error(`unsupported request ${req.type}`), { code: 'UNSUPPORTED' });
    }
  }

  const state: HranaServer = { url: '', requests: 0, close: async () => {} };
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && /^\/v[23]\/?$/.test(req.url ?? '')) return void res.writeHead(200).end();
    if (req.method !== 'POST' || !/^\/v[23]\/pipeline$/.test(req.url ?? '')) return void res.writeHead(404).end();
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      state.requests++;
      queue = queue.then(async () => {
        const body = JSON.parse(raw) as { baton: string | null; requests: { type: string }[] };
        const results = [];
        for (const r of body.requests) {
          try {
            results.push({ type: 'ok', response: await handle(r as never) });
          } catch (e) {
            results.push({
              type: 'error',
              error: { message: (e as Error).message, code: (e as { code?: string }).code ?? 'UNKNOWN' },
            });
          }
        }
        const closed = body.requests.some((r) => r.type === 'close');
        stored.clear();
        if (!closed && db.inTransaction) {
          db.exec('ROLLBACK');
          autocommit = true;
        }
        if (process.env.HRANA_DEBUG) console.log(raw, JSON.stringify(results));
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ baton: null, base_url: null, results }));
      });
    });
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  state.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
    db.close();
  };
  return state;
}
