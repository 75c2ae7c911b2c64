// The monthly bill run in workerd (wrangler dev, local Cloudflare Queues from wrangler.toml):
// a few hundred bills pushed through the admin endpoint, their mails handed to the queue and
// sent by its consumer to the MailChannels stand-in — each exactly once, although the first
// consumer invocation throws (its database requests refused), the stand-in refuses some first
// sends (retried from the queue with the outbox's delay), and the same mails are handed over again.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { stripVTControlCharacters } from 'node:util';
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
let handedByCron: DueCounter;
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
  handedByCron = await countDueMail(hrana.url);
  // The database as the Worker sees it: while `failClaims` is on, a request that claims a mail is refused.
  dbProxy = await startFaultProxy(
    handedByCron.url,
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
  await handedByCron?.close();
  await mail?.close();
  db?.close();
  await hrana?.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (sql: string) => Number((await db.execute(sql)).rows[0][0]);

interface DueCounter {
  url: string;
  /** The mails the cron's safety net found due, and so handed to the queue again. */
  handed: number;
  close(): Promise<void>;
}
/**
 * A pass-through in front of the Hrana server that reads the answers to the safety net's query
 * for due mail (mail/outbox.ts dueMailIds): every id it returns is handed to the queue once more.
 */
async function countDueMail(target: string): Promise<DueCounter> {
  const to = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d) => chunks.push(d));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const text = body.toString('utf8');
      const out = request(
        { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (d) => parts.push(d));
          answer.on('end', () => {
            const reply = Buffer.concat(parts);
            if (text.includes('select \\"id\\" from \\"outbox\\"'))
              counter.handed += dueRows(text, reply.toString('utf8'));
            const headers = { ...answer.headers };
            delete headers['transfer-encoding'];
            res.writeHead(answer.statusCode ?? 502, { ...headers, 'content-length': reply.length }).end(reply);
          });
        },
      );
      out.on('error', () => res.writeHead(502).end());
      out.end(body);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const counter: DueCounter = {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    handed: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
  return counter;
}
/** The rows the due-mail query of one Hrana pipeline request returned. */
function dueRows(request: string, reply: string): number {
  type Step = { type: string; stmt?: { sql?: string } };
  type Result = { response?: { result?: { rows?: unknown[] } } };
  const steps: Step[] = JSON.parse(request).requests ?? [];
  const results: Result[] = JSON.parse(reply).results ?? [];
  let rows = 0;
  steps.forEach((step, i) => {
    if (/^select "id" from "outbox" .*"lease_until" <=/.test(step.stmt?.sql ?? ''))
      rows += results[i]?.response?.result?.rows?.length ?? 0;
  });
  return rows;
}

/**
 * The messages the local queue has consumed for good, from wrangler dev's log of it: each batch's
 * `QUEUE jp-portal-mail acked/total` line, and each message moved to the dead-letter queue (a
 * retried message counts once, when it is finally acked).
 */
function consumed(): number {
  const log = stripVTControlCharacters(worker.log());
  let n = 0;
  for (const m of log.matchAll(/QUEUE jp-portal-mail (\d+)\/\d+/g)) n += Number(m[1]);
  return n + (log.match(/to dead letter queue "jp-portal-mail-dlq"/g) ?? []).length;
}

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
  // Retried messages and the re-handed ones still in the queue get their turn, and must send
  // nothing more: wait until the queue has consumed every message handed to it (the import's, the
  // safety net's), retries and the thrown batch's return after its retry_delay included.
  const handed = () => (report.mailed ?? 0) + handedByCron.handed;
  await until('the queue to consume every message handed to it', async () => consumed() >= handed());
  expect(consumed()).toBe(handed());

  const delivered = mail.accepted.map((m) => m.to);
  const ids = mail.accepted.map((m) => m.id);
  console.log(
    `workerd bill run: ${N} bills, ${report.mailed} mails queued, ${mail.accepted.length} accepted by the stand-in ` +
      `(${mailProxy.refused} first sends refused, ${dbProxy.refused} database requests refused), ${new Set(ids).size} distinct; ` +
      `the queue consumed ${consumed()} messages of ${handed()} handed (${handedByCron.handed} by the safety net)`,
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
