// The passkeys block of <jp-settings>: the list in words ("Telefon — Android", made, last used,
// synced), making one (the password first when the session is older than 5 minutes), removing one
// behind a step in words; "log out everywhere" and the reset form send the passkeys flag when ticked.
import { expect, html, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-settings.ts';
import '../../widget/src/jp-reset-password.ts';
import { setLocale } from '../../widget/src/localize.ts';
import type { PasskeyInfo } from '../../contract/responses.ts';
import {
  answer,
  calls,
  axeViolations,
  until,
  settle,
  submit,
  buttonByText,
  ACCOUNT,
  refuse,
  type Routes,
} from './helpers.ts';
import { fakeCredentials, credentialCalls, CREATE_OPTIONS, ATTESTATION } from './passkey-fakes.ts';

const T = Date.UTC(2026, 10, 27, 13, 5);
const PHONE: PasskeyInfo = {
  id: 'cGhvbmU',
  device: { browser: 'Chrome', system: 'android' },
  createdAt: T,
  lastUsedAt: T,
  backedUp: true,
};
const PC: PasskeyInfo = {
  id: 'cGM',
  device: { browser: 'Edge', system: 'windows' },
  createdAt: T,
  lastUsedAt: null,
  backedUp: false,
};

function routes(reauthRequired: boolean, extra: Routes = {}) {
  let list = [PHONE, PC];
  answer({
    'GET /api/me': () => ({ status: 200, body: { account: ACCOUNT } }),
    'GET /api/account/sessions': () => ({
      status: 200,
      body: {
        sessions: [
          {
            id: 'a'.repeat(16),
            current: true,
            remember: false,
            createdAt: T,
            lastSeenAt: T,
            userAgent: 'y',
            device: PHONE.device,
          },
          {
            id: 'b'.repeat(16),
            current: false,
            remember: false,
            createdAt: T,
            lastSeenAt: T,
            userAgent: 'x',
            device: PC.device,
          },
        ],
      },
    }),
    'GET /api/account/consents': () => ({ status: 200, body: { consents: [] } }),
    'GET /api/account/passkeys': () => ({ status: 200, body: { passkeys: list, reauthRequired } }),
    'POST /api/account/passkeys/options': () => ({ status: 200, body: CREATE_OPTIONS }),
    'POST /api/account/passkeys': () => {
      const made: PasskeyInfo = {
        id: 'BAUG',
        device: { browser: 'Safari', system: 'iphone' },
        createdAt: T,
        lastUsedAt: null,
        backedUp: true,
      };
      list = [...list, made];
      return { status: 201, body: { passkey: made } };
    },
    'POST /api/account/passkeys/remove': (b) => {
      list = list.filter((p) => p.id !== b?.id);
      return { status: 200, body: { status: 'removed' } };
    },
    'POST /api/account/sessions/revoke-all': () => ({ status: 204 }),
    ...extra,
  });
}
const block = (el: Element) => el.querySelector('[data-block=passkeys]')!;
const items = (el: Element) => [...block(el).querySelectorAll('li')].map((li) => li.firstElementChild!.textContent);

describe('<jp-settings>: passkeys', () => {
  let restore: () => void;
  beforeEach(() => setLocale('sr-Latn'));
  afterEach(() => restore?.());

  it('lists the passkeys in words, with what a passkey is; axe-clean', async () => {
    restore = fakeCredentials();
    routes(false);
    const el = await mount(html`<jp-settings></jp-settings>`);
    await until(() => items(el).length === 2);
    const b = block(el);
    expect(b.querySelector('h4')!.textContent).to.equal('Ulogujte se otiskom prsta ili licem');
    expect(b.textContent).to.contain('Pristupni ključ: otisak prsta, lice ili PIN telefona umesto lozinke.');
    expect(items(el)).to.deep.equal(['Telefon — Android', 'Računar — Windows']);
    expect(b.textContent)
      .to.contain('sinhronizovan')
      .and.contain('Još nije korišćen')
      .and.contain('27.\u00a011.\u00a02026.');
    expect(b.textContent).not.to.contain(': Još nije');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('makes a passkey at once in a fresh session: options, the prompt, saved, the list and the status say so', async () => {
    restore = fakeCredentials({ create: 'ok' });
    routes(false);
    const el = await mount(html`<jp-settings .account=${ACCOUNT}></jp-settings>`);
    await until(() => items(el).length === 2);
    buttonByText(block(el) as HTMLElement, 'Napravite pristupni ključ').click();
    await until(() => items(el).length === 3);
    expect(calls.find((c) => c.path === '/api/account/passkeys/options')!.body).to.deep.equal({});
    expect(credentialCalls.filter((c) => c.kind === 'create')).to.have.length(1);
    expect(calls.find((c) => c.path === '/api/account/passkeys' && c.body)!.body).to.deep.equal({
      response: ATTESTATION,
    });
    expect(items(el)[2]).to.equal('Telefon — iPhone');
    expect(block(el).querySelector('.jp-status')!.getAttribute('role')).to.equal('status');
    expect(block(el).querySelector('.jp-status')!.textContent).to.equal(
      'Pristupni ključ „Telefon — iPhone“ je napravljen. Sledeći put izaberite „Prijava pristupnim ključem“.',
    );
  });

  it('an older session asks for the password first, and sends it with the request; a wrong one is said at the field', async () => {
    restore = fakeCredentials({ create: 'ok' });
    let tries = 0;
    routes(true, {
      'POST /api/account/passkeys/options': () =>
        ++tries === 1
          ? refuse(403, 'wrong_password', {}, { password: 'wrong_password' })()
          : { status: 200, body: CREATE_OPTIONS },
    });
    const el = await mount(html`<jp-settings .account=${ACCOUNT}></jp-settings>`);
    await until(() => items(el).length === 2);
    buttonByText(block(el) as HTMLElement, 'Napravite pristupni ključ').click();
    await until(() => !!block(el).querySelector('input[name=passkey-password]'));
    const input = block(el).querySelector<HTMLInputElement>('input[name=passkey-password]')!;
    expect(input.autocomplete).to.equal('current-password');
    expect(document.activeElement).to.equal(input);
    expect(credentialCalls).to.have.length(0);
    input.value = 'pogrešna';
    block(el).querySelector('form')!.requestSubmit();
    await until(() => input.getAttribute('aria-invalid') === 'true');
    expect(block(el).querySelector('.jp-error')!.textContent).to.equal('Lozinka nije tačna.');
    input.value = 'sunce nad sremom 42';
    block(el).querySelector('form')!.requestSubmit();
    await until(() => items(el).length === 3);
    expect(calls.filter((c) => c.path === '/api/account/passkeys/options').map((c) => c.body)).to.deep.equal([
      { password: 'pogrešna' },
      { password: 'sunce nad sremom 42' },
    ]);
    expect(block(el).querySelector('input[name=passkey-password]')).to.equal(null);
  });

  it('a closed prompt is not an error', async () => {
    restore = fakeCredentials({ create: 'NotAllowedError' });
    routes(false);
    const el = await mount(html`<jp-settings .account=${ACCOUNT}></jp-settings>`);
    await until(() => items(el).length === 2);
    buttonByText(block(el) as HTMLElement, 'Napravite pristupni ključ').click();
    await until(() => !!block(el).querySelector('.jp-status')!.textContent);
    expect(block(el).querySelector('.jp-status')!.textContent).to.equal(
      'Pristupni ključ nije napravljen. Možete pokušati ponovo kad god želite.',
    );
    expect(block(el).querySelector('.jp-bad')).to.equal(null);
    expect(calls.filter((c) => c.path === '/api/account/passkeys' && c.body)).to.have.length(0);
  });

  it('removes a passkey only after "Da, uklonite"; "Odustanite" keeps it', async () => {
    restore = fakeCredentials();
    routes(false);
    const el = await mount(html`<jp-settings .account=${ACCOUNT}></jp-settings>`);
    await until(() => items(el).length === 2);
    const remove = () => block(el).querySelector<HTMLButtonElement>(`button[data-id="${PHONE.id}"]`)!;
    expect(remove().textContent).to.contain('Uklonite');
    remove().click();
    await until(() => !!block(el).querySelector('.jp-confirm'));
    expect(block(el).querySelector('.jp-confirm')!.textContent).to.contain(
      'Da li zaista želite da uklonite pristupni ključ „Telefon — Android“?',
    );
    buttonByText(block(el) as HTMLElement, 'Odustanite').click();
    await until(() => !block(el).querySelector('.jp-confirm'));
    expect(document.activeElement).to.equal(remove());
    expect(calls.filter((c) => c.path === '/api/account/passkeys/remove')).to.have.length(0);
    remove().click();
    await until(() => !!block(el).querySelector('.jp-confirm'));
    buttonByText(block(el) as HTMLElement, 'Da, uklonite').click();
    await until(() => items(el).length === 1);
    expect(calls.find((c) => c.path === '/api/account/passkeys/remove')!.body).to.deep.equal({ id: PHONE.id });
    expect(block(el).querySelector('.jp-status')!.textContent).to.equal(
      'Pristupni ključ „Telefon — Android“ je uklonjen.',
    );
  });

  it('"log out everywhere" sends the passkeys flag only when ticked, and the list follows', async () => {
    restore = fakeCredentials();
    routes(false);
    const el = await mount(html`<jp-settings .account=${ACCOUNT}></jp-settings>`);
    await until(() => items(el).length === 2);
    const devices = el.querySelector<HTMLElement>('[data-block=devices]')!;
    buttonByText(devices, 'Odjavite se sa svih drugih uređaja').click();
    await until(() => calls.some((c) => c.path === '/api/account/sessions/revoke-all'));
    expect(calls.find((c) => c.path === '/api/account/sessions/revoke-all')!.body).to.deep.equal({
      keepCurrent: true,
      passkeys: false,
    });
    await until(() => devices.querySelector('.jp-status')!.textContent === 'Odjavljeni ste sa svih drugih uređaja.');
    devices.querySelector<HTMLInputElement>('input[name=passkeys]')!.checked = true;
    calls.length = 0;
    buttonByText(devices, 'Odjavite se sa svih drugih uređaja').click();
    await until(() => calls.some((c) => c.path === '/api/account/passkeys'));
    expect(calls.find((c) => c.path === '/api/account/sessions/revoke-all')!.body).to.deep.equal({
      keepCurrent: true,
      passkeys: true,
    });
    await until(() => !!devices.querySelector('.jp-status')!.textContent?.includes('Pristupni'));
    expect(devices.querySelector('.jp-status')!.textContent).to.equal(
      'Odjavljeni ste sa svih drugih uređaja. Pristupni ključevi su uklonjeni.',
    );
  });

  it('the reset form offers to remove the passkeys only when the account has some', async () => {
    answer({ 'POST /api/password/reset/passkeys': () => ({ status: 200, body: { passkeys: [], count: 0 } }) });
    const el = document.createElement('jp-reset-password');
    el.token = 'C'.repeat(43);
    await mount(html`${el}`);
    await until(() => calls.some((c) => c.path === '/api/password/reset/passkeys'), 'the passkeys asked');
    await settle();
    expect(el.querySelector('input[name=remove-passkeys]')).to.equal(null);
  });

  it('the reset form sends removePasskeys when ticked', async () => {
    answer({
      'POST /api/password/reset/passkeys': () => ({ status: 200, body: { passkeys: [], count: 2 } }),
      'POST /api/password/reset': () => ({ status: 200, body: { status: 'password_reset', account: ACCOUNT } }),
    });
    const el = document.createElement('jp-reset-password');
    el.token = 'C'.repeat(43);
    await mount(html`${el}`);
    el.querySelector<HTMLInputElement>('input[type=password]')!.value = 'nova lozinka za rumu';
    await until(() => !!el.querySelector('input[name=remove-passkeys]'), 'the choice offered');
    const box = el.querySelector<HTMLInputElement>('input[name=remove-passkeys]')!;
    // The portal's keys, not the phone's fingerprint.
    expect(box.labels![0].textContent).to.equal(
      'Uklonite i sve pristupne ključeve za ovaj portal, na primer ako ste izgubili telefon',
    );
    box.checked = true;
    await submit(el);
    const reset = () => calls.find((c) => c.path === '/api/password/reset');
    await until(reset, 'the reset sent');
    expect(reset()!.body).to.deep.equal({
      token: 'C'.repeat(43),
      password: 'nova lozinka za rumu',
      removePasskeys: true,
      // None listed as provisional for this link: nothing to keep.
      keepProvisionalPasskeys: false,
    });
  });
});
