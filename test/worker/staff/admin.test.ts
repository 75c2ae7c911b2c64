// The administrator's part: roles (a salter gets 403 and writes nothing), the audit log (every
// call under a session has its entry, the log filtered and as CSV, no UPDATE or DELETE of it
// anywhere), the office's CSRF guard, and the print house's list against a known bills import.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, confirmedAccount, makeHarness, registration, snapshot, type Harness } from '../harness.ts';
import { softAuthenticator } from '../../support/soft-authenticator.ts';
import { seedDemoBills } from '../../../worker/node/seed.ts';
import { auditRows, staffCall, staffMember } from './steps.ts';

let h: Harness;
let salter: { cookie: string; id: string };
let admin: { cookie: string; id: string };
beforeEach(async () => {
  h = await makeHarness();
  salter = await staffMember(h, softAuthenticator(), 'salter@komunalac.rs', 'salter');
  admin = await staffMember(h, softAuthenticator(), 'admin@komunalac.rs', 'administrator');
});
afterEach(async () => {
  await h.close();
});

/** The body as its bytes say (Response.text() would drop the BOM). */
const bytesText = (b: ArrayBuffer) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

/** Every administrator's route with a body that would succeed. */
const ADMIN_CALLS = (): [string, string, unknown?][] => [
  ['POST', '/api/staff/invitations', { email: 'novi@komunalac.rs', name: 'Novi', role: 'salter' }],
  ['GET', '/api/staff/members'],
  ['POST', `/api/staff/members/${salter.id}/disable`, { reason: 'provera' }],
  ['GET', '/api/staff/audit'],
  ['GET', '/api/staff/audit?format=csv'],
  ['GET', '/api/staff/print-list?period=2026-11'],
];

describe('roles', () => {
  it("a salter is refused every administrator's route (403 forbidden), and nothing is written", async () => {
    const before = await snapshot(h);
    for (const [method, path, body] of ADMIN_CALLS()) {
      const r = await staffCall(h, method, path, body, salter.cookie);
      expect(r.status, path).toBe(403);
      expect(r.body.error.code, path).toBe('forbidden');
    }
    expect(await snapshot(h)).toBe(before);
  });

  it('without a session every office route is 401, and nothing is written', async () => {
    const before = await snapshot(h);
    const routes: [string, string, unknown?][] = [
      ...ADMIN_CALLS(),
      ['GET', '/api/staff/me'],
      ['POST', '/api/staff/logout', {}],
      ['POST', '/api/staff/passkeys/options', {}],
      ['GET', '/api/staff/consumers?q=1045'],
      ['GET', '/api/staff/consumers/104521'],
      ['POST', '/api/staff/consumers/104521/unlock', { reason: 'provera' }],
      ['POST', '/api/staff/consumers/104521/notes', { text: 'x' }],
    ];
    for (const [method, path, body] of routes) {
      expect((await staffCall(h, method, path, body)).status, path).toBe(401);
    }
    expect(await snapshot(h)).toBe(before);
  });

  it('an administrator may do everything, each call with its entry', async () => {
    await seedDemoBills(h.deps, join(ROOT, 'demo/bills.csv'));
    for (const [method, path, body] of ADMIN_CALLS()) {
      const n = (await auditRows(h)).length;
      const r = await staffCall(h, method, path, body, admin.cookie);
      expect(r.status, path).toBeLessThan(300);
      const log = await auditRows(h);
      expect(log.length, path).toBe(n + 1);
      expect(log.at(-1)?.staff_id).toBe(admin.id);
      expect(log.at(-1)?.ip).toBe('203.0.113.7');
    }
  });
});

