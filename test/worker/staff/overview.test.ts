// The office's Pregled on a seeded database (the expected numbers worked out by hand below, week
// by week), the ISO week across a year's end; and the roles for every route of Uvoz and Pregled:
// a salter is refused (403, nothing written), no session is 401, each administrator's call has
// its audit entry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, snapshot, type Harness } from '../harness.ts';
import { softAuthenticator } from '../../support/soft-authenticator.ts';
import { isoWeek } from '../../../worker/src/routes/staff/overview.ts';
import { auditRows, staffMember } from './steps.ts';
import { officeCall } from './office-steps.ts';

/** Wednesday 9 December 2026, noon UTC: ISO week 2026-W50. */
const NOW = Date.UTC(2026, 11, 9, 12);
const at = (month: number, day: number, hour = 0, minute = 0) => Date.UTC(2026, month - 1, day, hour, minute);

let h: Harness;
let admin: { cookie: string; id: string };
let salter: { cookie: string; id: string };
beforeEach(async () => {
  h = await makeHarness();
  h.clock.now = NOW;
  admin = await staffMember(h, softAuthenticator(), 'admin@komunalac.rs', 'administrator');
  salter = await staffMember(h, softAuthenticator(), 'salter@komunalac.rs', 'salter');
});
afterEach(async () => {
  await h.close();
});

interface Seeded {
  created: number;
  confirmed?: number;
  code?: string;
  emailBills?: boolean;
  undeliverable?: boolean;
  passkeys?: number;
  sessions?: number[];
}

async function seed(id: string, a: Seeded) {
  const db = h.deps.db.$client;
  await db.execute({
    sql: `INSERT INTO accounts (id, name, email, password_hash, email_bills, locale, confirmed_at, pending_consumer_code,
        undeliverable_at, undeliverable_reason, created_at, updated_at) VALUES (?, ?, ?, 'x', ?, 'sr-Latn', ?, ?, ?, ?, ?, ?)`,
    args: [
      id,
      id,
      `${id}@example.com`,
      a.emailBills === false ? 0 : 1,
      a.confirmed ?? null,
      a.confirmed ? null : (a.code ?? null),
      a.undeliverable ? at(11, 1) : null,
      a.undeliverable ? 'bounce_hard' : null,
      a.created,
      a.created,
    ],
  });
  if (a.confirmed && a.code)
    await db.execute({
      sql: 'INSERT INTO account_consumers (consumer_code, account_id, linked_at) VALUES (?, ?, ?)',
      args: [a.code, id, a.confirmed],
    });
  for (let i = 0; i < (a.passkeys ?? 0); i++)
    await db.execute({
      sql: `INSERT INTO passkeys (id, account_id, public_key, device_type, backed_up, created_at)
        VALUES (?, ?, 'k', 'multiDevice', 1, ?)`,
      args: [`${id}-pk${i}`, id, a.created],
    });
  for (const [i, t] of (a.sessions ?? []).entries())
    await db.execute({
      sql: `INSERT INTO sessions (hash, account_id, remember, created_at, last_seen_at, expires_at)
        VALUES (?, ?, 0, ?, ?, ?)`,
      args: [`${id}-s${i}`, id, t, t, NOW + 3600_000],
    });
}

async function throttle(key: string, windowStart: number, count: number, blockedUntil = 0) {
  await h.deps.db.$client.execute({
    sql: 'INSERT INTO throttles (key, window_start, count, blocked_until) VALUES (?, ?, ?, ?)',
    args: [key, windowStart, count, blockedUntil],
  });
}

