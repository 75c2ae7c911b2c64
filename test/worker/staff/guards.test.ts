// The office's guards: bursts counted first (staff login challenges per address, unlocks per
// staff member), a success without its audit entry answered as a bug, the salter's view of an
// address, and CSV cells a spreadsheet would run as formulas.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { makeHarness, type Harness } from '../harness.ts';
import { softAuthenticator } from '../../support/soft-authenticator.ts';
import { staffCall, staffMember } from './steps.ts';
import {
  STAFF_CHALLENGES_PER_HOUR,
  STAFF_LOOKUPS_PER_DAY,
  STAFF_UNLOCKS_PER_DAY,
} from '../../../worker/src/staff/limits.ts';
import { enforceAudit } from '../../../worker/src/staff/audit.ts';
import type { StaffEnv } from '../../../worker/src/staff/env.ts';
import { maskEmail } from '../../../worker/src/staff/mask.ts';
import { toCsv } from '../../../worker/src/staff/csv.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const count = async (sql: string) => Number((await h.deps.db.$client.execute(sql)).rows[0].n);

/** At least 100 at once, and more than any limit here. */
const BURST = Math.max(120, STAFF_CHALLENGES_PER_HOUR + 15, STAFF_UNLOCKS_PER_DAY + 20);

describe('bursts', () => {
  it(`staff login challenges: ${STAFF_CHALLENGES_PER_HOUR} an hour per address, however many at once`, async () => {
    const burst = await Promise.all(
      Array.from({ length: BURST }, () =>
        staffCall(h, 'POST', '/api/staff/login/options', undefined, undefined, { 'x-test-ip': '198.51.100.9' }),
      ),
    );
    expect(burst.filter((r) => r.status === 200)).toHaveLength(STAFF_CHALLENGES_PER_HOUR);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(BURST - STAFF_CHALLENGES_PER_HOUR);
    expect(await count("SELECT count(*) AS n FROM staff_challenges WHERE purpose = 'login'")).toBe(
      STAFF_CHALLENGES_PER_HOUR,
    );
  });

  it(`unlocks: ${STAFF_UNLOCKS_PER_DAY} a day per staff member, each with its entry`, async () => {
    const { cookie } = await staffMember(h, softAuthenticator(), 'salter@komunalac.rs', 'salter');
    const burst = await Promise.all(
      Array.from({ length: BURST }, () =>
        staffCall(h, 'POST', '/api/staff/consumers/104521/unlock', { reason: 'skripta' }, cookie),
      ),
    );
    expect(burst.filter((r) => r.status === 200)).toHaveLength(STAFF_UNLOCKS_PER_DAY);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(BURST - STAFF_UNLOCKS_PER_DAY);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE action = 'consumer.pin_unlocked'")).toBe(
      STAFF_UNLOCKS_PER_DAY,
    );
  }, 60_000);
});

describe('enforceAudit', () => {
  it('answers a success without its audit entry as a bug (500), never as the success', async () => {
    const logged: string[] = [];
    const app = new Hono<StaffEnv>()
      .use('*', async (c, next) => {
        c.set('deps', { ...h.deps, log: (_l: string, msg: string) => logged.push(msg) } as never);
        await next();
      })
      .use('*', enforceAudit)
      .get('/forgot', (c) => c.json({ secret: 'data' }, 200))
      .get('/refused', (c) => c.json({ error: { code: 'not_found' } }, 404));
    const r = await app.request('/forgot');
    expect(r.status).toBe(500);
    expect(await r.text()).not.toContain('secret');
    expect(logged).toEqual(['staff call answered without an audit entry']);
    expect((await app.request('/refused')).status).toBe(404);
  });
});

describe('what staff see and export', () => {
  it("a salter sees the address's first letter and its domain", () => {
    expect(maskEmail('petar.petrovic@gmail.com')).toBe('p***@gmail.com');
    expect(maskEmail('a@b.rs')).toBe('a***@b.rs');
  });

  it('CSV: cells a spreadsheet would run as formulas are quoted out, separators quoted', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['=HYPERLINK("http://x")', 'Glavna 1; stan 2'],
        ['+381', -5],
      ],
    );
    expect(csv).toBe('\uFEFFa;b\r\n"\'=HYPERLINK(""http://x"")";"Glavna 1; stan 2"\r\n\'+381;-5\r\n');
  });
});

describe('staffCleanup', () => {
  it('forgets ended sessions, stale challenges and old invitations, never the audit log', async () => {
    const { staffCleanup } = await import('../../../worker/src/staff/cleanup.ts');
    const { cookie } = await staffMember(h, softAuthenticator(), 'salter@komunalac.rs', 'salter');
    await staffCall(h, 'POST', '/api/staff/login/options');
    const entries = await count('SELECT count(*) AS n FROM audit_log');
    expect(await staffCleanup(h.deps)).toEqual({ sessions: 0, challenges: 0, invitations: 0 });
    h.clock.advance(31 * 24 * 3600_000);
    expect(await staffCleanup(h.deps)).toEqual({ sessions: 1, challenges: 1, invitations: 1 });
    expect((await staffCall(h, 'GET', '/api/staff/me', undefined, cookie)).status).toBe(401);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(entries);
  });
});

describe('look-ups', () => {
  it(`${STAFF_LOOKUPS_PER_DAY} a day per staff member: a clerk's session cannot copy out the register`, async () => {
    const { cookie } = await staffMember(h, softAuthenticator(), 'salter@komunalac.rs', 'salter');
    await h.deps.db.$client.execute({
      sql: 'INSERT INTO throttles (key, window_start, count) SELECT ?, ?, ? FROM staff WHERE email = ?',
      args: [
        `staff:lookup:${(await staffCall(h, 'GET', '/api/staff/me', undefined, cookie)).body.staff.id}`,
        h.clock.now,
        STAFF_LOOKUPS_PER_DAY - 1,
        'salter@komunalac.rs',
      ],
    });
    expect((await staffCall(h, 'GET', '/api/staff/consumers/104521', undefined, cookie)).status).toBe(200);
    const refused = await staffCall(h, 'GET', '/api/staff/consumers?q=Ruma', undefined, cookie);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
