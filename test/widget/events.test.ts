// The typed jp- events: bubbling and composed, the same detail under the old name for one
// release (deprecated), the old `error` on the portal (or the element) without bubbling, and the
// portal acting on the new names.
import { expect, html, fixture as mount, oneEvent } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-account.ts';
import '../../widget/src/jp-register.ts';
import { emit, type JpEventName } from '../../widget/src/events.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { answer, byLabel, submit, settle, ACCOUNT } from './helpers.ts';

/** Every event of type `name` that reaches `target`, in order. */
const heard = (target: EventTarget, name: string) => {
  const events: CustomEvent[] = [];
  target.addEventListener(name, (e) => events.push(e as CustomEvent));
  return events;
};

const RENAMED: [JpEventName, string, unknown][] = [
  ['jp-login', 'login', { account: ACCOUNT }],
  ['jp-logout', 'logout', {}],
  ['jp-registered', 'registered', { email: 'milica@example.com' }],
  ['jp-confirmed', 'confirmed', { status: 'confirmed' }],
  ['jp-password-reset', 'password-reset', {}],
];

describe('events', () => {
  beforeEach(() => setLocale('sr-Latn'));

  for (const [name, old, detail] of RENAMED) {
    it(`${name} bubbles out of a shadow root, and the deprecated ${old} with it`, async () => {
      const host = await mount(html`<div></div>`);
      const el = document.createElement('span');
      host.attachShadow({ mode: 'open' }).append(el);
      const fresh = heard(document, name);
      const deprecated = heard(document, old);
      emit(el, name, detail as never);
      expect(fresh).to.have.length(1);
      expect(fresh[0].detail).to.deep.equal(detail);
      expect(fresh[0].composed).to.equal(true);
      expect(deprecated).to.have.length(1);
      expect(deprecated[0].detail).to.deep.equal(detail);
    });
  }

  it('jp-error bubbles; the deprecated error stays on the portal and never reaches window', async () => {
    answer({
      'GET /api/me': () => ({ status: 200, body: { account: null } }),
      'POST /api/login': () => ({ status: 401, body: { error: { code: 'invalid_credentials' } } }),
    });
    const portal = await mount(html`<jp-portal></jp-portal>`);
    await settle();
    const login = portal.querySelector('jp-login')!;
    const onPortal = heard(portal, 'error');
    const onLogin = heard(login, 'error');
    const onWindow = heard(window, 'error');
    const bubbled = oneEvent(document, 'jp-error');
    byLabel(login, 'E-mail adresa').value = 'milica@example.com';
    byLabel(login, 'Lozinka').value = 'pogrešna lozinka';
    await submit(login);
    expect((await bubbled).detail).to.deep.equal({ code: 'invalid_credentials', fields: {}, status: 401 });
    expect(onPortal.map((e) => e.detail.code)).to.deep.equal(['invalid_credentials']);
    expect(onPortal[0].bubbles).to.equal(false);
    expect(onLogin).to.have.length(0);
    expect(onWindow).to.have.length(0);
  });

  it('a standalone element keeps the deprecated error on itself', async () => {
    const el = await mount(html`<jp-login></jp-login>`);
    const onElement = heard(el, 'error');
    const onWindow = heard(window, 'error');
    emit(el as HTMLElement, 'jp-error', { code: 'network_error', fields: {}, status: 0 });
    expect(onElement).to.have.length(1);
    expect(onWindow).to.have.length(0);
  });

  it('jp-navigate and jp-consumers-changed have no old names', async () => {
    const el = await mount(html`<span></span>`);
    const old = [...heard(document, 'navigate'), ...heard(document, 'consumers-changed')];
    const fresh = heard(document, 'jp-navigate');
    emit(el as HTMLElement, 'jp-navigate', { view: 'forgot' });
    emit(el as HTMLElement, 'jp-consumers-changed', {});
    expect(fresh.map((e) => e.detail.view)).to.deep.equal(['forgot']);
    expect(old).to.have.length(0);
  });

  it('<jp-account> fires jp-logout (and logout) after logging out', async () => {
    answer({
      'POST /api/logout': () => ({ status: 204 }),
      'GET /api/account/consumers': () => ({ status: 200, body: { consumers: [] } }),
      'GET /api/bills': () => ({ status: 200, body: { bills: [], page: 1, pageSize: 12, total: 0 } }),
    });
    const el = document.createElement('jp-account');
    el.account = ACCOUNT;
    await mount(html`${el}`);
    const fresh = oneEvent(el, 'jp-logout');
    const old = oneEvent(el, 'logout');
    [...el.querySelectorAll('button')].find((b) => b.textContent === 'Odjavite se')!.click();
    await Promise.all([fresh, old]);
  });

  it('the portal shows the account on jp-login and the login on jp-logout', async () => {
    answer({
      'GET /api/me': () => ({ status: 200, body: { account: null } }),
      'GET /api/account/sessions': () => ({ status: 200, body: { sessions: [] } }),
      'GET /api/account/consents': () => ({ status: 200, body: { consents: [] } }),
      'GET /api/account/consumers': () => ({ status: 200, body: { consumers: [] } }),
      'GET /api/bills': () => ({ status: 200, body: { bills: [], page: 1, pageSize: 12, total: 0 } }),
    });
    const portal = await mount(html`<jp-portal></jp-portal>`);
    await settle();
    emit(portal.querySelector('jp-login')!, 'jp-login', { account: ACCOUNT });
    await customElements.whenDefined('jp-account');
    await settle();
    expect(portal.querySelector('jp-account')!.account).to.deep.equal(ACCOUNT);
    expect(portal.textContent).to.contain('Milica Jovanović');
    emit(portal.querySelector('jp-account')!, 'jp-logout', {});
    await settle();
    expect(portal.querySelector('jp-account')).to.equal(null);
    expect(portal.querySelector('jp-login h2')!.textContent).to.equal('Prijava');
  });

  it("the portal keeps the view's element (and what was typed) across a re-render", async () => {
    answer({ 'GET /api/me': () => ({ status: 200, body: { account: null } }) });
    const portal = await mount<HTMLElementTagNameMap['jp-portal']>(html`<jp-portal></jp-portal>`);
    await settle();
    emit(portal.querySelector('jp-login')!, 'jp-navigate', { view: 'register' });
    await customElements.whenDefined('jp-register');
    await settle();
    const view = portal.querySelector('jp-register')!;
    byLabel(view, 'Ime i prezime').value = 'Milica';
    portal.requestUpdate();
    await settle();
    expect(portal.querySelector('jp-register')).to.equal(view);
    expect(byLabel(view, 'Ime i prezime').value).to.equal('Milica');
  });
});
