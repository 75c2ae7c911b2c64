// The database thread of db-offload.ts: its own connection to the same libSQL file, set up as the
// main one is (database.ts), running the large batches it is handed — each one transaction, as the
// client runs a batch — and answering with plain, cloneable results or the error. Nothing else.
import { parentPort, workerData } from 'node:worker_threads';
import { createClient, LibsqlBatchError, LibsqlError, type InStatement, type TransactionMode } from '@libsql/client';
import { connectionPragmas } from './db-pragmas.ts';

/** A batch's results as the main thread rebuilds them (db-offload.ts). */
export interface PlainResult {
  columns: string[];
  columnTypes: string[];
  rows: unknown[][];
  rowsAffected: number;
  lastInsertRowid: bigint | undefined;
}
export interface ThreadError {
  message: string;
  code?: string;
  extendedCode?: string;
  rawCode?: number;
  statementIndex?: number;
}
export type ThreadAnswer = { id: number; results: PlainResult[] } | { id: number; error: ThreadError };

const client = createClient({ url: (workerData as { url: string }).url });
const ready = (async () => {
  for (const pragma of connectionPragmas) await client.execute(pragma);
})();

/** The error's own words, without the code the LibsqlError constructor put before them. */
function threadError(e: unknown): ThreadError {
  if (!(e instanceof LibsqlError)) return { message: e instanceof Error ? e.message : String(e) };
  const message = e.code && e.message.startsWith(`${e.code}: `) ? e.message.slice(e.code.length + 2) : e.message;
  return {
    message,
    code: e.code,
    extendedCode: e.extendedCode,
    rawCode: e.rawCode,
    statementIndex: e instanceof LibsqlBatchError ? e.statementIndex : undefined,
  };
}

parentPort!.on('message', async (m: { id: number; statements: InStatement[]; mode: TransactionMode }) => {
  let answer: ThreadAnswer;
  try {
    await ready;
    const results = await client.batch(m.statements, m.mode);
    answer = {
      id: m.id,
      results: results.map((r) => ({
        columns: r.columns,
        columnTypes: r.columnTypes,
        rows: r.rows.map((row) => Array.from(row)),
        rowsAffected: r.rowsAffected,
        lastInsertRowid: r.lastInsertRowid,
      })),
    };
  } catch (e) {
    answer = { id: m.id, error: threadError(e) };
  }
  parentPort!.postMessage(answer);
});
