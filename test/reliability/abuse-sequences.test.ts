// Abuse across flows (issue 10), against the real Node server in its own process, loopback only:
// - the e-mail-change takeover: an attacker with a resident's session (and password) asks to move
//   the account to their own address; the owner then resets the password, changes it, or logs out
//   everywhere; the attacker's confirmation link, tried 100 times at once, is refused;
// - lock-out as a weapon: an attacker's wrong passwords from 100 addresses at once; the owner's
//   browser (device cookie) still logs in, and an owner without one resets the password (even
//   after strangers used up the hourly reset mails) and is logged in at once.
// Each prints what happened; the table after the file sums them up. No timing in pass/fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../worker/src/config.ts';
import { testUtility } from '../support/utility.ts';
import { importConsumers, startRig, type Rig } from './portal.ts';
import {
  burst,
  countOf,
  freshIp,
  hit,
  mails,
  printFigures,
  resident,
  settled,
  tallyOf,
  tokenFor,
  type Figure,
  type Hit,
  type Resident,
} from './abuse-rig.ts';

const N = 100;
const { limits: L } = loadConfig({ ...process.env, APP_ENV: 'development' }, testUtility);
const NEW_PASSWORD = 'jesenja kiša nad fruškom gorom';
const figures: Figure[] = [];
let rig: Rig;

beforeAll(async () => {
  // A first login delay of a minute: "a stranger's browser still waits" does not depend on how fast the machine is.
  rig = await startRig({ env: { LOGIN_FIRST_DELAY_S: '60' } });
  await importConsumers(rig.server.url, 20);
}, 60_000);
afterAll(async () => {
  if (figures.length) printFigures('abuse across flows, against the Node server:', figures);
  await rig?.close();
});

const tallyText = (t: Record<string, number>) =>
  Object.entries(t)
    .map(([k, v]) => `${v}× ${k}`)
    .join(', ');

/** The owner asks for a reset link (with `cookie`, if any, from `ip`) and sets NEW_PASSWORD with the newest one. */
async function ownerResets(p: Resident, opts: { cookie?: string; ip: string }, ask = true): Promise<Hit> {
  const since = Date.now() - 1000;
  if (ask) expect((await hit(rig, 'POST', '/api/password/forgot', { email: p.email }, opts)).status).toBe(202);
  const token = await tokenFor(rig, p.email, 'reset', ask ? since : 0);
  return hit(rig, 'POST', '/api/password/reset', { token, password: NEW_PASSWORD }, opts);
}

type OwnerAct = (p: Resident) => Promise<{ cookie: string; what: string }>;
const ownerActs: [string, OwnerAct][] = [
  [
    'resets the password',
    async (p) => {
      const r = await ownerResets(p, { cookie: p.device, ip: p.ip });
      expect(r.status).toBe(200);
      return { cookie: r.cookie!, what: `reset ${r.status}` };
    },
  ],
  [
    'changes the password in a session of their own',
    async (p) => {
      const own = await hit(
        rig,
        'POST',
        '/api/login',
        { email: p.email, password: p.password },
        { ip: p.ip, cookie: p.device },
      );
      const r = await hit(
        rig,
        'POST',
        '/api/account/password',
        { currentPassword: p.password, newPassword: NEW_PASSWORD },
        { ip: p.ip, cookie: own.cookie },
      );
      expect([own.status, r.status]).toEqual([200, 200]);
      return { cookie: own.cookie!, what: `password change ${r.status}` };
    },
  ],
  [
    'logs out everywhere but here',
    async (p) => {
      const own = await hit(
        rig,
        'POST',
        '/api/login',
        { email: p.email, password: p.password },
        { ip: p.ip, cookie: p.device },
      );
      const r = await hit(
        rig,
        'POST',
        '/api/account/sessions/revoke-all',
        { keepCurrent: true },
        { ip: p.ip, cookie: own.cookie },
      );
      expect([own.status, r.status]).toEqual([200, 204]);
      return { cookie: own.cookie!, what: `log out everywhere ${r.status}` };
    },
  ],
];

describe('the e-mail-change takeover', () => {
  ownerActs.forEach(([label, act], n) => {
    it(`is refused when the owner ${label} before the attacker confirms (${N} confirmations at once)`, async () => {
      const p = await resident(rig, n);
      const attacker = { ip: freshIp(), cookie: p.cookie, address: `napadac${n}@evil.example` };
      // The attacker, with the stolen session and the password, moves the account to their address.
      const ask = await hit(
        rig,
        'POST',
        '/api/account/email',
        { password: p.password, email: attacker.address },
        attacker,
      );
      expect(ask.status).toBe(202);
      const token = await tokenFor(rig, attacker.address, 'email');
      expect(await settled(() => mails(rig, 'email_change_notice', p.email))).toBe(1);

      // The notice reaches the owner, who acts on it.
      const owner = await act(p);

      const confirms = await burst(N, () => hit(rig, 'POST', '/api/confirm', { token }, { ip: attacker.ip }));
      expect(countOf(confirms, 400, 'invalid_token'), tallyText(tallyOf(confirms))).toBe(N);
      const me = await hit(rig, 'GET', '/api/me', undefined, { ip: p.ip, cookie: owner.cookie });
      expect([me.status, me.body.account.email]).toEqual([200, p.email]);
      const stolen = await hit(rig, 'GET', '/api/me', undefined, attacker);
      expect([stolen.status, stolen.body]).toEqual([200, { account: null }]);
      // The attacker cannot ask again either: the stolen session is gone.
      const again = await hit(
        rig,
        'POST',
        '/api/account/email',
        { password: NEW_PASSWORD, email: attacker.address },
        attacker,
      );
      expect(again.status).toBe(401);
      expect(await settled(() => mails(rig, 'email_changed'))).toBe(0);
      console.log(
        `abuse takeover (owner ${label}): attacker's change request ${ask.status}; owner: ${owner.what}; ` +
          `attacker's ${N} confirmations at once: ${tallyText(tallyOf(confirms))}; the stolen session then ${stolen.status}, a new request ${again.status}; the account keeps ${me.body.account.email}`,
      );
      figures.push({
        what: `takeover: owner ${label}`,
        sent: N,
        limit: 'link void on reset, change, log-out',
        through: `${N - countOf(confirms, 400)} confirmed`,
        refused: `${countOf(confirms, 400)}× 400 invalid_token`,
      });
    });
  });
});

