// The monthly bill run at town scale (`npm run bench`, or alone: `npx tsx test/bench/bill-run.ts
// --consumers=2000 --ebills=800` for a quick one). The Node server as `npm start` runs it (own
// process, libSQL file), a MailChannels stand-in on loopback that answers each mail after 50 ms,
// N consumers and S confirmed accounts taking e-mail bills; one import of N bills through
// POST /api/admin/bills. Measured: the import's answer, the time to the last mail accepted, mails/s,
// the server's CPU, the database's growth beyond the bills, and GET /api/me and login latencies
// from residents using the portal meanwhile. Nothing here is pass/fail.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createClient, type Client } from '@libsql/client';
import { hash } from '@node-rs/argon2';
import { ARGON2_PARAMS } from '../../worker/node/argon2.ts';
import { startServer } from '../e2e/server.ts';
import { adminPush, seedTownAccounts, townBillsCsv, townCode, townConsumersCsv } from './town.ts';

const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef0123';
const API_KEY = 'bench-mailchannels-key';
const MAIL_LATENCY_MS = 50;

export interface BillRunOptions {
  consumers: number;
  ebills: number;
  /** Extra server environment (MAIL_CONCURRENCY, …). */
  env?: Record<string, string>;
}

export interface BillRunResult {
  consumers: number;
  ebills: number;
  mailed: number;
  importMs: number;
  lastMailMs: number;
  mailsPerSecond: number;
  /** The server process's CPU over the run, as a share of all cores, and per mail (the residents' requests included). */
  cpuShare: number;
  cpuMsPerMail: number;
  /** Bytes of the outbox and bill_mails tables and their indexes added by the run, and of the bills themselves. */
  mailBytes: number;
  billBytes: number;
  me: { n: number; p50: number; p99: number; errors: number };
  login: { n: number; p50: number; p99: number; errors: number };
  duplicates: number;
}

