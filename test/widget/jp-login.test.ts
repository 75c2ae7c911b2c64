// <jp-login>: the seed's words, password-manager friendly inputs, validation with the shared
// schemas, server codes in words (an address not confirmed: a new confirmation link on a tap), the
// e-mail typed carried to the other forms, and one login per double submit.
import { expect, html, oneEvent, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import { setLocale } from '../../widget/src/localize.ts';
import type { LitElement } from 'lit';
import ruma from '../../config/utility.json' with { type: 'json' };
import '../../widget/src/jp-forgot-password.ts';
import '../../widget/src/jp-login-code.ts';
import { answer, calls, axeViolations, byLabel, submit, until, settle, buttonByText, ACCOUNT } from './helpers.ts';

/** Types into a field as a resident does: the value, then the input event. */
async function type(el: Element, label: string, value: string) {
  const input = byLabel(el, label);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await (el as LitElement).updateComplete;
}

describe('<jp-login>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it("renders the seed's words with password-manager friendly inputs", async () => {
    const el = await mount(html`<jp-login></jp-login>`);
    expect(el.querySelector('h2')!.textContent).to.equal('Prijava');
    expect(el.textContent)
      .to.contain('Nemate nalog?')
      .and.contain('Kreirajte nalog')
      .and.contain('Zapamti me')
      .and.contain('Zaboravili ste lozinku?');
    // `webauthn`: the browser offers the account's passkey in the field's autofill (login-other.ts).
    expect(byLabel(el, 'E-mail adresa').autocomplete).to.equal('username webauthn');
    expect(byLabel(el, 'Lozinka').autocomplete).to.equal('current-password');
    expect(el.shadowRoot).to.equal(null);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('validates with the shared schemas, ties errors to fields and focuses the first', async () => {
    answer({});
    const el = await mount(html`<jp-login></jp-login>`);
    byLabel(el, 'E-mail adresa').value = 'nije-adresa';
    await submit(el);
    const email = byLabel(el, 'E-mail adresa');
    // The schemas are fetched on first use (loader.test.ts), the first time compiled by the test server.
    await until(() => email.getAttribute('aria-invalid') === 'true');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.contain(
      'ispravnu e-mail adresu',
    );
    expect(document.activeElement).to.equal(email);
    expect(byLabel(el, 'Lozinka').getAttribute('aria-invalid')).to.equal('true');
    // (The passkey autofill may have asked for its options; the login itself was never sent.)
    expect(calls.filter((c) => c.path === '/api/login')).to.have.length(0);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('maps server codes to words and announces them', async () => {
    answer({ 'POST /api/login': () => ({ status: 401, body: { error: { code: 'invalid_credentials' } } }) });
    const el = await mount(html`<jp-login></jp-login>`);
    byLabel(el, 'E-mail adresa').value = 'milica@example.com';
    byLabel(el, 'Lozinka').value = 'pogrešna lozinka';
    const failed = oneEvent(el, 'error');
    await submit(el);
    expect((await failed).detail.code).to.equal('invalid_credentials');
    expect(el.querySelector('[role=alert]')!.textContent).to.equal('Pogrešna e-mail adresa ili lozinka.');
  });

  it('a page the portal refuses: in development its origin and ALLOWED_ORIGINS, in production neutral words and the contact', async () => {
    const origin = 'http://localhost:8792';
    let body: { error: { code: 'origin_not_allowed'; origin?: string } } = {
      error: { code: 'origin_not_allowed', origin },
    };
    answer({ 'POST /api/login': () => ({ status: 403, body }) });
    const el = await mount(html`<jp-login></jp-login>`);
    // The words come with the help chunk, fetched after the first render (the Pomoć block).
    await until(() => el.querySelector('.jp-aid'), 'the help block');
    byLabel(el, 'E-mail adresa').value = 'milica@example.com';
    byLabel(el, 'Lozinka').value = 'neka lozinka';
    await submit(el);
    expect(el.querySelector('[role=alert]')!.textContent).to.equal(
      `Ova stranica (${origin}) nije na spisku ALLOWED_ORIGINS portala. Dodajte je u ALLOWED_ORIGINS u podešavanjima servera portala i ponovo ga pokrenite.`,
    );
    body = { error: { code: 'origin_not_allowed' } };
    await submit(el);
    expect(el.querySelector('[role=alert]')!.textContent).to.equal(
      `Portal trenutno ne može da primi zahtev sa ove stranice. Javite nam se: ${ruma.contact.phone}, ${ruma.contact.email}.`,
    );
  });

  it('an address never confirmed: "Pošaljite ponovo link za potvrdu" asks for a new link for the address typed; axe-clean', async () => {
    let status: 'accepted' | 'recently_sent' = 'accepted';
    answer({
      'POST /api/login': () => ({ status: 403, body: { error: { code: 'email_not_confirmed' } } }),
      'POST /api/register/resend': () => ({ status: 202, body: { status } }),
    });
    const el = await mount(html`<jp-login></jp-login>`);
    await until(() => !!el.querySelector('.jp-other'), 'the other ways loaded');
    await type(el, 'E-mail adresa', 'milica@example.com');
    byLabel(el, 'Lozinka').value = 'sunce nad sremom 42';
    await submit(el);
    expect(el.querySelector('[role=alert]')!.textContent).to.equal(
      'E-mail adresa još nije potvrđena. Otvorite link iz poruke koju smo Vam poslali.',
    );
    await until(() => !!el.querySelector('.jp-again'), 'the offer shown');
    // The offer, not the way through a new password.
    expect(el.querySelector('.jp-again')!.textContent).to.not.contain('Zaboravili ste lozinku?');
    expect(el.querySelector('[role=alert]')!.textContent).to.not.contain('Zaboravili ste lozinku?');
    expect(await axeViolations(el)).to.deep.equal([]);
    buttonByText(el, 'Pošaljite ponovo link za potvrdu').click();
    await until(() => !!el.querySelector('.jp-again [role=status]')?.textContent);
    expect(calls.filter((c) => c.path === '/api/register/resend').map((c) => c.body)).to.deep.equal([
      { email: 'milica@example.com' },
    ]);
    expect(el.querySelector('.jp-again [role=status]')!.textContent).to.equal(
      'Poslali smo novi link. Važi samo najnoviji link.',
    );
    status = 'recently_sent';
    buttonByText(el, 'Pošaljite ponovo link za potvrdu').click();
    await until(() => el.querySelector('.jp-again [role=status]')!.textContent!.startsWith('Link smo Vam već poslali'));
    // Another address typed: the offer was for the one refused.
    await type(el, 'E-mail adresa', 'drugi@example.com');
    await until(() => !el.querySelector('.jp-again'), 'the offer gone');
  });

  it('another answer to the login offers no new confirmation link', async () => {
    answer({ 'POST /api/login': () => ({ status: 401, body: { error: { code: 'invalid_credentials' } } }) });
    const el = await mount(html`<jp-login></jp-login>`);
    await until(() => !!el.querySelector('.jp-other'), 'the other ways loaded');
    await type(el, 'E-mail adresa', 'milica@example.com');
    byLabel(el, 'Lozinka').value = 'pogrešna lozinka';
    await submit(el);
    await settle();
    expect(el.querySelector('.jp-again')).to.equal(null);
  });

  it('the e-mail typed is already in the forgotten-password and login-code forms', async () => {
    answer({});
    const login = await mount(html`<jp-login></jp-login>`);
    await until(() => !!login.querySelector('.jp-other'), 'the other ways loaded');
    await type(login, 'E-mail adresa', 'milica@example.com');
    login.remove();
    const forgot = await mount(html`<jp-forgot-password></jp-forgot-password>`);
    await until(() => customElements.get('jp-forgot-password') && byLabel(forgot, 'E-mail adresa'));
    await (forgot as LitElement).updateComplete;
    expect(byLabel(forgot, 'E-mail adresa').value).to.equal('milica@example.com');
    const code = await mount(html`<jp-login-code></jp-login-code>`);
    await until(() => customElements.get('jp-login-code') && byLabel(code, 'E-mail adresa'));
    await (code as LitElement).updateComplete;
    expect(byLabel(code, 'E-mail adresa').value).to.equal('milica@example.com');
    // Corrected there, it goes back to the login the same way.
    await type(code, 'E-mail adresa', 'milica.j@example.com');
    const again = await mount(html`<jp-login></jp-login>`);
    await until(() => !!again.querySelector('.jp-other'), 'the other ways loaded');
    expect(byLabel(again, 'E-mail adresa').value).to.equal('milica.j@example.com');
  });

  it('says when to try again after throttling', async () => {
    answer({
      'POST /api/login': () => ({
        status: 429,
        body: { error: { code: 'too_many_attempts' } },
        headers: { 'retry-after': '240' },
      }),
    });
    const el = await mount(html`<jp-login></jp-login>`);
    byLabel(el, 'E-mail adresa').value = 'milica@example.com';
    byLabel(el, 'Lozinka').value = 'neka lozinka';
    await submit(el);
    expect(el.querySelector('[role=alert]')!.textContent).to.equal('Previše pokušaja. Pokušajte ponovo za 4 min.');
  });

  it('fires login with the account, once, even on a double submit', async () => {
    answer({ 'POST /api/login': () => ({ status: 200, body: { account: ACCOUNT } }) });
    const el = await mount(html`<jp-login></jp-login>`);
    byLabel(el, 'E-mail adresa').value = 'milica@example.com';
    byLabel(el, 'Lozinka').value = 'ljubičasti kišobran';
    const done = oneEvent(el, 'login');
    el.querySelector('form')!.requestSubmit();
    el.querySelector('form')!.requestSubmit();
    expect((await done).detail.account.email).to.equal('milica@example.com');
    expect(calls.filter((c) => c.path === '/api/login')).to.have.length(1);
    expect(calls.find((c) => c.path === '/api/login')!.body).to.deep.equal({
      email: 'milica@example.com',
      password: 'ljubičasti kišobran',
      remember: false,
    });
  });
});
