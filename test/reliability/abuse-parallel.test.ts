// Abuse limits under parallel requests (issue 10): every throttle counts first, so a burst of
// 100 requests sent at once gets no more through than the limit, however the requests race.
// Against the real Node server in its own process, loopback only; client addresses are named in
// X-Forwarded-For (the rig trusts its proxy). Each test prints what the limit let through, and
// the file ends with a table of them. No timing in pass/fail: bursts are judged by their answers,
// the server's throttle rows and its outbox; where a rule lets more through as time passes (the
// growing login delay), the allowance is computed from the time the burst took.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../worker/src/config.ts';
import { testUtility } from '../support/utility.ts';
import { ADMIN_TOKEN, importConsumers, registration, startRig, type Rig } from './portal.ts';
import {
  age,
  burst,
  countOf,
  freshIp,
  hit,
  mails,
  printFigures,
  resident,
  scalar,
  settled,
  tallyOf,
  throttleCount,
  wrongPin,
  type Figure,
  type Resident,
} from './abuse-rig.ts';

const N = 100; // requests in a burst
const DAY = 24 * 3600_000;
// The server's numbers: the same defaults (and environment) as the process the rig starts.
// The first login delay is a minute here, so "the right password right after the burst still
// waits" holds however slow the machine is (with the default 1 s it depends on timing).
const ENV = { LOGIN_FIRST_DELAY_S: '60' };
const { limits: L, argon2 } = loadConfig({ ...process.env, APP_ENV: 'development', ...ENV }, testUtility);
const figures: Figure[] = [];
let rig: Rig;
let people: Resident[];

beforeAll(async () => {
  rig = await startRig({ env: ENV });
  await importConsumers(rig.server.url, 200);
  people = [];
  for (let i = 0; i < 5; i++) people.push(await resident(rig, i));
}, 120_000);
afterAll(async () => {
  if (figures.length)
    printFigures(
      `abuse, parallel bursts of ${N} against the Node server (Argon2 ${argon2.maxConcurrent} running + ${argon2.maxQueued} waiting):`,
      figures,
    );
  await rig?.close();
});

const tallyText = (t: Record<string, number>) =>
  Object.entries(t)
    .map(([k, v]) => `${v}× ${k}`)
    .join(', ');

