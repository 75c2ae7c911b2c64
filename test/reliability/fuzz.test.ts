// Property-based fuzzing of every endpoint (grown from the old malformed-requests test): any
// request, however hostile, gets an answer below 500, every error is JSON with a stable code
// and no stack trace, and a refused request changes nothing but the throttle counters.
// Well-formed bodies carrying hostile strings may be accepted, and then must be stored verbatim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  makeHarness,
  confirmedAccount,
  registration,
  snapshot,
  ROOT,
  GOOD_PASSWORD,
  type Harness,
} from '../worker/harness.ts';
import { seedDemoBills } from '../../worker/node/seed.ts';
import { model97CheckDigits } from '../../worker/src/bills/ips-qr.ts';
import {
  ADMIN_TOKEN,
  ROUTES,
  ENDS_SESSION,
  hostileString,
  body,
  extremeBody,
  query,
  pathId,
  headers,
  checkAnswer,
  csvField,
  safeEncode,
  type Body,
} from './fuzz-inputs.ts';

const SEED = 20261124;
let h: Harness;
let cookie: string;
let billIds: string[];

beforeAll(async () => {
  // One session links 60 codes in the billing-data property: above the per-account daily limit of
  // account actions, which the abuse files test; here it would only hide the property under 429s.
  // A webhook key, so the signed webhook's checks are fuzzed too (no request of the fuzz is signed by it).
  h = await makeHarness({
    env: {
      ADMIN_TOKEN,
      ACCOUNT_ACTIONS_PER_DAY: '1000',
      MAILCHANNELS_WEBHOOK_KEY: 'O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik=',
    },
  });
  await seedDemoBills(h.deps, join(ROOT, 'demo/bills.csv'));
  cookie = (await h.call('POST', '/api/login', await confirmedAccount(h))).cookie!;
  billIds = (await h.call('GET', '/api/bills', undefined, { cookie })).body.bills.map((b: { id: string }) => b.id);
});
afterAll(async () => {
  await h.close();
});

/** The database without the throttle counters, which refused requests are allowed to move. */
async function state(): Promise<string> {
  await h.settle();
  const all = JSON.parse(await snapshot(h));
  delete all.throttles;
  return JSON.stringify(all);
}

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Body;
  ip: string;
}

const describeRequest = (r: Sent) =>
  `${r.method} ${r.path.slice(0, 120)} ${JSON.stringify(r.headers).slice(0, 300)} body[${r.body.kind}]=${JSON.stringify(typeof r.body.data === 'string' ? r.body.data.slice(0, 120) : r.body.data && [...r.body.data.slice(0, 20)])}`;

/** Runs one request and checks it; a refused one must leave the database as it was. */
function fuzzRun(stats: {
  cases: number;
  refused: number;
  accepted: Map<string, number>;
  changedBy: Set<string>;
  codes: Set<string>;
  problems: string[];
}) {
  let before: string | undefined;
  return async (r: Sent, route: string) => {
    stats.cases++;
    before ??= await state();
    const res = await h.app.request(r.path, {
      method: r.method,
      headers: { 'x-test-ip': r.ip, ...r.headers },
      body: r.method === 'GET' || r.method === 'HEAD' ? undefined : r.body.data,
    });
    const { problem, code } = await checkAnswer(r.method, res);
    if (problem) stats.problems.push(`${problem}\n    ← ${describeRequest(r)}`);
    if (code) stats.codes.add(code);
    const after = await state();
    if (res.status >= 400) {
      stats.refused++;
      if (after !== before)
        stats.problems.push(`refused (${res.status}) yet the database changed\n    ← ${describeRequest(r)}`);
    } else {
      stats.accepted.set(route, (stats.accepted.get(route) ?? 0) + 1);
      if (after !== before) stats.changedBy.add(route);
    }
    before = after;
  };
}

const dbVerdict = (stats: { problems: string[] }) =>
  stats.problems.some((p) => p.includes('database changed'))
    ? 'DB CHANGED by a refused request'
    : 'db unchanged by every refused request';

