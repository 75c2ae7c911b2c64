// The Worker in the real workerd runtime (wrangler dev, local), against libSQL reached over
// HTTP as in production: the Hrana test server here, or a real Turso/sqld URL in LIBSQL_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { startHranaServer, type HranaServer } from '../support/hrana/server.ts';
import { startWranglerDev, type WranglerDev } from './wrangler.ts';
import { seedEdgeDatabase } from './edge-db.ts';
import { sri, type WidgetManifest } from '../../widget/scripts/dist-layout.ts';
import { openDatabase } from '../../worker/node/database.ts';
import { softAuthenticator } from '../support/soft-authenticator.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PIN_KEY = 'workerd-test-pin-key-0123456789abcdef';
const ADMIN_TOKEN = 'workerd-test-admin-token-0123456789abcdef';
let hrana: HranaServer | undefined;
let wrangler: WranglerDev | undefined;
let base = '';
let dbUrl = '';
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jp-workerd-'));
  if (process.env.LIBSQL_URL) dbUrl = process.env.LIBSQL_URL;
  else {
    hrana = await startHranaServer(join(dir, 'edge.db'));
    dbUrl = hrana.url;
  }
  // Migrations and consumers go to the remote database from Node, as `npm run db:migrate` does.
  await seedEdgeDatabase(dbUrl, PIN_KEY, process.env.LIBSQL_AUTH_TOKEN);

  wrangler = await startWranglerDev(join(dir, 'state'), (url) => ({
    APP_ENV: 'development',
    ADMIN_TOKEN,
    LIBSQL_URL: dbUrl,
    PORTAL_URL: `${url}/`,
    API_URL: url,
    ALLOWED_ORIGINS: url,
    // wrangler.toml's production RP ID (stambenoruma.rs) is no parent of 127.0.0.1.
    RP_ID: new URL(url).hostname,
    MAIL_TRANSPORT: 'dev',
    PIN_KEY,
    ...(process.env.LIBSQL_AUTH_TOKEN ? { LIBSQL_AUTH_TOKEN: process.env.LIBSQL_AUTH_TOKEN } : {}),
  }));
  base = wrangler.base;
});

afterAll(async () => {
  await wrangler?.stop();
  await hrana?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function api(method: string, path: string, body?: unknown, cookie?: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body !== undefined || method === 'POST' ? { 'content-type': 'application/json' } : {}),
      ...(cookie ? { cookie } : {}),
    },
    body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
  });
  const text = await res.text();
  // A login also sets the device cookie (jp_device): take the session's own line.
  const session = res.headers.getSetCookie().find((l) => /^(__Host-)?jp_session=/.test(l));
  return {
    status: res.status,
    body: text ? JSON.parse(text) : null,
    cookie: session?.split(';')[0],
    headers: res.headers,
  };
}

/**
 * Mail links carry the token in the fragment (#potvrda=, #reset=), the mail's locale after it
 * (`&jezik=`); registration mails arrive just after the 202.
 */
