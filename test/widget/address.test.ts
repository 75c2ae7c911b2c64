// <jp-portal>'s places in the fragment (address.ts): navigating pushes one, Back and Forward
// (history.back/forward) return to the view with focus on its heading, a reload at a place shows
// it, a link to a bill waits behind the login, the account's sections and a bill's page have their
// own; a host page's own fragment and hashchange router are left alone; only the first portal
// writes. The mail links' fragments: jp-portal.test.ts (unchanged).
import { expect, html, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-register.ts';
import '../../widget/src/jp-account.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { answer, settle, until, buttonByText, ACCOUNT, billPage, type Routes } from './helpers.ts';
import { CONSUMER, DETAIL } from './account-fixtures.ts';
import type { Account } from '../../contract/responses.ts';

const start = location.pathname + location.search;
const routes = (account: Account | null): Routes => ({
  'GET /api/me': () => ({ status: 200, body: { account } }),
  'GET /api/account/consumers': () => ({ status: 200, body: { consumers: [CONSUMER] } }),
  'GET /api/bills': () => ({
    status: 200,
    body: { bills: CONSUMER.history.slice().reverse(), page: 1, pageSize: 12, total: 3 },
  }),
  ...billPage(DETAIL),
  'GET /api/account/sessions': () => ({ status: 200, body: { sessions: [] } }),
  'GET /api/account/consents': () => ({ status: 200, body: { consents: [] } }),
  'GET /api/account/passkeys': () => ({ status: 200, body: { passkeys: [], reauthRequired: false } }),
});
const visit = async (suffix: string, account: Account | null = null) => {
  answer(routes(account));
  history.replaceState(null, '', start + suffix);
  const el = await mount(html`<jp-portal></jp-portal>`);
  await settle();
  return el;
};
const heading = (el: Element) => el.querySelector('.jp-view')?.querySelector('h2');
const shows = (el: Element, text: string) =>
  until(() => heading(el)?.textContent === text, `the view "${text}"`).then(() => settle());
const link = (el: Element, text: string) => [...el.querySelectorAll('a')].find((a) => a.textContent === text)!;
const focused = (el: Element | null | undefined) => document.activeElement === el;

describe('<jp-portal>: a place for each view in the fragment', () => {
  beforeEach(() => setLocale('sr-Latn'));
  afterEach(() => history.replaceState(null, '', start));

  it('Back and Forward return to the view, focus on its heading', async () => {
    const el = await visit('');
    await shows(el, 'Prijava');
    link(el, 'Kreirajte nalog').click();
    await shows(el, 'Registracija naloga');
    expect(location.hash).to.equal('#registracija');
    expect(location.pathname + location.search).to.equal(start);
    history.back();
    await shows(el, 'Prijava');
    expect(location.hash).to.equal('');
    expect(focused(heading(el))).to.equal(true);
    history.forward();
    await shows(el, 'Registracija naloga');
    expect(focused(heading(el))).to.equal(true);
    link(el, 'Ulogujte se').click();
    await shows(el, 'Prijava');
    expect(location.hash).to.equal('#prijava');
    history.back();
    await shows(el, 'Registracija naloga');
  });

  it('a reload at a place shows its view', async () => {
    const el = await visit('#zaboravljena-lozinka');
    await shows(el, 'Zaboravljena lozinka');
    expect(location.hash).to.equal('#zaboravljena-lozinka');
    // Logged in, a logged-out place is the account.
    const acc = await visit('#registracija', ACCOUNT);
    await until(() => !!acc.querySelector('jp-account .jp-card'));
  });

  it("the account's sections and a bill's page: Back to the bills, Back to the overview", async () => {
    const el = await visit('', ACCOUNT);
    await until(() => !!el.querySelector('jp-account .jp-card'));
    expect(location.hash).to.equal('');
    buttonByText(el, 'Računi').click();
    await until(() => !!el.querySelector('jp-bills [data-bill]'));
    expect(location.hash).to.equal('#racuni');
    (el.querySelector(`jp-bills [data-bill="${DETAIL.id}"]`) as HTMLElement).click();
    await until(() => !!el.querySelector('jp-bills .jp-pay'));
    expect(location.hash).to.equal(`#racun=${DETAIL.id}`);
    history.back();
    await until(() => !el.querySelector('jp-bills .jp-pay') && !!el.querySelector('jp-bills [data-bill]'));
    expect(location.hash).to.equal('#racuni');
    expect(el.querySelector<HTMLElement>('[data-section=bills]')!.hidden).to.equal(false);
    expect(focused(el.querySelector(`jp-bills [data-bill="${DETAIL.id}"]`))).to.equal(true);
    history.back();
    await until(() => !el.querySelector<HTMLElement>('[data-section=summary]')!.hidden);
    expect(location.hash).to.equal('');
    history.forward();
    await until(() => !el.querySelector<HTMLElement>('[data-section=bills]')!.hidden);
    buttonByText(el, 'Podešavanja').click();
    await until(() => location.hash === '#podesavanja');
  });

  it("a reload at a bill's place shows the bill", async () => {
    const el = await visit(`#racun=${DETAIL.id}`, ACCOUNT);
    await until(() => !!el.querySelector('jp-bills .jp-pay'));
    expect(el.querySelector('jp-bills h3')!.textContent).to.equal('Račun za novembar 2026.');
    expect(location.hash).to.equal(`#racun=${DETAIL.id}`);
  });

  it('a link to a bill waits behind the login and lands on the bill after it', async () => {
    const el = await visit(`#racun=${DETAIL.id}`);
    await shows(el, 'Prijava');
    expect(location.hash).to.equal(`#racun=${DETAIL.id}`);
    answer(routes(ACCOUNT));
    el.querySelector('jp-login')!.dispatchEvent(
      new CustomEvent('jp-login', { detail: { account: ACCOUNT }, bubbles: true, composed: true }),
    );
    await until(() => !!el.querySelector('jp-bills .jp-pay'));
    expect(location.hash).to.equal(`#racun=${DETAIL.id}`);
    expect(focused(el.querySelector('jp-bills h3'))).to.equal(true);
  });

  it('after a login at #prijava the address is the overview, not the login', async () => {
    const el = await visit('#prijava');
    await shows(el, 'Prijava');
    answer(routes(ACCOUNT));
    el.querySelector('jp-login')!.dispatchEvent(
      new CustomEvent('jp-login', { detail: { account: ACCOUNT }, bubbles: true, composed: true }),
    );
    await until(() => !!el.querySelector('jp-account .jp-card'));
    expect(location.hash).to.equal('#pregled');
  });
});

describe('<jp-portal> on a host page with its own fragment and router', () => {
  beforeEach(() => setLocale('sr-Latn'));
  afterEach(() => history.replaceState(null, '', start));

  it("leaves the host's #section links and hashchange router alone; Back restores both", async () => {
    const routed: string[] = [];
    const router = () => routed.push(location.hash);
    addEventListener('hashchange', router);
    try {
      answer(routes(null));
      history.replaceState(null, '', `${start}#vesti`);
      const page = await mount(html`<div>
        <nav><a href="#vesti">Vesti</a> <a href="#kontakt">Kontakt</a></nav>
        <jp-portal></jp-portal>
      </div>`);
      await settle();
      const el = page.querySelector('jp-portal')!;
      await shows(el, 'Prijava');
      // The host's fragment: read by nobody but the host, neither removed nor rewritten.
      expect(location.hash).to.equal('#vesti');
      link(page, 'Kontakt').click();
      await until(() => routed.length === 1);
      expect(routed).to.deep.equal(['#kontakt']);
      await settle();
      expect(heading(el)!.textContent).to.equal('Prijava');
      link(el, 'Kreirajte nalog').click();
      await shows(el, 'Registracija naloga');
      expect(location.hash).to.equal('#registracija');
      // A host link while the portal is at a place of its own: the host routes, the portal stays.
      link(page, 'Vesti').click();
      await until(() => routed.length === 2);
      await settle();
      expect(heading(el)!.textContent).to.equal('Registracija naloga');
      expect(location.hash).to.equal('#vesti');
      // Back: to the portal's place, then to the host's #kontakt with the login it had there.
      history.back();
      await until(() => location.hash === '#registracija');
      await settle();
      expect(heading(el)!.textContent).to.equal('Registracija naloga');
      history.back();
      await shows(el, 'Prijava');
      expect(location.hash).to.equal('#kontakt');
      await until(() => routed.length === 4);
      // The host's router saw its own fragments, and the portal's only on Back (which it ignores).
      expect(routed).to.deep.equal(['#kontakt', '#vesti', '#registracija', '#kontakt']);
    } finally {
      removeEventListener('hashchange', router);
    }
  });

  it('only the first <jp-portal> reads and writes the fragment', async () => {
    answer(routes(null));
    history.replaceState(null, '', start);
    const page = await mount(html`<div><jp-portal></jp-portal><jp-portal></jp-portal></div>`);
    await settle();
    const [first, second] = page.querySelectorAll('jp-portal');
    await shows(second, 'Prijava');
    link(second, 'Kreirajte nalog').click();
    await shows(second, 'Registracija naloga');
    expect(location.hash).to.equal('');
    link(first, 'Zaboravili ste lozinku?').click();
    await shows(first, 'Zaboravljena lozinka');
    expect(location.hash).to.equal('#zaboravljena-lozinka');
    history.back();
    await shows(first, 'Prijava');
    expect(heading(second)!.textContent).to.equal('Registracija naloga');
  });
});
