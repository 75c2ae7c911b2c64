import { expect, html, oneEvent, nextFrame, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
// The views load on demand in the bundle (loader.test.ts); here each is tested on its own.
import '../../widget/src/jp-register.ts';
import '../../widget/src/jp-forgot-password.ts';
import '../../widget/src/jp-reset-password.ts';
import '../../widget/src/jp-confirm.ts';
import '../../widget/src/jp-unsubscribe.ts';
import '../../widget/src/jp-account.ts';
import '../../widget/src/jp-settings.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { answer, calls, axeViolations } from './helpers.ts';

const ACCOUNT = { id: 'a1', name: 'Milica Jovanović', email: 'milica@example.com', emailBills: true, locale: 'sr-Latn', consumers: [{ code: '104521', name: 'Milica Jovanović', address: 'Glavna 12, 22400 Ruma' }] };
const byLabel = (root: Element, text: string) => {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent!.trim() === text);
  return root.querySelector<HTMLInputElement>(`#${CSS.escape(label!.htmlFor)}`)!;
};
const fillRegistration = (el: Element) => {
  byLabel(el, 'Ime i prezime').value = 'Milica Jovanović';
  byLabel(el, 'E-mail adresa').value = 'milica@example.com';
  byLabel(el, 'Lozinka').value = 'sunce nad sremom';
  byLabel(el, 'Šifra potrošača').value = '104521';
  byLabel(el, 'PIN').value = '4821';
};
const submit = async (el: Element) => {
  el.querySelector('form')!.requestSubmit();
  for (let i = 0; i < 5; i++) await nextFrame();
};

describe('<jp-login>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('renders the seed\'s words with password-manager friendly inputs', async () => {
    const el = await mount(html`<jp-login></jp-login>`);
    expect(el.querySelector('h2')!.textContent).to.equal('Prijava');
    expect(el.textContent).to.contain('Nemate nalog?').and.contain('Kreirajte nalog').and.contain('Zapamti me').and.contain('Zaboravili ste lozinku?');
    expect(byLabel(el, 'E-mail adresa').autocomplete).to.equal('username');
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
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.contain('ispravnu e-mail adresu');
    expect(document.activeElement).to.equal(email);
    expect(byLabel(el, 'Lozinka').getAttribute('aria-invalid')).to.equal('true');
    expect(calls).to.have.length(0);
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

  it('says when to try again after throttling', async () => {
    answer({ 'POST /api/login': () => ({ status: 429, body: { error: { code: 'too_many_attempts' } }, headers: { 'retry-after': '240' } }) });
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
    expect(calls[0].body).to.deep.equal({ email: 'milica@example.com', password: 'ljubičasti kišobran', remember: false });
  });
});

describe('<jp-register>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('has the fields, the e-mail bills choice on by default and the consent', async () => {
    const el = await mount(html`<jp-register></jp-register>`);
    expect(el.querySelector('h2')!.textContent).to.equal('Registracija naloga');
    for (const l of ['Ime i prezime', 'E-mail adresa', 'Lozinka', 'Šifra potrošača', 'PIN', 'Slanje računa na e-mail']) expect(byLabel(el, l), l).to.exist;
    expect(byLabel(el, 'Slanje računa na e-mail').checked).to.equal(true);
    expect(byLabel(el, 'Lozinka').autocomplete).to.equal('new-password');
    expect(el.querySelector('svg[role=img] title')!.textContent).to.contain('gornjem levom uglu');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('requires the consent and maps consumer errors', async () => {
    answer({ 'POST /api/register': () => ({ status: 409, body: { error: { code: 'consumer_already_registered' } } }) });
    const el = await mount(html`<jp-register></jp-register>`);
    fillRegistration(el);
    await submit(el);
    expect(el.querySelector('.jp-error')!.textContent).to.contain('saglasnost');
    expect(calls).to.have.length(0);
    el.querySelector<HTMLInputElement>('input[name=accept-terms]')!.checked = true;
    await submit(el);
    expect(calls[0].body).to.include({ emailBills: true, acceptTerms: true, locale: 'sr-Latn', consumerCode: '104521' });
    expect(el.querySelector('[role=alert]')!.textContent).to.contain('već postoji nalog');
  });

  it('shows the notice with a way to resend after registering', async () => {
    answer({ 'POST /api/register': () => ({ status: 202, body: { status: 'confirmation_sent' } }), 'POST /api/register/resend': () => ({ status: 202 }) });
    const el = await mount(html`<jp-register></jp-register>`);
    fillRegistration(el);
    el.querySelector<HTMLInputElement>('input[name=accept-terms]')!.checked = true;
    const registered = oneEvent(el, 'registered');
    await submit(el);
    expect((await registered).detail.email).to.equal('milica@example.com');
    expect(el.querySelector('h2')!.textContent).to.equal('Proverite e-mail');
    expect(document.activeElement).to.equal(el.querySelector('h2'));
    el.querySelector<HTMLButtonElement>('button')!.click();
    for (let i = 0; i < 5; i++) await nextFrame();
    expect(calls.at(-1)!.path).to.equal('/api/register/resend');
    expect(el.querySelector('[role=status]')!.textContent).to.contain('novi link');
  });
});

