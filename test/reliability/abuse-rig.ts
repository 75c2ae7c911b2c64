// What the parallel abuse files share (abuse-parallel.test.ts, abuse-sequences.test.ts): the
// real Node server in its own process (portal.ts's rig: real libSQL file, real Argon2 behind
// its bounded queue, mail through the local MailChannels stand-in), requests that name their
// client address in X-Forwarded-For (the rig sets TRUST_PROXY, so the server counts each one
// as its own client), bursts sent all at once, the server's outbox and throttle rows read from
// its database file, and a table of what each limit let through, printed after the file.
import { emailOf, linkToken, registration, waitFor, type LinkKind, type Rig } from './portal.ts';

export interface Hit {
  status: number;
  code?: string;
  body: any;
  cookie?: string;
  device?: string;
  retryAfter: string | null;
}

/** One request as a client at `ip` (loopback only: the address is a header the rig trusts). */
export async function hit(
  rig: Rig,
  method: string,
  path: string,
  body: unknown,
  opts: { cookie?: string; ip: string; headers?: Record<string, string> },
): Promise<Hit> {
  const headers: Record<string, string> = {
    'x-forwarded-for': opts.ip,
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...opts.headers,
  };
  if (opts.cookie) headers.cookie = opts.cookie;
  const res = await fetch(rig.server.url + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: any = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  // A login or a reset sets two cookies: the session and the device cookie (auth/device-cookie.ts).
  const lines = res.headers.getSetCookie();
  const pick = (name: string) => lines.find((l) => new RegExp(`^(__Host-)?${name}=`).test(l))?.split(';')[0];
  return {
    status: res.status,
    code: parsed?.error?.code,
    body: parsed,
    cookie: pick('jp_session'),
    device: pick('jp_device'),
    retryAfter: res.headers.get('retry-after'),
  };
}

/** `n` requests started together (none waits for another); the replies in order. */
export async function burst(n: number, one: (k: number) => Promise<Hit>): Promise<Hit[]> {
  return Promise.all(Array.from({ length: n }, (_, k) => one(k)));
}

/** "status code" → how many replies answered so, e.g. { '400 invalid_consumer_credentials': 5, '429 too_many_attempts': 95 }. */
export function tallyOf(replies: Hit[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of replies) {
    const k = `${r.status}${r.code ? ` ${r.code}` : r.body?.status ? ` ${r.body.status}` : ''}`;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
export const countOf = (replies: Hit[], status: number, code?: string) =>
  replies.filter((r) => r.status === status && (code === undefined || r.code === code)).length;

let ipCounter = 0;
/** A client address never used before in this process (172.16.0.0/12; portal.ts's own addresses are in 10/8). */
export const freshIp = () => {
  ipCounter++;
  return `172.${16 + ((ipCounter >> 16) & 15)}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

export async function scalar(rig: Rig, sql: string, args: (string | number)[] = []): Promise<number> {
  return Number((await rig.db.execute({ sql, args })).rows[0]?.[0] ?? 0);
}
/** A throttle row's count (0 when the row is not there). */
export const throttleCount = (rig: Rig, key: string) => scalar(rig, 'SELECT count FROM throttles WHERE key = ?', [key]);
/** Moves a throttle row's window `ms` into the past, as if that much time had gone by for this rule alone. */
export async function age(rig: Rig, key: string, ms: number): Promise<void> {
  await rig.db.execute({
    sql: 'UPDATE throttles SET window_start = window_start - ?, blocked_until = MAX(0, blocked_until - ?) WHERE key = ?',
    args: [ms, ms, key],
  });
}

/** Mails of `kind` in the server's outbox (to `to`, or to anyone). */
export const mails = (rig: Rig, kind: string, to?: string) =>
  scalar(rig, `SELECT count(*) FROM outbox WHERE kind = ?${to ? ' AND to_address = ?' : ''}`, to ? [kind, to] : [kind]);

/**
 * Waits (bounded) until `probe` has given the same value five times in a row, 100 ms apart:
 * work the server left for after its answers (registration, reset mails) has then been done.
 * Only a wait: a figure is judged by its value, never by how long it took to settle.
 */
export async function settled(probe: () => Promise<number>, timeoutMs = 15_000): Promise<number> {
  let last = await probe(),
    same = 0;
  const deadline = Date.now() + timeoutMs;
  while (same < 5 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    const v = await probe();
    same = v === last ? same + 1 : 0;
    last = v;
  }
  return last;
}

/** The token of the newest `kind` link mailed to `to` (read from the server's outbox), waited for. */
export async function tokenFor(rig: Rig, to: string, kind: LinkKind, after = 0): Promise<string> {
  const outboxKind = { confirm: 'confirm', reset: 'reset', email: 'email_change' }[kind];
  return waitFor(
    `a ${kind} link to ${to}`,
    async () => {
      // The newest such mail in the outbox, read as the stand-in received it (a sent mail's stored
      // copy keeps no one-time link).
      const rows = (
        await rig.db.execute({
          sql: 'SELECT id FROM outbox WHERE to_address = ? AND kind = ? AND created_at >= ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
          args: [to, outboxKind, after],
        })
      ).rows;
      const sent = rows[0] && rig.mail.accepted.find((m) => m.id === String(rows[0].id));
      return sent ? linkToken(sent.text, kind) : undefined;
    },
    15_000,
  );
}

export interface Resident {
  i: number;
  email: string;
  password: string;
  cookie: string;
  device: string;
  ip: string;
  code: string;
  pin: string;
}

/** Consumer `i` registers, confirms and logs in from its own address: a session and a device cookie. */
export async function resident(rig: Rig, i: number): Promise<Resident> {
  const ip = freshIp();
  const reg = registration(i);
  const r = await hit(rig, 'POST', '/api/register', reg, { ip });
  if (r.status !== 202) throw new Error(`register ${i}: ${r.status} ${JSON.stringify(r.body)}`);
  const c = await hit(rig, 'POST', '/api/confirm', { token: await tokenFor(rig, emailOf(i), 'confirm') }, { ip });
  if (c.status !== 200) throw new Error(`confirm ${i}: ${c.status} ${JSON.stringify(c.body)}`);
  const login = await hit(rig, 'POST', '/api/login', { email: emailOf(i), password: reg.password }, { ip });
  if (login.status !== 200 || !login.cookie || !login.device)
    throw new Error(`login ${i}: ${login.status} ${JSON.stringify(login.body)}`);
  return {
    i,
    email: emailOf(i),
    password: reg.password,
    cookie: login.cookie,
    device: login.device,
    ip,
    code: reg.consumerCode,
    pin: reg.pin,
  };
}

/** A wrong PIN for `pin` (4 digits), different for each `k`. */
export const wrongPin = (pin: string, k: number) => String(1000 + ((Number(pin) - 1000 + 1 + (k % 8999)) % 9000));

/** One line per limit: what was sent at once, what the limit let through, what it refused. */
export interface Figure {
  what: string;
  sent: number;
  limit: string;
  through: string;
  refused: string;
}
export function printFigures(title: string, rows: Figure[]): void {
  const head: Figure = { what: 'burst', sent: 0, limit: 'limit', through: 'let through', refused: 'refused' };
  const cells = (f: Figure) => [f.what, f === head ? 'sent' : String(f.sent), f.limit, f.through, f.refused];
  const widths = cells(head).map((_, c) => Math.max(...[head, ...rows].map((f) => cells(f)[c].length)));
  const line = (f: Figure) =>
    `| ${cells(f)
      .map((s, c) => s.padEnd(widths[c]))
      .join(' | ')} |`;
  console.log([title, line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
}
