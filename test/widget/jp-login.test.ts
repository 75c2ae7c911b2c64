// <jp-login>: the seed's words, password-manager friendly inputs, validation with the shared
// schemas, server codes in words, and one login per double submit.
import { expect, html, oneEvent, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { answer, calls, axeViolations, byLabel, submit, until, ACCOUNT } from './helpers.ts';

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

  it('an address never confirmed: where the way on is when the first mail never came', async () => {
    answer({ 'POST /api/login': () => ({ status: 403, body: { error: { code: 'email_not_confirmed' } } }) });
    const el = await mount(html`<jp-login></jp-login>`);
    byLabel(el, 'E-mail adresa').value = 'milica@example.com';
    byLabel(el, 'Lozinka').value = 'sunce nad sremom 42';
    await submit(el);
    expect(el.querySelector('[role=alert]')!.textContent).to.equal(
      'E-mail adresa još nije potvrđena. Otvorite link iz poruke koju smo Vam poslali ili zatražite novi: „Zaboravili ste lozinku?”.',
    );
    expect(el.querySelector('a[href="#zaboravljena-lozinka"]')!.textContent).to.equal('Zaboravili ste lozinku?');
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