async function link(kind: 'confirm' | 'reset', to: string) {
  const name = { confirm: 'potvrda', reset: 'reset' }[kind];
  const pattern = new RegExp(`^http\\S*#${name}=([A-Za-z0-9_-]+)(?:&jezik=[\\w-]+)?$`, 'm');
  for (let i = 0; i < 50; i++) {
    const { body } = await api('GET', '/api/dev/outbox');
    const token = body.mails
      .map((m: { to: string; text: string }) => (m.to === to ? m.text.match(pattern)?.[1] : undefined))
      .find(Boolean);
    if (token) return token as string;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${kind} mail for ${to}`);
}

/** The request's own libSQL round trips, as the Worker counts them (dev mode only). */
const trips = (r: { headers: Headers }) => Number(r.headers.get('x-db-round-trips'));

describe('the Worker in workerd against libSQL over HTTP', () => {
  it('serves the OpenAPI document and its reference page from the Worker', async () => {
    const doc = await api('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.components.schemas.login.required).toEqual(['email', 'password']);
    const page = await fetch(`${base}/api/reference`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<code>POST /api/login</code>');
  });

  it('runs the whole flow, with hashes that move between Node and workerd', async () => {
    const email = 'milica@example.com';
    const password = 'sunce nad sremom 42';
    const r = await api('POST', '/api/register', {
      name: 'Milica Jovanović',
      email,
      password,
      consumerCode: '104521',
      pin: '4821',
      acceptTerms: true,
    });
    expect(r.status).toBe(202);
    expect((await api('POST', '/api/confirm', { token: await link('confirm', email) })).body).toEqual({
      status: 'confirmed',
    });

    const login = await api('POST', '/api/login', { email, password, remember: true });
    expect(login.status).toBe(200);
    const me = await api('GET', '/api/me', undefined, login.cookie);
    expect(me.body.account).toMatchObject({ email, consumers: [{ code: '104521' }] });
    expect((await api('POST', '/api/logout', {}, login.cookie)).status).toBe(204);
    expect((await api('GET', '/api/me', undefined, login.cookie)).body).toEqual({ account: null });

    expect((await api('POST', '/api/password/forgot', { email })).status).toBe(202);
    const newPassword = 'nova lozinka za rumu 7';
    expect(
      (await api('POST', '/api/password/reset', { token: await link('reset', email), password: newPassword })).status,
    ).toBe(200);
    expect((await api('POST', '/api/login', { email, password })).status).toBe(401);
    expect((await api('POST', '/api/login', { email, password: newPassword })).status).toBe(200);

    // A hash made in workerd (WebAssembly) verifies on Node, and one made on Node logs in on workerd.
    const { client } = await openDatabase(dbUrl, process.env.LIBSQL_AUTH_TOKEN);
    const [row] = (await client.execute({ sql: 'SELECT password_hash FROM accounts WHERE email = ?', args: [email] }))
      .rows;
    expect(await verify(String(row.password_hash), newPassword)).toBe(true);
    const fromNode = await hash('lozinka sa noda 2026', {
      algorithm: 2,
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    });
    await client.execute({ sql: 'UPDATE accounts SET password_hash = ? WHERE email = ?', args: [fromNode, email] });
    client.close();
    expect((await api('POST', '/api/login', { email, password: 'lozinka sa noda 2026' })).status).toBe(200);

    console.log(
      `workerd, libSQL over HTTP — round trips: register ${trips(r)}, login ${trips(login)}, /api/me ${trips(me)}`,
    );
    expect(trips(r)).toBeLessThanOrEqual(3);
    expect(trips(login)).toBeLessThanOrEqual(2);
    expect(trips(me)).toBeLessThanOrEqual(1);
    expect(trips(me)).toBeGreaterThan(0);
  });

  it('logs in with a one-time code from the mail, once, in at most 2 round trips', async () => {
    const email = 'milica@example.com';
    expect((await api('POST', '/api/login/code/send', { email })).body).toEqual({ status: 'accepted' });
    let code: string | undefined;
    for (let i = 0; i < 50 && !code; i++) {
      const { body } = await api('GET', '/api/dev/outbox');
      const mail = body.mails.find((m: { kind: string; to: string }) => m.kind === 'login-code' && m.to === email);
      code = mail?.subject.match(/^Kod za prijavu: (\d{6})$/)?.[1];
      if (!code) await new Promise((r) => setTimeout(r, 100));
    }
    if (!code) throw new Error('no login code mail');
    const wrong = code.slice(0, 5) + String((Number(code[5]) + 1) % 10);
    expect((await api('POST', '/api/login/code', { email, code: wrong })).body).toEqual({
      error: { code: 'invalid_code' },
    });
    const login = await api('POST', '/api/login/code', { email, code });
    expect(login.status).toBe(200);
    expect((await api('GET', '/api/me', undefined, login.cookie)).body.account).toMatchObject({ email });
    expect((await api('POST', '/api/login/code', { email, code })).status).toBe(401);
    console.log(`workerd, libSQL over HTTP — round trips: login with a code ${trips(login)}`);
    expect(trips(login)).toBeLessThanOrEqual(2);
  });

  it('adds a passkey and logs in with it (the library in workerd), once, in at most 2 round trips', async () => {
    const email = 'milica@example.com';
    // A fresh session (younger than 5 minutes) adds a passkey without the password again.
    const session = (await api('POST', '/api/login', { email, password: 'lozinka sa noda 2026' })).cookie!;
    const phone = softAuthenticator();
    const creation = await api('POST', '/api/account/passkeys/options', {}, session);
    expect(creation.status).toBe(200);
    expect(creation.body.options.rp.id).toBe('127.0.0.1');
    const added = await api(
      'POST',
      '/api/account/passkeys',
      { response: await phone.createCredential(creation.body.options, base) },
      session,
    );
    expect(added.status).toBe(201);
    const listed = await api('GET', '/api/account/passkeys', undefined, session);
    expect(listed.body.passkeys).toHaveLength(1);

    const request = await api('POST', '/api/passkey/login/options', {});
    expect(request.status).toBe(200);
    const assertion = await phone.getAssertion(request.body.options, base);
    const login = await api('POST', '/api/passkey/login', { response: assertion });
    expect(login.status).toBe(200);
    expect((await api('GET', '/api/me', undefined, login.cookie)).body.account).toMatchObject({ email });
    // The same assertion again: its challenge is spent.
    expect((await api('POST', '/api/passkey/login', { response: assertion })).body).toEqual({
      error: { code: 'passkey_failed' },
    });
    // Signed for another origin: refused.
    const again = await api('POST', '/api/passkey/login/options', {});
    const phished = await phone.getAssertion(again.body.options, 'https://stambeno-ruma.example');
    expect((await api('POST', '/api/passkey/login', { response: phished })).status).toBe(401);
    console.log(`workerd, libSQL over HTTP — round trips: login with a passkey ${trips(login)}`);
    expect(trips(login)).toBeLessThanOrEqual(2);
  });

  it('runs the cron job: outbox retries and cleanup', async () => {
    // A mail left pending (as after a failed delivery) is handed to the queue by the next scheduled
    // run, and its consumer sends it (within its batch timeout).
    const { client } = await openDatabase(dbUrl, process.env.LIBSQL_AUTH_TOKEN);
    await client.execute({
      sql: `INSERT INTO outbox (id, kind, to_address, subject, text_body, html_body, status, attempts, next_attempt_at, lease_until, created_at)
            VALUES ('cron-test-mail', 'test', 'cron@example.com', 's', 't', 'h', 'pending', 1, 0, 0, ?)`,
      args: [Date.now()],
    });
    const res = await fetch(`${base}/__scheduled?cron=*/5+*+*+*+*`);
    expect(res.status).toBe(200);
    let status = '';
    for (let i = 0; i < 100 && status !== 'sent'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = String((await client.execute("SELECT status FROM outbox WHERE id = 'cron-test-mail'")).rows[0].status);
    }
    client.close();
    expect(status).toBe('sent');
  });

  it('serves the widget bundle and the demo from static assets', async () => {
    const widget = await fetch(`${base}/widget/jp-portal.js`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toMatch(/javascript/);
    expect(widget.headers.get('cache-control')).toBe('public, max-age=300');
    // The alias re-exports the versioned entry: immutable, CORS-open, and the bytes of its published integrity.
    const manifest = (await (await fetch(`${base}/widget/integrity.json`)).json()) as WidgetManifest;
    expect(await widget.text()).toContain(`./${manifest.entry}`);
    const versioned = await fetch(`${base}/widget/${manifest.entry}`);
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(versioned.headers.get('access-control-allow-origin')).toBe('*');
    expect(sri(new Uint8Array(await versioned.arrayBuffer()))).toBe(manifest.integrity);
    expect((await fetch(`${base}/widget/9.9.9/jp-portal.js`)).status).toBe(404);
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('generates a bill PDF with fonts from the assets', async () => {
    // No bills in this database yet: a bill for the demo consumer, straight into libSQL.
    const { client } = await openDatabase(dbUrl, process.env.LIBSQL_AUTH_TOKEN);
    const now = Date.now();
    await client.execute({
      sql: `INSERT INTO bills (id, consumer_code, period, issue_date, due_date, amount, balance, payee_account, reference, items, created_at, updated_at)
            VALUES ('00000000000000000000000000000001', '104521', '2026-11', '2026-12-05', '2026-12-20', 186000, 186000, '160000000123456729', '26104521202611', '[]', ?, ?)`,
      args: [now, now],
    });
    client.close();
    const login = await api('POST', '/api/login', { email: 'milica@example.com', password: 'lozinka sa noda 2026' });
    const pdf = await fetch(`${base}/api/bills/00000000000000000000000000000001/pdf?locale=sr-Cyrl`, {
      headers: { cookie: login.cookie! },
    });
    expect(pdf.status).toBe(200);
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  });
});

describe('the account area in workerd', () => {
  it('imports the demo bills, shows them, links a second code, exports and deletes', async () => {
    const push = await fetch(`${base}/api/admin/bills`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8'),
    });
    expect(push.status).toBe(200);
    expect((await push.json()).errors).toEqual([]);
    const password = 'lozinka sa noda 2026';
    const login = await api('POST', '/api/login', { email: 'milica@example.com', password });
    const list = await api('GET', '/api/bills', undefined, login.cookie);
    expect(list.body.total).toBe(3);
    const bill = await api('GET', `/api/bills/${list.body.bills[0].id}`, undefined, login.cookie);
    expect(bill.body.bill.ipsQr).toMatch(/^K:PR\|V:01\|C:1\|R:160000000123456729\|/);
    expect(
      (await api('POST', '/api/account/consumers/link', { consumerCode: '104522', pin: '7390' }, login.cookie)).status,
    ).toBe(201);
    expect((await api('GET', '/api/bills?consumer=104522', undefined, login.cookie)).body.total).toBe(3);
    expect(
      (await api('POST', '/api/account/settings', { emailBills: false }, login.cookie)).body.account.emailBills,
    ).toBe(false);
    expect(
      (await api('POST', '/api/account/settings', { emailBills: true }, login.cookie)).body.account.emailBills,
    ).toBe(true);
    const mine = await api('GET', '/api/account/export', undefined, login.cookie);
    expect(mine.body.bills).toHaveLength(6);
    expect((await api('POST', '/api/account/delete', { password }, login.cookie)).status).toBe(204);
    expect((await api('POST', '/api/login', { email: 'milica@example.com', password })).status).toBe(401);
  });
});
