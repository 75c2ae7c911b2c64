// The resident's script on every link of a mail: each portal link of every account mail and of the
// bill mail carries the mail's locale (`jezik=` last in its fragment, beside the token); the
// office's invitation does not. Through the routes: the confirmation in the registration's locale,
// the account's mail language (POST /api/account/settings {locale}: valid, 422, 401) in the reset,
// e-mail change and reset mails, and the login answer carrying it. (The login-code mail has no link.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAIL_KINDS } from '../../../worker/src/mail/templates.ts';
import { composeMail } from '../../../worker/src/mail/compose.ts';
import { tokenLink } from '../../../worker/src/auth/tokens.ts';
import { loadConfig } from '../../../worker/src/config.ts';
import { renderBillMail } from '../../../worker/src/bills/bill-mail-content.ts';
import { withLocale } from '../../../worker/src/mail/locale-link.ts';
import { testUtility } from '../../support/utility.ts';
import { PRODUCTION_ENV } from '../../support/production-env.ts';
import { SAMPLE, sampleBill, sampleDeps } from '../../support/mail-samples.ts';
import { makeHarness, confirmedAccount, GOOD_PASSWORD, type Harness } from '../harness.ts';
import { LOCALES } from '../../../contract/locales.ts';
import type { Deps } from '../../../worker/src/ports.ts';

const PORTAL = 'https://www.stambenoruma.rs/portal?x=1';
const deps = { config: loadConfig({ ...PRODUCTION_ENV, PORTAL_URL: PORTAL }, testUtility) } as unknown as Deps;

/** Every link to the portal's page in a mail's text and HTML (the HTML's &amp; read back). */
function portalLinks(text: string, html: string, portal: string) {
  const start = portal.replace(/[.?/]/g, '\\$&');
  return `${text}\n${html.replace(/&amp;/g, '&')}`.match(new RegExp(`${start}[^\\s"<>]*`, 'g')) ?? [];
}

describe('withLocale', () => {
  it('puts the locale last in the fragment, beside a token or alone, the query untouched', () => {
    expect(withLocale(`${PORTAL}#potvrda=T0k`, 'sr-Cyrl')).toBe(`${PORTAL}#potvrda=T0k&jezik=sr-Cyrl`);
    expect(withLocale(`${PORTAL}#racuni`, 'en')).toBe(`${PORTAL}#racuni&jezik=en`);
    expect(withLocale(PORTAL, 'sr-Latn')).toBe(`${PORTAL}#jezik=sr-Latn`);
    expect(withLocale('https://x.example/?unsubscribe=a.b.c', 'sr-Cyrl')).toBe(
      'https://x.example/?unsubscribe=a.b.c#jezik=sr-Cyrl',
    );
  });
});

describe("every link of a resident's mail carries the mail's locale", () => {
  it.each(LOCALES)('the account mails in %s', (locale) => {
    for (const kind of MAIL_KINDS.filter((k) => k !== 'staff_invite')) {
      const token = kind === 'reset' ? tokenLink(deps, 'reset', 'T0k') : undefined;
      const m = composeMail(deps, kind, locale, 'Ana', token, 'nova@example.com', '048215');
      for (const link of portalLinks(m.text, m.html, PORTAL))
        expect(link, kind).toMatch(new RegExp(`[#&]jezik=${locale}$`));
    }
    const reset = composeMail(deps, 'reset', locale, 'Ana', tokenLink(deps, 'reset', 'T0k'));
    expect(reset.text).toContain(`${PORTAL}#reset=T0k&jezik=${locale}\n`);
  });

  it.each(LOCALES)('the bill mail in %s: the portal, the unpaid bills and the unsubscribe links', async (locale) => {
    const older = [{ id: 'b0', period: '2026-10', amount: 1971, dueDate: '2026-11-20' }];
    const m = await renderBillMail(
      sampleDeps(),
      sampleBill(),
      { id: 'acc-1', name: SAMPLE.name, locale },
      SAMPLE.consumer,
      older,
    );
    const links = portalLinks(m.text, m.html, sampleDeps().config.portalUrl);
    expect(links.length).toBeGreaterThanOrEqual(4);
    for (const link of links) expect(link).toMatch(new RegExp(`[#&]jezik=${locale}$`));
    expect(m.text).toMatch(new RegExp(`#racuni&jezik=${locale}$`, 'm'));
    expect(m.text).toMatch(new RegExp(`\\?unsubscribe=[\\w.-]+#jezik=${locale}$`, 'm'));
  });

  it("leaves the office's invitation link as it is", () => {
    const m = composeMail(deps, 'staff_invite', 'sr-Latn', 'Ana', 'https://api.example/kancelarija#poziv=T0k');
    expect(m.text).toContain('https://api.example/kancelarija#poziv=T0k\n');
    expect(m.text).not.toContain('jezik=');
  });
});

describe("the account's mail language", () => {
  let h: Harness;
  let cookie: string | undefined;
  let email: string;
  beforeEach(async () => {
    h = await makeHarness();
    const account = await confirmedAccount(h, { locale: 'sr-Cyrl' });
    email = account.email;
    cookie = (await h.call('POST', '/api/login', account)).cookie;
  });
  afterEach(() => h.close());

  const lastMail = async (kind: string) => (await h.outbox()).find((m) => m.kind === kind)!;
  const setLocale = (locale: unknown) => h.call('POST', '/api/account/settings', { locale }, { cookie });

  it('is in the login answer and in /api/me', async () => {
    const login = await h.call('POST', '/api/login', { email, password: GOOD_PASSWORD });
    expect(login.body.account.locale).toBe('sr-Cyrl');
    expect((await h.call('GET', '/api/me', undefined, { cookie })).body.account.locale).toBe('sr-Cyrl');
  });

  it('is set by POST /api/account/settings {locale}, and the next mails and their links follow it', async () => {
    const r = await setLocale('en');
    expect(r.status).toBe(200);
    expect(r.body.account.locale).toBe('en');
    const login = await h.call('POST', '/api/login', { email, password: GOOD_PASSWORD });
    expect(login.body.account.locale).toBe('en');
    await h.call('POST', '/api/account/email', { email: 'nova@example.com', password: GOOD_PASSWORD }, { cookie });
    const change = (await h.outbox()).find((m) => m.to === 'nova@example.com')!;
    expect(change.subject).toMatch(/^Confirm/);
    expect(change.text).toMatch(/#nova-adresa=[\w-]+&jezik=en$/m);
    await h.call('POST', '/api/password/forgot', { email });
    expect((await lastMail('reset')).text).toMatch(/#reset=[\w-]+&jezik=en$/m);
  });

  it('refuses a locale the portal does not have (422) and a request without a session (401)', async () => {
    const bad = await setLocale('sr-Glag');
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toEqual({ locale: 'invalid_locale' });
    expect((await h.call('POST', '/api/account/settings', { locale: 'en' })).status).toBe(401);
    expect((await h.call('GET', '/api/me', undefined, { cookie })).body.account.locale).toBe('sr-Cyrl');
  });
});
