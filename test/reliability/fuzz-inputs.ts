// Generators for the reliability fuzz: every route, hostile strings, odd headers, queries and
// bodies of every size and encoding, plus the checks every answer must pass.
import fc from 'fast-check';
import { ERROR_CODES } from '../../contract/errors.ts';

export const ADMIN_TOKEN = 'admin-token-for-fuzz-0123456789abcdef0123';

/** Every route of createApp, as [method, path]; `:id` is filled in by the generator. */
export const ROUTES: [string, string][] = [
  ['POST', '/api/register'],
  ['POST', '/api/register/resend'],
  ['POST', '/api/confirm'],
  ['POST', '/api/login'],
  ['POST', '/api/logout'],
  ['GET', '/api/me'],
  ['POST', '/api/password/forgot'],
  ['POST', '/api/password/reset'],
  ['POST', '/api/password/reset/passkeys'],
  ['POST', '/api/login/code/send'],
  ['POST', '/api/login/code'],
  ['POST', '/api/passkey/login/options'],
  ['POST', '/api/passkey/login'],
  ['GET', '/api/bills'],
  ['GET', '/api/bills/:id'],
  ['GET', '/api/bills/:id/pdf'],
  ['GET', '/api/bills/:id/qr.png'],
  ['POST', '/api/account/settings'],
  ['POST', '/api/account/password'],
  ['POST', '/api/account/email'],
  ['GET', '/api/account/sessions'],
  ['POST', '/api/account/sessions/revoke'],
  ['POST', '/api/account/sessions/revoke-all'],
  ['GET', '/api/account/consumers'],
  ['GET', '/api/account/consumers/:id/qr.png'],
  ['POST', '/api/account/consumers/link'],
  ['POST', '/api/account/consumers/unlink'],
  ['GET', '/api/account/consents'],
  ['GET', '/api/account/export'],
  ['GET', '/api/account/export.html'],
  ['POST', '/api/account/delete'],
  ['GET', '/api/account/passkeys'],
  ['POST', '/api/account/passkeys/options'],
  ['POST', '/api/account/passkeys'],
  ['POST', '/api/account/passkeys/remove'],
  ['POST', '/api/admin/bills'],
  ['POST', '/api/admin/consumers'],
  ['POST', '/api/admin/consumers/unlock'],
  ['POST', '/api/admin/bills/pdf'],
  ['POST', '/api/admin/bounces'],
  ['GET', '/api/admin/delivery'],
  ['POST', '/api/mail/mailchannels'],
  ['POST', '/api/email-bills/unsubscribe'],
  ['GET', '/api/health'],
  ['GET', '/api/diagnose'],
  ['GET', '/api/diagnose.js'],
  ['GET', '/api/dev/outbox'],
  ['GET', '/api/openapi.json'],
  ['GET', '/api/reference'],
  // The office (docs/office.md): its own origin guard, staff session and roles.
  ['POST', '/api/staff/invitation/options'],
  ['POST', '/api/staff/invitation'],
  ['POST', '/api/staff/login/options'],
  ['POST', '/api/staff/login'],
  ['GET', '/api/staff/me'],
  ['POST', '/api/staff/logout'],
  ['POST', '/api/staff/passkeys/options'],
  ['POST', '/api/staff/passkeys'],
  ['GET', '/api/staff/consumers'],
  ['GET', '/api/staff/consumers/:id'],
  ['POST', '/api/staff/consumers/:id/unlock'],
  ['POST', '/api/staff/consumers/:id/resend-confirmation'],
  ['POST', '/api/staff/consumers/:id/notes'],
  ['POST', '/api/staff/invitations'],
  ['GET', '/api/staff/members'],
  ['POST', '/api/staff/members/:id/disable'],
  ['GET', '/api/staff/audit'],
  ['GET', '/api/staff/print-list'],
  ['POST', '/api/staff/imports/preview'],
  ['POST', '/api/staff/imports'],
  ['GET', '/api/staff/runs'],
  ['POST', '/api/staff/runs/:id/retry'],
  ['GET', '/api/staff/overview'],
  ['GET', '/api/nope'],
  ['GET', '/api/../etc/passwd'],
  ['POST', '/api//login'],
  ['GET', '/api/me/'],
  ['GET', '/api/%ZZ'],
];

/** Routes where a valid session with a harmless body could still succeed and end that session. */
export const ENDS_SESSION = new Set(['/api/logout', '/api/account/sessions/revoke-all']);