describe('locales', () => {
  afterEach(() => setLocale('sr-Latn'));

  for (const [locale, heading] of [['sr-Cyrl', 'Пријава'], ['en', 'Login']] as const) {
    it(`switches every view to ${locale} without reload, axe-clean`, async () => {
      answer({ 'GET /api/me': () => ({ status: 200, body: { account: ACCOUNT } }) });
      const login = await mount(html`<jp-login lang=${locale}></jp-login>`);
      for (let i = 0; i < 5; i++) await nextFrame();
      expect(login.querySelector('h2')!.textContent).to.equal(heading);
      for (const tag of ['jp-register', 'jp-forgot-password', 'jp-reset-password', 'jp-account']) {
        const created = document.createElement(tag);
        created.setAttribute('lang', locale);
        const el = await mount(html`${created}`);
        for (let i = 0; i < 5; i++) await nextFrame();
        expect(await axeViolations(el), `${tag} in ${locale}`).to.deep.equal([]);
        if (locale === 'sr-Cyrl') expect(el.textContent!.replace(/[\w.+-]+@[\w.-]+|Milica Jovanović|Glavna 12, 22400 Ruma/g, ''), tag).not.to.match(/[A-Za-zČĆŽŠĐčćžšđ]{2,}/);
      }
    });
  }

  it('<jp-portal switch> switches script from its switch', async () => {
    answer({ 'GET /api/me': () => ({ status: 401, body: { error: { code: 'unauthenticated' } } }) });
    const el = await mount(html`<jp-portal switch></jp-portal>`);
    for (let i = 0; i < 5; i++) await nextFrame();
    [...el.querySelectorAll('button')].find((b) => b.textContent === 'Ћирилица')!.click();
    for (let i = 0; i < 10; i++) await nextFrame();
    expect(el.querySelector('h2')!.textContent).to.equal('Пријава');
    expect(el.querySelector('.jp-brand')!.textContent).to.equal('ЈП Стамбено Рума');
    localStorage.removeItem('jp-portal-locale');
  });
});

describe('<jp-confirm> and <jp-reset-password>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('confirms with the token and fires confirmed', async () => {
    answer({ 'POST /api/confirm': () => ({ status: 200, body: { status: 'confirmed' } }) });
    const el = document.createElement('jp-confirm') as HTMLElement & { token: string };
    el.token = 'A'.repeat(43);
    const confirmed = oneEvent(el, 'confirmed');
    await mount(html`${el}`);
    expect((await confirmed).detail.status).to.equal('confirmed');
    await nextFrame();
    expect(el.querySelector('h2')!.textContent).to.equal('Registracija je potvrđena');
    expect(calls[0].body).to.deep.equal({ token: 'A'.repeat(43) });
  });

  it('explains a used or expired link', async () => {
    answer({ 'POST /api/confirm': () => ({ status: 400, body: { error: { code: 'invalid_token' } } }) });
    const el = document.createElement('jp-confirm') as HTMLElement & { token: string };
    el.token = 'B'.repeat(43);
    await mount(html`${el}`);
    for (let i = 0; i < 5; i++) await nextFrame();
    expect(el.querySelector('h2')!.textContent).to.equal('Potvrda nije uspela');
    expect(el.querySelector('[role=alert]')!.textContent).to.equal('Link nije ispravan, već je iskorišćen ili je istekao.');
  });

  it('sets a new password, checks it before sending, and fires password-reset', async () => {
    answer({ 'POST /api/password/reset': () => ({ status: 200, body: { status: 'password_reset' } }) });
    const el = document.createElement('jp-reset-password') as HTMLElement & { token: string };
    el.token = 'C'.repeat(43);
    await mount(html`${el}`);
    const input = el.querySelector<HTMLInputElement>('input[type=password]')!;
    expect(input.autocomplete).to.equal('new-password');
    input.value = 'kratka';
    await submit(el);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(el.querySelector('.jp-error')!.textContent).to.equal('Lozinka mora imati najmanje 12 znakova.');
    expect(calls).to.have.length(0);
    input.value = 'nova lozinka za rumu';
    const done = oneEvent(el, 'password-reset');
    await submit(el);
    await done;
    expect(el.querySelector('h2')!.textContent).to.equal('Lozinka je promenjena');
  });

  it('refuses a common Serbian password or the utility\'s name before sending', async () => {
    answer({});
    const el = document.createElement('jp-reset-password') as HTMLElement & { token: string };
    el.token = 'C'.repeat(43);
    await mount(html`${el}`);
    const input = el.querySelector<HTMLInputElement>('input[type=password]')!;
    for (const password of ['Лозинка2026!', 'Korisnik-Lozinka1', 'Stambeno-Ruma-2026']) {
      input.value = password;
      await submit(el);
      expect(input.getAttribute('aria-invalid'), password).to.equal('true');
      expect(el.querySelector('.jp-error')!.textContent, password).to.contain('previše česta');
    }
    expect(calls).to.have.length(0);
  });
});

