// Fault: the server is killed (SIGKILL) in the middle of a bill run and started again on the
// same database. Every bill mail of the import reaches the MailChannels stand-in (which records
// each X-Outbox-Id): none lost, and none twice but the few in flight at the kill (a mail handed
// over just before it can only be sent again); a bill paid in the export, an account that
// declined e-mail bills and one that switched them off during the run get none.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer } from '../e2e/server.ts';
import { ADMIN_TOKEN, count, drained, duplicates, rigEnv, startRig, waitFor, type Rig } from './portal.ts';
import { adminPush, seedTownAccounts, townBillsCsv, townConsumersCsv, townEmail } from '../bench/town.ts';

const N = 400;
const CONCURRENCY = 8;
const paid = (i: number) => i % 10 === 7;
const declines = (i: number) => i % 10 === 3;
// Switched off during the run: the last accounts, whose mails are among the last to go.
const unsubscribes = (i: number) => i >= N - 10;

let rig: Rig;
beforeAll(async () => {
  rig = await startRig({ env: { MAIL_CONCURRENCY: String(CONCURRENCY) } });
  await adminPush(rig.server.url, ADMIN_TOKEN, 'consumers', townConsumersCsv(N));
  await seedTownAccounts(rig.db, N, declines);
});
afterAll(async () => {
  await rig?.close();
});

it('delivers every bill mail of a run once across a kill and restart, none to paid bills or unsubscribed accounts', async () => {
  const { url, port, dir } = rig.server;
  const report = await adminPush(url, ADMIN_TOKEN, 'bills', townBillsCsv(N, paid));
  const queued = N - Array.from({ length: N }, (_, i) => paid(i) || declines(i)).filter(Boolean).length;
  expect(report.mailed).toBe(queued);
  await rig.db.execute({
    sql: `UPDATE accounts SET email_bills = 0 WHERE email IN (${Array.from({ length: 10 }, () => '?').join(', ')})`,
    args: Array.from({ length: 10 }, (_, k) => townEmail(N - 10 + k)),
  });
  await waitFor('the run to be under way', async () => rig.mail.accepted.length >= 60, 60_000);
  await rig.server.kill();
  const beforeKill = rig.mail.accepted.length;

  rig.server = await startServer({ port, dir, env: { ...rigEnv(rig.mail), MAIL_CONCURRENCY: String(CONCURRENCY) } });
  // Mails claimed by the killed process wait out their lease (a few seconds here), then go.
  await drained(rig.db, 120_000);

  const expected = new Set<string>();
  for (let i = 0; i < N; i++) if (!paid(i) && !declines(i) && !unsubscribes(i)) expected.add(townEmail(i));
  const bills = rig.mail.accepted.filter((m) => m.id.startsWith('bill:'));
  const twice = duplicates(rig.mail);
  console.log(
    `bill run crash: ${queued} mails queued, killed after ${beforeKill} accepted; after the restart ${bills.length} accepted, ` +
      `${new Set(bills.map((m) => m.id)).size} distinct, lost: ${expected.size - new Set(bills.map((m) => m.to)).size}, sent twice: ${twice.length}`,
  );
  expect(new Set(bills.map((m) => m.to))).toEqual(expected);
  expect(beforeKill).toBeLessThan(expected.size);
  // Only the mails in flight at the kill (at most one per lane) can have gone twice.
  expect(twice.length).toBeLessThanOrEqual(CONCURRENCY);
  expect(await count(rig.db, "SELECT count(*) FROM outbox WHERE kind = 'bill' AND status = 'cancelled'")).toBe(
    [...Array(10).keys()].filter((k) => !paid(N - 10 + k) && !declines(N - 10 + k)).length,
  );
  expect(await count(rig.db, "SELECT count(*) FROM outbox WHERE kind = 'bill' AND attachments IS NOT NULL")).toBe(0);
}, 240_000);
