// E-mail addresses as RFC 5322 writes them (dot-atom local parts: o'brien@…, ana+racuni@…) are
// accepted end to end — registration, its mail, confirmation, login — and broken forms refused,
// by the one schema the widget uses too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, registration, confirmedAccount, type Harness } from '../harness.ts';
import { validate, resendSchema } from '../../../contract/schemas.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

describe('e-mail addresses', () => {
  it("registers, confirms and logs in with o'brien@example.com", async () => {
    const { password } = await confirmedAccount(h, { email: "o'brien@example.com" });
    const mails = await h.outbox();
    expect(mails.some((m) => m.to === "o'brien@example.com")).toBe(true);
    const login = await h.call('POST', '/api/login', { email: "O'Brien@Example.com", password });
    expect(login.status).toBe(200);
    expect(login.body.account.email).toBe("o'brien@example.com");
  });

  it('accepts a plus address at registration', async () => {
    const r = await h.call('POST', '/api/register', registration({ email: 'ana+racuni@example.com' }));
    expect(r.status).toBe(202);
    expect((await h.outbox()).map((m) => m.to)).toContain('ana+racuni@example.com');
  });

  it.each([
    'ana',
    'ana@',
    '@example.com',
    'ana@example',
    'ana@localhost',
    'a..b@example.com',
    '.ana@example.com',
    'ana.@example.com',
    'ana marija@example.com',
    '"ana"@example.com',
    'ana@example..com',
    'ana@-example.com',
    'ana@example.com.',
    'ana@[127.0.0.1]',
    'ana\u0000@example.com',
    'ana\n@example.com',
    'ćao@example.com',
    'ana@b@example.com',
    `${'a'.repeat(65)}@example.com`,
    `ana@${'a'.repeat(64)}.com`,
    `ana@${'a'.repeat(250)}.rs`,
  ])('refuses %j', async (email) => {
    const r = await h.call('POST', '/api/register', registration({ email }));
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.error.fields)).toEqual(['email']);
  });

  it.each([
    "o'brien@example.com",
    'ana+racuni@example.com',
    'a.b.c@sub.example.rs',
    "!#$%&'*+/=?^_`{|}~-@example.com",
    `${'a'.repeat(64)}@example.com`,
    'ana@xn--90a3ac.xn--90a3ac',
    'ana@mail-1.example.co.rs',
  ])('the shared schema accepts %j', (email) => {
    expect(validate(resendSchema(), { email })).toMatchObject({ ok: true });
  });
});
