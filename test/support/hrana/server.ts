// TEST SUPPORT ONLY — not a database server for anything else.
// A small Hrana-over-HTTP endpoint (the protocol sqld and Turso speak to @libsql/client/web),
// backed by a real libSQL file, so the Worker can be run in workerd against libSQL over HTTP
// as in production. It implements what the web client sends to /v2/pipeline (JSON; the
// client speaks v2 unless asked for v3, and v3 JSON takes the same requests): execute,
// batch (with step conditions), sequence, store_sql/close_sql, get_autocommit and close, and
// streams that span pipelines through batons (interactive transactions). One connection:
// while a stream holds a transaction open between pipelines, other streams wait for it, as
// writers wait on sqld; a stream left idle for STREAM_IDLE_MS is rolled back and forgotten.
// (Set HRANA_DEBUG=1 to print each pipeline and its results.)
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
// libsql's synchronous driver (a dependency of @libsql/client): statements run exactly in order.
import Database from 'libsql';
import { toHrana, fromHrana, type HranaValue } from './values.ts';

const STREAM_IDLE_MS = 10_000;

interface Stmt { sql?: string; sql_id?: number; args?: HranaValue[]; named_args?: { name: string; value: HranaValue }[]; want_rows?: boolean }
type Cond = { type: 'ok' | 'error'; step: number } | { type: 'not'; cond: Cond } | { type: 'and' | 'or'; conds: Cond[] } | { type: 'is_autocommit' };
type Req =
  | { type: 'execute'; stmt: Stmt }
  | { type: 'batch'; batch: { steps: { stmt: Stmt; condition?: Cond | null }[] } }
  | { type: 'sequence'; sql?: string; sql_id?: number }
  | { type: 'store_sql'; sql_id: number; sql: string }
  | { type: 'close_sql'; sql_id: number }
  | { type: 'get_autocommit' }
  | { type: 'close' };
interface Stream { stored: Map<number, string>; idle?: NodeJS.Timeout }

class HranaError extends Error {
  constructor(message: string, readonly code: string) { super(message); }
}
const errorOf = (e: unknown) => ({ message: (e as Error).message, code: (e as { code?: string }).code ?? 'UNKNOWN' });

export interface HranaServer { url: string; requests: number; close(): Promise<void> }

