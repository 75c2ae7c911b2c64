// Abuse limits (worker/src/config.ts `limits`), attacked the way an attacker would: PIN
// guessing, credential stuffing and mail flooding, from one address and from many. Each test
// prints what got through and asserts the documented limit, the 429 answer and its cost.
// One request at a time, in process, with a test clock; the same limits under bursts of 100
// parallel requests against the real Node server are in abuse-parallel.test.ts, and the attacks
// across flows (e-mail-change takeover, lock-out) in abuse-sequences.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeHarness,
  confirmedAccount,
  registration,
  GOOD_PASSWORD,
  type Harness,
  type Reply,
} from '../worker/harness.ts';
import { ADMIN_TOKEN, createAccounts, fresh, tally, mailsTo } from './abuse-setup.ts';

let h: Harness;
let limits: Harness['deps']['config']['limits'];
let residentCookie: string;
let accounts: string[];

beforeAll(async () => {
  h = await makeHarness({ env: { ADMIN_TOKEN } });
  limits = h.deps.config.limits;
  residentCookie = (await h.call('POST', '/api/login', await confirmedAccount(h))).cookie!;
  accounts = await createAccounts(h, 30);
});
afterAll(async () => {
  await h.close();
});

const MIN = 60_000;
const wrongPin = (i: number) => String(1000 + (i % 9000)).padStart(4, '0');

