// The login form's other ways in (login-other.ts, fetched after the form's first render): the
// passkey button and the code link appear; the autofill's conditional request starts and is
// aborted when the button takes over or the view goes; a passkey login sends "Zapamti me" and
// fires jp-login like a password login; a closed prompt is said calmly, a refused passkey in words.
import { expect, html, oneEvent, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { answer, calls, axeViolations, until, settle, buttonByText, refuse, ACCOUNT, type Route } from './helpers.ts';
import { fakeCredentials, credentialCalls, LOGIN_OPTIONS, ASSERTION } from './passkey-fakes.ts';

const routes = (login: Route<'POST /api/passkey/login'>) =>
  answer({
    'POST /api/passkey/login/options': () => ({ status: 200, body: LOGIN_OPTIONS }),
    'POST /api/passkey/login': login,
  });
const passkeyButton = (el: Element) => buttonByText(el, 'Prijava pristupnim ključem');
const loaded = async (el: Element) => {
  await until(() => !!el.querySelector('.jp-other'));
  await until(() => credentialCalls.some((c) => c.mediation === 'conditional'));
};

describe('<jp-login>: passkey and code', () => {
  let restore: () => void;
  beforeEach(() => setLocale('sr-Latn'));
  afterEach(() => restore?.());

  it('shows the passkey button and the code link after the first render, and starts the autofill; axe-clean', async () => {
    restore = fakeCredentials();
    routes(refuse(500, 'internal_error'));
    const el = await mount(html`<jp-login></jp-login>`);
    await loaded(el);
    expect(passkeyButton(el)).to.exist;
    expect(el.textContent).to.contain('Pristupni ključ: otisak prsta, lice ili PIN telefona umesto lozinke.');
    const link = [...el.querySelectorAll('a')].find((a) => a.textContent === 'Pošaljite mi kod za prijavu')!;
    expect(link).to.exist;
    // The autofill asked for a challenge and waits in the e-mail field (conditional mediation).
    const conditional = credentialCalls.find((c) => c.mediation === 'conditional')!;
    expect([...new Uint8Array(conditional.publicKey.challenge as ArrayBuffer)]).to.deep.equal([1, 2, 3, 4]);
    expect(calls.filter((c) => c.path === '/api/passkey/login/options')).to.have.length(1);
    expect(await axeViolations(el)).to.deep.equal([]);
    const nav = oneEvent(el, 'jp-navigate');
    link.click();
    expect((await nav).detail.view).to.equal('code');
  });

  it('logs in with a passkey: the prompt, then the answer with "Zapamti me", then jp-login', async () => {
    restore = fakeCredentials({ get: 'ok' });
    routes(() => ({ status: 200, body: { account: ACCOUNT } }));
    const el = await mount(html`<jp-login></jp-login>`);
    await loaded(el);
    el.querySelector<HTMLInputElement>('input[name=remember]')!.checked = true;
    const done = oneEvent(el, 'jp-login');
    passkeyButton(el).click();
    expect((await done).detail.account.email).to.equal('milica@example.com');
    const modal = credentialCalls.filter((c) => c.kind === 'get' && !c.mediation);
    expect(modal).to.have.length(1);
    expect(calls.find((c) => c.path === '/api/passkey/login')!.body).to.deep.equal({
      response: ASSERTION,
      remember: true,
    });
  });

  it('a closed prompt is said calmly (no alert), and the autofill starts again', async () => {
    restore = fakeCredentials({ get: 'NotAllowedError' });
    routes(refuse(500, 'internal_error'));
    const el = await mount(html`<jp-login></jp-login>`);
    await loaded(el);
    passkeyButton(el).click();
    await until(() => !!el.querySelector('.jp-other [role=status].jp-hint'));
    expect(el.querySelector('.jp-other [role=status].jp-hint')!.textContent).to.equal(
      'Prijava pristupnim ključem je prekinuta. Pokušajte ponovo ili se ulogujte lozinkom.',
    );
    expect(el.querySelector('.jp-bad, [role=alert]')).to.equal(null);
    expect(calls.filter((c) => c.path === '/api/passkey/login')).to.have.length(0);
    await until(() => credentialCalls.filter((c) => c.mediation === 'conditional').length === 2);
    expect(credentialCalls.filter((c) => c.mediation === 'conditional')).to.have.length(2);
  });

  it('a refused passkey: in words, with the other ways to log in', async () => {
    restore = fakeCredentials({ get: 'ok' });
    routes(refuse(401, 'passkey_failed'));
    const el = await mount(html`<jp-login></jp-login>`);
    await loaded(el);
    const failed = oneEvent(el, 'jp-error');
    passkeyButton(el).click();
    expect((await failed).detail.code).to.equal('passkey_failed');
    await settle();
    expect(el.querySelector('.jp-other [role=alert]')!.textContent).to.equal(
      'Pristupni ključ nije prihvaćen. Ulogujte se lozinkom ili kodom iz e-maila.',
    );
  });

  it('the autofill request is aborted when the view leaves the page, and when the button takes over', async () => {
    restore = fakeCredentials({ get: 'NotAllowedError' });
    routes(refuse(500, 'internal_error'));
    const el = await mount(html`<jp-login></jp-login>`);
    await loaded(el);
    const first = credentialCalls.find((c) => c.mediation === 'conditional')!;
    expect(first.signal!.aborted).to.equal(false);
    passkeyButton(el).click();
    expect(first.signal!.aborted).to.equal(true);
    await until(() => credentialCalls.filter((c) => c.mediation === 'conditional').length === 2);
    const second = credentialCalls.filter((c) => c.mediation === 'conditional')[1];
    expect(second.signal!.aborted).to.equal(false);
    el.remove();
    expect(second.signal!.aborted).to.equal(true);
  });
});