const newStats = () => ({
  cases: 0,
  refused: 0,
  accepted: new Map<string, number>(),
  changedBy: new Set<string>(),
  codes: new Set<string>(),
  problems: [] as string[],
});
let ipCounter = 0;
// Mostly a fresh address (so that handlers run rather than the throttle), sometimes a shared one.
const nextIp = (shared: boolean) =>
  shared ? '198.51.100.1' : `10.${(++ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;

/**
 * The only POSTs a generated request may succeed at with a write: settings (`{"emailBills":false}`
 * is valid) and the passkey options, which need no input (`{}` asks for a challenge, one row each;
 * the office's staff login too). The snapshot sees every table (sqlite_master), challenges included.
 */
const MAY_WRITE = [
  '/api/account/settings',
  '/api/passkey/login/options',
  '/api/account/passkeys/options',
  '/api/staff/login/options',
];

describe('fuzz', () => {
  it('knows every route the app has (a new endpoint is fuzzed from the day it is added)', () => {
    const fuzzed = new Set(ROUTES.map(([m, p]) => `${m} ${p}`));
    const app = h.app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:[a-z]+/gi, ':id')}`)
      .filter((r) => !r.includes('*'));
    expect(app.filter((r) => !fuzzed.has(r))).toEqual([]);
  });

  it('any request to any endpoint: below 500, JSON errors with a code, refused ones change nothing', async () => {
    const stats = newStats();
    const run = fuzzRun(stats);
    const argon = { ...h.counts };
    const request = fc.record({
      route: fc.constantFrom(...ROUTES),
      method: fc.oneof(
        { weight: 12, arbitrary: fc.constant(undefined) },
        fc.constantFrom('PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'GET', 'POST'),
      ),
      id: pathId(billIds),
      query,
      headers: headers(cookie),
      body,
      shared: fc.boolean(),
      withSession: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(request, async (g) => {
        const [method, template] = g.route;
        const hdrs: Record<string, string> = { ...g.headers };
        // A browser always sends JSON here; other types are tried too, just less often.
        if (!('content-type' in hdrs) && method === 'POST') hdrs['content-type'] = 'application/json';
        if (g.withSession && !('cookie' in hdrs)) hdrs.cookie = cookie;
        // A valid session must survive the run: routes that end it with any body get no session.
        if (ENDS_SESSION.has(template) && hdrs.cookie?.includes(cookie.split('=')[1])) hdrs.cookie = 'jp_session=';
        const path = template.replace(':id', g.id) + g.query;
        await run(
          { method: g.method ?? method, path, headers: hdrs, body: g.body, ip: nextIp(g.shared) },
          `${g.method ?? method} ${template}`,
        );
      }),
      { seed: SEED, numRuns: 4000 },
    );

    const accepted = [...stats.accepted].map(([r, n]) => `${r} ×${n}`).join(', ');
    console.log(
      `fuzz (any request): ${stats.cases} cases, ${stats.refused} refused, ${stats.cases - stats.refused} accepted, ${stats.problems.length} problems, ` +
        `${dbVerdict(stats)}; Argon2 ${h.counts.hash - argon.hash} hashes, ${h.counts.verify - argon.verify} verifications`,
    );
    console.log(`fuzz accepted: ${accepted}`);
    console.log(`fuzz error codes: ${[...stats.codes].sort().join(', ')}`);
    expect(stats.problems.slice(0, 10)).toEqual([]);
    // No generated POST may succeed but those (MAY_WRITE) and logout (always 204).
    const mayWrite = MAY_WRITE.map((p) => `POST ${p}`);
    expect(
      [...stats.accepted.keys()].filter(
        (r) => r.startsWith('POST ') && !mayWrite.includes(r) && r !== 'POST /api/logout',
      ),
    ).toEqual([]);
    expect([...stats.changedBy].filter((r) => !mayWrite.includes(r))).toEqual([]);
  });

  it('size and encoding extremes: 1 MB bodies, deep nesting, bad UTF-8, lying Content-Length', async () => {
    const stats = newStats();
    const run = fuzzRun(stats);
    const posts = ROUTES.filter(([m, p]) => m === 'POST' && !ENDS_SESSION.has(p)).map(([, p]) => p);
    const request = fc.record({
      path: fc.constantFrom(...posts),
      body: extremeBody,
      asAdmin: fc.boolean(),
      length: fc.constantFrom('omit', 'exact', 'small-lie', 'big-lie', 'garbage'),
      lang: fc.constantFrom('sr', 'x'.repeat(8000), '\u00ff'.repeat(100)),
    });
    await fc.assert(
      fc.asyncProperty(request, async (g) => {
        const admin = g.path.startsWith('/api/admin/');
        const hdrs: Record<string, string> = {
          'content-type': admin ? (g.path.endsWith('pdf') ? 'application/pdf' : 'text/csv') : 'application/json',
          cookie,
          'accept-language': g.lang,
        };
        if (admin && g.asAdmin) hdrs.authorization = `Bearer ${ADMIN_TOKEN}`;
        const size =
          typeof g.body.data === 'string' ? new TextEncoder().encode(g.body.data).length : (g.body.data?.length ?? 0);
        const length = {
          omit: undefined,
          exact: String(size),
          'small-lie': '2',
          'big-lie': String(size + 100_000_000),
          garbage: '12abc',
        }[g.length];
        if (length !== undefined) hdrs['content-length'] = length;
        await run(
          {
            method: 'POST',
            path: g.path + (g.path.endsWith('pdf') ? '?code=104521&period=2026-09' : ''),
            headers: hdrs,
            body: g.body,
            ip: nextIp(false),
          },
          g.path,
        );
      }),
      { seed: SEED, numRuns: 400 },
    );
    console.log(
      `fuzz (extremes): ${stats.cases} cases, ${stats.refused} refused, ${stats.problems.length} problems, ${dbVerdict(stats)}; ` +
        `accepted: ${[...stats.accepted].map(([r, n]) => `${r} ×${n}`).join(', ')}`,
    );
    expect(stats.problems.slice(0, 10)).toEqual([]);
    // The passkey options ignore what else the body holds and write their one challenge row.
    expect([...stats.changedBy].filter((r) => !MAY_WRITE.includes(r))).toEqual([]);
  });

  it('hostile names in well-formed registrations are stored verbatim or refused with a 4xx', async () => {
    const codes = Array.from({ length: 30 }, (_, i) => String(700_001 + i));
    const csv = `sifra_potrosaca,pin,ime_prezime,adresa\n${codes.map((c) => `${c},2468,Fuzz ${c},Ulica ${c}`).join('\n')}\n`;
    expect((await adminCsv('/api/admin/consumers', csv)).status).toBe(200);
    const problems: string[] = [];
    let accepted = 0,
      refused = 0;
    const mailShape = new Map<string, string>();
    const name = fc.oneof(
      hostileString,
      fc.constantFrom('<img src=x onerror=alert(1)>', "Robert'); DROP TABLE accounts;--", 'Ana \u202Eanavoj\u202C'),
    );
    // The address schema admits only [\w+-.] before the @, so most parts are plain and a few hostile (those must be refused).
    const localPart = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('Milica.J', 'a+tag', 'x--y', 'UPPER_case') },
      fc.constantFrom("o'brien", 'a+<b>', '%00', 'a/../b'),
    );
    await fc.assert(
      fc.asyncProperty(
        name,
        localPart,
        fc.constantFrom('sr-Latn', 'sr-Cyrl', 'en'),
        async (sentName, local, locale) => {
          const code = codes[accepted + refused];
          // Each its own mailbox: sub-addresses of one (`a+x@`, `a+y@`) share its cap on mail.
          const email = `${local.includes('+') ? local.replace('+', `${code}+`) : `${local}${code}`}@Example.com`;
          const r = await h.call(
            'POST',
            '/api/register',
            registration({ name: sentName, email, consumerCode: code, pin: '2468', locale }),
            { ip: nextIp(false) },
          );
          const where = `register name=${JSON.stringify(sentName)} email=${JSON.stringify(email)}`;
          if (r.status >= 500 || (r.status >= 300 && r.status < 400))
            problems.push(`${where}: ${r.status} ${JSON.stringify(r.body)}`);
          if (r.status !== 202) {
            refused++;
            return;
          }
          accepted++;
          // The schema trims names and lower-cases addresses; nothing else may change them.
          const stored = (
            await h.deps.db.$client.execute({
              sql: 'SELECT name FROM accounts WHERE email = ?',
              args: [email.toLowerCase()],
            })
          ).rows[0];
          if (stored?.name !== sentName.trim()) problems.push(`${where}: stored as ${JSON.stringify(stored?.name)}`);
          // The address is not proven yet: the confirmation mail carries nothing the sender typed, so
          // apart from its token it is the same mail whatever the name (one per locale).
          const mail = (await h.outbox()).find((m) => m.to === email.toLowerCase());
          const token = await h.linkFrom('confirm', email.toLowerCase());
          const shape = JSON.stringify([mail?.subject, mail?.text, mail?.html])
            .replaceAll(token, 'TOKEN')
            .replaceAll(email.toLowerCase(), 'EMAIL');
          const first = mailShape.get(locale) ?? (mailShape.set(locale, shape), shape);
          if (shape !== first) problems.push(`${where}: the confirmation mail depends on the name`);
          await h.call('POST', '/api/confirm', { token });
          const me = await h.call('GET', '/api/me', undefined, {
            cookie: (await h.call('POST', '/api/login', { email, password: GOOD_PASSWORD })).cookie,
          });
          if (me.body?.account?.name !== stored?.name)
            problems.push(`${where}: /api/me says ${JSON.stringify(me.body)}`);
        },
      ),
      {
        seed: SEED,
        numRuns: 24,
        examples: [
          ['<img src=x onerror=alert(1)>', 'a+tag', 'en'],
          ['ab\uD800cd', 'Milica.J', 'sr-Latn'],
        ],
      },
    );
    console.log(
      `fuzz (hostile registrations): ${accepted + refused} cases, ${accepted} accepted and checked verbatim, ${refused} refused, ${problems.length} problems`,
    );
    expect(problems).toEqual([]);
  });

  it('hostile consumer names from the billing system: stored verbatim, bills, QR and PDF still served', async () => {
    const problems: string[] = [];
    let cases = 0,
      rowsRefused = 0;
    const text = hostileString.filter((s) => s.length > 0 && s === s.trim());
    await fc.assert(
      fc.asyncProperty(text, text, text, async (name, address, item) => {
        const code = String(800_001 + cases++);
        const where = `consumer ${code} name=${JSON.stringify(name)} address=${JSON.stringify(address)}`;
        // What went over the wire: a lone surrogate cannot survive UTF-8, so the body already holds
        // U+FFFD — a character lost on the way, which an import refuses as a whole (422, by line).
        const wire = (s: string) => new TextDecoder().decode(new TextEncoder().encode(s)).normalize('NFC');
        const lost = (...xs: string[]) => xs.some((x) => wire(x).includes('\uFFFD'));
        const imp = await adminCsv(
          '/api/admin/consumers',
          `sifra_potrosaca,pin,ime_prezime,adresa\n${code},1357,${csvField(name)},${csvField(address)}\n`,
        );
        if (lost(name, address)) {
          if (imp.status !== 422 || imp.body.error?.code !== 'import_failed')
            problems.push(`${where}: a lost character imported: ${imp.status} ${JSON.stringify(imp.body)}`);
          return void rowsRefused++;
        }
        if (imp.status !== 200)
          return void problems.push(`${where}: consumer import ${imp.status} ${JSON.stringify(imp.body)}`);
        if (imp.body.imported === 0) return void rowsRefused++;
        const [row] = (
          await h.deps.db.$client.execute({ sql: 'SELECT name, address FROM consumers WHERE code = ?', args: [code] })
        ).rows;
        if (row.name !== wire(name) || row.address !== wire(address))
          problems.push(`${where}: stored as ${JSON.stringify(row)}`);
        const link = await h.call(
          'POST',
          '/api/account/consumers/link',
          { consumerCode: code, pin: '1357' },
          { cookie, ip: nextIp(false) },
        );
        if (link.status !== 201) return void problems.push(`${where}: link ${link.status}`);
        const ref = `${code}202609`;
        const itemText = item.replaceAll(';', ',').slice(0, 60);
        const bills = await adminCsv(
          '/api/admin/bills',
          'sifra_potrosaca,period,datum_izdavanja,rok_placanja,iznos,dug,racun_primaoca,poziv_na_broj,stavke\n' +
            `${code},2026-09,2026-10-05,2026-10-20,"10,00","0,00",160-0000001234567-29,${model97CheckDigits(ref)}${ref},${csvField(`${itemText}=10,00`)}\n`,
        );
        if (lost(itemText)) {
          if (bills.status !== 422) problems.push(`${where}: a lost character in an item imported: ${bills.status}`);
          return;
        }
        if (bills.status !== 200)
          problems.push(
            `${where}: bill import (with an e-mail bill to the linked account) ${bills.status} ${JSON.stringify(bills.body)}`,
          );
        const id = (await h.call('GET', `/api/bills?consumer=${safeEncode(code)}`, undefined, { cookie })).body
          .bills?.[0]?.id;
        if (!id) return;
        const detail = await h.call('GET', `/api/bills/${id}`, undefined, { cookie });
        if (detail.status !== 200)
          problems.push(`${where}: GET /api/bills/:id ${detail.status} ${JSON.stringify(detail.body)}`);
        else if (detail.body.bill.slip.payer !== `${row.name}, ${row.address}`)
          problems.push(`${where}: payer ${JSON.stringify(detail.body.bill.slip.payer)}`);
        const pdf = await h.call('GET', `/api/bills/${id}/pdf`, undefined, { cookie });
        if (pdf.status !== 200 || pdf.headers.get('content-type') !== 'application/pdf')
          problems.push(`${where}: PDF ${pdf.status} ${JSON.stringify(pdf.body).slice(0, 100)}`);
      }),
      {
        seed: SEED,
        numRuns: 60,
        examples: [
          ['|', '|', 'Voda'],
          ['a'.repeat(32) + '😀', 'Glavna 1', 'Voda'],
          ['<img src=x onerror=alert(1)>', "' OR '1'='1", '<script>alert(1)</script>'],
        ],
      },
    );
    console.log(
      `fuzz (hostile billing data): ${cases} consumers, ${rowsRefused} rows refused by the import, ${problems.length} problems`,
    );
    expect(problems).toEqual([]);
  });
});

function adminCsv(path: string, csv: string) {
  return h.call('POST', path, undefined, {
    raw: csv,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
  });
}