describe('abuse limits', () => {
  it('PIN guessing against one consumer code from 200 addresses: 5 guesses checked per window', async () => {
    const code = '104522',
      rightPin = '7390';
    const attempt = (pin: string, ip: string, email = `guess-${ip}@example.com`) =>
      h.call('POST', '/api/register', registration({ consumerCode: code, pin, email }), { ip });
    const hashes = h.counts.hash;
    const replies: Reply[] = [];
    for (let i = 0; i < 200; i++) replies.push(await attempt(wrongPin(i), fresh()));
    const t = tally(replies);
    const checked = replies.filter((r) => r.body.error?.code === 'invalid_consumer_credentials').length;
    // Only a checked guess is counted; a refused one never reaches the PIN comparison.
    const counted = await throttleCount(`pin:code:${code}`);
    expect(checked).toBe(limits.pinMaxFailures);
    expect(counted).toBe(limits.pinMaxFailures);
    expect(t[429]).toBe(200 - limits.pinMaxFailures);
    expect(
      replies
        .filter((r) => r.status === 429)
        .every((r) => r.body.error.code === 'too_many_attempts' && Number(r.headers.get('retry-after')) > 0),
    ).toBe(true);
    expect(h.counts.hash).toBe(hashes);

    // The code is locked until its window ends, even for the right PIN, and on the link route too.
    const locked = await attempt(rightPin, fresh(), 'owner@example.com');
    const viaLink = await h.call(
      'POST',
      '/api/account/consumers/link',
      { consumerCode: code, pin: rightPin },
      { cookie: residentCookie, ip: fresh() },
    );
    expect([locked.status, viaLink.status]).toEqual([429, 429]);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBe(limits.pinWindowMs / 1000);
    h.clock.advance(limits.pinWindowMs - 1000);
    expect((await attempt(rightPin, fresh(), 'owner@example.com')).status).toBe(429);
    h.clock.advance(1000);
    const owner = await attempt(rightPin, fresh(), 'owner@example.com');
    expect(owner.status).toBe(202);
    console.log(
      `abuse PIN (200 IPs → code ${code}): 200 attempts, ${checked} checked (400), ${t[429]} refused (429, no PIN check); ` +
        `right PIN refused for ${retryAfter} s (Retry-After), then accepted (${owner.status})`,
    );
  });

  it('PIN guessing from one address across 100 consumer codes: stops at 20', async () => {
    const ip = fresh();
    const replies: Reply[] = [];
    for (let i = 0; i < 100; i++) {
      replies.push(
        await h.call(
          'POST',
          '/api/account/consumers/link',
          { consumerCode: String(200_000 + i), pin: wrongPin(i) },
          { cookie: residentCookie, ip },
        ),
      );
    }
    const t = tally(replies);
    expect(t[400]).toBe(limits.pinIpMaxFailures);
    expect(t[429]).toBe(100 - limits.pinIpMaxFailures);
    expect(await throttleCount(`pin:ip:${ip}`)).toBe(limits.pinIpMaxFailures);
    // The address is locked for every code, the right PIN of a free one included; others are not.
    // (This session has also spent its account's daily code links, so another resident links.)
    const right = { consumerCode: '104523', pin: '1168' };
    const fromAttacker = await h.call('POST', '/api/account/consumers/link', right, { cookie: residentCookie, ip });
    const sameSession = await h.call('POST', '/api/account/consumers/link', right, {
      cookie: residentCookie,
      ip: fresh(),
    });
    const other = (
      await h.call('POST', '/api/login', { email: accounts[29], password: GOOD_PASSWORD }, { ip: fresh() })
    ).cookie!;
    const fromElsewhere = await h.call('POST', '/api/account/consumers/link', right, { cookie: other, ip: fresh() });
    expect([fromAttacker.status, sameSession.status, fromElsewhere.status]).toEqual([429, 429, 201]);
    expect(
      await throttleCount(
        `account:link:${(await h.call('GET', '/api/me', undefined, { cookie: residentCookie })).body.account.id}`,
      ),
    ).toBe(limits.accountActionsPerDay);
    console.log(
      `abuse PIN (one IP → 100 codes): 100 attempts, ${t[400]} checked (400), ${t[429]} refused (429); ` +
        `a right PIN from that IP ${fromAttacker.status}, from the same session elsewhere ${sameSession.status} (${limits.accountActionsPerDay} code links a day), ` +
        `from another resident elsewhere ${fromElsewhere.status}`,
    );
  });

  it('credential stuffing from one address across 30 accounts and 10 unknown e-mails: stops at 50, refusals cost no Argon2', async () => {
    const ip = fresh();
    const targets = [...accounts, ...accounts, ...Array.from({ length: 10 }, (_, i) => `nobody${i}@example.com`)];
    const verifies = h.counts.verify;
    const replies: Reply[] = [];
    const argonPerReply: number[] = [];
    for (const email of targets) {
      const before = h.counts.verify;
      replies.push(await h.call('POST', '/api/login', { email, password: `${GOOD_PASSWORD}!` }, { ip }));
      argonPerReply.push(h.counts.verify - before);
    }
    const t = tally(replies);
    const argon = h.counts.verify - verifies;
    expect(t[401]).toBe(limits.loginIpMaxFailures);
    expect(t[429]).toBe(targets.length - limits.loginIpMaxFailures);
    expect(argon).toBe(limits.loginIpMaxFailures);
    expect(replies.every((r, i) => argonPerReply[i] === (r.status === 401 ? 1 : 0))).toBe(true);
    // Known and unknown e-mails get the same refusal.
    expect(new Set(replies.map((r) => `${r.status} ${JSON.stringify(r.body)}`)).size).toBe(2);
    const right = { email: accounts[0], password: GOOD_PASSWORD };
    const fromAttacker = await h.call('POST', '/api/login', right, { ip });
    const fromElsewhere = await h.call('POST', '/api/login', right, { ip: fresh() });
    expect([fromAttacker.status, fromElsewhere.status]).toEqual([429, 200]);
    console.log(
      `abuse login (one IP → 30 accounts ×2 + 10 unknown): ${targets.length} attempts, ${t[401]} checked (401, ${argon} Argon2), ` +
        `${t[429]} refused (429, 0 Argon2); the right password from that IP ${fromAttacker.status}, from another IP ${fromElsewhere.status}`,
    );
  });

  it('password guessing against one account from a fresh address each time: delays double from 1 s up to the cap', async () => {
    const email = accounts[1];
    const start = h.clock.now;
    const verifies = h.counts.verify;
    const delays: number[] = [];
    let checked = 0,
      refused = 0;
    // A patient attacker: waits out each Retry-After, for one simulated hour.
    while (h.clock.now - start < 60 * MIN) {
      const before = h.counts.verify;
      const r = await h.call('POST', '/api/login', { email, password: `guess ${checked}` }, { ip: fresh() });
      if (r.status === 401) {
        checked++;
        continue;
      }
      expect(r.status).toBe(429);
      expect(h.counts.verify).toBe(before);
      refused++;
      const wait = Number(r.headers.get('retry-after'));
      delays.push(wait);
      h.clock.advance(wait * 1000);
    }
    // After the free failures, each further one doubles the wait: 1 s, 2 s, 4 s …
    expect(delays.slice(0, 10)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
    // …and stays at the cap: the account's failures outlive the longest delay, so waiting
    // does not start the doubling over (at most the free ones plus ~15 guesses in the hour).
    expect(delays.slice(10).every((d) => d === limits.loginMaxDelayMs / 1000)).toBe(true);
    expect(checked).toBeLessThanOrEqual(limits.loginFreeFailures + 11);
    expect(h.counts.verify - verifies).toBe(checked);
    console.log(
      `abuse login (fresh IP each time → one account, 1 h simulated): ${checked + refused} attempts, ${checked} checked (Argon2), ${refused} refused (429); ` +
        `delays in s: ${delays.join(',')}; longest ${Math.max(...delays)} s of the ${limits.loginMaxDelayMs / 1000} s cap`,
    );
  });

  it('reset-mail flooding: 5 mails per address per hour, 20 requests per IP, answers alike for unknown e-mails', async () => {
    const target = accounts[2];
    const replies: Reply[] = [];
    for (let i = 0; i < 100; i++)
      replies.push(await h.call('POST', '/api/password/forgot', { email: target }, { ip: fresh() }));
    expect(tally(replies)).toEqual({ 202: 100 });
    const perAddress = await mailsTo(h, target, 'reset');
    expect(perAddress).toBe(limits.mailRequestsPerHour);
    // Past the limit the answer is still the same 202 as for an address with no account.
    const unknown = await h.call('POST', '/api/password/forgot', { email: 'nobody@example.com' }, { ip: fresh() });
    expect(sameAnswer(unknown, replies[99])).toBe(true);
    h.clock.advance(60 * MIN);
    await h.call('POST', '/api/password/forgot', { email: target }, { ip: fresh() });
    expect(await mailsTo(h, target, 'reset')).toBe(limits.mailRequestsPerHour + 1);
    console.log(
      `abuse reset mail (100 IPs → one address): 100 requests, all 202, ${perAddress} mails queued in the hour; one more an hour later`,
    );

    // Known and unknown addresses from fresh IPs: the same answer.
    const known = await h.call('POST', '/api/password/forgot', { email: accounts[3] }, { ip: fresh() });
    const ghost = await h.call('POST', '/api/password/forgot', { email: 'ghost@example.com' }, { ip: fresh() });
    expect(sameAnswer(known, ghost)).toBe(true);

    // One address asking for 25 accounts, then for 5 without one.
    const ip = fresh();
    const emails = [...accounts.slice(4, 29), ...Array.from({ length: 5 }, (_, i) => `ghost${i}@example.com`)];
    const mailsBefore = await mailsTo(h, undefined, 'reset');
    const flood: Reply[] = [];
    for (const email of emails) flood.push(await h.call('POST', '/api/password/forgot', { email }, { ip }));
    const t = tally(flood);
    const queued = (await mailsTo(h, undefined, 'reset')) - mailsBefore;
    expect(t[202]).toBe(limits.mailRequestsIpPerHour);
    expect(t[429]).toBe(emails.length - limits.mailRequestsIpPerHour);
    expect(queued).toBe(limits.mailRequestsIpPerHour);
    expect(sameAnswer(flood[24], flood[25])).toBe(true);
    console.log(
      `abuse reset mail (one IP → ${emails.length} addresses): ${t[202]} accepted (202), ${t[429]} refused (429), ${queued} mails queued; ` +
        `known and unknown addresses answered alike (${known.status}/${ghost.status}, then ${flood[24].status}/${flood[25].status})`,
    );
  });
});

function sameAnswer(a: Reply, b: Reply): boolean {
  return (
    a.status === b.status &&
    JSON.stringify(a.body) === JSON.stringify(b.body) &&
    a.headers.get('retry-after') === b.headers.get('retry-after')
  );
}

async function throttleCount(key: string): Promise<number> {
  const [row] = (await h.deps.db.$client.execute({ sql: 'SELECT count FROM throttles WHERE key = ?', args: [key] }))
    .rows;
  return Number(row?.count ?? 0);
}
