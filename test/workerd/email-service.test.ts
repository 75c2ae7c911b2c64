// MAIL_TRANSPORT=cloudflare in the real workerd runtime: the Worker sends through the
// `send_email` binding of wrangler.toml (wrangler dev's local simulation of Email Service, which
// takes the structured message and logs it): a registration's confirmation mail goes out through
// it, with its text part holding the link, and the outbox records it as sent.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHranaServer, type HranaServer } from '../support/hrana/server.ts';
import { startWranglerDev, type WranglerDev } from './wrangler.ts';
import { seedEdgeDatabase } from './edge-db.ts';
import { openDatabase } from '../../worker/node/database.ts';

const PIN_KEY = 'workerd-test-pin-key-0123456789abcdef';
let hrana: HranaServer | undefined;
let wrangler: WranglerDev | undefined;
let dir = '';
let dbUrl = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jp-workerd-mail-'));
  hrana = await startHranaServer(join(dir, 'edge.db'));
  dbUrl = hrana.url;
  await seedEdgeDatabase(dbUrl, PIN_KEY);
  wrangler = await startWranglerDev(join(dir, 'state'), (url) => ({
    APP_ENV: 'development',
    LIBSQL_URL: dbUrl,
    PORTAL_URL: `${url}/`,
    API_URL: url,
    ALLOWED_ORIGINS: url,
    RP_ID: new URL(url).hostname,
    MAIL_TRANSPORT: 'cloudflare',
    PIN_KEY,
  }));
});

afterAll(async () => {
  await wrangler?.stop();
  await hrana?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('sends the confirmation mail through the send_email binding', async () => {
  const base = wrangler!.base;
  const res = await fetch(`${base}/api/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({
      name: 'Milica Jovanović',
      email: 'milica@example.com',
      password: 'ljubičasti kišobran 7',
      consumerCode: '104521',
      pin: '4821',
      acceptTerms: true,
    }),
  });
  expect(res.status).toBe(202);
  const { client } = await openDatabase(dbUrl);
  try {
    // Sent after the answer (waitUntil): the outbox row turns 'sent' once the binding took it.
    const deadline = Date.now() + 30_000;
    let status: unknown;
    while (Date.now() < deadline) {
      status = (await client.execute("SELECT status FROM outbox WHERE kind = 'confirm'")).rows[0]?.status;
      if (status === 'sent') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe('sent');
  } finally {
    client.close();
  }
  const log = wrangler!.log();
  expect(log).toMatch(/send_email binding called/);
  expect(log).toMatch(/To: .*milica@example\.com/);
  // The simulation writes the text part to a file and names it in the log.
  const textFile = log.match(/Text: (\S+)/)?.[1] ?? log.match(/(\S+\.txt)/)?.[1];
  expect(textFile, log.slice(-2000)).toBeDefined();
  expect(readFileSync(String(textFile), 'utf8')).toMatch(/#potvrda=[A-Za-z0-9_-]{43}/);
});
