// A large import is read in turns, so residents' requests are answered while it runs; and a file is
// capped at IMPORT_MAX_ROWS rows by default (consumers and bills, admin endpoint and CLI alike).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeHarness, ROOT, snapshot, type Harness } from '../harness.ts';
import { townBillsCsv, townConsumersCsv } from '../../bench/town.ts';

let h: Harness;
const TOKEN = 'admin-token-for-tests-0123456789abcdef';
beforeEach(async () => {
  h = await makeHarness({ seed: false, env: { ADMIN_TOKEN: TOKEN } });
});
afterEach(async () => {
  await h.close();
});

/**
 * Pushes `csv` and, once the app has read the whole body (so the import is past its upload), asks
 * for /api/health; returns which answered first. A body read at once and parsed without a turn for
 * anyone else answers the import first.
 */
async function importBesideHealth(what: 'consumers' | 'bills', csv: string) {
  const order: string[] = [];
  const bytes = new TextEncoder().encode(csv);
  let health: Promise<void> | undefined;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      for (let i = 0; i < bytes.length; i += 1 << 20) controller.enqueue(bytes.subarray(i, i + (1 << 20)));
      controller.close();
      health = new Promise((resolve) => setTimeout(resolve, 0))
        .then(() => h.app.request('/api/health'))
        .then(async (r) => {
          expect(r.status).toBe(200);
          order.push('health');
        });
    },
  });
  const res = await h.app.request(`/api/admin/${what}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${TOKEN}`, 'x-test-ip': '192.0.2.40' },
    body,
    duplex: 'half',
  } as RequestInit);
  order.push('import');
  await health;
  return { order, status: res.status, body: await res.json() };
}

describe('a large import and residents at the same time', () => {
  it('answers /api/health while a consumers file is read (its bad last line refuses the whole file)', async () => {
    const csv = `${townConsumersCsv(30_000)}\n9999999,1234,"Nezatvoreni navodnik,Adresa`;
    const r = await importBesideHealth('consumers', csv);
    expect(r.status).toBe(422);
    expect(r.body.error.fields.file).toMatch(/line 30002\b/);
    expect(r.order).toEqual(['health', 'import']);
  }, 60_000);

  it('answers /api/health while a bills file is read and checked', async () => {
    const r = await importBesideHealth('bills', townBillsCsv(20_000));
    expect(r.status).toBe(200);
    expect(r.body.errors).toHaveLength(20_000);
    expect(r.body.errors[19_999]).toEqual({ line: 20_001, reason: 'unknown consumer code 5019999' });
    expect(r.order).toEqual(['health', 'import']);
  }, 60_000);
});

describe('the default row cap', () => {
  it('is 50,000 rows a file, for consumers as for bills, and a bigger file changes nothing', async () => {
    expect(h.deps.config.importMaxRows).toBe(50_000);
    const before = await snapshot(h);
    const r = await h.call('POST', '/api/admin/consumers', undefined, {
      raw: townConsumersCsv(50_001),
      ip: '192.0.2.40',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${TOKEN}` },
    });
    expect(r.status).toBe(422);
    expect(r.body.error).toEqual({
      code: 'import_failed',
      fields: { file: expect.stringMatching(/at most 50000\b.*send the file in parts/) },
    });
    expect(await snapshot(h)).toBe(before);
  }, 60_000);

  it('holds for the command line too', async () => {
    const run = promisify(execFile);
    const dir = mkdtempSync(join(tmpdir(), 'jp-cli-'));
    const db = join(dir, 'cli.db');
    const file = join(dir, 'potrosaci.csv');
    writeFileSync(file, townConsumersCsv(3));
    const r = await run(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'worker/node/import-csv.ts'), 'consumers', file],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          APP_ENV: 'development',
          DATABASE_URL: `file:${db}`,
          FILES_DIR: join(tmpdir(), 'jp-files'),
          IMPORT_MAX_ROWS: '2',
        },
      },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (e) => ({ code: e.code as number, stderr: e.stderr as string }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/import failed, nothing changed: .*at most 2\b/);
  }, 60_000);
});
