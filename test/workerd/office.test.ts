// The office's API (docs/office.md) in the real workerd runtime, against libSQL over HTTP as in
// production: an invitation written as `npm run staff:invite` writes it, the first passkey
// enrolled from it (one write batch: no interactive transaction over HTTP), a passkey login, a
// consumer's card, and the print house's list.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Client } from '@libsql/client';
import { startHranaServer, type HranaServer } from '../support/hrana/server.ts';
import { startWranglerDev, type WranglerDev } from './wrangler.ts';
import { openDatabase, migrateDatabase } from '../../worker/node/database.ts';
import { softAuthenticator } from '../support/soft-authenticator.ts';
import { parseConsumersCsv, upsertConsumers } from '../../worker/src/consumers/import.ts';
import { parseBillsCsv, upsertBills } from '../../worker/src/bills/import.ts';
import { randomId } from '../../worker/src/auth/crypto.ts';
import { loadConfig } from '../../worker/src/config.ts';
import { invitationStatements } from '../../worker/src/staff/invitations.ts';
import type { Deps } from '../../worker/src/ports.ts';
import { OFFICE_CSP } from '../../worker/node/csp.ts';
import { testUtility } from '../support/utility.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PIN_KEY = 'workerd-office-pin-key-0123456789abcdef';
let hrana: HranaServer;
let wrangler: WranglerDev | undefined;
let client: Client;
let deps: Deps;
let base = '';
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jp-workerd-office-'));
  hrana = await startHranaServer(join(dir, 'edge.db'));
  const opened = await openDatabase(hrana.url);
  await migrateDatabase(opened.db);
  client = opened.client;
  const consumers = parseConsumersCsv(readFileSync(join(ROOT, 'demo/consumers.csv'), 'utf8'), {
    codePattern: '^[0-9]{4,10}$',
    pinPattern: '^[0-9]{4,8}$',
  });
  await upsertConsumers(opened.db, PIN_KEY, consumers.rows, Date.now());
  const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
  const bills = parseBillsCsv(readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8'), '^[0-9]{4,10}$');
  await upsertBills(opened.db, bills.rows, Date.now(), () => randomId(random));

  wrangler = await startWranglerDev(join(dir, 'state'), (url) => ({
    APP_ENV: 'development',
    LIBSQL_URL: hrana.url,
    PORTAL_URL: `${url}/`,
    API_URL: url,
    ALLOWED_ORIGINS: url,
    RP_ID: new URL(url).hostname,
    MAIL_TRANSPORT: 'dev',
    PIN_KEY,
  }));
  base = wrangler.base;
  const config = loadConfig({ APP_ENV: 'development', PORTAL_URL: `${base}/`, API_URL: base }, testUtility);
  deps = { config, db: opened.db, randomBytes: random, now: Date.now } as unknown as Deps;
});

afterAll(async () => {
  await wrangler?.stop();
  client?.close();
  await hrana?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown, cookie?: string, accept?: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      origin: base,
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      ...(cookie ? { cookie } : {}),
      ...(accept ? { accept } : {}),
    },
    body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
  });
  const text = await res.text();
  const staff = res.headers.getSetCookie().find((l) => /^(__Host-)?jp_staff=/.test(l));
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* CSV */
  }
  return { status: res.status, body: parsed as any, text, cookie: staff?.split(';')[0] };
}

it('invitation → passkey → session → card → print list, and a passkey login', async () => {
  const inv = await invitationStatements(deps, {
    email: 'ana@komunalac.rs',
    name: 'Ana Admin',
    role: 'administrator',
    invitedBy: null,
  });
  await client.batch(inv.statements, 'write');
  expect(inv.link).toBe(`${base}/kancelarija/#poziv=${inv.token}`);

  const auth = softAuthenticator();
  const opts = await call('POST', '/api/staff/invitation/options', { token: inv.token });
  expect(opts.status).toBe(200);
  const response = await auth.createCredential(opts.body.options, base);
  const enrolled = await call('POST', '/api/staff/invitation', { token: inv.token, response });
  expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
  const cookie = enrolled.cookie!;

  const card = await call('GET', '/api/staff/consumers/104521', undefined, cookie);
  expect(card.status).toBe(200);
  expect(card.body.consumer.bills).toHaveLength(3);

  const list = await call('GET', '/api/staff/print-list?period=2026-11', undefined, cookie, 'application/json');
  expect(list.status).toBe(200);
  expect(list.body.rows).toHaveLength(10);
  expect(list.body.rows.every((r: { reason: string }) => r.reason === 'no_account')).toBe(true);

  const loginOpts = await call('POST', '/api/staff/login/options');
  const login = await call('POST', '/api/staff/login', {
    response: await auth.getAssertion(loginOpts.body.options, base),
  });
  expect(login.status).toBe(200);

  const log = await call('GET', '/api/staff/audit', undefined, login.cookie);
  expect(log.body.entries.map((e: { action: string }) => e.action)).toEqual([
    'staff.login',
    'print_list.exported',
    'consumer.viewed',
    'staff.invitation_accepted',
  ]);
});

it("serves the console's page at /kancelarija/ from the assets, under the office's CSP", async () => {
  const page = await fetch(`${base}/kancelarija/`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toBe(OFFICE_CSP);
  expect(page.headers.get('cache-control')).toBe('no-cache');
  expect(await page.text()).toContain('<jp-office>');
  const bundle = await fetch(`${base}/kancelarija/office.js`);
  expect(bundle.status).toBe(200);
  expect(await bundle.text()).toContain('jp-office');
});
