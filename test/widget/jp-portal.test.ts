// <jp-portal>: mail links — the token from the fragment (#potvrda=, #reset=, #nova-adresa=) or
// from the query of links sent before (?confirm=, ?reset=) — removed from the address bar at
// once, a registration confirmed on arrival and a new e-mail address only after a click; and
// the script switch.
import { expect, html, fixture as mount, oneEvent } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-confirm.ts';
import '../../widget/src/jp-reset-password.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { answer, calls, axeViolations, settle, until, buttonByText } from './helpers.ts';

const TOKEN = 'T'.repeat(43);
const start = location.pathname + location.search;
const visit = async (suffix: string) => {
  history.replaceState(null, '', start + suffix);
  const el = await mount(html`<jp-portal></jp-portal>`);
  // A link is read by the address's chunk (address.ts), fetched first: wait for the view it opens.
  await until(() => (el as HTMLElementTagNameMap['jp-portal']).view !== 'loading');
  await settle();
  return el;
};

describe('mail links in the address', () => {
  beforeEach(() => setLocale('sr-Latn'));
  afterEach(() => history.replaceState(null, '', start));

  it('#potvrda= confirms the registration on arrival and leaves the address clean', async () => {
    answer({ 'POST /api/confirm': () => ({ status: 200, body: { status: 'confirmed' } }) });
    const el = await visit(`#potvrda=${TOKEN}`);
    expect(location.hash).to.equal('');
    expect(location.pathname + location.search).to.equal(start);
    expect(calls).to.deep.equal([{ path: '/api/confirm', body: { token: TOKEN } }]);
    expect(el.querySelector('h2')!.textContent).to.equal('Registracija je potvrđena');
  });

  it("keeps the page's own fragment parameters", async () => {
    answer({ 'POST /api/confirm': () => ({ status: 200, body: { status: 'confirmed' } }) });
    await visit(`#tab=vesti&potvrda=${TOKEN}`);
    expect(location.hash).to.equal('#tab=vesti');
  });

  it('#reset= opens the new-password form with the token', async () => {
    answer({});
    const el = await visit(`#reset=${TOKEN}`);
    expect(location.hash).to.equal('');
    expect(el.querySelector('jp-reset-password')!.token).to.equal(TOKEN);
    // Only the passkeys this link's reset would remove are asked for; nothing is reset yet.
    expect(calls).to.deep.equal([{ path: '/api/password/reset/passkeys', body: { token: TOKEN } }]);
  });

  it('still reads links sent before, in the query, and removes them', async () => {
    answer({ 'POST /api/confirm': () => ({ status: 200, body: { status: 'confirmed' } }) });
    await visit(`${location.search ? '&' : '?'}confirm=${TOKEN}`);
    expect(location.search).not.to.contain('confirm=');
    expect(location.pathname + location.search).to.equal(start);
    expect(calls[0]).to.deep.equal({ path: '/api/confirm', body: { token: TOKEN } });
  });

  it('#nova-adresa= does nothing on a mere visit (mail scanners), confirms after the button', async () => {
    answer({ 'POST /api/confirm': () => ({ status: 200, body: { status: 'email_changed' } }) });
    const el = await visit(`#nova-adresa=${TOKEN}`);
    expect(location.hash).to.equal('');
    await settle();
    expect(calls).to.have.length(0);
    expect(el.querySelector('h2')!.textContent).to.equal('Potvrda nove e-mail adrese');
    expect(document.activeElement).to.equal(el.querySelector('h2'));
    expect(await axeViolations(el)).to.deep.equal([]);
    const confirmed = oneEvent(el, 'confirmed');
    buttonByText(el, 'Potvrdite novu e-mail adresu').click();
    expect((await confirmed).detail.status).to.equal('email_changed');
    await settle();
    expect(calls).to.deep.equal([{ path: '/api/confirm', body: { token: TOKEN } }]);
    expect(el.querySelector('h2')!.textContent).to.equal('Nova e-mail adresa je potvrđena');
  });

  it('a link opened in a tab that already shows the portal is read on hashchange', async () => {
    answer({ 'GET /api/me': () => ({ status: 200, body: { account: null } }) });
    const el = await visit('');
    expect(el.querySelector('h2')!.textContent).to.equal('Prijava');
    location.hash = `nova-adresa=${TOKEN}`;
    await until(() => el.querySelector('h2')!.textContent === 'Potvrda nove e-mail adrese', 'the confirmation view');
    expect(location.hash).to.equal('');
  });
});

describe('<jp-portal switch>', () => {
  afterEach(() => setLocale('sr-Latn'));

  it('switches script from its switch', async () => {
    answer({ 'GET /api/me': () => ({ status: 200, body: { account: null } }) });
    const el = await mount(html`<jp-portal switch></jp-portal>`);
    await settle();
    buttonByText(el, 'Ћирилица').click();
    await settle();
    await until(() => el.querySelector('h2')!.textContent === 'Пријава');
    expect(el.querySelector('h2')!.textContent).to.equal('Пријава');
    expect(el.querySelector('.jp-brand')!.textContent).to.equal('ЈП Стамбено Рума');
    localStorage.removeItem('jp-portal-locale');
  });
});

describe('the first view while the session is asked for', () => {
  const HINT = 'jp-portal-in';
  let release: () => void;
  /** GET /api/me answers only when released. */
  const slowMe = (account: unknown) => {
    answer({ 'GET /api/me': () => ({ status: 200, body: { account } }) as never });
    const real = window.fetch;
    const gate = new Promise<void>((ok) => (release = ok));
    window.fetch = async (input, init) => {
      if (String(input).endsWith('/api/me')) await gate;
      return real(input, init);
    };
  };
  beforeEach(() => setLocale('sr-Latn'));
  afterEach(() => localStorage.removeItem(HINT));
  // Only the session's question: a login view left by the test before may still ask for passkey options.
  const meCalls = () => calls.filter((c) => c.path === '/api/me');

  it('shows the login at once when nobody was logged in here, without waiting for the answer', async () => {
    slowMe(null);
    const el = await mount(html`<jp-portal></jp-portal>`);
    await until(() => !!el.querySelector('jp-login input[type=email]'));
    // Still unanswered.
    expect(meCalls()).to.deep.equal([]);
    release();
    await settle();
    expect(el.querySelector('jp-login')).to.exist;
    expect(localStorage.getItem(HINT)).to.equal(null);
  });

  it('waits for the answer when this browser was logged in, so a resident sees no login flash', async () => {
    localStorage.setItem(HINT, '1');
    slowMe(null);
    const el = await mount(html`<jp-portal></jp-portal>`);
    await settle();
    expect(meCalls()).to.deep.equal([]);
    expect(el.querySelector('jp-login')).to.equal(null);
    release();
    await until(() => !!el.querySelector('jp-login'));
    // The session had ended: the hint goes with it.
    expect(localStorage.getItem(HINT)).to.equal(null);
  });
});
