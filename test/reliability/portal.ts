// What the load and fault tests share: the real Node server (own process, real libSQL file,
// real Argon2) sending mail through the local MailChannels stand-in, residents made through
// the real register → mail → confirm → login flow, and a reader of the server's database.
import { createClient, type Client } from '@libsql/client';
import { startServer, type PortalServer, type ServerOptions } from '../e2e/server.ts';
import { startFakeMailChannels, type FakeMailChannels } from '../support/fake-mailchannels.ts';

const API_KEY = 'reliability-mailchannels-key';
export const ADMIN_TOKEN = 'reliability-admin-token-0123456789abcdef';
// No digits: the names carry numbers, and a password may not contain the name.
export const PASSWORD = 'sremska ravnica u jesen';

export interface Rig {
  server: PortalServer;
  mail: FakeMailChannels;
  db: Client;
  close(): Promise<void>;
}

/** Fast retries and jobs so that a test sees a fault and its recovery in seconds. */
export function rigEnv(mail: FakeMailChannels): Record<string, string> {
  return {
    MAIL_TRANSPORT: 'mailchannels',
    MAILCHANNELS_URL: mail.url,
    MAILCHANNELS_API_KEY: API_KEY,
    MAIL_TIMEOUT_MS: '1000',
    MAIL_RETRY_BASE_S: '1',
    JOBS_INTERVAL_S: '1',
    WORK_LEASE_S: '2',
    // Many residents behind one proxy: each request names its own client address (and the
    // per-client connection cap is off, as behind a proxy: the bursts all come from 127.0.0.1).
    TRUST_PROXY: 'true',
    ADMIN_TOKEN,
    SEED_DEMO: 'false',
  };
}

/** `dbFile`: read this file instead of the server's own (when the server reaches it over HTTP). */
export async function startRig(opts: ServerOptions & { dbFile?: string } = {}): Promise<Rig> {
  const mail = await startFakeMailChannels(API_KEY);
  const server = await startServer({ ...opts, env: { ...rigEnv(mail), ...opts.env } });
  const db = createClient({ url: `file:${opts.dbFile ?? server.dbFile}` });
  const rig: Rig = {
    server,
    mail,
    db,
    async close() {
      db.close();
      // rig.server, not the first one: a test that killed and restarted the server (crash) put the new one there.
      await rig.server.stop();
      await mail.close();
    },
  };
  return rig;
}

let ipCounter = 0;
/** A different client address for every request (10.x.y.z), as behind a proxy. */
export const nextIp = () => {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

export interface ApiReply {
  status: number;
  text: string;
  cookie?: string;
  device?: string;
  retryAfter: string | null;
}

/** `ip`: the client address the server is told (X-Forwarded-For, trusted); a fresh one when absent. */
export async function api(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  cookie?: string,
  ip = nextIp(),
): Promise<ApiReply> {
  const headers: Record<string, string> = { 'x-forwarded-for': ip };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (cookie) headers.cookie = cookie;
  const res = await fetch(url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const lines = res.headers.getSetCookie();
  // A login sets two cookies: the session and the device cookie (auth/device-cookie.ts).
  const pick = (name: string) => lines.find((l) => new RegExp(`^(__Host-)?${name}=`).test(l))?.split(';')[0];
  return {
    status: res.status,
    text,
    cookie: pick('jp_session'),
    device: pick('jp_device'),
    retryAfter: res.headers.get('retry-after'),
  };
}

/** Mail links carry the token in the fragment (#potvrda=, #reset=, #nova-adresa=). */
const LINK_NAMES = { confirm: 'potvrda', reset: 'reset', email: 'nova-adresa' } as const;
export type LinkKind = keyof typeof LINK_NAMES;

/** The token of a `kind` link in a mail's text, or undefined. */
export function linkToken(text: string, kind: LinkKind): string | undefined {
  return text.match(new RegExp(`^http\\S*#${LINK_NAMES[kind]}=([A-Za-z0-9_-]+)(?:&jezik=[\\w-]+)?$`, 'm'))?.[1];
}

const consumerOf = (i: number) => ({
  code: String(9_000_000 + i),
  pin: String(1000 + ((i * 7919) % 9000)),
  name: `Potrošač ${i}`,
});
export const emailOf = (i: number) => `stanar${i}@example.com`;

/** Loads consumers 0…n-1 through the billing system's endpoint. */
export async function importConsumers(url: string, n: number) {
  const lines = [
    'sifra_potrosaca,pin,ime_prezime,adresa',
    ...Array.from({ length: n }, (_, i) => {
      const c = consumerOf(i);
      return `${c.code},${c.pin},${c.name},"Ulica ${i}, 22400 Ruma"`;
    }),
  ];
  const res = await fetch(`${url}/api/admin/consumers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
    body: lines.join('\n'),
  });
  if (res.status !== 200) throw new Error(`consumer import: ${res.status} ${await res.text()}`);
}

export const registration = (i: number) => {
  const c = consumerOf(i);
  return {
    name: `Stanar ${i}`,
    email: emailOf(i),
    password: PASSWORD,
    consumerCode: c.code,
    pin: c.pin,
    acceptTerms: true,
  };
};

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Register, follow the link in the delivered mail, log in: a resident with a session. */
export async function makeResident(rig: Rig, i: number): Promise<string> {
  const url = rig.server.url;
  const reg = await api(url, 'POST', '/api/register', registration(i));
  if (reg.status !== 202) throw new Error(`register ${i}: ${reg.status} ${reg.text}`);
  // The account and its mail are made just after the 202 (auth/registration.ts): wait for the mail.
  const token = await waitFor(`confirm mail for ${i}`, async () =>
    rig.mail.accepted.map((m) => m.to === emailOf(i) && linkToken(m.text, 'confirm')).find(Boolean),
  );
  const confirmed = await api(url, 'POST', '/api/confirm', { token });
  if (confirmed.status !== 200) throw new Error(`confirm ${i}: ${confirmed.status} ${confirmed.text}`);
  const login = await api(url, 'POST', '/api/login', { email: emailOf(i), password: PASSWORD });
  if (login.status !== 200 || !login.cookie) throw new Error(`login ${i}: ${login.status} ${login.text}`);
  return login.cookie;
}

export async function count(db: Client, sql: string, args: (string | number)[] = []): Promise<number> {
  return Number((await db.execute({ sql, args })).rows[0][0]);
}

/** Waits until the outbox holds nothing left to send. */
export async function drained(db: Client, timeoutMs = 60_000) {
  // Work promised before a kill first (it may put more mail in the outbox), then the outbox.
  await waitFor(
    'pending work to be done',
    async () => (await count(db, 'SELECT count(*) FROM pending_work')) === 0,
    timeoutMs,
  );
  await waitFor(
    'the outbox to drain',
    async () => (await count(db, "SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')")) === 0,
    timeoutMs,
  );
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** Every id the MailChannels stand-in accepted more than once. */
export const duplicates = (mail: FakeMailChannels) => {
  const seen = new Set<string>();
  return mail.accepted.filter((m) => (seen.has(m.id) ? true : (seen.add(m.id), false))).map((m) => m.id);
};
