// Mail links: the portal takes the token from the fragment (#potvrda=, #reset=, #nova-adresa=)
// or from the query of links sent before (?confirm=, ?reset=), removes it from the address bar at
// once, confirms a registration on arrival and a new e-mail address only after a click.
import { expect, html, fixture as mount, nextFrame, oneEvent } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-confirm.ts';
import '../../widget/src/jp-reset-password.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { answer, calls, axeViolations } from './helpers.ts';

const TOKEN = 'T'.repeat(43);
const start = location.pathname + location.search;
const frames = async (n = 10) => { for (let i = 0; i < n; i++) await nextFrame(); };
const visit = async (suffix: string) => {
  history.replaceState(null, '', start + suffix);
  const el = await mount(html`<jp-portal></jp-portal>`);
  await frames();
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

  it('keeps the page\'s own fragment parameters', async () => {
    answer({ 'POST /api/confirm': () => ({ status: 200, body: { status: 'confirmed' } }) });
    await visit(`#tab=vesti&potvrda=${TOKEN}`);
    expect(location.hash).to.equal('#tab=vesti');
  });

  it('#reset= opens the new-password form with the token', async () => {
    answer({});
    const el = await visit(`#reset=${TOKEN}`);
    expect(location.hash).to.equal('');
    expect((el.querySelector('jp-reset-password') as HTMLElement & { token: string }).token).to.equal(TOKEN);
    expect(calls).to.have.length(0);
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
    await frames(20);
    expect(calls).to.have.length(0);
    expect(el.querySelector('h2')!.textContent).to.equal('Potvrda nove e-mail adrese');
    expect(document.activeElement).to.equal(el.querySelector('h2'));
    expect(await axeViolations(el)).to.deep.equal([]);
    const confirmed = oneEvent(el, 'confirmed');
    [...el.querySelectorAll('button')].find((b) => b.textContent === 'Potvrdite novu e-mail adresu')!.click();
    expect((await confirmed).detail.status).to.equal('email_changed');
    await frames(3);
    expect(calls).to.deep.equal([{ path: '/api/confirm', body: { token: TOKEN } }]);
    expect(el.querySelector('h2')!.textContent).to.equal('Nova e-mail adresa je potvrđena');
  });

  it('a link opened in a tab that already shows the portal is read on hashchange', async () => {
    answer({ 'GET /api/me': () => ({ status: 401, body: { error: { code: 'unauthenticated' } } }) });
    const el = await visit('');
    expect(el.querySelector('h2')!.textContent).to.equal('Prijava');
    location.hash = `nova-adresa=${TOKEN}`;
    for (let i = 0; i < 30 && el.querySelector('h2')!.textContent !== 'Potvrda nove e-mail adrese'; i++) await nextFrame();
    expect(el.querySelector('h2')!.textContent).to.equal('Potvrda nove e-mail adrese');
    expect(location.hash).to.equal('');
  });
});

describe('<jp-confirm> failures', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('a link older than the last password change: says so and what to do instead', async () => {
    answer({ 'POST /api/confirm': () => ({ status: 400, body: { error: { code: 'invalid_token' } } }) });
    const el = await mount(html`<jp-confirm token=${TOKEN} purpose="email"></jp-confirm>`);
    el.querySelector('button')!.click();
    await frames(5);
    expect(el.querySelector('h2')!.textContent).to.equal('Potvrda nije uspela');
    expect(el.querySelector('[role=alert]')!.textContent).to.equal('Link nije ispravan, već je iskorišćen ili je istekao.');
    expect(el.textContent).to.contain('zatražite promenu ponovo u podešavanjima');
    expect(el.querySelector('button')).to.equal(null);
  });

  it('an expired registration link says what to do and links the registration', async () => {
    answer({ 'POST /api/confirm': () => ({ status: 400, body: { error: { code: 'invalid_token' } } }) });
    const el = await mount(html`<jp-confirm token=${TOKEN}></jp-confirm>`);
    await frames(5);
    expect(el.textContent).to.contain('Ako ste registraciju već potvrdili, samo se ulogujte.');
    const asked = oneEvent(el, 'jp-navigate');
    el.querySelector<HTMLAnchorElement>('a[href="#registracija"]')!.click();
    expect((await asked).detail.view).to.equal('register');
  });

  it('a failed request on the way can be tried again', async () => {
    answer({ 'POST /api/confirm': () => ({ status: 503, body: { error: { code: 'service_unavailable' } }, headers: { 'retry-after': '5' } }) });
    const el = await mount(html`<jp-confirm token=${TOKEN}></jp-confirm>`);
    await frames(5);
    expect(el.querySelector('[role=alert]')!.textContent).to.contain('preopterećen');
    answer({ 'POST /api/confirm': () => ({ status: 200, body: { status: 'confirmed' } }) });
    [...el.querySelectorAll('button')].find((b) => b.textContent === 'Pokušajte ponovo')!.click();
    await frames(5);
    expect(el.querySelector('h2')!.textContent).to.equal('Registracija je potvrđena');
  });
});

describe('<jp-reset-password> when the reset logs in', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('says so and goes on to the account with one button (login event)', async () => {
    const account = { id: 'a1', name: 'Milica Jovanović', email: 'milica@example.com', emailBills: true, locale: 'sr-Latn', consumers: [] };
    answer({ 'POST /api/password/reset': () => ({ status: 200, body: { status: 'password_reset', account } }) });
    const el = await mount(html`<jp-reset-password token=${TOKEN}></jp-reset-password>`);
    el.querySelector<HTMLInputElement>('input[type=password]')!.value = 'nova lozinka za rumu';
    el.querySelector('form')!.requestSubmit();
    await frames(5);
    expect(el.querySelector('h2')!.textContent).to.equal('Lozinka je promenjena');
    expect(el.textContent).to.contain('Ulogovani ste novom lozinkom');
    const login = oneEvent(el, 'login');
    [...el.querySelectorAll('button')].find((b) => b.textContent === 'Otvorite svoj nalog')!.click();
    expect((await login).detail.account.email).to.equal('milica@example.com');
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});
