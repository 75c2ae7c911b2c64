// The resident's own script everywhere: a mail link's locale (`&jezik=`) applied and taken out of the
// address; the account's mail language applied at login and on a resumed session; the choice
// remembered from the switch winning over both; the switch while logged in saved to the account
// (one call); Podešavanja's "Jezik i pismo poruka"; and what is already on screen — the logout
// notice, a form's failure, a settings block's status — worded again after a switch of script.
import { expect, html, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-confirm.ts';
import '../../widget/src/jp-settings.ts';
import { getLocale, setLocale } from '../../widget/src/localize.ts';
import { emit } from '../../widget/src/events.ts';
import { latinToCyrillic } from '../../contract/translit.ts';
import type { Account } from '../../contract/responses.ts';
import { answer, calls, axeViolations, settle, until, buttonByText, refuse, ACCOUNT, type Routes } from './helpers.ts';

const TOKEN = 'T'.repeat(43);
const STORE = 'jp-portal-locale';
const start = location.pathname + location.search;
const CYRL: Account = { ...ACCOUNT, locale: 'sr-Cyrl' };
const heading = (el: Element) => el.querySelector('h2')!.textContent;

const accountRoutes = (me: Account | null, extra: Routes = {}): Routes => ({
  'GET /api/me': () => ({ status: 200, body: { account: me } }),
  'GET /api/account/consumers': () => ({ status: 200, body: { consumers: [] } }),
  'GET /api/account/sessions': () => ({ status: 200, body: { sessions: [] } }),
  'GET /api/account/consents': () => ({ status: 200, body: { consents: [] } }),
  'GET /api/account/passkeys': () => ({ status: 200, body: { passkeys: [], reauthRequired: false } }),
  'GET /api/bills': () => ({ status: 200, body: { bills: [], page: 1, pageSize: 12, total: 0 } }),
  'POST /api/logout': () => ({ status: 204 }),
  ...extra,
});

async function portal(suffix = '', attrs = '') {
  history.replaceState(null, '', start + suffix);
  const el = await mount<HTMLElementTagNameMap['jp-portal']>(
    attrs ? html`<jp-portal switch></jp-portal>` : html`<jp-portal></jp-portal>`,
  );
  await settle();
  return el;
}

afterEach(async () => {
  localStorage.removeItem(STORE);
  history.replaceState(null, '', start);
  await setLocale('sr-Latn');
});

describe('a mail link carries its locale', () => {
  it('#potvrda=…&jezik=sr-Cyrl: the portal in Cyrillic, the address clean', async () => {
    answer({ 'POST /api/confirm': () => ({ status: 200, body: { status: 'confirmed' } }) });
    const el = await portal(`#potvrda=${TOKEN}&jezik=sr-Cyrl`);
    await until(() => getLocale() === 'sr-Cyrl');
    await settle();
    expect(heading(el)).to.equal(latinToCyrillic('Registracija je potvrđena'));
    expect(el.getAttribute('lang')).to.equal('sr-Cyrl');
    expect(location.hash).to.equal('');
    expect(calls).to.deep.equal([{ path: '/api/confirm', body: { token: TOKEN } }]);
  });

  it('a place with the locale (#racuni&jezik=en) and the locale alone (#jezik=en)', async () => {
    answer(accountRoutes(null));
    let el = await portal('#jezik=en');
    await until(() => getLocale() === 'en');
    expect(location.hash).to.equal('');
    await setLocale('sr-Latn');
    el = await portal('#racuni&jezik=en');
    await until(() => getLocale() === 'en');
    await settle();
    // Logged out: the bills' place waits behind the login, which is in English.
    expect(location.hash).to.equal('#racuni');
    expect(heading(el)).to.equal('Login');
  });

  it("the script this browser's resident chose with the switch wins over the link's", async () => {
    localStorage.setItem(STORE, 'sr-Latn');
    answer({ 'POST /api/confirm': () => ({ status: 200, body: { status: 'confirmed' } }) });
    const el = await portal(`#potvrda=${TOKEN}&jezik=sr-Cyrl`);
    expect(getLocale()).to.equal('sr-Latn');
    expect(heading(el)).to.equal('Registracija je potvrđena');
    expect(location.hash).to.equal('');
  });
});

describe("the page's own lang on the element", () => {
  it('decides before the link and the account', async () => {
    answer(accountRoutes(CYRL));
    history.replaceState(null, '', `${start}#jezik=sr-Cyrl`);
    const el = await mount(html`<jp-portal lang="en"></jp-portal>`);
    await settle();
    await customElements.whenDefined('jp-account');
    await settle();
    expect(location.hash).to.equal('');
    expect(getLocale()).to.equal('en');
    expect(el.querySelector('jp-account nav')!.textContent).to.contain('Settings');
  });
});

describe("the account's language", () => {
  it('applies at login on a browser that has no choice of its own', async () => {
    answer(accountRoutes(null));
    const el = await portal();
    expect(heading(el)).to.equal('Prijava');
    emit(el.querySelector('jp-login')!, 'jp-login', { account: CYRL });
    await until(() => getLocale() === 'sr-Cyrl');
    await settle();
    expect(el.querySelector('jp-account h2')!.textContent).to.equal(latinToCyrillic('Milica Jovanović'));
    expect(el.querySelector('jp-account nav')!.textContent).to.contain(latinToCyrillic('Podešavanja'));
    expect(el.getAttribute('lang')).to.equal('sr-Cyrl');
  });

  it('applies to a resumed session (GET /api/me)', async () => {
    answer(accountRoutes({ ...ACCOUNT, locale: 'en' }));
    const el = await portal();
    await until(() => getLocale() === 'en');
    await settle();
    expect(el.querySelector('jp-account nav')!.textContent).to.contain('Settings');
  });

  it('gives way to the choice remembered on this browser', async () => {
    localStorage.setItem(STORE, 'sr-Latn');
    answer(accountRoutes(null));
    const el = await portal();
    emit(el.querySelector('jp-login')!, 'jp-login', { account: CYRL });
    await customElements.whenDefined('jp-account');
    await settle();
    expect(getLocale()).to.equal('sr-Latn');
    expect(el.querySelector('jp-account nav')!.textContent).to.contain('Podešavanja');
  });

  it('follows the switch while logged in: one call, and Podešavanja shows it', async () => {
    let saved: unknown;
    answer(
      accountRoutes(ACCOUNT, {
        'POST /api/account/settings': (body) => {
          saved = body;
          return { status: 200, body: { account: { ...ACCOUNT, locale: 'sr-Cyrl' } } };
        },
      }),
    );
    const el = await portal('', 'switch');
    buttonByText(el, 'Ћирилица').click();
    await until(() => getLocale() === 'sr-Cyrl');
    await settle();
    expect(saved).to.deep.equal({ locale: 'sr-Cyrl' });
    expect(calls.filter((c) => c.path === '/api/account/settings')).to.have.length(1);
    expect(localStorage.getItem(STORE)).to.equal('sr-Cyrl');
    const block = el.querySelector('[data-block=locale]')!;
    expect(block.querySelector<HTMLInputElement>('input[value=sr-Cyrl]')!.checked).to.equal(true);
  });
});

describe('"Jezik i pismo poruka" in Podešavanja', () => {
  const settings = async (routes: Routes) => {
    answer(accountRoutes(ACCOUNT, routes));
    const el = await mount(html`<jp-settings .account=${ACCOUNT}></jp-settings>`);
    await settle();
    return el.querySelector('[data-block=locale]')!;
  };

  it("shows the account's mail language, saves another at once and says so; axe-clean", async () => {
    const block = await settings({
      'POST /api/account/settings': () => ({ status: 200, body: { account: CYRL } }),
    });
    expect(block.querySelector('h4')!.textContent).to.equal('Jezik i pismo poruka');
    const radios = [...block.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => [r.value, r.checked])).to.deep.equal([
      ['sr-Latn', true],
      ['sr-Cyrl', false],
      ['en', false],
    ]);
    expect([...block.querySelectorAll('label')].map((l) => l.textContent)).to.deep.equal([
      'Srpski, latinica',
      'Српски, ћирилица',
      'English',
    ]);
    radios[1].click();
    await settle();
    expect(calls.find((c) => c.path === '/api/account/settings')!.body).to.deep.equal({ locale: 'sr-Cyrl' });
    expect(block.querySelector('.jp-status')!.textContent).to.equal(
      'Poruke će Vam od sada stizati na izabranom jeziku i pismu.',
    );
    // The page's own script is the switch's business, not this block's.
    expect(getLocale()).to.equal('sr-Latn');
    expect(await axeViolations(block)).to.deep.equal([]);
    // The status already shown is worded again in the new script.
    await setLocale('sr-Cyrl');
    await settle();
    expect(block.querySelector('.jp-status')!.textContent).to.equal(
      latinToCyrillic('Poruke će Vam od sada stizati na izabranom jeziku i pismu.'),
    );
  });

  it('a failure keeps the language the account has, checked', async () => {
    const block = await settings({ 'POST /api/account/settings': refuse(503, 'service_unavailable') });
    const radios = [...block.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    radios[2].click();
    await settle();
    expect(radios.map((r) => r.checked)).to.deep.equal([true, false, false]);
    expect(block.querySelector('[role=alert]')!.textContent).not.to.equal('');
  });
});

describe('what is on screen is worded again after a switch of script', () => {
  it('the logout notice', async () => {
    answer(accountRoutes(ACCOUNT));
    const el = await portal();
    buttonByText(el.querySelector('jp-account')!, 'Odjavite se').click();
    await until(() => !!el.querySelector('jp-login'));
    await settle();
    const notice = 'Odjavljeni ste. Da biste ponovo videli svoje račune, ulogujte se.';
    const status = () => el.querySelector(':scope > .jp-status')!.textContent;
    expect(status()).to.equal(notice);
    await setLocale('sr-Cyrl');
    await settle();
    expect(status()).to.equal(latinToCyrillic(notice));
    await setLocale('en');
    await settle();
    expect(status()).to.equal('You are logged out. Log in to see your bills again.');
  });

  it("a form's failure", async () => {
    answer({
      'GET /api/me': () => ({ status: 200, body: { account: null } }),
      'POST /api/login': refuse(401, 'invalid_credentials'),
    });
    const el = await portal();
    const login = el.querySelector('jp-login')!;
    const fill = (name: string, value: string) => {
      login.querySelector<HTMLInputElement>(`input[name=${name}]`)!.value = value;
    };
    fill('email', 'milica@example.com');
    fill('password', 'pogrešna lozinka za rumu');
    login.querySelector('form')!.requestSubmit();
    await settle();
    const failure = 'Pogrešna e-mail adresa ili lozinka.';
    const alert = () => login.querySelector('[role=alert]')!.textContent;
    expect(alert()).to.equal(failure);
    await setLocale('sr-Cyrl');
    await settle();
    expect(alert()).to.equal(latinToCyrillic(failure));
  });
});
