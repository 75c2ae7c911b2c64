// Test harness: the real app on a real libSQL file, real Argon2 (counted), a clock the test moves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../worker/src/config.ts';
import { testUtility } from '../support/utility.ts';
import type { UtilityConfig } from '../../contract/utility-config.ts';
import { createApp } from '../../worker/src/app.ts';
import type { MailTransport, PasswordHasher } from '../../worker/src/ports.ts';
import { nodeDeps } from '../../worker/node/deps.ts';
import { nodeArgon2 } from '../../worker/node/argon2.ts';
import { migrateDatabase } from '../../worker/node/database.ts';
import { seedDemoConsumers } from '../../worker/node/seed.ts';
import { listOutbox } from '../../worker/src/mail/outbox.ts';
import { startHranaServer } from '../support/hrana/server.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DEMO = { code: '104521', pin: '4821', name: 'Milica Jovanović' };
export const GOOD_PASSWORD = 'ljubičasti kišobran 7';

export interface Harness {
  app: ReturnType<typeof createApp>;
  deps: Awaited<ReturnType<typeof nodeDeps>>['deps'];
  counts: { hash: number; verify: number };
  clock: { now: number; advance(ms: number): void };
  settle(): Promise<void>;
  call(method: string, path: string, body?: unknown, opts?: CallOptions): Promise<Reply>;
  outbox(): Promise<Awaited<ReturnType<typeof listOutbox>>>;
  linkFrom(kind: 'confirm' | 'reset' | 'email', to?: string): Promise<string>;
  close(): Promise<void>;
  dbFile: string;
}

/** `deferred: 'keep'` answers without waiting for the work the request left for after its response. */
export interface CallOptions {
  cookie?: string;
  ip?: string;
  headers?: Record<string, string>;
  raw?: string;
  deferred?: 'keep';
}
/** `cookie`: the session cookie as a request sends it; `sessionSetCookie`: its Set-Cookie line; `device`: the device cookie. */
export interface Reply {
  status: number;
  body: any;
  headers: Headers;
  cookie?: string;
  sessionSetCookie?: string;
  device?: string;
}