/** The MailChannels stand-in of the bench: each mail accepted after MAIL_LATENCY_MS, its X-Outbox-Id recorded. */
async function slowMailChannels() {
  const accepted = new Map<string, number>();
  let repeats = 0;
  let last = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const id = raw.match(/"X-Outbox-Id":"([^"]+)"/)?.[1];
      setTimeout(() => {
        if (req.headers['x-api-key'] !== API_KEY || !id) return void res.writeHead(400).end();
        if (accepted.has(id)) repeats++;
        accepted.set(id, Date.now());
        last = Date.now();
        res.writeHead(202).end();
      }, MAIL_LATENCY_MS);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/tx/v1/send`,
    bills: () => [...accepted.keys()].filter((id) => id.startsWith('bill:')).length,
    repeats: () => repeats,
    last: () => last,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** utime + stime of a process, in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function tableBytes(db: Client, names: string[]): Promise<number> {
  const rows = await db.execute(
    `SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN (${names.map(() => '?').join(', ')})
       OR name IN (SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN (${names.map(() => '?').join(', ')}))`,
    [...names, ...names],
  );
  return Number(rows.rows[0][0]);
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const stats = (xs: number[], errors: number) => ({ n: xs.length, p50: pct(xs, 50), p99: pct(xs, 99), errors });

export async function billRun(o: BillRunOptions): Promise<BillRunResult> {
  const mail = await slowMailChannels();
  const server = await startServer({
    env: {
      MAIL_TRANSPORT: 'mailchannels',
      MAILCHANNELS_URL: mail.url,
      MAILCHANNELS_API_KEY: API_KEY,
      ADMIN_TOKEN,
      SEED_DEMO: 'false',
      TRUST_PROXY: 'true',
      ...o.env,
    },
  });
  const db = createClient({ url: `file:${server.dbFile}` });
  try {
    await db.execute('PRAGMA busy_timeout = 10000');
    await adminPush(server.url, ADMIN_TOKEN, 'consumers', townConsumersCsv(o.consumers));
    await seedTownAccounts(db, o.ebills);
    // A resident who uses the portal during the run (a consumer without e-mail bills).
    const password = 'sunce nad sremom 42';
    const now = Date.now();
    await db.batch(
      [
        {
          sql: `INSERT INTO accounts (id, name, email, password_hash, email_bills, locale, confirmed_at, created_at, updated_at)
                VALUES ('bench-resident', 'Bench', 'bench@ruma.example', ?, 0, 'sr-Latn', ?, ?, ?)`,
          args: [await hash(password, ARGON2_PARAMS), now, now, now],
        },
        {
          sql: "INSERT INTO account_consumers (consumer_code, account_id, linked_at) VALUES (?, 'bench-resident', ?)",
          args: [townCode(o.consumers - 1), now],
        },
      ],
      'write',
    );
    const credentials = { email: 'bench@ruma.example', password };
    const post = (path: string, body: unknown, ip: string) =>
      fetch(server.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify(body),
      });
    const cookie = (await post('/api/login', credentials, '10.9.0.1')).headers.get('set-cookie')!.split(';')[0];
    const billsBefore = await tableBytes(db, ['bills']);
    const mailBefore = await tableBytes(db, ['outbox', 'bill_mails']);

    // Residents meanwhile: 4 clients on GET /api/me, one login every 2 s, until the last mail.
    const me: number[] = [];
    const logins: number[] = [];
    let meErrors = 0;
    let loginErrors = 0;
    let running = true;
    const meClient = async () => {
      while (running) {
        const t = performance.now();
        const r = await fetch(`${server.url}/api/me`, { headers: { cookie } }).catch(() => undefined);
        await r?.arrayBuffer();
        if (r?.status === 200) me.push(performance.now() - t);
        else meErrors++;
        await new Promise((ok) => setTimeout(ok, 20));
      }
    };
    let ipN = 0;
    const loginClient = async () => {
      while (running) {
        const t = performance.now();
        const r = await post('/api/login', credentials, `10.9.1.${ipN++ % 250}`).catch(() => undefined);
        await r?.arrayBuffer();
        if (r?.status === 200) logins.push(performance.now() - t);
        else loginErrors++;
        await new Promise((ok) => setTimeout(ok, 2000));
      }
    };
    const load = Promise.all([meClient(), meClient(), meClient(), meClient(), loginClient()]);

    const cpu0 = cpuMs(server.pid);
    const t0 = Date.now();
    const report = await adminPush(server.url, ADMIN_TOKEN, 'bills', townBillsCsv(o.consumers));
    const importMs = Date.now() - t0;
    const deadline = t0 + 20 * 60_000;
    while (mail.bills() < (report.mailed ?? 0) && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 200));
    const lastMailMs = mail.last() - t0;
    const cpu = cpuMs(server.pid) - cpu0;
    running = false;
    await load;
    await db.execute('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
    const result: BillRunResult = {
      consumers: o.consumers,
      ebills: o.ebills,
      mailed: report.mailed ?? 0,
      importMs,
      lastMailMs: mail.bills() < (report.mailed ?? 0) ? Number.NaN : lastMailMs,
      mailsPerSecond: mail.bills() / (lastMailMs / 1000),
      cpuShare: cpu / (lastMailMs * availableParallelism()),
      cpuMsPerMail: cpu / Math.max(1, report.mailed ?? 0),
      mailBytes: (await tableBytes(db, ['outbox', 'bill_mails'])) - mailBefore,
      billBytes: (await tableBytes(db, ['bills'])) - billsBefore,
      me: stats(me, meErrors),
      login: stats(logins, loginErrors),
      duplicates: mail.repeats(),
    };
    return result;
  } finally {
    db.close();
    await server.stop();
    await mail.close();
  }
}

/** `--consumers=N --ebills=S` (defaults 20,000 / 8,000, or the given ones). */
export function billRunOptions(argv: string[], dflt = { consumers: 20_000, ebills: 8_000 }): BillRunOptions {
  const arg = (name: keyof typeof dflt) => {
    const v = argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
    return v ? Number(v) : dflt[name];
  };
  return { consumers: arg('consumers'), ebills: arg('ebills') };
}

const MB = 1_000_000;
export function describeBillRun(r: BillRunResult) {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return {
    measure: `billing run: ${r.consumers} bills, ${r.ebills} e-bill accounts (${r.mailed} mails)`,
    ours:
      `import answered ${s(r.importMs)}; last mail ${Number.isNaN(r.lastMailMs) ? 'NOT ALL SENT' : s(r.lastMailMs)}; ` +
      `${r.mailsPerSecond.toFixed(0)} mails/s; server CPU ${(r.cpuShare * 100).toFixed(0)}% of ${availableParallelism()} cores, ` +
      `${r.cpuMsPerMail.toFixed(0)} ms per mail (so ${((r.cpuMsPerMail * r.mailed) / availableParallelism() / 1000).toFixed(0)} s on idle cores); ` +
      `DB +${(r.mailBytes / MB).toFixed(1)} MB for mails (bills ${(r.billBytes / MB).toFixed(1)} MB); ` +
      `during the run /api/me p50/p99 ${r.me.p50.toFixed(0)}/${r.me.p99.toFixed(0)} ms (${r.me.n}), ` +
      `login ${r.login.p50.toFixed(0)}/${r.login.p99.toFixed(0)} ms (${r.login.n}); repeats ${r.duplicates}`,
    peer: 'previous design (issue 13, 20,000/8,000): import 17 s; 6–7 mails/s, 6,000 of 8,000 after 15 min; ≈ 48 KiB per mail (≈ 400 MiB)',
    ratio: '—',
    goal: 'import ≤ 5 s; all mails ≤ 5 min; ≤ 10 MB per 8,000 e-bills',
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await billRun(billRunOptions(process.argv));
  console.log(JSON.stringify(result, null, 2));
  console.table([describeBillRun(result)]);
}