describe('the audit log', () => {
  it('every call under a session writes its entry, look-ups included', async () => {
    const calls: [string, string, unknown?, string?][] = [
      ['GET', '/api/staff/me', undefined, 'staff.me'],
      ['GET', '/api/staff/consumers?q=Ruma', undefined, 'consumer.searched'],
      ['GET', '/api/staff/consumers/104523', undefined, 'consumer.viewed'],
      ['POST', '/api/staff/consumers/104523/unlock', { reason: 'na šalteru' }, 'consumer.pin_unlocked'],
      ['POST', '/api/staff/consumers/104523/notes', { text: 'beleška' }, 'consumer.noted'],
      ['POST', '/api/staff/passkeys/options', {}, 'staff.passkey_options'],
      ['POST', '/api/staff/logout', {}, 'staff.logout'],
    ];
    for (const [method, path, body, action] of calls) {
      const n = (await auditRows(h)).length;
      const r = await staffCall(h, method, path, body, salter.cookie);
      expect(r.status, path).toBeLessThan(300);
      const log = await auditRows(h);
      expect(log.length, path).toBe(n + 1);
      expect(log.at(-1), path).toMatchObject({ action, staff_id: salter.id });
    }
  });

  it('is filtered by staff member, consumer, action and time, and exported as CSV', async () => {
    await staffCall(h, 'GET', '/api/staff/consumers/104521', undefined, salter.cookie);
    await staffCall(h, 'POST', '/api/staff/consumers/104522/unlock', { reason: 'stanar; "hitno"' }, salter.cookie);
    const t = h.clock.now;
    h.clock.advance(60_000);
    await staffCall(h, 'GET', '/api/staff/consumers/104522', undefined, admin.cookie);

    const byConsumer = await staffCall(h, 'GET', '/api/staff/audit?consumer=104522', undefined, admin.cookie);
    expect(byConsumer.body.entries.map((e: { action: string }) => e.action)).toEqual([
      'consumer.viewed',
      'consumer.pin_unlocked',
    ]);
    const bySalter = await staffCall(
      h,
      'GET',
      `/api/staff/audit?staff=${salter.id}&action=consumer.pin_unlocked`,
      undefined,
      admin.cookie,
    );
    expect(bySalter.body.entries).toEqual([
      expect.objectContaining({ consumerCode: '104522', reason: 'stanar; "hitno"', staffId: salter.id }),
    ]);
    const before = await staffCall(h, 'GET', `/api/staff/audit?to=${t + 1}&consumer=104522`, undefined, admin.cookie);
    expect(before.body.entries).toHaveLength(1);
    expect((await staffCall(h, 'GET', '/api/staff/audit?action=drop', undefined, admin.cookie)).status).toBe(422);

    const csv = await h.app.request('/api/staff/audit?format=csv&consumer=104522', {
      headers: { cookie: admin.cookie, 'x-test-ip': '203.0.113.7' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = bytesText(await csv.arrayBuffer());
    expect(text.startsWith('\uFEFFid;vreme;zaposleni;adresa;radnja;sifra_potrosaca;nalog;razlog;detalji\r\n')).toBe(
      true,
    );
    expect(text).toContain(';consumer.pin_unlocked;104522;;"stanar; ""hitno""";');
    // Reading the log is in the log.
    const last = (await auditRows(h)).at(-1);
    expect(last).toMatchObject({ action: 'audit.exported', staff_id: admin.id });
  });

  it('has no UPDATE or DELETE path in the code, and the database refuses both', async () => {
    const files = readdirSync(join(ROOT, 'worker'), { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && f.name.endsWith('.ts'))
      .map((f) => join(f.parentPath, f.name));
    const offending = files.filter((f) =>
      /UPDATE\s+[`"]?audit_log|DELETE\s+FROM\s+[`"]?audit_log|\.(update|delete)\(\s*auditLog\b|TRUNCATE|DROP\s+TABLE\s+[`"]?audit_log/i.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(offending).toEqual([]);
    await staffCall(h, 'GET', '/api/staff/me', undefined, salter.cookie);
    const db = h.deps.db.$client;
    await expect(db.execute("UPDATE audit_log SET reason = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.execute('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect((await auditRows(h)).length).toBeGreaterThan(0);
  });
});

describe('CSRF', () => {
  it("refuses another origin (a residents' site included) on every method, and a body that is not JSON", async () => {
    const before = await snapshot(h);
    for (const origin of ['https://evil.example', 'http://127.0.0.1:8787']) {
      const get = await staffCall(h, 'GET', '/api/staff/consumers?q=1045', undefined, salter.cookie, { origin });
      expect(get.status).toBe(403);
      expect(get.body.error.code).toBe('origin_not_allowed');
      const post = await staffCall(h, 'POST', '/api/staff/consumers/104521/unlock', { reason: 'xyz' }, salter.cookie, {
        origin,
      });
      expect(post.status).toBe(403);
    }
    const form = await staffCall(h, 'POST', '/api/staff/consumers/104521/unlock', undefined, salter.cookie, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const login = await staffCall(h, 'POST', '/api/staff/login/options', undefined, undefined, {
      'content-type': 'text/plain',
    });
    expect(login.status).toBe(415);
    expect(await snapshot(h)).toBe(before);
  });
});

describe("the print house's list", () => {
  async function residents() {
    await seedDemoBills(h.deps, join(ROOT, 'demo/bills.csv'));
    // 104521: e-mail bills (the registration's default); 104522: confirmed, then paper; 104523: pending.
    await confirmedAccount(h, { email: 'milica@example.com' });
    const dragan = await confirmedAccount(h, {
      email: 'dragan@example.com',
      consumerCode: '104522',
      pin: '7390',
      name: 'Dragan Petrović',
    });
    h.clock.advance(10 * 60_000);
    const login = await h.call('POST', '/api/login', dragan);
    expect(
      (await h.call('POST', '/api/account/settings', { emailBills: false }, { cookie: login.cookie })).status,
    ).toBe(200);
    expect(
      (
        await h.call(
          'POST',
          '/api/register',
          registration({ email: 'jelena@example.com', consumerCode: '104523', pin: '1168', name: 'Jelena Nikolić' }),
        )
      ).status,
    ).toBe(202);
  }

  it('lists who gets paper for the period, with the reason, as CSV for Serbian Excel', async () => {
    await residents();
    const res = await h.app.request('/api/staff/print-list?period=2026-11', {
      headers: { cookie: admin.cookie, 'x-test-ip': '203.0.113.7' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="dostava-2026-11-paper.csv"');
    const text = bytesText(await res.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('sifra_potrosaca;ime_prezime;adresa;dostava;razlog;od');
    const rows = lines.slice(1).map((l) => l.split(';'));
    // Ten consumers have a bill for 2026-11; one gets it by e-mail.
    expect(rows.map((r) => r[0])).toEqual([
      '104522',
      '104523',
      '104524',
      '104525',
      '104526',
      '104527',
      '104528',
      '104529',
      '104530',
    ]);
    expect(rows.map((r) => r[4])).toEqual(['opted_out', 'unconfirmed', ...Array(7).fill('no_account')]);
    expect(rows[0][3]).toBe('papir');
    expect(rows[0][5]).toBe(new Date(h.clock.now).toISOString().slice(0, 10));
    expect(lines).toContain('104529;Драгана Стојановић;Карађорђева 14, 22400 Рума;papir;no_account;');
    expect((await auditRows(h)).at(-1)).toMatchObject({ action: 'print_list.exported' });
    expect(JSON.parse(String((await auditRows(h)).at(-1)?.detail))).toEqual({
      period: '2026-11',
      delivery: 'paper',
      rows: 9,
    });
  });

  it('the opposite list, both as JSON, and a period without bills is empty', async () => {
    await residents();
    const email = await staffCall(
      h,
      'GET',
      '/api/staff/print-list?period=2026-11&delivery=email',
      undefined,
      admin.cookie,
      {
        accept: 'application/json',
      },
    );
    expect(email.body.rows).toEqual([
      expect.objectContaining({ consumerCode: '104521', delivery: 'email', reason: null, since: expect.any(Number) }),
    ]);
    const all = await staffCall(
      h,
      'GET',
      '/api/staff/print-list?period=2026-11&delivery=all',
      undefined,
      admin.cookie,
      {
        accept: 'application/json',
      },
    );
    expect(all.body.rows).toHaveLength(10);
    const empty = await staffCall(h, 'GET', '/api/staff/print-list?period=2027-01', undefined, admin.cookie, {
      accept: 'application/json',
    });
    expect(empty.body.rows).toEqual([]);
    expect((await staffCall(h, 'GET', '/api/staff/print-list?period=2026-13', undefined, admin.cookie)).status).toBe(
      422,
    );
    // A resident switching back to e-mail is on the e-mail list from then on.
    const login = await h.call('POST', '/api/login', {
      email: 'dragan@example.com',
      password: registration().password,
    });
    await h.call('POST', '/api/account/settings', { emailBills: true }, { cookie: login.cookie });
    const after = await staffCall(
      h,
      'GET',
      '/api/staff/print-list?period=2026-11&delivery=email',
      undefined,
      admin.cookie,
      {
        accept: 'application/json',
      },
    );
    expect(after.body.rows.map((r: { consumerCode: string }) => r.consumerCode)).toEqual(['104521', '104522']);
  });
});
