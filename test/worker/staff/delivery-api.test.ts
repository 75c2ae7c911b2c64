// The billing system's side of the print list: GET /api/admin/delivery?period= gives the print
// list's own rows (each reason, JSON and CSV), ?since= follows the switches page by page with an
// opaque cursor; ADMIN_TOKEN_NEXT works beside ADMIN_TOKEN during a rotation; each billing-system
// success leaves exactly one audit entry naming the token used (current or next), never the token.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, ROOT, confirmedAccount, makeHarness, registration, type Harness } from '../harness.ts';
import { softAuthenticator } from '../../support/soft-authenticator.ts';
import { seedDemoBills } from '../../../worker/node/seed.ts';
import { auditRows, staffCall, staffMember } from './steps.ts';

const CURRENT = 'current-admin-token-0123456789abcdef0123';
const NEXT = 'next-admin-token-0123456789abcdef0123456';
const HOUR = 3600_000;

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ env: { ADMIN_TOKEN: CURRENT } });
});
afterEach(async () => {
  await h.close();
});

/** A GET as the billing system sends it. */
const get = (x: Harness, path: string, token: string | null = CURRENT, accept = 'application/json') =>
  x.call('GET', path, undefined, {
    ip: '192.0.2.50',
    headers: { accept, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });

/** A bounce report from the utility's bounce mailbox. */
const bounce = (x: Harness, email: string) =>
  x.call('POST', '/api/admin/bounces', undefined, {
    ip: '192.0.2.50',
    raw: `email,type,reason\n${email},hard,550 5.1.1 no such user\n`,
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${CURRENT}` },
  });

const login = async (email: string, password = GOOD_PASSWORD) =>
  (await h.call('POST', '/api/login', { email, password })).cookie;
const emailBills = async (cookie: string | undefined, on: boolean) =>
  expect((await h.call('POST', '/api/account/settings', { emailBills: on }, { cookie })).status).toBe(200);

/** One consumer for every reason: 104521 e-mail, 104522 opted out, 104523 unconfirmed, 104524 undeliverable, the rest no account. */
async function everyReason() {
  await seedDemoBills(h.deps, join(ROOT, 'demo/bills.csv'));
  await confirmedAccount(h, { email: 'milica@example.com' });
  const dragan = { email: 'dragan@example.com', consumerCode: '104522', pin: '7390', name: 'Dragan Petrović' };
  await confirmedAccount(h, dragan);
  h.clock.advance(10 * 60_000);
  await emailBills(await login(dragan.email), false);
  const pending = { email: 'jelena@example.com', consumerCode: '104523', pin: '1168', name: 'Jelena Nikolić' };
  expect((await h.call('POST', '/api/register', registration(pending))).status).toBe(202);
  await confirmedAccount(h, {
    email: 'nikola@example.com',
    consumerCode: '104524',
    pin: '5502',
    name: 'Nikola Đorđević',
  });
  h.clock.advance(HOUR);
  expect((await bounce(h, 'nikola@example.com')).status).toBe(200);
}

describe('GET /api/admin/delivery?period=', () => {
  it("gives the print list's rows for the period, every reason, as JSON", async () => {
    await everyReason();
    const r = await get(h, '/api/admin/delivery?period=2026-11');
    expect(r.status).toBe(200);
    expect(r.body.period).toBe('2026-11');
    expect(r.body.rows.slice(0, 5)).toEqual([
      { consumerCode: '104521', delivery: 'email', reason: null, since: expect.any(String) },
      { consumerCode: '104522', delivery: 'paper', reason: 'opted_out', since: expect.any(String) },
      { consumerCode: '104523', delivery: 'paper', reason: 'unconfirmed', since: null },
      { consumerCode: '104524', delivery: 'paper', reason: 'undeliverable', since: expect.any(String) },
      { consumerCode: '104525', delivery: 'paper', reason: 'no_account', since: null },
    ]);
    expect(r.body.rows).toHaveLength(10);
    // The same rows as the office's print list (delivery=all), its ms as ISO date-times.
    const staff = await staffMember(h, softAuthenticator(), 'admin@komunalac.rs', 'administrator');
    const print = await staffCall(
      h,
      'GET',
      '/api/staff/print-list?period=2026-11&delivery=all',
      undefined,
      staff.cookie,
      {
        accept: 'application/json',
      },
    );
    expect(r.body.rows).toEqual(
      print.body.rows.map(
        (p: { consumerCode: string; delivery: string; reason: string | null; since: number | null }) => ({
          consumerCode: p.consumerCode,
          delivery: p.delivery,
          reason: p.reason,
          since: p.since === null ? null : new Date(p.since).toISOString(),
        }),
      ),
    );
    expect(r.body.rows[3].since).toBe(new Date(h.clock.now).toISOString());
  });

  it("gives each code its own since: a code linked later does not move the other codes'", async () => {
    await seedDemoBills(h.deps, join(ROOT, 'demo/bills.csv'));
    const a = await confirmedAccount(h, { email: 'milica@example.com' });
    const confirmed = new Date(h.clock.now).toISOString();
    h.clock.advance(HOUR);
    const cookie = await login(a.email);
    const link = { consumerCode: '104523', pin: '1168' };
    expect((await h.call('POST', '/api/account/consumers/link', link, { cookie })).status).toBe(201);
    const rows = (await get(h, '/api/admin/delivery?period=2026-11')).body.rows;
    expect(rows.slice(0, 3)).toEqual([
      { consumerCode: '104521', delivery: 'email', reason: null, since: confirmed },
      { consumerCode: '104522', delivery: 'paper', reason: 'no_account', since: null },
      { consumerCode: '104523', delivery: 'email', reason: null, since: new Date(h.clock.now).toISOString() },
    ]);
  });

  it('is CSV for Serbian Excel (BOM, `;`) without Accept or with text/csv', async () => {
    await everyReason();
    for (const accept of [undefined, 'text/csv']) {
      const res = await h.app.request('/api/admin/delivery?period=2026-11', {
        headers: { authorization: `Bearer ${CURRENT}`, 'x-test-ip': '192.0.2.50', ...(accept ? { accept } : {}) },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="delivery-2026-11.csv"');
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = text.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe('consumerCode;delivery;reason;since');
      expect(lines).toHaveLength(11);
      expect(lines[1]).toMatch(/^104521;email;;\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(lines[3]).toBe('104523;paper;unconfirmed;');
      expect(lines[5]).toBe('104525;paper;no_account;');
    }
  });

  it('refuses a bad period or query (422), no token and a wrong token (401), writing no audit entry', async () => {
    const before = (await auditRows(h)).length;
    for (const q of ['period=2026-13', 'period=2026-1', 'period=', '', 'period=2026-11&since=']) {
      const r = await get(h, `/api/admin/delivery?${q}`);
      expect(r.status, q).toBe(422);
      expect(r.body.error.code, q).toBe('validation_failed');
    }
    const none = await get(h, '/api/admin/delivery?period=2026-11', null);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await get(h, '/api/admin/delivery?period=2026-11', `${CURRENT.slice(0, -1)}x`)).status).toBe(401);
    expect((await get(h, '/api/admin/delivery?period=2026-11', NEXT)).status).toBe(401);
    expect((await auditRows(h)).length).toBe(before);
  });
});

describe('GET /api/admin/delivery?since= (the change feed)', () => {
  type Change = { consumerCode: string; delivery: string; reason: string | null; at: string };
  /** Follows `next` with pages of `limit` until an empty page; every change and the last cursor. */
  async function follow(from: string, limit?: number) {
    const changes: Change[] = [];
    let cursor = from;
    for (let i = 0; i < 100; i++) {
      const r = await get(h, `/api/admin/delivery?since=${cursor}${limit ? `&limit=${limit}` : ''}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.changes.length).toBeLessThanOrEqual(limit ?? 1000);
      if (!r.body.changes.length) {
        if (cursor) expect(r.body.next).toBe(cursor);
        return { changes, next: String(r.body.next) };
      }
      changes.push(...r.body.changes);
      cursor = r.body.next;
    }
    throw new Error('the feed never ended');
  }
  const brief = (cs: Change[]) => cs.map((c) => `${c.consumerCode} ${c.delivery} ${c.reason ?? ''}`.trim());

  it('gives the switches in order — confirmation, opting out and in, undeliverable, proven again, a code linked and unlinked, an account deleted', async () => {
    const start = await follow('');
    expect(start.changes).toEqual([]);
    await seedDemoBills(h.deps, join(ROOT, 'demo/bills.csv'));
    const milica = await confirmedAccount(h, { email: 'milica@example.com' });
    const dragan = await confirmedAccount(h, {
      email: 'dragan@example.com',
      consumerCode: '104522',
      pin: '7390',
      name: 'Dragan Petrović',
    });
    h.clock.advance(HOUR);
    await emailBills(await login(dragan.email), false);
    const optedOutAt = new Date(h.clock.now).toISOString();
    h.clock.advance(HOUR);
    await emailBills(await login(dragan.email), true);
    h.clock.advance(HOUR);
    expect((await bounce(h, milica.email)).status).toBe(200);
    h.clock.advance(HOUR);
    // A reset link opened at the address proves it: e-mail again.
    await h.call('POST', '/api/password/forgot', { email: milica.email });
    const reset = await h.call('POST', '/api/password/reset', {
      token: await h.linkFrom('reset', milica.email),
      password: 'sasvim druga lozinka 9',
    });
    expect(reset.status).toBe(200);
    const draganCookie = await login(dragan.email);
    // Dragan links 104523 (e-mail, as his account has it), unlinks it, then deletes his account.
    const link = await h.call(
      'POST',
      '/api/account/consumers/link',
      { consumerCode: '104523', pin: '1168' },
      { cookie: draganCookie },
    );
    expect(link.status).toBe(201);
    expect(
      (await h.call('POST', '/api/account/consumers/unlink', { consumerCode: '104523' }, { cookie: draganCookie }))
        .status,
    ).toBe(204);
    const read = await follow(start.next);
    expect(brief(read.changes)).toEqual([
      '104521 email',
      '104522 email',
      '104522 paper opted_out',
      '104522 email',
      '104521 paper undeliverable',
      '104521 email',
      '104523 email',
      '104523 paper no_account',
    ]);
    // Each change carries when it happened, as an ISO date-time.
    expect(read.changes[2].at).toBe(optedOutAt);
    expect(read.changes.every((c) => !Number.isNaN(Date.parse(c.at)))).toBe(true);

    // The account deleted: its code goes to paper. Its own rows go with it, so a reader from the
    // start no longer sees Dragan's switches, only where each code ended.
    expect(
      (await h.call('POST', '/api/account/delete', { password: GOOD_PASSWORD }, { cookie: draganCookie })).status,
    ).toBe(204);
    expect(brief((await follow(read.next)).changes)).toEqual(['104522 paper no_account']);
    const all = await follow('');
    expect(brief(all.changes)).toEqual([
      '104521 email',
      '104521 paper undeliverable',
      '104521 email',
      '104523 paper no_account',
      '104522 paper no_account',
    ]);

    // The feed's last word on each code is the list's row for it.
    const list = (await get(h, '/api/admin/delivery?period=2026-11')).body.rows as Change[];
    for (const code of ['104521', '104522', '104523']) {
      const last = all.changes.filter((c) => c.consumerCode === code).at(-1);
      const row = list.find((r) => r.consumerCode === code);
      expect([last?.delivery, last?.reason], code).toEqual([row?.delivery, row?.reason]);
    }
  });

  it('pages by next with a small page size: no duplicates, nothing skipped, then only what is new', async () => {
    await seedDemoBills(h.deps, join(ROOT, 'demo/bills.csv'));
    const a = await confirmedAccount(h, { email: 'milica@example.com' });
    const cookie = await login(a.email);
    for (let i = 0; i < 6; i++) {
      h.clock.advance(60_000);
      await emailBills(cookie, i % 2 === 1);
    }
    const whole = await follow('0');
    expect(whole.changes).toHaveLength(7);
    const paged = await follow('', 2);
    expect(paged.changes).toEqual(whole.changes);
    expect(paged.next).toBe(whole.next);
    // Nothing new: an empty page with the same cursor, however often asked.
    const again = await get(h, `/api/admin/delivery?since=${paged.next}&limit=2`);
    expect(again.body).toEqual({ changes: [], next: paged.next });
    // Later: only the newer change.
    h.clock.advance(60_000);
    await emailBills(cookie, false);
    const later = await follow(paged.next, 2);
    expect(brief(later.changes)).toEqual(['104521 paper opted_out']);
  });

  it('refuses a malformed cursor or page size (422 validation_failed)', async () => {
    const cursor = (await get(h, '/api/admin/delivery?since=')).body.next;
    expect(typeof cursor).toBe('string');
    expect((await get(h, `/api/admin/delivery?since=${cursor}`)).status).toBe(200);
    for (const q of [
      'since=not%20a%20cursor',
      'since=%3D%3D',
      `since=${btoa('12a').replace(/=+$/, '')}`,
      `since=${btoa('-1').replace(/=+$/, '')}`,
      `since=${cursor}x`,
      'since=1',
      `since=${cursor}&limit=0`,
      `since=${cursor}&limit=1001`,
      `since=${cursor}&limit=two`,
    ]) {
      const r = await get(h, `/api/admin/delivery?${q}`);
      expect(r.status, q).toBe(422);
      expect(r.body.error.code, q).toBe('validation_failed');
    }
  });
});

