// Load: mixed traffic (session checks, logins, registrations, forgotten passwords) at a fixed
// rate for 60 s against the real Node server. Zero 5xx, every accepted registration has its
// account and its mail, every reset request for a real address has its mail, no mail twice.
// Open loop: requests start on schedule whatever the server's pace, as real residents do.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  api,
  count,
  drained,
  duplicates,
  emailOf,
  importConsumers,
  linkToken,
  makeResident,
  percentile,
  registration,
  startRig,
  waitFor,
  type Rig,
} from './portal.ts';

const SECONDS = Number(process.env.RELIABILITY_LOAD_S || 60);
const RATE = 20; // requests per second
const RESIDENTS = 20;
const FIRST_NEW = 100; // consumers from here on register during the load

type Kind = 'me' | 'login' | 'register' | 'forgot';
// Per ten requests: six session checks, two logins, one registration, one forgotten password.
const MIX: Kind[] = ['me', 'login', 'me', 'register', 'me', 'login', 'me', 'forgot', 'me', 'me'];

let rig: Rig;
const cookies: string[] = [];
beforeAll(async () => {
  rig = await startRig();
  await importConsumers(rig.server.url, FIRST_NEW + SECONDS * RATE);
  for (let i = 0; i < RESIDENTS; i++) cookies.push(await makeResident(rig, i));
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

it(
  `keeps working under ${RATE} mixed requests/s for ${SECONDS} s: no 5xx, nothing lost`,
  async () => {
    const url = rig.server.url;
    const latencies: Record<Kind, number[]> = { me: [], login: [], register: [], forgot: [] };
    const statuses = new Map<string, number>();
    const registered: string[] = [];
    let knownForgots = 0;
    let unknownForgots = 0;
    let errors = 0;
    let registrations = 0;
    const mailsBefore = rig.mail.accepted.length;

    const send = async (n: number) => {
      const kind = MIX[n % MIX.length];
      const who = n % RESIDENTS;
      const t = performance.now();
      let res: Awaited<ReturnType<typeof api>>;
      try {
        if (kind === 'me') res = await api(url, 'GET', '/api/me', undefined, cookies[who]);
        else if (kind === 'login')
          res = await api(url, 'POST', '/api/login', { email: emailOf(who), password: registration(who).password });
        else if (kind === 'register') {
          const i = FIRST_NEW + registrations++;
          res = await api(url, 'POST', '/api/register', registration(i));
          if (res.status === 202) registered.push(emailOf(i));
        } else {
          // Every other one for a resident (three each in the hour, under the per-address limit of five), the rest for nobody.
          const forgots = knownForgots + unknownForgots;
          const known = forgots % 2 === 0 && knownForgots < RESIDENTS * 3;
          const email = known ? emailOf(knownForgots++ % RESIDENTS) : `nikoga${unknownForgots++}@example.com`;
          res = await api(url, 'POST', '/api/password/forgot', { email });
        }
      } catch {
        errors++;
        return;
      }
      latencies[kind].push(performance.now() - t);
      const key = `${kind} ${res.status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    };

    const total = SECONDS * RATE;
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let n = 0; n < total; n++) {
      const due = started + (n * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inFlight.push(send(n));
    }
    await Promise.all(inFlight);
    // A registration's account and mail are written just after its 202 (auth/registration.ts):
    // wait (bounded) for them to be queued before waiting for the outbox to drain.
    const confirmQueued = () =>
      count(
        rig.db,
        `SELECT count(*) FROM outbox WHERE kind = 'confirm' AND to_address IN (${registered.map(() => '?').join(',') || "''"})`,
        registered,
      );
    await waitFor(
      'the accepted registrations to be written',
      async () => (await confirmQueued()) >= registered.length,
      15_000,
    ).catch(() => undefined);
    await drained(rig.db);

    const all = Object.values(latencies).flat();
    const summary = Object.fromEntries(
      Object.entries(latencies).map(([k, xs]) => [
        k,
        `n=${xs.length} p50=${percentile(xs, 50).toFixed(0)}ms p99=${percentile(xs, 99).toFixed(0)}ms`,
      ]),
    );
    const fiveXX = [...statuses].filter(([k]) => / 5\d\d$/.test(k)).reduce((n, [, v]) => n + v, 0);
    const newMails = rig.mail.accepted.slice(mailsBefore);
    const confirmMails = new Set(newMails.filter((m) => linkToken(m.text, 'confirm')).map((m) => m.to));
    const resetMails = newMails.filter((m) => linkToken(m.text, 'reset')).length;
    const accounts = await count(
      rig.db,
      `SELECT count(*) FROM accounts WHERE email IN (${registered.map(() => '?').join(',') || "''"})`,
      registered,
    );
    const lostRegistrations = registered.length - accounts;
    const lostMails = registered.filter((e) => !confirmMails.has(e)).length + (knownForgots - resetMails);
    console.log(
      [
        `load: ${total} requests at ${RATE}/s over ${SECONDS} s (${((performance.now() - started) / 1000).toFixed(1)} s with the tail)`,
        `  statuses: ${[...statuses].map(([k, v]) => `${k}: ${v}`).join(', ')}; network errors: ${errors}; 5xx: ${fiveXX}`,
        `  latency: all p50=${percentile(all, 50).toFixed(0)}ms p99=${percentile(all, 99).toFixed(0)}ms; ${Object.entries(
          summary,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join('; ')}`,
        `  registrations accepted: ${registered.length}, lost: ${lostRegistrations}; reset requests for residents: ${knownForgots}, for nobody: ${unknownForgots}`,
        `  mails: ${newMails.length} delivered, lost: ${lostMails}, sent twice: ${duplicates(rig.mail).length}`,
      ].join('\n'),
    );

    expect(errors).toBe(0);
    expect(fiveXX).toBe(0);
    expect([...statuses.keys()].sort()).toEqual(['forgot 202', 'login 200', 'me 200', 'register 202']);
    expect(registered.length).toBe(registrations);
    expect(lostRegistrations).toBe(0);
    expect(lostMails).toBe(0);
    // Nothing for the addresses nobody owns: no account enumeration by mail either.
    expect(newMails.length).toBe(registered.length + knownForgots);
    expect(duplicates(rig.mail)).toEqual([]);
    expect(rig.mail.rejectedShapes).toEqual([]);
    expect(await count(rig.db, "SELECT count(*) FROM outbox WHERE status = 'failed'")).toBe(0);
  },
  (SECONDS + 120) * 1000,
);
