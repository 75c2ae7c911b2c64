// Work promised before the answer: written before the 202, done right after it or, when that run
// never happened or failed, by the periodic job — once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, registration, type Harness } from '../harness.ts';
import { runJobs } from '../../../worker/src/jobs.ts';
import { runDuePendingWork } from '../../../worker/src/work/pending.ts';
import { WORK_HANDLERS } from '../../../worker/src/work/handlers.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const count = async (table: string) =>
  Number((await h.deps.db.$client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

describe('pending work', () => {
  it('a registration answered 202 is not lost when the process dies before its work ran', async () => {
    const defer = h.deps.defer;
    h.deps.defer = () => {}; // the process dies right after the answer: nothing deferred runs
    expect((await h.call('POST', '/api/register', registration())).status).toBe(202);
    h.deps.defer = defer;
    expect(await count('pending_work')).toBe(1);
    expect(await count('accounts')).toBe(0);
    // The row's PIN and password are never stored in clear.
    const [row] = (await h.deps.db.$client.execute('SELECT payload FROM pending_work')).rows;
    expect(String(row.payload)).not.toContain('4821');
    expect(String(row.payload)).not.toContain('ljubičasti');
    await runJobs(h.deps);
    await h.settle();
    expect(await count('accounts')).toBe(1);
    expect(await count('pending_work')).toBe(0);
    expect((await h.outbox()).map((m) => m.kind)).toEqual(['confirm']);
  });

  it('a run that failed is retried after its lease, and two runners at once do it once', async () => {
    const execute = h.deps.db.$client.execute.bind(h.deps.db.$client);
    let failOnce = true;
    (h.deps.db.$client as unknown as { execute: (stmt: string | { sql: string }) => unknown }).execute = (
      stmt: string | { sql: string },
    ) => {
      const text = typeof stmt === 'string' ? stmt : stmt.sql;
      if (failOnce && /FROM accounts WHERE email/.test(text)) {
        failOnce = false;
        throw new Error('SQLITE_BUSY: database is locked');
      }
      return execute(stmt as Parameters<typeof execute>[0]);
    };
    expect((await h.call('POST', '/api/password/forgot', { email: 'niko@example.com' })).status).toBe(202);
    expect((await h.call('POST', '/api/register', registration())).status).toBe(202);
    expect(await count('accounts')).toBe(0);
    expect(await count('pending_work')).toBe(1);
    h.clock.advance(61_000);
    await Promise.all([runDuePendingWork(h.deps, WORK_HANDLERS), runDuePendingWork(h.deps, WORK_HANDLERS)]);
    await h.settle();
    expect(await count('accounts')).toBe(1);
    expect(await count('pending_work')).toBe(0);
    expect((await h.outbox()).filter((m) => m.kind === 'confirm')).toHaveLength(1);
  });

  it('a forgot request answered 202 sends its link even if the process died before', async () => {
    await h.call('POST', '/api/register', registration());
    await h.call('POST', '/api/confirm', { token: await h.linkFrom('confirm') });
    const defer = h.deps.defer;
    h.deps.defer = () => {};
    expect((await h.call('POST', '/api/password/forgot', { email: 'milica@example.com' })).status).toBe(202);
    h.deps.defer = defer;
    await runJobs(h.deps);
    await h.settle();
    expect((await h.outbox()).filter((m) => m.kind === 'reset')).toHaveLength(1);
  });
});
