// Delivery events → the truth about mail: stored once by id in any order, a hard bounce or a
// complaint newer than the address's last proof marks it undeliverable (e-bills stop, the account
// says so), soft bounces and deferrals change nothing, and a link opened at the address clears it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, confirmedAccount, GOOD_PASSWORD, ROOT, snapshot, type Harness } from '../harness.ts';
import { recordDeliveryEvents, type DeliveryEvent } from '../../../worker/src/mail/delivery-events.ts';
import { readBounceReport } from '../../../worker/src/mail/bounce-report.ts';
import { cloudflareDeliveryEvent } from '../../../worker/src/mail/cloudflare-events.ts';
import { consumeDeliveryEvents } from '../../../worker/workers/mail-queue.ts';
import { staffCall, staffMember } from '../staff/steps.ts';
import { softAuthenticator } from '../../support/soft-authenticator.ts';
import { ingestBills } from '../../../worker/src/bills/ingest.ts';
import { deliveryRows } from '../../../worker/src/db/statements/delivery-list.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

// Steps shorter than the session idle limit (1 h), so the resident stays logged in.
const HOUR = 20 * 60_000;
const bounce = (email: string, type: DeliveryEvent['type'], o: Partial<DeliveryEvent> = {}): DeliveryEvent => ({
  source: 'admin',
  email,
  type,
  reason: '550 5.1.1 mailbox unavailable',
  ...o,
});
const me = async (cookie?: string) => (await h.call('GET', '/api/me', undefined, { cookie })).body.account;
const count = async (sql: string) => Number((await h.deps.db.$client.execute(sql)).rows[0].n);

