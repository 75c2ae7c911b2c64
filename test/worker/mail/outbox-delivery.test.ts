import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, registration, type Harness } from '../harness.ts';
import { startFakeMailChannels, type FakeMailChannels } from '../../support/fake-mailchannels.ts';
import { deliverDue, deliverOne, backoffMs, drainOutbox, enqueueStatement } from '../../../worker/src/mail/outbox.ts';
import { cleanup } from '../../../worker/src/cleanup.ts';
import { consumeMailBatch } from '../../../worker/workers/mail-queue.ts';
import type { OutgoingMail } from '../../../worker/src/ports.ts';

const KEY = 'test-mailchannels-key';
let fake: FakeMailChannels;
let h: Harness;

beforeEach(async () => {
  fake = await startFakeMailChannels(KEY);
  h = await makeHarness({
    env: {
      MAIL_TRANSPORT: 'mailchannels',
      MAILCHANNELS_API_KEY: KEY,
      MAILCHANNELS_URL: fake.url,
      MAIL_TIMEOUT_MS: '300',
      MAIL_MAX_ATTEMPTS: '6',
    },
  });
});
afterEach(async () => {
  await h.close();
  await fake.close();
});

const statuses = async () =>
  (await h.deps.db.$client.execute('SELECT status, attempts, last_error FROM outbox ORDER BY created_at')).rows;
const CODES: [string, string][] = [
  ['104521', '4821'],
  ['104522', '7390'],
  ['104523', '1168'],
];

describe('the outbox with MailChannels failing', () => {
  it('loses nothing through 500s and time-outs, and delivers each mail once after recovery', async () => {
    fake.mode = 'fail';
    for (const [i, [code, pin]] of CODES.entries()) {
      expect(
        (
          await h.call(
            'POST',
            '/api/register',
            registration({ email: `r${i}@example.com`, consumerCode: code, pin, name: `Korisnik ${i}` }),
          )
        ).status,
      ).toBe(202);
    }
    await h.settle();
    expect((await statuses()).map((r) => [r.status, r.attempts])).toEqual([
      ['pending', 1],
      ['pending', 1],
      ['pending', 1],
    ]);
    expect((await statuses())[0].last_error).toMatch(/500/);

    fake.mode = 'hang';
    h.clock.advance(backoffMs(1));
    expect(await deliverDue(h.deps)).toEqual({ sent: 0, retried: 3, failed: 0 });
    expect((await statuses())[0].last_error).toMatch(/abort|timeout/i);

    fake.mode = 'accept';
    // Not due yet: backoff doubles, nothing is sent early.
    expect(await deliverDue(h.deps)).toEqual({ sent: 0, retried: 0, failed: 0 });
    h.clock.advance(backoffMs(2));
    expect(await deliverDue(h.deps)).toEqual({ sent: 3, retried: 0, failed: 0 });
    h.clock.advance(24 * 3600_000);
    expect(await deliverDue(h.deps)).toEqual({ sent: 0, retried: 0, failed: 0 });

    expect((await statuses()).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(fake.accepted.map((a) => a.to).sort()).toEqual(['r0@example.com', 'r1@example.com', 'r2@example.com']);
    expect(new Set(fake.accepted.map((a) => a.id)).size).toBe(3);
    expect(fake.rejectedShapes).toEqual([]);
  });

  it('gives up after MAIL_MAX_ATTEMPTS and records why', async () => {
    fake.mode = 'fail';
    await h.call('POST', '/api/register', registration());
    await h.settle();
    for (let attempt = 1; attempt < 6; attempt++) {
      h.clock.advance(backoffMs(attempt));
      await deliverDue(h.deps);
    }
    expect(await statuses()).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 6, last_error: expect.stringMatching(/500/) }),
    ]);
  });

  it('never delivers one mail twice when two senders run at once', async () => {
    fake.mode = 'fail';
    await h.call('POST', '/api/register', registration());
    await h.settle();
    fake.mode = 'accept';
    h.clock.advance(backoffMs(1));
    await Promise.all([deliverDue(h.deps), deliverDue(h.deps), deliverDue(h.deps)]);
    expect(fake.accepted).toHaveLength(1);
  });
});

/** A transport that takes `ms` per mail, counts how many it holds at once and fails the ids in `failing`. */
function slowTransport(ms: number) {
  const t = {
    name: 'slow',
    inFlight: 0,
    most: 0,
    sent: [] as string[],
    failing: new Set<string>(),
    async send(mail: OutgoingMail) {
      t.inFlight++;
      t.most = Math.max(t.most, t.inFlight);
      await new Promise((r) => setTimeout(r, ms));
      t.inFlight--;
      if (t.failing.has(mail.id)) throw new Error('MailChannels answered 500');
      t.sent.push(mail.id);
    },
  };
  return t;
}

