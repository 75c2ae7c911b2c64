import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, registration, type Harness } from '../harness.ts';
import { startFakeMailChannels, type FakeMailChannels } from '../../support/fake-mailchannels.ts';
import { deliverDue, backoffMs } from '../../../worker/src/mail/outbox.ts';

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