describe('parallel abuse', () => {
  it(`wrong PINs on one consumer code from one address, ${N} at once: at most ${L.pinMaxFailures} evaluated`, async () => {
    const c = registration(50);
    const ip = freshIp();
    const replies = await burst(N, (k) =>
      hit(rig, 'POST', '/api/register', { ...c, email: `pogodak${k}@example.com`, pin: wrongPin(c.pin, k) }, { ip }),
    );
    const evaluated = countOf(replies, 400, 'invalid_consumer_credentials');
    const refused = countOf(replies, 429, 'too_many_attempts');
    expect(evaluated + refused, tallyText(tallyOf(replies))).toBe(N);
    expect(evaluated).toBeLessThanOrEqual(Math.min(L.pinMaxFailures, L.pinIpMaxFailures));
    expect(await throttleCount(rig, `pin:code:${c.consumerCode}`)).toBe(evaluated);
    // The code's window is full: its right PIN waits too, from anywhere.
    const right = await hit(rig, 'POST', '/api/register', c, { ip: freshIp() });
    expect(right.status).toBe(429);
    console.log(
      `abuse ∥ PIN (one address → code ${c.consumerCode}): ${N} at once: ${tallyText(tallyOf(replies))}; the right PIN from elsewhere then ${right.status}`,
    );
    figures.push({
      what: 'wrong PINs, one code, one address',
      sent: N,
      limit: `${L.pinMaxFailures} per code / ${L.pinWindowMs / 60_000} min`,
      through: `${evaluated} evaluated`,
      refused: `${refused}× 429`,
    });
  });

  it(`wrong PINs on one consumer code from ${N} addresses at once, window after window: ${L.pinMaxFailures} per window, ${L.pinDailyMaxFailures} a day, ${L.pinTotalMaxFailures} in all, then 423 until unlocked`, async () => {
    const c = registration(51);
    const keys = {
      code: `pin:code:${c.consumerCode}`,
      day: `pin:day:${c.consumerCode}`,
      total: `lock:pin:${c.consumerCode}`,
    };
    // A row's count as the next request will see it: nothing once its window is over.
    const live = async (key: string, windowMs: number) => {
      const [row] = (
        await rig.db.execute({ sql: 'SELECT count, window_start FROM throttles WHERE key = ?', args: [key] })
      ).rows;
      return row && Number(row.window_start) + windowMs > Date.now() ? Number(row.count) : 0;
    };
    const rows = async () => ({
      code: await live(keys.code, L.pinWindowMs),
      day: await live(keys.day, DAY),
      total: await throttleCount(rig, keys.total),
    });
    const rounds: string[] = [];
    let evaluatedInAll = 0,
      r429 = 0,
      r423 = 0,
      locked = 0,
      sent = 0,
      spurious = 0;
    for (let round = 1; round <= 12; round++) {
      const before = await rows();
      const room = Math.max(
        0,
        Math.min(
          L.pinMaxFailures - before.code,
          L.pinDailyMaxFailures - before.day,
          L.pinTotalMaxFailures - before.total,
        ),
      );
      const replies = await burst(N, (k) =>
        hit(
          rig,
          'POST',
          '/api/register',
          { ...c, email: `r${round}g${k}@example.com`, pin: wrongPin(c.pin, round * N + k) },
          { ip: freshIp() },
        ),
      );
      sent += N;
      const evaluated = countOf(replies, 400, 'invalid_consumer_credentials');
      const t = tallyOf(replies);
      expect(evaluated, tallyText(t)).toBeLessThanOrEqual(room);
      expect(
        evaluated + countOf(replies, 429, 'too_many_attempts') + countOf(replies, 423, 'consumer_locked'),
        tallyText(t),
      ).toBe(N);
      expect((await rows()).total - before.total).toBe(evaluated);
      // 423 says "locked until the utility unlocks it": only true once the total cap is reached.
      if ((await rows()).total < L.pinTotalMaxFailures) spurious += countOf(replies, 423);
      evaluatedInAll += evaluated;
      r429 += countOf(replies, 429);
      r423 += countOf(replies, 423);
      rounds.push(
        `${evaluated} (${[429, 423]
          .filter((s) => countOf(replies, s))
          .map((s) => `${countOf(replies, s)}× ${s}`)
          .join(', ')})`,
      );
      if (before.total >= L.pinTotalMaxFailures) {
        // Locked for good: every answer says so, the right PIN included, until the utility unlocks.
        expect(countOf(replies, 423, 'consumer_locked')).toBe(N);
        locked = N;
        break;
      }
      // Time passes for this code alone: its 15-minute window, and the day when the day's cap held.
      await age(rig, keys.code, L.pinWindowMs);
      if (evaluated === 0) await age(rig, keys.day, DAY);
    }
    expect(locked).toBe(N);
    expect(evaluatedInAll).toBeLessThanOrEqual(L.pinTotalMaxFailures);
    const rightWhileLocked = await hit(rig, 'POST', '/api/register', c, { ip: freshIp() });
    expect([rightWhileLocked.status, rightWhileLocked.code]).toEqual([423, 'consumer_locked']);
    const unlock = await hit(
      rig,
      'POST',
      '/api/admin/consumers/unlock',
      { consumerCode: c.consumerCode },
      { ip: freshIp(), headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
    );
    expect(unlock.status).toBe(200);
    const owner = await hit(rig, 'POST', '/api/register', c, { ip: freshIp() });
    expect(owner.status).toBe(202);
    console.log(
      `abuse ∥ PIN (${N} addresses at once → code ${c.consumerCode}, windows aged between bursts): evaluated per burst ${rounds.join(', ')}; ` +
        `${evaluatedInAll} in all of ${sent}; ${spurious}× 423 before the code was locked; the right PIN while locked ${rightWhileLocked.status}, after the utility's unlock ${owner.status}`,
    );
    expect(spurious, 'answers of 423 consumer_locked before the code had its total of failures').toBe(0);
    figures.push({
      what: `wrong PINs, one code, ${N} addresses × ${rounds.length} windows`,
      sent,
      limit: `${L.pinMaxFailures}/window, ${L.pinDailyMaxFailures}/day, ${L.pinTotalMaxFailures} total`,
      through: `${evaluatedInAll} evaluated (${rounds.map((r) => r.split(' ')[0]).join('+')})`,
      refused: `${r429}× 429, ${r423}× 423`,
    });
  });

  it(`wrong passwords on one account from ${N} addresses at once: at most ${L.loginFreeFailures} verified`, async () => {
    const p = people[0];
    const started = Date.now();
    const replies = await burst(N, (k) =>
      hit(rig, 'POST', '/api/login', { email: p.email, password: `pogrešna lozinka ${k}` }, { ip: freshIp() }),
    );
    const tookMs = Date.now() - started;
    const verified = countOf(replies, 401, 'invalid_credentials');
    const refused = countOf(replies, 429, 'too_many_attempts');
    // Past the free failures one more attempt is let through per delay (60 s, 120 s … here): none
    // unless the burst itself took longer than that.
    const allowance = L.loginFreeFailures + Math.floor(Math.log2(tookMs / L.loginFirstDelayMs + 1));
    expect(verified + refused, tallyText(tallyOf(replies))).toBe(N);
    expect(verified).toBeLessThanOrEqual(allowance);
    const right = await hit(rig, 'POST', '/api/login', { email: p.email, password: p.password }, { ip: freshIp() });
    expect(right.status).toBe(429);
    console.log(
      `abuse ∥ login (${N} addresses → one account): ${tallyText(tallyOf(replies))} (allowance ${allowance} for a burst answered in ${tookMs} ms); ` +
        `the right password from a new browser then ${right.status}`,
    );
    figures.push({
      what: 'wrong passwords, one account, 100 addresses',
      sent: N,
      limit: `${L.loginFreeFailures} free, then growing delays`,
      through: `${verified} verified`,
      refused: `${refused}× 429`,
    });
  });

  it(`wrong passwords re-entered in one session (e-mail change), ${N} at once: at most ${L.reverifyMaxFailures} verified`, async () => {
    const p = people[1];
    const replies = await burst(N, (k) =>
      hit(
        rig,
        'POST',
        '/api/account/email',
        { password: `nije moja lozinka ${k}`, email: `kradljivac${k}@example.net` },
        { ip: p.ip, cookie: p.cookie },
      ),
    );
    const verified = countOf(replies, 403, 'wrong_password');
    const refused = countOf(replies, 429, 'too_many_attempts');
    expect(verified + refused, tallyText(tallyOf(replies))).toBe(N);
    expect(verified).toBeLessThanOrEqual(L.reverifyMaxFailures);
    // The session's budget is spent: the right password waits too; nothing was mailed.
    const right = await hit(
      rig,
      'POST',
      '/api/account/email',
      { password: p.password, email: 'nova.adresa@example.net' },
      { ip: p.ip, cookie: p.cookie },
    );
    expect(right.status).toBe(429);
    expect(await settled(() => mails(rig, 'email_change'))).toBe(0);
    console.log(
      `abuse ∥ password re-entry (one session → e-mail change): ${tallyText(tallyOf(replies))}; the right password in that session then ${right.status}; 0 mails`,
    );
    figures.push({
      what: 'wrong passwords re-entered, one session',
      sent: N,
      limit: `${L.reverifyMaxFailures} per session / 15 min`,
      through: `${verified} verified`,
      refused: `${refused}× 429`,
    });
  });

  it(`e-mail change requests with the right password, bursts of ${N} from one session: at most ${L.accountActionsPerDay} a day`, async () => {
    const p = people[2];
    const per: string[] = [];
    let accepted = 0,
      sent = 0,
      refused = 0,
      unavailable = 0;
    // Burst after burst until the day's limit stops them all (bounded).
    for (let round = 0; round < 10; round++) {
      const replies = await burst(N, (k) =>
        hit(
          rig,
          'POST',
          '/api/account/email',
          { password: p.password, email: `selidba${round}-${k}@example.net` },
          { ip: p.ip, cookie: p.cookie },
        ),
      );
      sent += N;
      const ok = countOf(replies, 202);
      const busy = countOf(replies, 503, 'service_unavailable');
      expect(ok + busy + countOf(replies, 429, 'too_many_attempts'), tallyText(tallyOf(replies))).toBe(N);
      expect(replies.filter((r) => r.status === 503).every((r) => Number(r.retryAfter) > 0)).toBe(true);
      accepted += ok;
      unavailable += busy;
      refused += N - ok - busy;
      per.push(String(ok));
      if (ok + busy === 0) break;
    }
    expect(accepted + unavailable).toBeLessThanOrEqual(L.accountActionsPerDay);
    expect(
      await throttleCount(
        rig,
        `account:email:${(await hit(rig, 'GET', '/api/me', undefined, { ip: p.ip, cookie: p.cookie })).body.account.id}`,
      ),
    ).toBeLessThanOrEqual(L.accountActionsPerDay);
    const toNew = await settled(() => mails(rig, 'email_change'));
    const notices = await settled(() => mails(rig, 'email_change_notice', p.email));
    expect(toNew).toBe(accepted);
    expect(notices).toBe(accepted);
    console.log(
      `abuse ∥ e-mail change (right password, one session): accepted per burst ${per.join(', ')}; ${accepted} accepted, ${unavailable}× 503 (Argon2 queue full), ` +
        `${refused}× 429 of ${sent}; ${toNew} links to new addresses, ${notices} notices to the resident`,
    );
    figures.push({
      what: `e-mail changes, right password, one session × ${per.length}`,
      sent,
      limit: `${L.accountActionsPerDay} per account / day`,
      through: `${accepted} accepted (${toNew + notices} mails)`,
      refused: `${refused}× 429, ${unavailable}× 503`,
    });
  });

  it(`forgotten-password requests for one resident from ${N} addresses at once: at most ${L.mailRequestsPerHour} mails, and the owner's browser still gets one`, async () => {
    const p = people[3];
    const replies = await burst(N, () =>
      hit(rig, 'POST', '/api/password/forgot', { email: p.email }, { ip: freshIp() }),
    );
    expect(tallyOf(replies)).toEqual({ '202 accepted': N });
    const sentMails = await settled(() => mails(rig, 'reset', p.email));
    expect(sentMails).toBeLessThanOrEqual(L.mailRequestsPerHour);
    // The owner's browser (device cookie) is not held back by strangers' requests.
    const owner = await hit(
      rig,
      'POST',
      '/api/password/forgot',
      { email: p.email },
      { ip: freshIp(), cookie: p.device },
    );
    expect(owner.status).toBe(202);
    const withOwner = await settled(() => mails(rig, 'reset', p.email));
    expect(withOwner).toBe(sentMails + 1);
    console.log(
      `abuse ∥ reset mail (${N} addresses → one resident): ${N}× 202, ${sentMails} mails; the owner's browser then ${owner.status}, mails ${withOwner}`,
    );
    figures.push({
      what: 'reset requests, one resident, 100 addresses',
      sent: N,
      limit: `${L.mailRequestsPerHour} mails per e-mail / h (silent)`,
      through: `${sentMails} mails (+1 for the owner's browser)`,
      refused: `0 (all 202)`,
    });
  });

  it(`forgotten-password requests for one resident from one address, ${N} at once: one mail, ${L.mailRequestsIpPerHour} answered, and nothing taken from other requesters`, async () => {
    const p = people[4];
    const ip = freshIp();
    const replies = await burst(N, () => hit(rig, 'POST', '/api/password/forgot', { email: p.email }, { ip }));
    const t = tallyOf(replies);
    expect(countOf(replies, 202)).toBe(Math.min(N, L.mailRequestsIpPerHour));
    expect(t['202 accepted']).toBe(1);
    expect(countOf(replies, 429, 'too_many_attempts')).toBe(N - Math.min(N, L.mailRequestsIpPerHour));
    const sentMails = await settled(() => mails(rig, 'reset', p.email));
    expect(sentMails).toBe(1);
    // One mail went out of the e-mail's hourly allowance; the "recently sent" answers mailed nothing,
    // so a request from another address (the owner on a new phone) must still be mailed.
    const used = await throttleCount(rig, `forgot:email:${p.email}`);
    const elsewhere = await hit(rig, 'POST', '/api/password/forgot', { email: p.email }, { ip: freshIp() });
    const after = await settled(() => mails(rig, 'reset', p.email));
    console.log(
      `abuse ∥ reset mail (one address → one resident): ${tallyText(t)}; ${sentMails} mail; the e-mail's hourly count then ${used} of ${L.mailRequestsPerHour}; ` +
        `a request from another address then ${elsewhere.status} ${elsewhere.body?.status}, mails ${after}`,
    );
    figures.push({
      what: 'reset requests, one resident, one address',
      sent: N,
      limit: `${L.mailRequestsIpPerHour} per address / h; 1 per requester / ${L.mailRequesterGapMs / 1000} s`,
      through: `${sentMails} mail, ${t['202 recently_sent'] ?? 0}× recently_sent`,
      refused: `${countOf(replies, 429)}× 429`,
    });
    expect(used, 'the per-e-mail mail limit counted "recently_sent" answers that mailed nothing').toBe(sentMails);
    expect(after).toBe(sentMails + 1);
  });

  it(`admin token guesses from one address, ${N} at once: at most ${L.adminIpMaxFailures} evaluated`, async () => {
    const ip = freshIp();
    const replies = await burst(N, (k) =>
      hit(
        rig,
        'POST',
        '/api/admin/consumers/unlock',
        { consumerCode: '9000060' },
        { ip, headers: { authorization: `Bearer ${ADMIN_TOKEN.slice(0, -4)}${String(k).padStart(4, '0')}` } },
      ),
    );
    const evaluated = countOf(replies, 401, 'unauthenticated');
    const refused = countOf(replies, 429, 'too_many_attempts');
    expect(evaluated + refused, tallyText(tallyOf(replies))).toBe(N);
    expect(evaluated).toBeLessThanOrEqual(L.adminIpMaxFailures);
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const right = await hit(
      rig,
      'POST',
      '/api/admin/consumers/unlock',
      { consumerCode: '9000060' },
      { ip, headers: admin },
    );
    const elsewhere = await hit(
      rig,
      'POST',
      '/api/admin/consumers/unlock',
      { consumerCode: '9000060' },
      { ip: freshIp(), headers: admin },
    );
    expect([right.status, elsewhere.status]).toEqual([429, 200]);
    console.log(
      `abuse ∥ admin token (one address): ${tallyText(tallyOf(replies))}; the right token from that address ${right.status}, from another ${elsewhere.status}`,
    );
    figures.push({
      what: 'admin token guesses, one address',
      sent: N,
      limit: `${L.adminIpMaxFailures} per address / h`,
      through: `${evaluated} evaluated`,
      refused: `${refused}× 429`,
    });
  });

  it(`registrations from one address, ${N} at once with right PINs: at most ${L.registrationsIpPerHour}`, async () => {
    const ip = freshIp();
    const replies = await burst(N, (k) => hit(rig, 'POST', '/api/register', registration(100 + k), { ip }));
    const ok = countOf(replies, 202);
    const busy = countOf(replies, 503, 'service_unavailable');
    const refused = countOf(replies, 429, 'too_many_attempts');
    expect(ok + busy + refused, tallyText(tallyOf(replies))).toBe(N);
    // A 503 from the Argon2 queue decided nothing and gives its slot back: only answered registrations count.
    expect(ok).toBeLessThanOrEqual(L.registrationsIpPerHour);
    const emails = Array.from({ length: N }, (_, k) => registration(100 + k).email);
    const inList = emails.map(() => '?').join(',');
    const accounts = await settled(() =>
      scalar(rig, `SELECT count(*) FROM accounts WHERE email IN (${inList})`, emails),
    );
    const confirmMails = await settled(() =>
      scalar(rig, `SELECT count(*) FROM outbox WHERE kind = 'confirm' AND to_address IN (${inList})`, emails),
    );
    expect(accounts).toBe(ok);
    expect(confirmMails).toBe(ok);
    console.log(
      `abuse ∥ registration (one address, ${N} codes): ${tallyText(tallyOf(replies))}; ${accounts} accounts and ${confirmMails} confirmation mails made after the answers`,
    );
    figures.push({
      what: 'registrations, one address, right PINs',
      sent: N,
      limit: `${L.registrationsIpPerHour} per address / h`,
      through: `${ok} accounts`,
      refused: `${refused}× 429, ${busy}× 503`,
    });
  });
});