async function queueMails(h: Harness, n: number): Promise<string[]> {
  const mails = Array.from({ length: n }, (_, i) =>
    enqueueStatement(h.deps, 'test', `m${i}@example.com`, { subject: `s${i}`, text: 't', html: '<p>h</p>' }),
  );
  await h.deps.db.batch(mails.map((m) => m.stmt) as never);
  return mails.map((m) => m.id);
}

describe('a run of mails', () => {
  it('goes out MAIL_CONCURRENCY at once, every mail once, mails written meanwhile included', async () => {
    const transport = slowTransport(15);
    const r = await makeHarness({ env: { MAIL_CONCURRENCY: '5' }, mail: transport });
    try {
      const ids = await queueMails(r, 60);
      const draining = Promise.all([drainOutbox(r.deps), drainOutbox(r.deps)]);
      const later = await queueMails(r, 10);
      const reports = await draining;
      await drainOutbox(r.deps);
      expect(transport.most).toBeLessThanOrEqual(10);
      expect(transport.most).toBeGreaterThanOrEqual(5);
      expect(transport.sent.sort()).toEqual([...ids, ...later].sort());
      expect(reports[0].sent + reports[1].sent).toBeGreaterThanOrEqual(60);
    } finally {
      await r.close();
    }
  });

  it('sends each mail once when 200 deliveries of 100 mails race (a queue delivering every message twice)', async () => {
    const transport = slowTransport(5);
    const r = await makeHarness({ mail: transport });
    try {
      const ids = await queueMails(r, 100);
      const outcomes = await Promise.all([...ids, ...ids].map((id) => deliverOne(r.deps, id)));
      expect(transport.sent.sort()).toEqual([...ids].sort());
      expect(outcomes.filter((o) => o.outcome === 'sent')).toHaveLength(100);
      expect(outcomes.filter((o) => o.outcome === 'skipped')).toHaveLength(100);
    } finally {
      await r.close();
    }
  });

  it('keeps a sent mail whole for MAIL_BODY_RETENTION_H, then only its record, for 30 days', async () => {
    const r = await makeHarness({ env: { MAIL_BODY_RETENTION_H: '24' }, mail: slowTransport(0) });
    try {
      const [id] = await queueMails(r, 1);
      await drainOutbox(r.deps);
      const row = async () =>
        (await r.deps.db.$client.execute({ sql: 'SELECT * FROM outbox WHERE id = ?', args: [id] })).rows[0];
      r.clock.advance(23 * 3600_000);
      await cleanup(r.deps);
      expect(await row()).toMatchObject({ status: 'sent', subject: 's0', text_body: 't', html_body: '<p>h</p>' });
      r.clock.advance(2 * 3600_000);
      await cleanup(r.deps);
      expect(await row()).toMatchObject({
        status: 'sent',
        to_address: 'm0@example.com',
        subject: 's0',
        text_body: '',
        html_body: '',
      });
      r.clock.advance(30 * 24 * 3600_000);
      await cleanup(r.deps);
      expect(await row()).toBeUndefined();
    } finally {
      await r.close();
    }
  });
});

describe('the queue consumer (Workers)', () => {
  const message = (body: unknown) => {
    const m = { body, acked: 0, retried: [] as (number | undefined)[] };
    return Object.assign(m, {
      ack: () => void m.acked++,
      retry: (o?: { delaySeconds?: number }) => void m.retried.push(o?.delaySeconds),
    });
  };

  it('acks each mail once sent, retries a failed send after the backoff, and sends a message given twice once', async () => {
    const transport = slowTransport(1);
    const r = await makeHarness({ env: { MAIL_RETRY_BASE_S: '30' }, mail: transport });
    try {
      const [good, bad] = await queueMails(r, 2);
      transport.failing.add(bad);
      const batch = [message({ id: good }), message({ id: bad }), message({ id: good }), message('junk')];
      await consumeMailBatch(r.deps, { queue: 'jp-portal-mail', messages: batch });
      expect(transport.sent).toEqual([good]);
      expect(batch.map((m) => [m.acked, m.retried])).toEqual([
        [1, []],
        [0, [30]],
        [1, []],
        [1, []],
      ]);
      // The platform delivers the retried message after its delay: sent then.
      transport.failing.clear();
      r.clock.advance(30_000);
      const again = message({ id: bad });
      await consumeMailBatch(r.deps, { queue: 'jp-portal-mail', messages: [again] });
      expect(transport.sent).toEqual([good, bad]);
      expect(again.acked).toBe(1);
    } finally {
      await r.close();
    }
  });

  it('throws when the database is out of reach, leaving the messages to the platform', async () => {
    const r = await makeHarness({ mail: slowTransport(0) });
    const [id] = await queueMails(r, 1);
    const m = message({ id });
    r.deps.db.$client.close();
    await expect(consumeMailBatch(r.deps, { queue: 'jp-portal-mail', messages: [m] })).rejects.toThrow();
    expect([m.acked, m.retried]).toEqual([0, []]);
    await r.close().catch(() => undefined);
  });
});
