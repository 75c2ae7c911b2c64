// The office's bill run: a period's bills and their bill mails by state while the mails wait at
// the transport and after the run, a paid bill's mail cancelled, an undeliverable address and
// paper counted; failed mails (the transport failing) queued again by the retry and then sent,
// a second retry right after queuing none.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, makeHarness, type Harness } from '../harness.ts';
import { softAuthenticator } from '../../support/soft-authenticator.ts';
import type { OutgoingMail } from '../../../worker/src/ports.ts';
import { staffMember } from './steps.ts';
import { lastAudit, officeCall } from './office-steps.ts';

/** A transport that can hold every mail until released, and fail them all. */
function heldTransport() {
  let open = () => {};
  let gate = Promise.resolve();
  const t = {
    name: 'held',
    failing: false,
    sent: [] as string[],
    hold() {
      gate = new Promise<void>((r) => {
        open = r;
      });
    },
    release: () => open(),
    async send(mail: OutgoingMail) {
      await gate;
      if (t.failing) throw new Error('MailChannels answered 500');
      t.sent.push(mail.id);
    },
  };
  return t;
}

let h: Harness;
let transport: ReturnType<typeof heldTransport>;
let admin: { cookie: string; id: string };
async function setUp() {
  transport = heldTransport();
  // One attempt: a failure is final at once.
  h = await makeHarness({ mail: transport, env: { MAIL_MAX_ATTEMPTS: '1' } });
  admin = await staffMember(h, softAuthenticator(), 'admin@komunalac.rs', 'administrator');
  // E-mail bills for three consumers, an undeliverable address for a fourth, paper chosen by a fifth.
  for (const code of ['104521', '104522', '104523']) await account(code);
  await account('104524', { undeliverable: true });
  await account('104525', { emailBills: false });
}
afterEach(async () => {
  transport.release();
  await h.close();
});

/** A confirmed account linked to `code`. */
async function account(code: string, o: { emailBills?: boolean; undeliverable?: boolean } = {}) {
  const now = h.clock.now;
  await h.deps.db.$client.batch(
    [
      {
        sql: `INSERT INTO accounts (id, name, email, password_hash, email_bills, locale, confirmed_at, undeliverable_at,
            undeliverable_reason, created_at, updated_at) VALUES (?, ?, ?, 'x', ?, 'sr-Latn', ?, ?, ?, ?, ?)`,
        args: [
          `acc-${code}`,
          `Stanar ${code}`,
          `s${code}@example.com`,
          o.emailBills === false ? 0 : 1,
          now,
          o.undeliverable ? now : null,
          o.undeliverable ? 'bounce_hard' : null,
          now,
          now,
        ],
      },
      {
        sql: 'INSERT INTO account_consumers (consumer_code, account_id, linked_at) VALUES (?, ?, ?)',
        args: [code, `acc-${code}`, now],
      },
    ],
    'write',
  );
}

const november = () => {
  const [header, ...rows] = readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8').trim().split('\n');
  return `${[header, ...rows.filter((r) => r.split(',')[1] === '2026-11')].join('\n')}\n`;
};
const keep = { keep: true };
const importNovember = () =>
  officeCall(h, 'POST', '/api/staff/imports?kind=bills', admin.cookie, { csv: november(), keep: true });
const progress = () => officeCall(h, 'GET', '/api/staff/runs?period=2026-11', admin.cookie, keep);
const retry = () => officeCall(h, 'POST', '/api/staff/runs/2026-11/retry', admin.cookie, keep);
const NOVEMBER = { period: '2026-11', bills: 10, undeliverable: 1, paper: 7 };

describe('the bill run', () => {
  it('counts the mails while they wait in the outbox and after the run, a paid bill’s mail cancelled', async () => {
    await setUp();
    // The queue holds what the import hands it, so the mails wait in the outbox.
    const queue = h.deps.mailQueue;
    const handed: string[] = [];
    h.deps.mailQueue = { push: async (ids = []) => void handed.push(...ids) };
    expect((await importNovember()).body).toMatchObject({ created: 10, mailed: 3 });
    await h.settle();
    expect(handed).toHaveLength(3);
    const waiting = await progress();
    expect(waiting.status).toBe(200);
    expect(waiting.body).toEqual({ ...NOVEMBER, queued: 3, sent: 0, failed: 0, cancelled: 0, done: false });
    expect(await lastAudit(h)).toMatchObject({
      action: 'run.viewed',
      staff_id: admin.id,
      detail: { period: '2026-11' },
    });
    // Paid before its turn came: nothing to send any more.
    await h.deps.db.$client.execute(
      "UPDATE bills SET paid_at = '2026-12-06' WHERE consumer_code = '104523' AND period = '2026-11'",
    );
    await queue.push(handed);
    await h.settle();
    expect((await progress()).body).toEqual({ ...NOVEMBER, queued: 0, sent: 2, failed: 0, cancelled: 1, done: true });
    // Watching logs once per quarter hour, not at every poll.
    const viewed = async () =>
      (await h.deps.db.$client.execute("SELECT count(*) AS n FROM audit_log WHERE action = 'run.viewed'")).rows[0].n;
    expect(await viewed()).toBe(1);
    await progress();
    expect(await viewed()).toBe(1);
    h.clock.advance(15 * 60_000 + 1);
    await progress();
    expect(await viewed()).toBe(2);
    // Another period: nothing.
    const october = await officeCall(h, 'GET', '/api/staff/runs?period=2026-10', admin.cookie);
    expect(october.body).toMatchObject({ bills: 0, queued: 0, paper: 0, done: true });
    expect((await officeCall(h, 'GET', '/api/staff/runs?period=2026-13', admin.cookie)).status).toBe(422);
  });

  it('queues the failed mails again, once: then they are sent', async () => {
    await setUp();
    transport.failing = true;
    await importNovember();
    await h.settle();
    expect((await progress()).body).toEqual({ ...NOVEMBER, queued: 0, sent: 0, failed: 3, cancelled: 0, done: true });

    transport.failing = false;
    transport.hold();
    const first = await retry();
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ retried: 3 });
    expect(await lastAudit(h)).toMatchObject({ action: 'run.retried', detail: { period: '2026-11', count: 3 } });
    expect((await progress()).body).toMatchObject({ queued: 3, failed: 0, done: false });
    const second = await retry();
    expect(second.body).toEqual({ retried: 0 });
    expect(await lastAudit(h)).toMatchObject({ action: 'run.retried', detail: { period: '2026-11', count: 0 } });

    transport.release();
    await h.settle();
    expect((await progress()).body).toEqual({ ...NOVEMBER, queued: 0, sent: 3, failed: 0, cancelled: 0, done: true });
    expect(transport.sent).toHaveLength(3);
    expect((await retry()).body).toEqual({ retried: 0 });
  });
});
