// The monthly bill run in workerd (wrangler dev, local Cloudflare Queues from wrangler.toml):
// a few hundred bills pushed through the admin endpoint, their mails handed to the queue and
// sent by its consumer to the MailChannels stand-in — each exactly once, although the first
// consumer invocation throws (its database requests refused), the stand-in refuses some first
// sends (retried from the queue with the outbox's delay), and the same mails are handed over again.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { startHranaServer, type HranaServer } from '../support/hrana/server.ts';
import { startFakeMailChannels, type FakeMailChannels } from '../support/fake-mailchannels.ts';
import { openDatabase, migrateDatabase } from '../../worker/node/database.ts';
import { startFaultProxy, type FaultProxy } from './fault-proxy.ts';
import { startWranglerDev, type WranglerDev } from './wrangler.ts';
import { adminPush, seedTownAccounts, townBillsCsv, townConsumersCsv, townEmail } from '../bench/town.ts';

const ADMIN_TOKEN = 'workerd-bill-run-admin-token-0123456789';
const API_KEY = 'workerd-bill-run-mailchannels-key';
const N = 300;
const S = 240;
// Consumer 7, 17, … has paid already; account 3, 13, … declined e-mail bills; account 5 switches them off after the import.
const paid = (i: number) => i % 10 === 7;
const declines = (i: number) => i % 10 === 3;
const UNSUBSCRIBED_LATER = 5;

let dir = '';
let hrana: HranaServer;
let db: Client;
let mail: FakeMailChannels;
let dbProxy: FaultProxy;
let mailProxy: FaultProxy;
let worker: WranglerDev;
const firstTries = new Set<string>();
let failClaims = false;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jp-workerd-bills-'));
  hrana = await startHranaServer(join(dir, 'edge.db'));
  const opened = await openDatabase(hrana.url);
  await migrateDatabase(opened.db);
  db = opened.client;
  mail = await startFakeMailChannels(API_KEY);
  // The database as the Worker sees it: while `failClaims` is on, a request that claims a mail is refused.
  dbProxy = await startFaultProxy(
    hrana.url,
    (_, body) => failClaims && body.includes('update \\"outbox\\" set \\"status\\"'),
  );
  // MailChannels as the Worker sees it: the first send of every third mail answers 500.
  mailProxy = await startFaultProxy(mail.url, (_, body) => {
    const id = body.match(/"X-Outbox-Id":"([^"]+)"/)?.[1];
    if (!id || firstTries.has(id)) return false;
    firstTries.add(id);
    return firstTries.size % 3 === 0;
  });
  worker = await startWranglerDev(join(dir, 'state'), (base) => ({
    APP_ENV: 'development',
    ADMIN_TOKEN,
    LIBSQL_URL: dbProxy.url,
    PORTAL_URL: `${base}/`,
    API_URL: base,
    ALLOWED_ORIGINS: base,
    MAIL_TRANSPORT: 'mailchannels',
    MAILCHANNELS_URL: mailProxy.url,
    MAILCHANNELS_API_KEY: API_KEY,
    MAIL_RETRY_BASE_S: '1',
    MAIL_TIMEOUT_MS: '5000',
  }));
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await mailProxy?.close();
  await dbProxy?.close();
  await mail?.close();
  db?.close();
  await hrana?.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (sql: string) => Number((await db.execute(sql)).rows[0][0]);

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${worker.log().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

it('sends every bill mail of an import exactly once through the queue, after a consumer that threw and refused sends', async () => {
  await adminPush(worker.base, ADMIN_TOKEN, 'consumers', townConsumersCsv(N));
  await seedTownAccounts(db, S, declines);
  const expected = new Set<string>();
  for (let i = 0; i < S; i++) if (!paid(i) && !declines(i) && i !== UNSUBSCRIBED_LATER) expected.add(townEmail(i));

  failClaims = true;
  const report = await adminPush(worker.base, ADMIN_TOKEN, 'bills', townBillsCsv(N, paid));
  expect(report).toMatchObject({ imported: N, created: N, errors: [] });
  // Every account that takes e-mail bills and whose bill is unpaid, the one switching off later included.
  expect(report.mailed).toBe(expected.size + 1);
  await db.execute({
    sql: 'UPDATE accounts SET email_bills = 0 WHERE email = ?',
    args: [townEmail(UNSUBSCRIBED_LATER)],
  });
  // The first consumer invocation throws: its claims are refused. The platform retries its batch.
  await until('a consumer invocation to fail', async () => dbProxy.refused > 0, 60_000);
  failClaims = false;

  // The cron's safety net hands the same mails to the queue again (still one mail each), and keeps
  // doing so while any is left (wrangler dev restarts its local queue when files change under it):
  // each time, the test moves the pending mails 10 minutes into the past, as if the cron ran later.
  const safetyNet = async () => {
    await db.execute("UPDATE outbox SET next_attempt_at = next_attempt_at - 600000 WHERE status = 'pending'");
    expect((await fetch(`${worker.base}/__scheduled?cron=*/5+*+*+*+*`)).status).toBe(200);
  };
  await safetyNet();
  let ticks = 0;
  await until('every mail to be sent', async () => {
    if (++ticks % 60 === 0) await safetyNet();
    return (await count("SELECT count(*) FROM outbox WHERE kind = 'bill' AND status IN ('pending', 'sending')")) === 0;
  });
  // Retried messages and the re-handed ones still in the queue get their turn, and must send nothing more.
  await new Promise((r) => setTimeout(r, 5_000));

  const delivered = mail.accepted.map((m) => m.to);
  const ids = mail.accepted.map((m) => m.id);
  console.log(
    `workerd bill run: ${N} bills, ${report.mailed} mails queued, ${mail.accepted.length} accepted by the stand-in ` +
      `(${mailProxy.refused} first sends refused, ${dbProxy.refused} database requests refused), ${new Set(ids).size} distinct`,
  );
  expect(mail.rejectedShapes).toEqual([]);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(delivered)).toEqual(expected);
  expect(delivered).toHaveLength(expected.size);
  expect(mailProxy.refused).toBeGreaterThan(0);
  expect(dbProxy.refused).toBeGreaterThan(0);
  expect(await count("SELECT count(*) FROM outbox WHERE kind = 'bill' AND status = 'cancelled'")).toBe(1);
  expect(
    await count("SELECT count(*) FROM outbox WHERE kind = 'bill' AND (text_body <> '' OR attachments IS NOT NULL)"),
  ).toBe(0);
});