export const INJECTIONS = [
  "' OR '1'='1",
  "' OR 1=1 --",
  '"; DROP TABLE accounts; --',
  '1; DELETE FROM sessions',
  "' UNION SELECT password_hash FROM accounts --",
  "%' AND 1=0 UNION SELECT sqlite_version() --",
  "admin'--",
  '\\',
  '\\"',
  '`rm -rf /`',
  '$(id)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '<!--',
  ']]>',
  '../../etc/passwd',
  '..\\..\\win.ini',
  '%00',
  '%2e%2e%2f',
  '\u0000',
  'a\u0000b',
  '\r\nSet-Cookie: x=1',
  '\uD800',
  '\uDFFF',
  'a\uD83Db',
  '\u202Eevil\u202C',
  '\u200B\u200D\uFEFF',
  'Z\u0351\u0368\u0309\u0353',
  '😀'.repeat(50),
  '𝕳𝖊𝖑𝖑𝖔',
  'ﷺ',
  'İı',
  '\u00A0',
  'a'.repeat(121),
  'a'.repeat(5000),
  '',
  ' ',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e309',
  '0x10',
];

export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('\u0000', '\uD800', '\uDC00', '\u202E', '<', "'", '"', '\\', '%', '😀', 'ž', '\n'),
    maxLength: 20,
  }),
);

const hostileValue = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);

const FIELDS = [
  'name',
  'email',
  'password',
  'consumerCode',
  'pin',
  'acceptTerms',
  'emailBills',
  'locale',
  'token',
  'remember',
  'currentPassword',
  'newPassword',
  'id',
  'keepCurrent',
];

/** JSON objects with the API's field names holding hostile values (never valid: `email`/`token` are never well-formed). */
const fieldBody = fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 6 }).map((o) => JSON.stringify(o));

const notJson = fc.string({ maxLength: 200 }).filter((s) => {
  try {
    JSON.parse(s);
    return false;
  } catch {
    return true;
  }
});

export type Body = { kind: string; data: string | Uint8Array<ArrayBuffer> | undefined };

export const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 5, arbitrary: fieldBody.map((data) => ({ kind: 'fields', data })) },
  { weight: 2, arbitrary: notJson.map((data) => ({ kind: 'not-json', data })) },
  fc
    .constantFrom(
      '[]',
      'null',
      '"text"',
      '42',
      'true',
      '{}',
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"x":1}}}',
      '{"a":1,"a":2}',
    )
    .map((data) => ({ kind: 'json-other', data })),
  fc.uint8Array({ maxLength: 300 }).map((data) => ({ kind: 'bytes', data: new Uint8Array(data) })),
  fc
    .array(fc.tuple(fc.constantFrom(...FIELDS), hostileString), { maxLength: 4 })
    .map((kv) => ({ kind: 'form', data: kv.map(([k, v]) => `${k}=${safeEncode(v)}`).join('&') })),
  fc
    .constantFrom('sifra_potrosaca,pin,ime_prezime,adresa\n1,2,3', 'a,b\n"unterminated', '\uFEFF;;;\n', '%PDF-1.4 junk')
    .map((data) => ({ kind: 'csv-ish', data })),
  fc.constant({ kind: 'none', data: undefined }),
);

/** Size and encoding extremes; the largest ones stay for the admin routes (8 MB limit). */
export const extremeBody: fc.Arbitrary<Body> = fc.oneof(
  fc.integer({ min: 1, max: 200_000 }).map((n) => ({ kind: `nested-${n}`, data: '['.repeat(n) + ']'.repeat(n) })),
  fc
    .integer({ min: 1, max: 20_000 })
    .map((n) => ({ kind: `nested-obj-${n}`, data: '{"a":'.repeat(n) + '1' + '}'.repeat(n) })),
  fc
    .constantFrom(16 * 1024 - 20, 16 * 1024 + 1, 1 << 20)
    .map((n) => ({ kind: `string-${n}`, data: JSON.stringify({ name: 'x'.repeat(n) }) })),
  fc.constant({
    kind: 'keys-2000',
    data: JSON.stringify(Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i]))),
  }),
  hostileString.map((s) => ({ kind: 'raw-utf16', data: `{"name":"${s}","email":"${s}@example.com","token":"${s}"}` })),
  fc
    .constantFrom(
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xff, 0xfe, 0x7b, 0x00],
      [0xef, 0xbb, 0xbf, 0x7b, 0x7d],
      [0x7b, 0x00, 0x7d],
    )
    .map((b) => ({ kind: 'bad-utf8', data: new Uint8Array(b) })),
  fc.constant({ kind: 'nul-1mb', data: '\u0000'.repeat(1 << 20) }),
);

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes out as a broken escape. */
export function safeEncode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