describe('delivery events', () => {
  it('a hard bounce marks the address: the account says so, the next bills are not mailed (paper instead)', async () => {
    const a = await confirmedAccount(h);
    const login = await h.call('POST', '/api/login', a);
    h.clock.advance(HOUR);
    expect(await recordDeliveryEvents(h.deps, [bounce(a.email, 'bounce_hard')])).toEqual({ stored: 1 });
    expect((await me(login.cookie)).undeliverable).toEqual({ since: h.clock.now, reason: 'bounce_hard' });
    const r = await ingestBills(h.deps, readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8'));
    expect(r.mailed).toBe(0);
    expect(await count("SELECT count(*) AS n FROM outbox WHERE kind = 'bill'")).toBe(0);
  });

  it("puts the consumer on the print house's list with the reason undeliverable, and back to e-mail from the next period when the address is proven", async () => {
    const a = await confirmedAccount(h);
    await ingestBills(h.deps, readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8'));
    const row = async () => (await deliveryRows(h.deps, '2026-11')).find((r) => r.consumerCode === '104521');
    expect(await row()).toMatchObject({ delivery: 'email', reason: null });
    h.clock.advance(HOUR);
    await recordDeliveryEvents(h.deps, [bounce(a.email, 'bounce_hard')]);
    expect(await row()).toMatchObject({ delivery: 'paper', reason: 'undeliverable', since: h.clock.now });
    await h.call('POST', '/api/password/forgot', { email: a.email });
    await h.call('POST', '/api/password/reset', {
      token: await h.linkFrom('reset'),
      password: 'sasvim druga lozinka 9',
    });
    // This period's bill stays on paper (its own mail bounced); the next period's goes by e-mail.
    expect(await row()).toMatchObject({ delivery: 'paper', reason: 'undeliverable' });
    const november = readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8')
      .split('\n')
      .filter((l, i) => i === 0 || l.startsWith('104521,2026-11,'));
    await ingestBills(h.deps, november.join('\n').replaceAll('2026-11', '2026-12'));
    const december = (await deliveryRows(h.deps, '2026-12')).find((r) => r.consumerCode === '104521');
    expect(december).toMatchObject({ delivery: 'email', reason: null });
  });

  it('is stored once however often it comes, and a bounce older than the last proof of the address changes nothing', async () => {
    const a = await confirmedAccount(h);
    const old = h.clock.now - HOUR; // before the confirmation proved the address
    const late = bounce(a.email, 'bounce_hard', { id: 'evt-1', occurredAt: old });
    expect(await recordDeliveryEvents(h.deps, [late, late])).toEqual({ stored: 1 });
    expect(await recordDeliveryEvents(h.deps, [late])).toEqual({ stored: 0 });
    expect(await count('SELECT count(*) AS n FROM mail_events')).toBe(1);
    const login = await h.call('POST', '/api/login', a);
    expect((await me(login.cookie)).undeliverable).toBeUndefined();
  });

  it('soft bounces and deferrals change nothing; a complaint stops e-bills like a hard bounce', async () => {
    const a = await confirmedAccount(h);
    const login = await h.call('POST', '/api/login', a);
    h.clock.advance(HOUR);
    await recordDeliveryEvents(h.deps, [
      bounce(a.email, 'bounce_soft'),
      bounce(a.email, 'deferred', { reason: 'later' }),
    ]);
    expect((await me(login.cookie)).undeliverable).toBeUndefined();
    await recordDeliveryEvents(h.deps, [bounce(a.email, 'complaint', { reason: 'abuse report' })]);
    expect((await me(login.cookie)).undeliverable?.reason).toBe('complaint');
  });

  it('clears when a link mailed to an address is opened: a new address confirmed, or a reset', async () => {
    const a = await confirmedAccount(h);
    const login = await h.call('POST', '/api/login', a);
    h.clock.advance(HOUR);
    await recordDeliveryEvents(h.deps, [bounce(a.email, 'bounce_hard')]);
    h.clock.advance(HOUR);
    await h.call(
      'POST',
      '/api/account/email',
      { password: GOOD_PASSWORD, email: 'nova@example.com' },
      { cookie: login.cookie },
    );
    const token = await h.linkFrom('email', 'nova@example.com');
    expect((await h.call('POST', '/api/confirm', { token }, { cookie: login.cookie })).status).toBe(200);
    expect((await me(login.cookie)).undeliverable).toBeUndefined();

    h.clock.advance(HOUR);
    await recordDeliveryEvents(h.deps, [bounce('nova@example.com', 'bounce_hard')]);
    expect((await me(login.cookie)).undeliverable).toBeDefined();
    h.clock.advance(HOUR);
    await h.call('POST', '/api/password/forgot', { email: 'nova@example.com' });
    const reset = await h.call('POST', '/api/password/reset', {
      token: await h.linkFrom('reset', 'nova@example.com'),
      password: 'sasvim druga lozinka 9',
    });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(reset.body.account.undeliverable).toBeUndefined();
  });
});

describe('a bounce report (CSV email,type,reason or JSON)', () => {
  it('reads hard, soft and complaint, and names every bad line', () => {
    const good = readBounceReport(
      'email,type,reason\nA@Example.com,hard,550 no such user\nb@example.com,soft,\nc@example.com,complaint,spam\n',
      false,
    );
    expect(good.errors).toEqual([]);
    expect(good.events.map((e) => [e.email, e.type])).toEqual([
      ['a@example.com', 'bounce_hard'],
      ['b@example.com', 'bounce_soft'],
      ['c@example.com', 'complaint'],
    ]);
    const bad = readBounceReport('email,type,reason\nnot-an-address,hard,x\nd@example.com,bounced,x\n', false);
    expect(bad.errors.map((e) => e.line)).toEqual([2, 3]);
    const json = readBounceReport(JSON.stringify([{ email: 'e@example.com', type: 'hard', reason: '5.1.1' }]), true);
    expect(json.events).toMatchObject([{ email: 'e@example.com', type: 'bounce_hard', reason: '5.1.1' }]);
    expect(readBounceReport('{"nope":1}', true).errors).toHaveLength(1);
  });
});

describe('POST /api/admin/bounces', () => {
  const TOKEN = 'b'.repeat(40);
  const post = (x: Harness, body: string, type = 'text/csv', token = TOKEN) =>
    x.call('POST', '/api/admin/bounces', undefined, {
      raw: body,
      headers: { 'content-type': type, authorization: `Bearer ${token}` },
    });

  it('takes the bounce mailbox as CSV or JSON, stores each line once, and refuses a report with a bad line whole', async () => {
    const x = await makeHarness({ env: { ADMIN_TOKEN: TOKEN } });
    try {
      const a = await confirmedAccount(x);
      const login = await x.call('POST', '/api/login', a);
      x.clock.advance(HOUR);
      const csv = `email,type,reason\n${a.email},hard,550 5.1.1 no such user\nniko@example.com,soft,452 mailbox full\n`;
      expect((await post(x, csv)).body).toEqual({ received: 2, stored: 2 });
      expect((await post(x, csv)).body).toEqual({ received: 2, stored: 0 });
      const account = (await x.call('GET', '/api/me', undefined, { cookie: login.cookie })).body.account;
      expect(account.undeliverable.reason).toBe('bounce_hard');

      const before = await snapshot(x);
      const bad = await post(x, 'email,type,reason\nok@example.com,hard,x\nnot an address,hard,x\n');
      expect(bad.status).toBe(422);
      expect(bad.body.error.fields.file).toMatch(/line 3/);
      expect(await snapshot(x)).toBe(before);

      const json = JSON.stringify([{ email: 'c@example.com', type: 'complaint', reason: 'abuse' }]);
      expect((await post(x, json, 'application/json')).body).toEqual({ received: 1, stored: 1 });
      expect((await post(x, 'x', 'text/plain')).status).toBe(415);
      expect((await post(x, csv, 'text/csv', 'c'.repeat(40))).status).toBe(401);
    } finally {
      await x.close();
    }
  });
});

describe("Email Service's events from the queue", () => {
  /** An event as an Email Sending event subscription puts it on the queue. */
  const cfEvent = (eventId: string, what: string, recipient: string, at: number, bounce?: 'hard' | 'soft') => ({
    type: `cf.email.sending.message.${what}`,
    source: { type: 'email.sending', domain: 'stambenoruma.rs' },
    payload: {
      eventId,
      messageId: `<${eventId}@cloudflare.email>`,
      sender: 'racuni@stambenoruma.rs',
      recipient,
      ...(bounce ? { bounce: { type: bounce } } : {}),
    },
    metadata: { eventSchemaVersion: 1, eventTimestamp: new Date(at).toISOString() },
  });
  const batch = (bodies: unknown[]) => {
    const acked: number[] = [];
    return {
      acked,
      batch: {
        queue: 'jp-portal-mail-events',
        messages: bodies.map((body, i) => ({ body, ack: () => void acked.push(i), retry: () => undefined })),
      },
    };
  };

  it('stores each once, in any order and however often it comes, acks all, and a hard bounce moves the address to paper', async () => {
    const a = await confirmedAccount(h);
    const login = await h.call('POST', '/api/login', a);
    const t0 = h.clock.now;
    const delivered = cfEvent('evt-1', 'delivered', a.email, t0 + 1000);
    const soft = cfEvent('evt-2', 'bounced', a.email, t0 + 2000, 'soft');
    const hard = cfEvent('evt-3', 'bounced', a.email, t0 + 3000, 'hard');
    const stranger = { type: 'cf.workers.something', payload: { recipient: a.email } };
    // Out of order, duplicated, with a message that is not ours.
    const first = batch([hard, stranger, delivered, hard]);
    await consumeDeliveryEvents(h.deps, first.batch);
    expect(first.acked).toEqual([0, 1, 2, 3]);
    const replay = batch([soft, delivered, hard]);
    await consumeDeliveryEvents(h.deps, replay.batch);
    const rows = (await h.deps.db.$client.execute('SELECT id, type FROM mail_events ORDER BY occurred_at')).rows;
    expect(rows.map((r) => [r.id, r.type])).toEqual([
      ['cloudflare:evt-1', 'delivered'],
      ['cloudflare:evt-2', 'bounce_soft'],
      ['cloudflare:evt-3', 'bounce_hard'],
    ]);
    const account = (await h.call('GET', '/api/me', undefined, { cookie: login.cookie })).body.account;
    expect(account.undeliverable).toEqual({ since: t0 + 3000, reason: 'bounce_hard' });
  });

  it('maps every documented message event, and a complaint stops e-bills', () => {
    const types = ['delivered', 'deferred', 'bounced', 'complained', 'failed', 'rejected'].map(
      (w) => cloudflareDeliveryEvent(cfEvent(`e-${w}`, w, 'x@example.com', 0, 'hard'))?.type,
    );
    expect(types).toEqual(['delivered', 'deferred', 'bounce_hard', 'complaint', 'bounce_soft', 'bounce_soft']);
    expect(cloudflareDeliveryEvent({ type: 'cf.email.sending.message.bounced', payload: {} })).toBeNull();
  });
});

describe("the office's card", () => {
  it('shows the address as undeliverable and the delivery events of its mail, newest first', async () => {
    const a = await confirmedAccount(h);
    h.clock.advance(HOUR);
    await recordDeliveryEvents(h.deps, [
      bounce(a.email, 'delivered', { id: 'd1', occurredAt: h.clock.now - 1000, reason: undefined }),
      bounce(a.email, 'bounce_hard', { id: 'b1' }),
    ]);
    const admin = await staffMember(h, softAuthenticator(), 'admin@stambenoruma.rs', 'administrator');
    const card = (await staffCall(h, 'GET', '/api/staff/consumers/104521', undefined, admin.cookie)).body.consumer;
    expect(card.account.undeliverable).toEqual({ since: h.clock.now, reason: 'bounce_hard' });
    expect(card.deliveryEvents.map((e: { type: string }) => e.type)).toEqual(['bounce_hard', 'delivered']);
    // As the print house's list has it.
    expect(card.account.delivery).toBe('paper');
  });
});

describe('a bounce report that is no report', () => {
  it('an empty body or a header without email and type is 422 import_failed, never 500', async () => {
    const x = await makeHarness({ env: { ADMIN_TOKEN: 'b'.repeat(40) } });
    try {
      for (const raw of ['', 'adresa,vrsta\nx@example.com,hard\n', '\n\n']) {
        const r = await x.call('POST', '/api/admin/bounces', undefined, {
          raw,
          headers: { 'content-type': 'text/csv', authorization: `Bearer ${'b'.repeat(40)}` },
        });
        expect([r.status, r.body.error.code]).toEqual([422, 'import_failed']);
      }
    } finally {
      await x.close();
    }
  });
});
