// <jp-settings>: each block with its own status (a failure never shows at another form), a wrong
// password said once and at its field, errors gone when the field is edited, devices in words with
// "Ovaj uređaj" first, consents with dates in words, and deleting the account behind its own step
// (no browser dialog; a wrong password deletes nothing). The contact on a locked code: help.test.ts.
import { expect, html, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-settings.ts';
import { setLocale } from '../../widget/src/localize.ts';
import type { Device } from '../../contract/user-agent.ts';
import {
  answer,
  calls,
  axeViolations,
  settle,
  until,
  buttonByText,
  ACCOUNT,
  refuse,
  type Route,
  type Routes,
} from './helpers.ts';

const ANDROID: Device = { browser: 'Chrome', system: 'android' };
const IPHONE: Device = { browser: 'Safari', system: 'iphone' };
const T = Date.UTC(2026, 10, 27, 13, 5);

function routes(extra: Routes = {}) {
  answer({
    'GET /api/me': () => ({ status: 200, body: { account: ACCOUNT } }),
    'GET /api/account/sessions': () => ({
      status: 200,
      body: {
        sessions: [
          {
            id: 'bbbbbbbbbbbbbbbb',
            current: false,
            remember: true,
            createdAt: T,
            lastSeenAt: T,
            userAgent: 'x',
            device: IPHONE,
          },
          {
            id: 'aaaaaaaaaaaaaaaa',
            current: true,
            remember: false,
            createdAt: T,
            lastSeenAt: T,
            userAgent: 'y',
            device: ANDROID,
          },
        ],
      },
    }),
    'GET /api/account/consents': () => ({
      status: 200,
      body: { consents: [{ termsVersion: '2026-11-01', privacyVersion: '2026-11-01', acceptedAt: T }] },
    }),
    ...extra,
  });
}
const block = (el: Element, name: string) => el.querySelector(`[data-block=${name}]`)!;
const fill = (root: Element, name: string, value: string) => {
  const input = root.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
};
const statusText = (root: Element) => root.querySelector('.jp-status')!.textContent;

describe('<jp-settings>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('lists devices in words, this one first and marked, with sign-in and last activity; consents in words; axe-clean', async () => {
    routes();
    const el = await mount(html`<jp-settings></jp-settings>`);
    await until(() => !!block(el, 'devices').querySelector('li'));
    const devices = block(el, 'devices');
    expect(devices.querySelector('h4')!.textContent).to.equal('Uređaji na kojima ste prijavljeni');
    const items = [...devices.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(items[0])
      .to.contain('Chrome na Androidu — Ovaj uređaj')
      .and.contain('Prijava: ')
      .and.contain('Poslednja aktivnost: ');
    expect(items[1]).to.contain('Safari na iPhone-u').and.contain('Odjavite ovaj uređaj');
    expect(el.textContent).not.to.contain('Prijave i podaci');
    await until(() => (el.textContent ?? '').includes('Uslovi korišćenja od'));
    // Dates never break inside: no-break spaces.
    expect(el.textContent).to.contain(
      'Uslovi korišćenja od 1.\u00a011.\u00a02026. i Izjava o privatnosti od 1.\u00a011.\u00a02026.',
    );
    expect(el.textContent).not.to.contain('2026-11-01');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('revokes another device and says so in the devices block', async () => {
    routes({ 'POST /api/account/sessions/revoke': () => ({ status: 204 }) });
    const el = await mount(html`<jp-settings></jp-settings>`);
    await until(() => !!block(el, 'devices').querySelector('li'));
    block(el, 'devices').querySelector<HTMLButtonElement>('li button')!.click();
    await settle();
    expect(calls.find((c) => c.path === '/api/account/sessions/revoke')!.body).to.deep.equal({
      id: 'bbbbbbbbbbbbbbbb',
    });
    expect(statusText(block(el, 'devices'))).to.equal('Uređaj „Safari na iPhone-u“ je odjavljen.');
  });

  it('a wrong password is said once, at the field of the form that sent it; editing the field clears it', async () => {
    routes({ 'POST /api/account/email': refuse(403, 'wrong_password', {}, { password: 'wrong_password' }) });
    const el = await mount(html`<jp-settings></jp-settings>`);
    await settle();
    const email = block(el, 'email');
    fill(email, 'new-email', 'nova@example.com');
    fill(email, 'email-password', 'pogrešna lozinka');
    email.querySelector('form')!.requestSubmit();
    await settle();
    const pw = email.querySelector<HTMLInputElement>('input[name=email-password]')!;
    expect(pw.getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement === pw).to.equal(true);
    expect(el.textContent!.split('Lozinka nije tačna').length - 1).to.equal(1);
    expect(statusText(email)).to.equal('');
    // No other form shows anything.
    for (const name of ['mail', 'consumers', 'password', 'devices', 'delete'])
      expect(statusText(block(el, name)), name).to.equal('');
    fill(email, 'email-password', 'druga lozinka');
    await settle();
    expect(pw.getAttribute('aria-invalid')).to.equal('false');
  });

  it("a failure shows beside its own form: a wrong PIN at 'Dodajte šifru potrošača', not at the password", async () => {
    routes({ 'POST /api/account/consumers/link': refuse(400, 'invalid_consumer_credentials') });
    const el = await mount(html`<jp-settings></jp-settings>`);
    await settle();
    const consumers = block(el, 'consumers');
    fill(consumers, 'consumer-code', '104525');
    fill(consumers, 'pin', '0000');
    consumers.querySelector('form')!.requestSubmit();
    await settle();
    expect(consumers.querySelector('[role=alert]')!.textContent).to.contain('PIN');
    expect(statusText(block(el, 'password'))).to.equal('');
    // Typing in another form leaves it; typing in this one takes the stale failure away.
    fill(block(el, 'email'), 'new-email', 'nova@example.com');
    await settle();
    expect(statusText(consumers)).to.contain('PIN');
    fill(consumers, 'pin', '9034');
    await settle();
    expect(statusText(consumers)).to.equal('');
  });

  it("'12a' as a code says what a code looks like, at the field, before anything is sent", async () => {
    routes();
    const el = await mount(html`<jp-settings></jp-settings>`);
    await settle();
    const consumers = block(el, 'consumers');
    fill(consumers, 'consumer-code', '12a');
    fill(consumers, 'pin', '1234');
    consumers.querySelector('form')!.requestSubmit();
    await settle();
    expect(consumers.querySelector('.jp-error')!.textContent).to.equal(
      'Šifra potrošača sadrži samo cifre, npr. 104521.',
    );
    expect(calls.some((c) => c.path === '/api/account/consumers/link')).to.equal(false);
  });

  it('switches e-mail bills off and says so in its block', async () => {
    routes({
      'POST /api/account/settings': (body) => ({
        status: 200,
        body: { account: { ...ACCOUNT, emailBills: body?.emailBills === true } },
      }),
    });
    const el = await mount(html`<jp-settings></jp-settings>`);
    await until(() => !!block(el, 'mail').querySelector<HTMLInputElement>('input:checked'));
    block(el, 'mail').querySelector<HTMLInputElement>('input')!.click();
    await settle();
    expect(calls.find((c) => c.path === '/api/account/settings')!.body).to.deep.equal({ emailBills: false });
    expect(statusText(block(el, 'mail'))).to.equal('Računi Vam više neće stizati na e-mail.');
  });

  it('deleting: a step of its own, no browser dialog; a wrong password deletes nothing; the right one logs out with a notice', async () => {
    let answerDelete: Route<'POST /api/account/delete'> = refuse(
      403,
      'wrong_password',
      {},
      { password: 'wrong_password' },
    );
    routes({ 'POST /api/account/delete': (body) => answerDelete(body) });
    const confirmCalls: string[] = [];
    const confirmBefore = window.confirm;
    window.confirm = (m?: string) => (confirmCalls.push(String(m)), true);
    try {
      const el = await mount(html`<jp-settings></jp-settings>`);
      await settle();
      const danger = block(el, 'delete');
      expect(danger.classList.contains('jp-danger')).to.equal(true);
      expect(danger.querySelector('input[name=password]')).to.equal(null);
      buttonByText(danger, 'Želim da obrišem nalog').click();
      await settle();
      const pw = danger.querySelector<HTMLInputElement>('input[name=password]')!;
      expect(document.activeElement === pw).to.equal(true);
      let logout: { deleted?: boolean; notice?: string } | undefined;
      el.addEventListener('jp-logout', (e) => (logout = (e as CustomEvent).detail));
      fill(danger, 'password', 'pogrešna lozinka');
      danger.querySelector('form')!.requestSubmit();
      await settle();
      expect(pw.getAttribute('aria-invalid')).to.equal('true');
      expect(logout).to.equal(undefined);
      answerDelete = () => ({ status: 204 });
      fill(danger, 'password', 'prava lozinka za rumu');
      danger.querySelector('form')!.requestSubmit();
      await settle();
      expect(logout!.deleted).to.equal(true);
      expect(logout!.notice).to.contain('Vaš nalog je obrisan');
      expect(confirmCalls).to.deep.equal([]);
    } finally {
      window.confirm = confirmBefore;
    }
  });
});
