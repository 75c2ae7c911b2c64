// An e-bill that does not arrive goes on paper: the matrix of what happened to the bill's own mail
// (or to the address) × when, and what the print house's list says for the period and the next
// (db/statements/delivery-list.ts; PRINT_DEADLINE_DAYS = 3, BILL_MAIL_UNDELIVERED_DAYS = 3 here).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confirmedAccount, makeHarness, ROOT, type Harness } from '../harness.ts';
import { ingestBills } from '../../../worker/src/bills/ingest.ts';
import { deliveryRows } from '../../../worker/src/db/statements/delivery-list.ts';
import { recordDeliveryEvents, type DeliveryEvent } from '../../../worker/src/mail/delivery-events.ts';

const DAY = 24 * 60 * 60_000;
const CODE = '104521';
const demo = readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8').split('\n');
/** One bill of 104521 for `period` (its November line, moved). */
const billFile = (period: string) =>
  [demo[0], ...demo.filter((l) => l.startsWith(`${CODE},2026-11,`))].join('\n').replaceAll('2026-11', period);

let h: Harness;
let email: string;
beforeEach(async () => {
  h = await makeHarness({ env: { PRINT_DEADLINE_DAYS: '3', BILL_MAIL_UNDELIVERED_DAYS: '3' } });
  email = (await confirmedAccount(h)).email;
  h.clock.advance(60_000);
  await ingestBills(h.deps, billFile('2026-11'));
  h.clock.advance(60_000);
});
afterEach(async () => {
  await h.close();
});

const row = async (period = '2026-11') => (await deliveryRows(h.deps, period)).find((r) => r.consumerCode === CODE);
const billMail = async () =>
  String((await h.deps.db.$client.execute('SELECT outbox_id FROM bill_mails')).rows[0].outbox_id);
const event = (type: DeliveryEvent['type'], o: Partial<DeliveryEvent> = {}): DeliveryEvent => ({
  source: 'cloudflare',
  email,
  type,
  occurredAt: h.clock.now,
  ...o,
});
const EMAIL = { delivery: 'email', reason: null };
const PAPER = { delivery: 'paper', reason: 'undeliverable' };

describe("the print house's list when an e-bill does not arrive", () => {
  it('the bill mail bounced for good (named by its Message-ID) → this bill on paper, even after the deadline', async () => {
    h.clock.advance(5 * DAY);
    await recordDeliveryEvents(h.deps, [event('bounce_hard', { outboxId: await billMail() })]);
    expect(await row()).toMatchObject(PAPER);
  });

  it('a complaint about the bill mail → paper (and e-bills stop for the address)', async () => {
    await recordDeliveryEvents(h.deps, [event('complaint', { outboxId: await billMail() })]);
    expect(await row()).toMatchObject(PAPER);
  });

  it('the transport gave up on it (outbox failed) → paper', async () => {
    await h.deps.db.$client.execute({
      sql: "UPDATE outbox SET status = 'failed' WHERE id = ?",
      args: [await billMail()],
    });
    expect(await row()).toMatchObject(PAPER);
  });

  it('a soft bounce: still e-mail within the days the provider retries; paper once they pass undelivered', async () => {
    await recordDeliveryEvents(h.deps, [event('bounce_soft', { outboxId: await billMail() })]);
    expect(await row()).toMatchObject(EMAIL);
    h.clock.advance(2 * DAY);
    expect(await row()).toMatchObject(EMAIL);
    h.clock.advance(DAY + 60_000);
    expect(await row()).toMatchObject(PAPER);
  });

  it('a soft bounce and then its delivery → e-mail, however long after', async () => {
    await recordDeliveryEvents(h.deps, [event('deferred', { outboxId: await billMail() })]);
    h.clock.advance(DAY);
    await recordDeliveryEvents(h.deps, [event('delivered', { outboxId: await billMail() })]);
    h.clock.advance(10 * DAY);
    expect(await row()).toMatchObject(EMAIL);
  });

  it('an event that does not quote our Message-ID counts for the mail when it is to the address after the mail was written', async () => {
    await recordDeliveryEvents(h.deps, [event('bounce_soft', { outboxId: null })]);
    h.clock.advance(4 * DAY);
    expect(await row()).toMatchObject(PAPER);
  });

  it('the address marked by another mail before the print deadline → paper for this period', async () => {
    h.clock.advance(DAY);
    await recordDeliveryEvents(h.deps, [event('bounce_hard', { outboxId: 'reset:other' })]);
    expect(await row()).toMatchObject({ ...PAPER, since: h.clock.now });
  });

  it('the address marked by another mail after the deadline → this period stays e-mail (printed already), the next on paper', async () => {
    h.clock.advance(4 * DAY);
    await recordDeliveryEvents(h.deps, [event('bounce_hard', { outboxId: 'reset:other' })]);
    expect(await row()).toMatchObject(EMAIL);
    h.clock.advance(DAY);
    const r = await ingestBills(h.deps, billFile('2026-12'));
    expect(r.mailed).toBe(0);
    expect(await row('2026-12')).toMatchObject(PAPER);
  });

  it('nothing heard of the mail (SMTP without bounces fed) → e-mail', async () => {
    h.clock.advance(30 * DAY);
    expect(await row()).toMatchObject(EMAIL);
  });
});