describe('the admin token’s rotation', () => {
  it('takes ADMIN_TOKEN and ADMIN_TOKEN_NEXT while both are set; the audit names which', async () => {
    const both = await makeHarness({ env: { ADMIN_TOKEN: CURRENT, ADMIN_TOKEN_NEXT: NEXT }, seed: false });
    try {
      expect((await get(both, '/api/admin/delivery?since=', CURRENT)).status).toBe(200);
      expect((await get(both, '/api/admin/delivery?since=', NEXT)).status).toBe(200);
      expect((await get(both, '/api/admin/delivery?since=', `${NEXT}x`)).status).toBe(401);
      const log = await auditRows(both);
      expect(log.map((e) => [e.action, e.staff_id, JSON.parse(String(e.detail)).token])).toEqual([
        ['admin.delivery_feed_read', null, 'current'],
        ['admin.delivery_feed_read', null, 'next'],
      ]);
      for (const e of log) {
        expect(String(e.detail)).not.toContain(CURRENT);
        expect(String(e.detail)).not.toContain(NEXT);
      }
    } finally {
      await both.close();
    }
    // Without NEXT only the current one.
    expect((await get(h, '/api/admin/delivery?since=', NEXT)).status).toBe(401);
    expect((await get(h, '/api/admin/delivery?since=', CURRENT)).status).toBe(200);
  });
});