describe('<jp-unsubscribe>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('stops e-mail bills only after the button, axe-clean', async () => {
    answer({ 'POST /api/email-bills/unsubscribe': () => ({ status: 200, body: { status: 'unsubscribed' } }) });
    const el = document.createElement('jp-unsubscribe') as HTMLElement & { token: string };
    el.token = 'header.payload.signature';
    await mount(html`${el}`);
    expect(calls).to.have.length(0);
    expect(await axeViolations(el)).to.deep.equal([]);
    el.querySelector<HTMLButtonElement>('button')!.click();
    for (let i = 0; i < 5; i++) await nextFrame();
    expect(calls[0]).to.deep.equal({ path: '/api/email-bills/unsubscribe', body: { token: 'header.payload.signature' } });
    expect(el.querySelector('[role=status]')!.textContent).to.contain('više neće stizati');
  });
});

describe('<jp-settings>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('shows a wrong password at the form that sent it, lists sessions and revokes one', async () => {
    answer({
      'GET /api/account/sessions': () => ({ status: 200, body: { sessions: [{ id: 'aaaaaaaaaaaaaaaa', current: true, lastSeenAt: 0, userAgent: 'Ovaj' }, { id: 'bbbbbbbbbbbbbbbb', current: false, lastSeenAt: 0, userAgent: 'Telefon' }] } }),
      'GET /api/account/consents': () => ({ status: 200, body: { consents: [{ termsVersion: '2026-11-01', privacyVersion: '2026-11-01', acceptedAt: 0 }] } }),
      'POST /api/account/email': () => ({ status: 403, body: { error: { code: 'wrong_password', fields: { password: 'wrong_password' } } } }),
      'POST /api/account/sessions/revoke': () => ({ status: 204 }),
    });
    const el = await mount(html`<jp-settings></jp-settings>`);
    for (let i = 0; i < 5; i++) await nextFrame();
    expect(el.textContent).to.contain('Telefon').and.contain('2026-11-01');
    const form = [...el.querySelectorAll('form')].find((f) => f.querySelector('input[name=new-email]'))!;
    form.querySelector<HTMLInputElement>('input[name=new-email]')!.value = 'nova@example.com';
    form.querySelector<HTMLInputElement>('input[name=email-password]')!.value = 'pogrešna lozinka';
    form.requestSubmit();
    for (let i = 0; i < 8; i++) await nextFrame();
    expect(form.querySelector('input[name=email-password]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.querySelector<HTMLInputElement>('input[name=password]')!.getAttribute('aria-invalid')).to.equal('false');
    expect(document.activeElement).to.equal(form.querySelector('input[name=email-password]'));
    [...el.querySelectorAll('button')].find((b) => b.textContent === 'Odjavite ovaj uređaj')!.click();
    for (let i = 0; i < 5; i++) await nextFrame();
    expect(calls.find((c) => c.path === '/api/account/sessions/revoke')!.body).to.deep.equal({ id: 'bbbbbbbbbbbbbbbb' });
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});