export async function makeHarness(
  opts: { env?: Record<string, string>; mail?: MailTransport; seed?: boolean; utility?: UtilityConfig } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'jp-test-'));
  const dbFile = join(dir, 'portal.db');
  // TEST_OVER_HTTP=1: the same suite against libSQL over HTTP (Hrana), as on the edge.
  const hrana = process.env.TEST_OVER_HTTP === '1' ? await startHranaServer(dbFile) : undefined;
  const env = {
    // Development is never the default: the tests ask for it, as `npm start` does.
    APP_ENV: 'development',
    PORTAL_URL: 'http://localhost:8787/',
    DATABASE_URL: hrana?.url ?? `file:${dbFile}`,
    FILES_DIR: join(dir, 'files'),
    ...opts.env,
  };
  const config = loadConfig(env, opts.utility ?? testUtility);
  const counts = { hash: 0, verify: 0 };
  // What a real transport was given: its copy in the outbox keeps no one-time link once sent.
  const delivered: { to: string; text: string }[] = [];
  const recording = (inner: MailTransport): MailTransport => ({
    name: inner.name,
    close: () => inner.close?.(),
    send: async (m) => {
      await inner.send(m);
      delivered.push({ to: m.to, text: m.text });
    },
  });
  const hasher: PasswordHasher = {
    hash: (p) => (counts.hash++, nodeArgon2.hash(p)),
    verify: (h, p) => (counts.verify++, nodeArgon2.verify(h, p)),
  };
  const clock = {
    now: Date.now(),
    advance(ms: number) {
      this.now += ms;
    },
  };
  const { deps, client, settle } = await nodeDeps(config, env, {
    hasher,
    now: () => clock.now,
    ...(opts.mail ? { mail: opts.mail } : {}),
  });
  // Whatever transport the configuration chose (or the test gave), what it was handed is kept.
  deps.mail = recording(deps.mail);
  await migrateDatabase(deps.db);
  if (opts.seed !== false) await seedDemoConsumers(deps, join(ROOT, 'demo/consumers.csv'));
  const app = createApp(config, (c) => ({ deps, clientIp: c.req.header('x-test-ip') ?? '203.0.113.7' }));

  const call: Harness['call'] = async (method, path, body, o = {}) => {
    const headers: Record<string, string> = { 'x-test-ip': o.ip ?? '203.0.113.7', ...o.headers };
    if (method !== 'GET' && !('content-type' in headers)) headers['content-type'] = 'application/json';
    if (o.cookie) headers.cookie = o.cookie;
    const res = await app.request(path, {
      method,
      headers,
      body: o.raw ?? (body === undefined ? (method === 'GET' ? undefined : '{}') : JSON.stringify(body)),
    });
    const text = await res.text();
    if (o.deferred !== 'keep') await settle();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* keep the text */
    }
    const lines = res.headers.getSetCookie();
    const sessionSetCookie = lines.find((l) => /^(__Host-)?jp_session=/.test(l));
    const device = lines.find((l) => /^(__Host-)?jp_device=/.test(l))?.split(';')[0];
    return {
      status: res.status,
      body: parsed,
      headers: res.headers,
      cookie: sessionSetCookie?.split(';')[0],
      sessionSetCookie,
      device,
    };
  };

  const outbox = async () => {
    await settle();
    return listOutbox(deps.db);
  };
  return {
    app,
    deps,
    counts,
    clock,
    settle,
    call,
    outbox,
    dbFile,
    async linkFrom(kind, to) {
      // Links carry the token in the fragment (#potvrda=, #reset=, #nova-adresa=); 'confirm' also
      // finds an e-mail change link (both go to POST /api/confirm), and the old ?confirm=/?reset=.
      const names = { confirm: 'potvrda|nova-adresa|confirm', reset: 'reset', email: 'nova-adresa' }[kind];
      // The mail's locale follows the token (`&jezik=sr-Cyrl`).
      const link = new RegExp(`^http\\S*[#?&](?:${names})=([A-Za-z0-9_-]+)(?:&jezik=[\\w-]+)?$`, 'm');
      const mails = [...(await outbox()), ...[...delivered].reverse()];
      for (const m of mails) {
        if (to && m.to !== to) continue;
        const match = m.text.match(link);
        if (match) return match[1];
      }
      throw new Error(`no ${kind} link in the outbox`);
    },
    async close() {
      await settle();
      deps.mail.close?.();
      client.close();
      await hrana?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function registration(over: Record<string, unknown> = {}) {
  return {
    name: DEMO.name,
    email: 'milica@example.com',
    password: GOOD_PASSWORD,
    consumerCode: DEMO.code,
    pin: DEMO.pin,
    acceptTerms: true,
    ...over,
  };
}

/** Registers and confirms the demo consumer; returns the e-mail and password. */
export async function confirmedAccount(h: Harness, over: Record<string, unknown> = {}) {
  const body = registration(over);
  const r = await h.call('POST', '/api/register', body);
  if (r.status !== 202) throw new Error(`register: ${r.status} ${JSON.stringify(r.body)}`);
  const token = await h.linkFrom('confirm', String(body.email));
  const c = await h.call('POST', '/api/confirm', { token });
  if (c.status !== 200) throw new Error(`confirm: ${c.status}`);
  return { email: String(body.email), password: String(body.password) };
}

/** A snapshot of every table (read from sqlite_master, so a new table is never left out), to prove that a request changed nothing. */
export async function snapshot(h: Harness): Promise<string> {
  const client = h.deps.db.$client;
  const tables = (
    await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name",
    )
  ).rows.map((r) => String(r.name));
  const out: Record<string, unknown> = {};
  for (const t of tables) out[t] = (await client.execute(`SELECT * FROM "${t}" ORDER BY 1`)).rows;
  return JSON.stringify(out);
}
