// Property-based: generated malformed requests against every endpoint. Each must get a 4xx
// JSON error with a stable code (never a 5xx, never a stack trace) and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeHarness, confirmedAccount, snapshot, type Harness } from '../harness.ts';

let h: Harness;
let cookie: string | undefined;
beforeAll(async () => {
  h = await makeHarness({ env: { ADMIN_TOKEN: 'admin-token-for-tests-0123456789abcdef' } });
  cookie = (await h.call('POST', '/api/login', await confirmedAccount(h))).cookie;
});
afterAll(async () => { await h.close(); });

const POSTS = [
  '/api/register', '/api/register/resend', '/api/confirm', '/api/login', '/api/password/forgot', '/api/password/reset',
  '/api/account/settings', '/api/account/password', '/api/account/email', '/api/account/consumers/link',
  '/api/account/consumers/unlink', '/api/account/sessions/revoke', '/api/account/delete', '/api/email-bills/unsubscribe',
  '/api/admin/bills', '/api/admin/consumers',
];
const GETS = ['/api/bills', '/api/bills/zzz', '/api/bills/%ZZ', `/api/bills/${'g'.repeat(32)}`, '/api/nope', '/api/../etc/passwd'];

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom("' OR 1=1 --", '"; DROP TABLE accounts; --', '<script>alert(1)</script>', '\u0000', '\uD800', '\u202Eabc', '😀'.repeat(50), '%00', '../../', 'a'.repeat(5000)),
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 }),
);

// Bodies that cannot be valid: every field is replaced by something of the wrong kind or shape.
const badBody = fc.oneof(
  fc.record({ name: nasty, email: nasty, password: nasty, consumerCode: nasty, pin: nasty, acceptTerms: nasty, token: nasty, currentPassword: nasty, newPassword: nasty, id: nasty }, { requiredKeys: [] }).map((b) => JSON.stringify({ ...b, email: typeof b.email === 'string' && b.email.includes('@') ? 'x' : b.email ?? 1, token: 1, id: 1, consumerCode: 1, emailBills: 'maybe', locale: 0 })),
  fc.string({ maxLength: 200 }).filter((s) => { try { JSON.parse(s); return false; } catch { return true; } }),
  fc.constantFrom('[]', 'null', '"text"', '42', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{}}}'),
  fc.constant(JSON.stringify({ name: 'x'.repeat(20_000) })),
);

const headers = fc.record({
  'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', ''),
  origin: fc.constantFrom(undefined, 'http://localhost:8787', 'https://evil.example', 'null'),
  cookie: fc.constantFrom(undefined, 'jp_session=', 'jp_session=%%%', `jp_session=${'A'.repeat(43)}`, 'jp_session=a; jp_session=b', 'x=\u00ff'),
  authorization: fc.constantFrom(undefined, 'Bearer ', 'Bearer wrong', 'Basic abc'),
}, { requiredKeys: [] });

describe('malformed requests', () => {
  it('always get a 4xx JSON error and change nothing', async () => {
    const before = await snapshot(h);
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ method: fc.constant('POST'), path: fc.constantFrom(...POSTS), body: badBody, headers, query: fc.constantFrom('', '?token=', '?token=%E0%A4%A', '?page=-1&page=x') }),
          fc.record({ method: fc.constant('GET'), path: fc.constantFrom(...GETS), body: fc.constant(undefined), headers, query: fc.constantFrom('?page=0', '?page=99999999999', '?consumer=%27', '?page=%ZZ', '?page=1e3') }),
        ),
        fc.boolean(),
        async (req, withSession) => {
          cases++;
          const hdrs = Object.fromEntries(Object.entries(req.headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
          if (withSession && !hdrs.cookie) hdrs.cookie = cookie!;
          // A valid session may only be used with unusable bodies: never a working delete.
          const res = await h.app.request(req.path + req.query, { method: req.method, headers: { 'x-test-ip': `198.18.${cases % 250}.1`, ...hdrs }, body: req.body });
          const text = await res.text();
          expect(res.status, `${req.method} ${req.path} ${text}`).toBeGreaterThanOrEqual(400);
          expect(res.status, `${req.method} ${req.path} ${text}`).toBeLessThan(500);
          const json = JSON.parse(text);
          expect(typeof json.error.code).toBe('string');
          expect(text).not.toMatch(/at \w+ \(|\.ts:\d+|SQLITE|stack/i);
        },
      ),
      { seed: 20261124, numRuns: 600 },
    );
    await h.settle();
    // Throttling counters may move (that is their job); nothing else may.
    const strip = (s: string) => { const o = JSON.parse(s); delete o.throttles; return JSON.stringify(o); };
    expect(strip(await snapshot(h))).toBe(strip(before));
    console.log(`malformed requests tried: ${cases}`);
    expect(cases).toBeGreaterThanOrEqual(600);
  }, 240_000);
});