describe('the overview', () => {
  it('counts the last 12 ISO weeks and the portal now', async () => {
    const l = h.deps.config.limits;
    // W50: begun and confirmed, e-mail bills, two passkeys, two logins this week and one in W48.
    await seed('a1', {
      created: at(12, 8),
      confirmed: at(12, 8, 1),
      code: '104521',
      passkeys: 2,
      sessions: [at(12, 8, 2), at(12, 9, 8), at(11, 25)],
    });
    // Begun the first moment of W49, confirmed the first moment of W50; paper.
    await seed('a2', { created: at(11, 30), confirmed: at(12, 7), code: '104522', emailBills: false });
    // The first moment of the first week (W39), confirmed its last minute; the address undeliverable.
    await seed('a3', { created: at(9, 21), confirmed: at(9, 27, 23, 59), code: '104523', undeliverable: true });
    // Begun the minute before the first week; confirmed in W41; a passkey; a login in W39, one before.
    await seed('a4', {
      created: at(9, 20, 23, 59),
      confirmed: at(10, 6),
      code: '104524',
      passkeys: 1,
      sessions: [at(9, 22), at(9, 1)],
    });
    // Begun in W50, waiting for its confirmation (its passkey is no confirmed account's).
    await seed('a5', { created: at(12, 9), code: '104525', passkeys: 1 });

    // PIN locks: 104526 for good (and its window too), 104527 for the day, 104528 for the window;
    // 104527's old lock is over, 104528's day and 104529's window are not full or not open, an address is no code.
    await throttle('lock:pin:104526', NOW - 86_400_000, l.pinTotalMaxFailures, NOW + 3600_000);
    await throttle('pin:code:104526', NOW - 60_000, l.pinMaxFailures);
    await throttle('lock:pin:104527', NOW - 40 * 86_400_000, l.pinTotalMaxFailures, NOW - 1);
    await throttle('pin:day:104527', NOW - 3600_000, l.pinDailyMaxFailures);
    await throttle('pin:day:104528', NOW - 3600_000, l.pinDailyMaxFailures - 1);
    await throttle('pin:code:104528', NOW - 60_000, l.pinMaxFailures);
    await throttle('pin:code:104529', NOW - l.pinWindowMs - 1, l.pinMaxFailures);
    await throttle('pin:ip:203.0.113.9', NOW - 60_000, 1000);

    const r = await officeCall(h, 'GET', '/api/staff/overview', admin.cookie);
    expect(r.status).toBe(200);
    const week = (w: number, registrations = 0, confirmed = 0, logins = 0) => ({
      week: `2026-W${w}`,
      registrations,
      confirmed,
      logins,
    });
    expect(r.body).toEqual({
      weeks: [
        week(39, 1, 1, 1),
        week(40),
        week(41, 0, 1),
        week(42),
        week(43),
        week(44),
        week(45),
        week(46),
        week(47),
        week(48, 0, 0, 1),
        week(49, 1),
        week(50, 2, 2, 2),
      ],
      consumers: 10,
      registered: 4,
      emailBills: 2,
      accountsWithPasskey: 2,
      accounts: 4,
      undeliverable: 1,
      lockedCodes: 3,
    });
    const [entry] = (await auditRows(h)).slice(-1);
    expect(entry).toMatchObject({ action: 'overview.viewed', staff_id: admin.id });
  });

  it('names ISO weeks across a year’s end', () => {
    expect(isoWeek(Date.UTC(2027, 0, 1))).toBe('2026-W53');
    expect(isoWeek(Date.UTC(2027, 0, 4))).toBe('2027-W01');
    expect(isoWeek(Date.UTC(2024, 11, 30))).toBe('2025-W01');
    expect(isoWeek(Date.UTC(2026, 0, 1, 23, 59))).toBe('2026-W01');
    expect(isoWeek(NOW)).toBe('2026-W50');
  });
});

const CONSUMERS = 'sifra_potrosaca,pin,ime_prezime,adresa\n2001,1234,Ana Anić,"Glavna 1, 22400 Ruma"\n';
/** Every route of Uvoz and Pregled, with what would succeed, and its audit action. */
const ROUTES: [string, string, string | undefined, string][] = [
  ['POST', '/api/staff/imports/preview?kind=consumers', CONSUMERS, 'import.previewed'],
  ['POST', '/api/staff/imports?kind=consumers', CONSUMERS, 'import.done'],
  ['GET', '/api/staff/runs?period=2026-11', undefined, 'run.viewed'],
  ['POST', '/api/staff/runs/2026-11/retry', '', 'run.retried'],
  ['GET', '/api/staff/overview', undefined, 'overview.viewed'],
];
const call = (method: string, path: string, csv: string | undefined, cookie?: string) =>
  officeCall(h, method, path, cookie, csv ? { csv } : {});

describe('roles', () => {
  it('a salter is refused every route (403), without a session each is 401, and nothing is written', async () => {
    const before = await snapshot(h);
    for (const [method, path, csv] of ROUTES) {
      const refused = await call(method, path, csv, salter.cookie);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.code, path).toBe('forbidden');
      expect((await call(method, path, csv)).status, path).toBe(401);
    }
    expect(await snapshot(h)).toBe(before);
  });

  it('an administrator’s every call has its audit entry', async () => {
    for (const [method, path, csv, action] of ROUTES) {
      const n = (await auditRows(h)).length;
      const r = await call(method, path, csv, admin.cookie);
      expect(r.status, path).toBe(200);
      const log = await auditRows(h);
      expect(log.length, path).toBe(n + 1);
      expect(log.at(-1), path).toMatchObject({ action, staff_id: admin.id, ip: '203.0.113.7' });
    }
  });
});
