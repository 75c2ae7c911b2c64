// Fault: the mail API fails, then hangs past the send timeout, then comes back. Residents keep
// registering meanwhile; afterwards every one of them has exactly one confirmation mail.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  api,
  count,
  drained,
  duplicates,
  emailOf,
  importConsumers,
  registration,
  startRig,
  type Rig,
} from './portal.ts';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
  await importConsumers(rig.server.url, 30);
});
afterAll(async () => {
  await rig?.close();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('loses nothing and sends nothing twice while the mail API is down', async () => {
  const url = rig.server.url;
  const emails: string[] = [];
  const register = async (i: number) => {
    const res = await api(url, 'POST', '/api/register', registration(i));
    expect(res.status, res.text).toBe(202);
    emails.push(emailOf(i));
  };

  rig.mail.mode = 'fail'; // 500 for every send
  for (let i = 0; i < 10; i++) {
    await register(i);
    await pause(200);
  }
  rig.mail.mode = 'hang'; // no answer at all: our 1 s timeout must give up
  for (let i = 10; i < 15; i++) {
    await register(i);
    await pause(300);
  }
  await pause(1500);
  const during = { requests: rig.mail.requests, accepted: rig.mail.accepted.length };
  const retrying = await count(
    rig.db,
    "SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending') AND attempts >= 1",
  );

  rig.mail.mode = 'accept';
  for (let i = 15; i < 20; i++) await register(i);
  await drained(rig.db, 90_000);

  const perAddress = new Map<string, number>();
  for (const m of rig.mail.accepted) perAddress.set(m.to, (perAddress.get(m.to) ?? 0) + 1);
  const lost = emails.filter((e) => !perAddress.has(e));
  const twice = [...perAddress].filter(([, n]) => n > 1);
  const attempts = await count(rig.db, 'SELECT sum(attempts) FROM outbox');
  console.log(
    `mail outage: ${during.requests} failed or hung sends while down (${retrying} mails waiting to retry); ` +
      `${emails.length} registrations, ${rig.mail.accepted.length} mails delivered after ${attempts} attempts; lost: ${lost.length}, sent twice: ${twice.length}`,
  );

  expect(during.accepted).toBe(0);
  expect(during.requests).toBeGreaterThanOrEqual(15);
  expect(retrying).toBe(15);
  expect(lost).toEqual([]);
  expect(twice).toEqual([]);
  expect(duplicates(rig.mail)).toEqual([]);
  expect(rig.mail.accepted.length).toBe(20);
  expect(await count(rig.db, "SELECT count(*) FROM outbox WHERE status != 'sent'")).toBe(0);
}, 150_000);
