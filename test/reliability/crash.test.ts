// Fault: the server process is killed (SIGKILL, no shutdown) in the middle of registrations and
// started again on the same database. Every registration that got its 202 has its account and
// its confirmation mail; the ones cut off have both or neither.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer } from '../e2e/server.ts';
import {
  api,
  count,
  drained,
  duplicates,
  emailOf,
  importConsumers,
  registration,
  rigEnv,
  startRig,
  waitFor,
  type Rig,
} from './portal.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
  await importConsumers(rig.server.url, 400);
});
afterAll(async () => {
  await rig?.close();
});

it('keeps every accepted registration and its mail across a kill and restart', async () => {
  const { url, port, dir } = rig.server;
  const outcome = new Map<string, number | 'cut'>();
  let next = 0;
  let killed = false;
  const client = async () => {
    while (!killed && next < 400) {
      const i = next++;
      const r = await api(url, 'POST', '/api/register', registration(i)).catch(() => undefined);
      outcome.set(emailOf(i), r?.status ?? 'cut');
    }
  };
  const clients = Promise.all(Array.from({ length: 6 }, client));
  await waitFor('registrations under way', async () => [...outcome.values()].filter((s) => s === 202).length >= 25);
  await rig.server.kill();
  killed = true;
  await clients;

  rig.server = await startServer({ port, dir, env: rigEnv(rig.mail) });
  // Mails claimed by the killed process wait out their lease (a few seconds here), then go.
  await drained(rig.db);

  const accepted = [...outcome].filter(([, s]) => s === 202).map(([e]) => e);
  const cut = [...outcome].filter(([, s]) => s === 'cut').map(([e]) => e);
  const delivered = new Set(rig.mail.accepted.map((m) => m.to));
  let cutKept = 0;
  for (const email of [...accepted, ...cut]) {
    const accounts = await count(rig.db, 'SELECT count(*) FROM accounts WHERE email = ?', [email]);
    const mails = await count(rig.db, "SELECT count(*) FROM outbox WHERE to_address = ? AND kind = 'confirm'", [email]);
    expect(mails, email).toBe(accounts);
    if (accepted.includes(email)) {
      expect(accounts, email).toBe(1);
      expect(delivered.has(email), email).toBe(true);
    } else {
      cutKept += accounts;
      expect(delivered.has(email)).toBe(accounts === 1);
    }
  }
  const twice = duplicates(rig.mail).length;
  console.log(
    `crash: killed after ${accepted.length} accepted registrations with ${cut.length} cut off in flight (${cutKept} of those had committed); ` +
      `after the restart ${rig.mail.accepted.length} mails delivered, lost: 0, sent twice: ${twice} (a mail handed over just before the kill can only be sent again)`,
  );
  expect(new Set(outcome.values())).toEqual(new Set([202, 'cut']));
  expect(cut.length).toBeGreaterThan(0);
  // At most the mails in flight at the kill (one per client) can go twice.
  expect(twice).toBeLessThanOrEqual(6);
}, 150_000);