/** `port` 0 picks a free one; a fixed port lets a test stop the server and start it again at the same URL. */
export async function startHranaServer(file: string, port = 0): Promise<HranaServer> {
  const db = new Database(file);
  db.exec('PRAGMA journal_mode = WAL');
  const streams = new Map<string, Stream>();
  // The stream whose transaction is open between two of its pipelines; others wait for it.
  let owner: Stream | undefined;
  let waiting: (() => void)[] = [];

  function release(stream: Stream) {
    if (owner !== stream) return;
    owner = undefined;
    const wake = waiting;
    waiting = [];
    for (const w of wake) w();
  }

  function sqlOf(stream: Stream, x: { sql?: string; sql_id?: number }): string {
    if (x.sql !== undefined) return x.sql;
    const stored = stream.stored.get(x.sql_id ?? -1);
    if (stored === undefined) throw new HranaError(`no SQL stored as ${x.sql_id}`, 'SQL_NOT_FOUND');
    return stored;
  }

  function execute(stream: Stream, stmt: Stmt) {
    const named = Object.fromEntries((stmt.named_args ?? []).map((a) => [a.name.replace(/^[:@$]/, ''), fromHrana(a.value)]));
    const args = stmt.named_args?.length ? [named] : (stmt.args ?? []).map(fromHrana);
    const prepared = db.prepare(sqlOf(stream, stmt));
    prepared.safeIntegers(true);
    if (prepared.reader) {
      prepared.raw(true);
      const rows = prepared.all(...args) as unknown[][];
      const cols = prepared.columns().map((c: { name: string; type: string | null }) => ({ name: c.name, decltype: c.type }));
      return result(cols, stmt.want_rows === false ? [] : rows.map((r) => r.map(toHrana)), 0, null);
    }
    const info = prepared.run(...args) as { changes: number; lastInsertRowid: unknown };
    return result([], [], Number(info.changes), info.lastInsertRowid);
  }

  const result = (cols: unknown[], rows: unknown[], changes: number, lastId: unknown) => ({
    cols, rows, affected_row_count: changes,
    last_insert_rowid: lastId === null || lastId === undefined ? null : String(lastId),
    replication_index: null, rows_read: 0, rows_written: 0, query_duration_ms: 0,
  });

  function batch(stream: Stream, steps: { stmt: Stmt; condition?: Cond | null }[]) {
    const results: unknown[] = [];
    const errors: unknown[] = [];
    const holds = (c: Cond): boolean =>
      c.type === 'ok' ? results[c.step] != null
      : c.type === 'error' ? errors[c.step] != null
      : c.type === 'not' ? !holds(c.cond)
      : c.type === 'and' ? c.conds.every(holds)
      : c.type === 'or' ? c.conds.some(holds)
      : !db.inTransaction;
    for (const step of steps) {
      let r = null;
      let e = null;
      if (!step.condition || holds(step.condition)) {
        try { r = execute(stream, step.stmt); } catch (err) { e = errorOf(err); }
      }
      results.push(r);
      errors.push(e);
    }
    return { step_results: results, step_errors: errors };
  }

  function handle(stream: Stream, req: Req) {
    switch (req.type) {
      case 'execute': return { type: 'execute', result: execute(stream, req.stmt) };
      case 'batch': return { type: 'batch', result: batch(stream, req.batch.steps) };
      case 'sequence': db.exec(sqlOf(stream, req)); return { type: 'sequence' };
      case 'store_sql': stream.stored.set(req.sql_id, req.sql); return { type: 'store_sql' };
      case 'close_sql': stream.stored.delete(req.sql_id); return { type: 'close_sql' };
      case 'get_autocommit': return { type: 'get_autocommit', is_autocommit: !db.inTransaction };
      case 'close': return { type: 'close' };
      default: throw new HranaError(`unsupported request ${(req as { type: string }).type}`, 'UNSUPPORTED');
    }
  }

  function forget(stream: Stream) {
    clearTimeout(stream.idle);
    if (owner === stream && db.inTransaction) db.exec('ROLLBACK');
    release(stream);
  }

  async function pipeline(body: { baton: string | null; requests: Req[] }) {
    let stream: Stream | undefined;
    if (body.baton) {
      stream = streams.get(body.baton);
      if (!stream) throw new HranaError('the stream has expired or never existed', 'STREAM_EXPIRED');
      streams.delete(body.baton);
      clearTimeout(stream.idle);
    } else stream = { stored: new Map() };
    while (owner && owner !== stream) await new Promise<void>((wake) => waiting.push(wake));

    // From here to the end the pipeline runs synchronously: nothing else can interleave.
    const results = body.requests.map((r) => {
      try {
        return { type: 'ok', response: handle(stream, r) };
      } catch (e) {
        return { type: 'error', error: errorOf(e) };
      }
    });
    if (body.requests.some((r) => r.type === 'close')) {
      if (db.inTransaction) db.exec('ROLLBACK');
      forget(stream);
      return { baton: null, base_url: null, results };
    }
    const baton = randomUUID();
    streams.set(baton, stream);
    if (db.inTransaction) owner = stream;
    else release(stream);
    stream.idle = setTimeout(() => {
      streams.delete(baton);
      forget(stream);
    }, STREAM_IDLE_MS);
    return { baton, base_url: null, results };
  }

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((ok, fail) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (d: string) => (raw += d));
      req.on('end', () => ok(raw));
      req.on('error', fail);
    });

  const state: HranaServer = { url: '', requests: 0, close: async () => {} };
  const server: Server = createServer(async (req, res) => {
    if (req.method === 'GET' && /^\/v[23]\/?$/.test(req.url ?? '')) return void res.writeHead(200).end();
    if (req.method !== 'POST' || !/^\/v[23]\/pipeline$/.test(req.url ?? '')) return void res.writeHead(404).end();
    state.requests++;
    const raw = await readBody(req);
    try {
      const reply = await pipeline(JSON.parse(raw));
      if (process.env.HRANA_DEBUG) console.log(raw, JSON.stringify(reply));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    } catch (e) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify(errorOf(e)));
    }
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  state.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  state.close = async () => {
    for (const s of streams.values()) forget(s);
    streams.clear();
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
    db.close();
  };
  return state;
}
