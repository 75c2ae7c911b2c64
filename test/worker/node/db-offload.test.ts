// Node's large batches on a database thread (worker/node/db-offload.ts): still one transaction —
// all or nothing, an error naming its statement — while the main thread's reads go on and see only
// what is committed, and its writes wait for the batch instead of blocking in SQLite's busy handler.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LibsqlBatchError, type Client, type InStatement } from '@libsql/client';
import { openDatabase } from '../../../worker/node/database.ts';
import { OFFLOAD_FROM_CHARS } from '../../../worker/node/db-offload.ts';

let dir: string;
let client: Client;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jp-offload-'));
  ({ client } = await openDatabase(`file:${join(dir, 'db.sqlite')}`));
  await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
});
afterEach(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Statements inserting `n` rows per statement from one JSON parameter, ids from `from` on. */
function inserts(statements: number, n: number, from = 0): InStatement[] {
  return Array.from({ length: statements }, (_, s) => ({
    sql: "INSERT INTO t (id, v) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?) RETURNING id, v",
    args: [JSON.stringify(Array.from({ length: n }, (_, i) => [from + s * n + i, `row ${from + s * n + i}`]))],
  }));
}
const count = async () => Number((await client.execute('SELECT count(*) AS n FROM t')).rows[0].n);

describe('a large batch on the database thread', () => {
  it('is large by its size, and answers as the client does: rows by index and by name', async () => {
    const batch = inserts(20, 2_000);
    expect(JSON.stringify(batch).length).toBeGreaterThan(OFFLOAD_FROM_CHARS);
    const results = await client.batch(batch, 'write');
    expect(results).toHaveLength(20);
    expect(results[19].rows).toHaveLength(2_000);
    const row = results[19].rows[1_999];
    expect([row.id, row.v, row[0], row[1], row.length]).toEqual([39_999, 'row 39999', 39_999, 'row 39999', 2]);
    expect(Object.keys(row)).toEqual(['id', 'v']);
    expect(await count()).toBe(40_000);
  });

  it('lets reads run meanwhile, seeing only what is committed; a write waits for its end', async () => {
    await client.execute("INSERT INTO t (id, v) VALUES (-1, 'before')");
    const order: string[] = [];
    let running = true;
    const batch = client.batch(inserts(40, 2_500), 'write').finally(() => {
      running = false;
      order.push('batch');
    });
    // Beside the batch, on the main thread: reads go on; a write is queued behind the batch.
    const seen = new Set<number>();
    let reads = 0;
    let write: Promise<unknown> | undefined;
    while (running) {
      seen.add(await count());
      reads++;
      write ??= client.execute("INSERT INTO t (id, v) VALUES (-2, 'after')").then(() => order.push('write'));
      await new Promise((ok) => setTimeout(ok, 1));
    }
    await Promise.all([batch, write]);
    // Before the commit the table as it was, after it the whole batch (its rows come back in turns): never a part.
    expect(reads).toBeGreaterThan(1);
    expect(seen.has(1)).toBe(true);
    expect([...seen].filter((n) => n !== 1 && n !== 100_001)).toEqual([]);
    expect(order).toEqual(['batch', 'write']);
    expect(await count()).toBe(100_002);
  });

  it('is all or nothing: a failing statement rolls the whole batch back and is named', async () => {
    const batch = [...inserts(10, 2_000), ...inserts(1, 10, 5)];
    const error = await client.batch(batch, 'write').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LibsqlBatchError);
    expect(error).toMatchObject({ statementIndex: 10, code: expect.stringMatching(/^SQLITE_CONSTRAINT/) });
    expect(await count()).toBe(0);
    // The client goes on: the next batch is written.
    await client.batch(inserts(10, 2_000), 'write');
    expect(await count()).toBe(20_000);
  });
});
