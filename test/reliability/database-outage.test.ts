// Fault: the database becomes unreachable (libSQL over HTTP, as Turso is reached from the edge)
// and comes back. Meanwhile every request gets a clear 503 `service_unavailable` with
// Retry-After; nothing half-done is left behind; the same server process recovers by itself.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHranaServer, type HranaServer } from '../support/hrana/server.ts';
import {
  api,
  count,
  drained,
  emailOf,
  importConsumers,
  makeResident,
  registration,
  startRig,
  waitFor,
  PASSWORD,
  type Rig,
} from './portal.ts';

let rig: Rig;
let hrana: HranaServer;
const file = join(mkdtempSync(join(tmpdir(), 'jp-outage-')), 'portal.db');
beforeAll(async () => {
  hrana = await startHranaServer(file);
  rig = await startRig({ env: { DATABASE_URL: hrana.url }, dbFile: file });
  await importConsumers(rig.server.url, 10);
});
afterAll(async () => {
  await rig?.close();
  await hrana?.close();
});

it('answers 503 service_unavailable while the database is away and recovers without a restart', async () => {
  const url = rig.server.url;
  const cookie = await makeResident(rig, 0);
  const port = Number(new URL(hrana.url).port);

  await hrana.close();
  const down = [
    await api(url, 'GET', '/api/me', undefined, cookie),
    await api(url, 'POST', '/api/login', { email: emailOf(0), password: PASSWORD }),
    await api(url, 'POST', '/api/register', registration(1)),
    await api(url, 'POST', '/api/password/forgot', { email: emailOf(0) }),
    await api(url, 'GET', '/api/bills', undefined, cookie),
    await api(url, 'GET', '/api/health'),
  ];
  hrana = await startHranaServer(file, port);

  for (const r of down) {
    expect(r.status, r.text).toBe(503);
    expect(JSON.parse(r.text).error.code).toBe('service_unavailable');
    expect(r.retryAfter).toBe('5');
  }
  // Nothing of the refused registration or reset request was kept.
  expect(await count(rig.db, 'SELECT count(*) FROM accounts WHERE email = ?', [emailOf(1)])).toBe(0);
  expect(await count(rig.db, "SELECT count(*) FROM outbox WHERE kind = 'reset'")).toBe(0);

  // Back: the same process (no restart) serves again, and the refused registration can be made.
  const me = await api(url, 'GET', '/api/me', undefined, cookie);
  expect(me.status, me.text).toBe(200);
  expect((await api(url, 'POST', '/api/register', registration(1))).status).toBe(202);
  // The account and its mail are written just after the 202 (auth/registration.ts).
  await waitFor(
    'the registration after the 202',
    async () => (await count(rig.db, 'SELECT count(*) FROM accounts WHERE email = ?', [emailOf(1)])) > 0,
    10_000,
  );
  await drained(rig.db);
  expect(await count(rig.db, 'SELECT count(*) FROM accounts WHERE email = ?', [emailOf(1)])).toBe(1);
  expect(rig.mail.accepted.filter((m) => m.to === emailOf(1))).toHaveLength(1);
  expect(process.kill(rig.server.pid, 0)).toBe(true);
  console.log(
    `database outage: ${down.length} requests during the outage, all 503 service_unavailable; recovered without a restart`,
  );
}, 120_000);

it('leaves no half-made registration when the database goes away mid-traffic', async () => {
  const url = rig.server.url;
  const port = Number(new URL(hrana.url).port);
  const outcome = new Map<string, number | 'cut'>();
  // Staggered, so that some finish before the outage, some are cut mid-way and some start after.
  const traffic = Promise.all(
    Array.from({ length: 8 }, async (_, k) => {
      const i = 2 + k;
      await new Promise((r) => setTimeout(r, k * 25));
      const r = await api(url, 'POST', '/api/register', registration(i)).catch(() => undefined);
      outcome.set(emailOf(i), r?.status ?? 'cut');
    }),
  );
  await new Promise((r) => setTimeout(r, 90));
  await hrana.close();
  await traffic;
  hrana = await startHranaServer(file, port);
  // A registration's account and mail are written just after its 202: give each accepted one
  // (bounded) time to appear before judging, then let the outbox drain.
  const accepted = [...outcome].filter(([, s]) => s === 202).map(([e]) => e);
  const written = () =>
    count(
      rig.db,
      `SELECT count(*) FROM accounts WHERE email IN (${accepted.map(() => '?').join(',') || "''"})`,
      accepted,
    );
  await waitFor(
    'the accepted registrations to be written',
    async () => (await written()) === accepted.length,
    10_000,
  ).catch(() => undefined);
  await drained(rig.db);

  // Work left for after a response that failed (the server logs it and drops it).
  const lostWork = rig.server
    .log()
    .split('\n')
    .filter((l) => l.includes('deferred work failed'));
  if (lostWork.length)
    console.log(
      `database outage mid-traffic: ${lostWork.length} deferred work failed:\n  ${lostWork.join('\n  ').slice(0, 2000)}`,
    );
  for (const [email, status] of outcome) {
    const accounts = await count(rig.db, 'SELECT count(*) FROM accounts WHERE email = ?', [email]);
    const mails = await count(rig.db, "SELECT count(*) FROM outbox WHERE to_address = ? AND kind = 'confirm'", [email]);
    expect([202, 503]).toContain(status);
    expect(accounts, email).toBe(status === 202 ? 1 : 0);
    expect(mails, email).toBe(accounts);
  }
  const counts: Record<string, number> = {};
  for (const s of outcome.values()) counts[s] = (counts[s] ?? 0) + 1;
  console.log(
    `database outage mid-traffic: registrations ${JSON.stringify(counts)}; every 202 has its account and mail, every 503 has neither`,
  );
}, 120_000);