describe('lock-out as a weapon', () => {
  /** The attacker's wrong passwords for `p` from N addresses at once. */
  async function attack(p: Resident) {
    const replies = await burst(N, (k) =>
      hit(rig, 'POST', '/api/login', { email: p.email, password: `lozinka napadača ${k}` }, { ip: freshIp() }),
    );
    expect(countOf(replies, 401) + countOf(replies, 429), tallyText(tallyOf(replies))).toBe(N);
    return replies;
  }

  it(`keeps the owner's browser (device cookie) in after ${N} wrong passwords from ${N} addresses at once`, async () => {
    const p = await resident(rig, 10);
    const replies = await attack(p);
    const stranger = await hit(rig, 'POST', '/api/login', { email: p.email, password: p.password }, { ip: freshIp() });
    const owner = await hit(
      rig,
      'POST',
      '/api/login',
      { email: p.email, password: p.password },
      { ip: p.ip, cookie: p.device },
    );
    // A second wave while the owner is in does not log the owner's browser out of its own budget.
    await attack(p);
    const ownerAgain = await hit(
      rig,
      'POST',
      '/api/login',
      { email: p.email, password: p.password },
      { ip: p.ip, cookie: p.device },
    );
    expect(stranger.status).toBe(429);
    expect([owner.status, ownerAgain.status]).toEqual([200, 200]);
    console.log(
      `abuse lock-out (device cookie): attacker ${tallyText(tallyOf(replies))}; the right password from a new browser ${stranger.status}, ` +
        `from the owner's browser ${owner.status}, and again after a second wave ${ownerAgain.status}`,
    );
    figures.push({
      what: 'lock-out: owner with device cookie',
      sent: 2 * N,
      limit: `${L.loginFreeFailures} per e-mail; device ${L.deviceMaxFailures} of its own`,
      through: `${countOf(replies, 401)} verified per wave; owner 200`,
      refused: `new browser ${stranger.status}`,
    });
  });

  it(`lets an owner without a device cookie reset the password after ${N} wrong passwords and ${N} reset requests from strangers, logged in at once`, async () => {
    const p = await resident(rig, 11);
    const replies = await attack(p);
    const newBrowser = { ip: freshIp() };
    const blocked = await hit(rig, 'POST', '/api/login', { email: p.email, password: p.password }, newBrowser);
    expect(blocked.status).toBe(429);

    // Strangers also ask for reset mails, all at once: the owner gets at most the hourly number.
    const strangers = await burst(N, () =>
      hit(rig, 'POST', '/api/password/forgot', { email: p.email }, { ip: freshIp() }),
    );
    expect(countOf(strangers, 202)).toBe(N);
    const resetMails = await settled(() => mails(rig, 'reset', p.email));
    expect(resetMails).toBeLessThanOrEqual(L.mailRequestsPerHour);
    // The owner's own request from the new browser is answered alike (and silently not mailed
    // past that number), but the newest link in the mailbox works.
    const ownRequest = await hit(rig, 'POST', '/api/password/forgot', { email: p.email }, newBrowser);
    expect(ownRequest.status).toBe(202);
    const afterOwn = await settled(() => mails(rig, 'reset', p.email));
    const reset = await ownerResets(p, newBrowser, false);
    expect(reset.status).toBe(200);
    expect(reset.cookie && reset.device).toBeTruthy();
    const me = await hit(rig, 'GET', '/api/me', undefined, { ...newBrowser, cookie: reset.cookie });
    expect([me.status, me.body.account?.email]).toEqual([200, p.email]);
    // The account's failures are forgotten: the new password works from yet another browser.
    const elsewhere = await hit(
      rig,
      'POST',
      '/api/login',
      { email: p.email, password: NEW_PASSWORD },
      { ip: freshIp() },
    );
    expect(elsewhere.status).toBe(200);
    const old = await hit(rig, 'POST', '/api/login', { email: p.email, password: p.password }, { ip: freshIp() });
    expect(old.status).toBe(401);
    console.log(
      `abuse lock-out (no device cookie): attacker ${tallyText(tallyOf(replies))}; the owner's login ${blocked.status}; strangers' ${N} reset requests → ${resetMails} mails, ` +
        `the owner's own request ${ownRequest.status} (mails then ${afterOwn}); reset with the newest link ${reset.status}, logged in at once (/api/me ${me.status}); ` +
        `the new password from another browser ${elsewhere.status}, the old one ${old.status}`,
    );
    figures.push({
      what: 'lock-out: owner without device cookie',
      sent: 2 * N,
      limit: `${L.loginFreeFailures} per e-mail; ${L.mailRequestsPerHour} reset mails / h`,
      through: `${countOf(replies, 401)} verified, ${resetMails} mails`,
      refused: `owner login ${blocked.status}, then reset ${reset.status}`,
    });
  });
});