export const query = fc.oneof(
  fc.constant(''),
  fc
    .array(fc.tuple(fc.constantFrom('token', 'page', 'consumer', 'locale', 'code', 'period', 'x'), hostileString), {
      maxLength: 4,
    })
    .map((kv) => '?' + kv.map(([k, v]) => `${k}=${safeEncode(v)}`).join('&')),
  fc.constantFrom(
    '?page=0',
    '?page=99999999999',
    '?page=1e3',
    '?page=%ZZ',
    '?token=%E0%A4%A',
    '?consumer=%27',
    '?page=1&page=2',
    '?&&==&',
    '?locale=../../',
    '?code=104521&period=2026-13',
    `?x=${'y'.repeat(10_000)}`,
  ),
);

export const pathId = (realIds: string[]) =>
  fc.oneof(
    fc.constantFrom(...realIds),
    fc.stringMatching(/^[0-9a-f]{32}$/),
    fc.constantFrom('zzz', '%ZZ', '%00', '..%2F..%2Fetc', 'A'.repeat(5000), '%27%20OR%201%3D1'),
    hostileString.map(safeEncode),
  );

// Header values must be Latin-1 without NUL, CR or LF: anything else no client can send.
const latin1 = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((c) => c !== 0x7f)
    .map((c) => String.fromCharCode(c)),
  maxLength: 80,
});

export function headers(validCookie: string) {
  return fc.record(
    {
      'content-type': fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'Application/JSON',
        'application/json;charset=utf-16',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'text/csv',
        'application/pdf',
        '',
      ),
      origin: fc.constantFrom(
        'http://localhost:8787',
        'https://evil.example',
        'null',
        'http://localhost:8787.evil.example',
      ),
      cookie: fc.oneof(
        fc.constantFrom(
          validCookie,
          'jp_session=',
          'jp_session=%%%',
          `jp_session=${'A'.repeat(43)}`,
          `${validCookie}; jp_session=x`,
          `__Host-${validCookie}`,
          `jp_session=${'A'.repeat(10_000)}`,
        ),
        latin1,
      ),
      authorization: fc.oneof(
        fc.constantFrom(
          'Bearer ',
          'Bearer wrong',
          `Bearer ${ADMIN_TOKEN}`,
          `Bearer ${ADMIN_TOKEN}x`,
          'Basic YWRtaW46YWRtaW4=',
        ),
        latin1,
      ),
      'content-length': fc.constantFrom('0', '1', '-1', 'abc', '99999999999', '1e3', ' 5 '),
      'accept-language': fc.oneof(fc.constantFrom('sr-Latn', 'en;q=0.5, *;q=0', 'x'.repeat(5000)), latin1),
      'x-forwarded-for': fc.oneof(
        fc.constantFrom('127.0.0.1', '::1', '1.1.1.1, 2.2.2.2', 'unknown', `${'9.9.9.9, '.repeat(500)}1.1.1.1`),
        latin1,
      ),
      'user-agent': latin1,
    },
    { requiredKeys: [] },
  );
}

/** What every answer must satisfy: the problem (or null) and the error code, if any. */
export async function checkAnswer(method: string, res: Response): Promise<{ problem: string | null; code?: string }> {
  const type = res.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = type.includes('pdf') ? '' : new TextDecoder().decode(bytes);
  const fail = (problem: string) => ({ problem: `${problem}: ${res.status} ${text.slice(0, 200)}` });
  if (res.status >= 500) return fail('server error');
  if (/at \w+ \(|\.ts:\d+|SQLITE_|node_modules|stack/i.test(text)) return fail('stack trace leaked');
  if (/\$argon2|pin_?digest|password_?hash/i.test(text)) return fail('secret leaked');
  if (res.status < 400 || method === 'HEAD') return { problem: null };
  if (!type.startsWith('application/json')) return fail(`error without JSON (${type})`);
  const code = JSON.parse(text)?.error?.code;
  if (typeof code !== 'string') return fail('error without a code');
  return (ERROR_CODES as readonly string[]).includes(code)
    ? { problem: null, code: `${res.status} ${code}` }
    : fail(`error code outside the registry (${code})`);
}

export const csvField = (s: string) => `"${s.replaceAll('"', '""')}"`;