describe("the billing system's calls in the audit log", () => {
  it('each admin route leaves exactly one entry on success (no staff id, the token), none when refused', async () => {
    const consumers = readFileSync(join(ROOT, 'demo/consumers.csv'), 'utf8');
    const bills = readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8');
    const pdf = '%PDF-1.4\n%%EOF\n';
    const call = (method: string, path: string, type: string | undefined, raw?: string) =>
      h.app.request(path, {
        method,
        body: raw,
        headers: {
          authorization: `Bearer ${CURRENT}`,
          'x-test-ip': '192.0.2.51',
          ...(type ? { 'content-type': type } : {}),
          accept: 'application/json',
        },
      });
    const calls: [string, string, string | undefined, string | undefined, string][] = [
      ['POST', '/api/admin/consumers', 'text/csv', consumers, 'admin.consumers_imported'],
      ['POST', '/api/admin/bills', 'text/csv', bills, 'admin.bills_imported'],
      ['POST', '/api/admin/bills/pdf?code=104521&period=2026-11', 'application/pdf', pdf, 'admin.bill_pdf_stored'],
      [
        'POST',
        '/api/admin/consumers/unlock',
        'application/json',
        JSON.stringify({ consumerCode: '104521' }),
        'admin.consumer_unlocked',
      ],
      ['POST', '/api/admin/bounces', 'text/csv', 'email,type,reason\nx@example.com,soft,\n', 'admin.bounces_reported'],
      ['GET', '/api/admin/delivery?period=2026-11', undefined, undefined, 'admin.delivery_listed'],
      ['GET', '/api/admin/delivery?since=', undefined, undefined, 'admin.delivery_feed_read'],
    ];
    for (const [method, path, type, raw, action] of calls) {
      const n = (await auditRows(h)).length;
      const res = await call(method, path, type, raw);
      expect(res.status, path).toBe(200);
      const log = await auditRows(h);
      expect(log.length, path).toBe(n + 1);
      expect(log.at(-1), path).toMatchObject({ action, staff_id: null, ip: '192.0.2.51' });
      expect(JSON.parse(String(log.at(-1)?.detail)).token, path).toBe('current');
    }
    const entries = await auditRows(h);
    expect(JSON.parse(String(entries.find((e) => e.action === 'admin.bills_imported')?.detail))).toEqual({
      token: 'current',
      imported: 30,
      created: 30,
      updated: 0,
      mailed: 0,
      errors: 0,
    });
    expect(entries.find((e) => e.action === 'admin.consumer_unlocked')?.consumer_code).toBe('104521');
    // Refused calls write nothing: a bad period, a bad body, a wrong media type.
    const n = entries.length;
    expect((await call('GET', '/api/admin/delivery?period=x', undefined)).status).toBe(422);
    expect(
      (await call('POST', '/api/admin/bills/pdf?code=104521&period=2026-11', 'application/pdf', 'nope')).status,
    ).toBe(422);
    expect((await call('POST', '/api/admin/bills', 'application/json', '{}')).status).toBe(415);
    expect((await auditRows(h)).length).toBe(n);
  });

  it("shows in the office's Dnevnik (JSON and CSV) with no staff member, and filters by the admin action", async () => {
    expect((await get(h, '/api/admin/delivery?since=')).status).toBe(200);
    const staff = await staffMember(h, softAuthenticator(), 'admin@komunalac.rs', 'administrator');
    const json = await staffCall(h, 'GET', '/api/staff/audit?action=admin.delivery_feed_read', undefined, staff.cookie);
    expect(json.status).toBe(200);
    expect(json.body.entries).toEqual([
      expect.objectContaining({
        staffId: null,
        action: 'admin.delivery_feed_read',
        detail: expect.objectContaining({ token: 'current' }),
      }),
    ]);
    const csv = await staffCall(h, 'GET', '/api/staff/audit?format=csv', undefined, staff.cookie);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toMatch(/;;192\.0\.2\.50;admin\.delivery_feed_read;/);
  });
});
