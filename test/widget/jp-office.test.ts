// <jp-office>, the office's console (docs/office.md), against a fake of the staff API typed by
// contract/office.ts: the invitation's first passkey and the passkey login; a clerk's search, a
// consumer's card and the PIN unlock behind a reason; the resend for a pending registration and a
// note; an administrator's print list (counts and the CSV links) and the audit log with names.
// No administrator's tab for a clerk. Axe clean; English through @lit/localize.
import { expect, html, fixture as mount } from '@open-wc/testing';
import '../../widget/src/office/jp-office.ts';
import { setLocale } from '../../widget/src/localize.ts';
import type * as O from '../../contract/office.ts';
import type { PrintListAnswer } from '../../widget/src/office/api.ts';
import { axeViolations, until } from './helpers.ts';
import {
  fakeCredentials,
  credentialCalls,
  CREATE_OPTIONS,
  LOGIN_OPTIONS,
  ATTESTATION,
  ASSERTION,
} from './passkey-fakes.ts';
import { ADMIN, CLERK, T, answer, button, byLabel, calls, el, me, mountOffice, shows, text } from './jp-office-fake.ts';

const HIT: O.ConsumerHit = {
  code: '104521',
  name: 'Milica Jovanović',
  address: 'Glavna 12, 22400 Ruma',
  email: 'm***@example.com',
};
const card = (over: Partial<O.ConsumerCard> = {}): O.ConsumerCard => ({
  code: '104521',
  name: 'Milica Jovanović',
  address: 'Glavna 12, 22400 Ruma',
  account: {
    id: 'a1',
    email: 'm***@example.com',
    name: 'Milica Jovanović',
    state: 'pending',
    since: T,
    delivery: 'paper',
    deliverySince: null,
    undeliverable: null,
  },
  pin: { locked: true, lockedUntil: T + 86_400_000, failures: 3 },
  bills: [{ id: 'b1', period: '2026-11', amount: 1860, balance: 1860, dueDate: '2026-12-20', paidAt: null }],
  deliveryEvents: [{ type: 'delivered', reason: null, at: T, source: 'webhook', outboxId: 'm1' }],
  mails: [
    {
      id: 'm1',
      kind: 'confirm',
      subject: 'Potvrdite registraciju',
      status: 'sent',
      createdAt: T,
      sentAt: T,
      lastError: null,
    },
  ],
  notes: [{ id: 'n1', text: 'Zvala zbog PIN-a.', staffName: 'Sanja Šalter', createdAt: T }],
  ...over,
});
afterEach(async () => {
  await setLocale('sr-Latn');
});

describe('jp-office', () => {
  it('an invitation link enrols the first passkey and leaves the address bar', async () => {
    history.replaceState(null, '', `${location.pathname}#poziv=${'t'.repeat(43)}`);
    const restore = fakeCredentials();
    answer({
      'POST /api/staff/invitation/options': () => ({ status: 200, body: CREATE_OPTIONS }),
      'POST /api/staff/invitation': () => ({ status: 201, body: { staff: ADMIN } }),
    });
    try {
      await mountOffice();
      await shows('Dobro došli');
      expect(location.hash).to.equal('');
      expect(await axeViolations(el())).to.deep.equal([]);
      button('Napravite pristupni ključ').click();
      await shows('Ana Admin · administrator');
      expect(credentialCalls.map((c) => c.kind)).to.deep.equal(['create']);
      expect(calls[0].body).to.deep.equal({ token: 't'.repeat(43) });
      expect(calls[1].body).to.deep.equal({ token: 't'.repeat(43), response: ATTESTATION });
    } finally {
      restore();
    }
  });

  it('a further passkey from the header; the language switch words the console again and is remembered', async () => {
    const restore = fakeCredentials();
    answer({
      'GET /api/staff/me': me(CLERK),
      'POST /api/staff/passkeys/options': () => ({ status: 200, body: CREATE_OPTIONS }),
      'POST /api/staff/passkeys': () => ({ status: 201, body: { status: 'added', id: 'cred-2' } }),
    });
    try {
      await mountOffice();
      await shows('Potrošači');
      button('Dodajte pristupni ključ').click();
      await shows('Pristupni ključ je dodat. Sada se možete prijaviti i njime.');
      expect(credentialCalls.map((c) => c.kind)).to.deep.equal(['create']);
      expect(calls.map((c) => c.path)).to.include.members(['/api/staff/passkeys/options', '/api/staff/passkeys']);
      expect(calls.find((c) => c.path === '/api/staff/passkeys')!.body).to.deep.equal({ response: ATTESTATION });
      button('Ћирилица').click();
      await shows('Потрошачи');
      expect(button('Ћирилица').getAttribute('aria-pressed')).to.equal('true');
      expect(localStorage.getItem('jp-portal-locale')).to.equal('sr-Cyrl');
      expect(await axeViolations(el())).to.deep.equal([]);
    } finally {
      restore();
      localStorage.removeItem('jp-portal-locale');
      await setLocale('sr-Latn');
    }
  });

  it('without a session: the passkey login; a closed prompt is said in words', async () => {
    const restore = fakeCredentials({ get: 'NotAllowedError' });
    answer({
      'GET /api/staff/me': me(null),
      'POST /api/staff/login/options': () => ({ status: 200, body: LOGIN_OPTIONS }),
      'POST /api/staff/login': () => ({ status: 200, body: { staff: CLERK } }),
    });
    try {
      await mountOffice();
      await shows('Prijavite se pristupnim ključem');
      expect(await axeViolations(el())).to.deep.equal([]);
      button('Prijavite se').click();
      await shows('Pristupni ključ nije upotrebljen.');
      restore();
      fakeCredentials();
      button('Prijavite se').click();
      await shows('Sanja Šalter · šalter');
      expect(calls.at(-1)!.body).to.deep.equal({ response: ASSERTION });
    } finally {
      restore();
    }
  });

  it("a clerk: search, the card, the PIN unlocked behind a reason, the link again, a note; no administrator's tab", async () => {
    let current = card();
    answer({
      'GET /api/staff/me': me(CLERK),
      'GET /api/staff/consumers': () => ({
        status: 200,
        body: { consumers: [HIT, { ...HIT, code: '104522', email: null }] },
      }),
      'GET /api/staff/consumers/104521': () => ({ status: 200, body: { consumer: current } }),
      'POST /api/staff/consumers/104521/unlock': () => {
        current = card({ pin: { locked: false, lockedUntil: null, failures: 0 } });
        return { status: 200, body: { status: 'unlocked' } };
      },
      'POST /api/staff/consumers/104521/resend-confirmation': () => ({
        status: 200,
        body: { status: 'confirmation_sent' },
      }),
      'POST /api/staff/consumers/104521/notes': () => ({ status: 201, body: { status: 'noted' } }),
    });
    await mountOffice();
    await shows('Sanja Šalter · šalter');
    for (const tab of ['Uvoz', 'Štampa', 'Pregled', 'Zaposleni', 'Dnevnik'])
      expect(button(tab), tab).to.equal(undefined);
    byLabel('Pretraga potrošača').value = 'Glavna';
    el().querySelector('form')!.requestSubmit();
    await shows('Rezultati');
    expect(calls.at(-1)!.search).to.equal('?q=Glavna');
    [...el().querySelectorAll<HTMLButtonElement>('.jpo-hits button')][0].click();
    await shows('104521 · Milica Jovanović Nalog');
    expect(text()).to.include('m***@example.com');
    expect(text()).to.include('Čeka potvrdu od');
    expect(text()).to.include('Papirni');
    expect(text()).to.include('Zaključan do');
    expect(text()).to.include('Pogrešnih unosa: 3');
    expect(text()).to.include('poslata');
    expect(text()).to.include('isporučena');
    expect(text()).to.include('Zvala zbog PIN-a.');
    expect(await axeViolations(el())).to.deep.equal([]);

    button('Otključajte PIN').click();
    await until(() => document.activeElement?.id === 'jpo-reason', 'the reason field focused');
    byLabel('Razlog otključavanja').value = 'x';
    button('Otključajte').click();
    await shows('Navedite razlog');
    expect(calls.some((c) => c.path.endsWith('/unlock'))).to.equal(false);
    byLabel('Razlog otključavanja').value = 'Identitet proveren na šalteru';
    button('Otključajte').click();
    await shows('PIN je otključan.');
    await shows('Nije zaključan');
    expect(calls.find((c) => c.path.endsWith('/unlock'))!.body).to.deep.equal({
      reason: 'Identitet proveren na šalteru',
    });
    expect(await axeViolations(el())).to.deep.equal([]);

    button('Pošaljite ponovo link za potvrdu').click();
    await until(() => byLabel('Razlog ponovnog slanja'));
    byLabel('Razlog ponovnog slanja').value = 'Nije stigla poruka';
    button('Pošaljite').click();
    await shows('Link za potvrdu je ponovo poslat.');

    byLabel('Nova beleška za kolege').value = 'Poslat link ponovo.';
    button('Sačuvajte belešku').click();
    await shows('Beleška je sačuvana.');
    expect(calls.find((c) => c.path.endsWith('/notes'))!.body).to.deep.equal({ text: 'Poslat link ponovo.' });
  });

  it('a session that ended mid-way brings back the login', async () => {
    answer({
      'GET /api/staff/me': me(CLERK),
      'GET /api/staff/consumers': () => ({ status: 401, body: { error: { code: 'unauthenticated' } } }),
    });
    await mountOffice();
    await shows('Sanja Šalter');
    byLabel('Pretraga potrošača').value = '104521';
    el().querySelector('form')!.requestSubmit();
    await shows('Prijavite se pristupnim ključem');
    expect(text()).to.include('Sesija je istekla.');
  });

  it("an administrator: the print list's counts and CSV links, the audit log with names", async () => {
    const rows: PrintListAnswer['rows'] = [
      { consumerCode: '104521', name: 'M', address: 'A', delivery: 'paper', reason: 'unconfirmed', since: null },
      { consumerCode: '104522', name: 'D', address: 'B', delivery: 'paper', reason: 'no_account', since: null },
      { consumerCode: '104523', name: 'J', address: 'C', delivery: 'email', reason: null, since: T },
    ];
    answer({
      'GET /api/staff/me': me(ADMIN),
      'GET /api/staff/print-list': (_b, url) => ({
        status: 200,
        body: { period: url.searchParams.get('period')!, delivery: 'all', rows },
      }),
      'GET /api/staff/members': () => ({
        status: 200,
        body: { staff: [{ ...ADMIN, createdAt: T, disabledAt: null, passkeys: 1 }] },
      }),
      'GET /api/staff/audit': () => ({
        status: 200,
        body: {
          entries: [
            {
              id: 2,
              at: T,
              staffId: 's2',
              ip: '10.0.0.1',
              action: 'consumer.pin_unlocked',
              consumerCode: '104521',
              accountId: null,
              reason: 'Proveren',
              detail: null,
            },
            {
              id: 1,
              at: T,
              staffId: null,
              ip: 'cli',
              action: 'staff.invited',
              consumerCode: null,
              accountId: null,
              reason: null,
              detail: null,
            },
          ],
        },
      }),
    });
    await mountOffice();
    await shows('Ana Admin');
    button('Štampa').click();
    await until(() => byLabel('Obračunski period'));
    byLabel('Obračunski period').value = '2026-11';
    el().querySelector('form')!.requestSubmit();
    await shows('Period 2026-11');
    expect(text()).to.include('Papir: 2');
    expect(text()).to.include('E-mail: 1');
    expect(text()).to.include('bez naloga: 1');
    expect(text()).to.include('nepotvrđena registracija: 1');
    const links = [...el().querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.include('/api/staff/print-list?period=2026-11&delivery=paper');
    expect(await axeViolations(el())).to.deep.equal([]);

    button('Dnevnik').click();
    await until(() => el().querySelector('tbody td'), 'the log');
    expect(text()).to.include('Ana Admin');
    expect(text()).to.include('komandna linija');
    expect(text()).to.include('Proveren');
    expect([...el().querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.include(
      '/api/staff/audit?format=csv',
    );
    expect(await axeViolations(el())).to.deep.equal([]);
  });

  it('in English', async () => {
    answer({ 'GET /api/staff/me': me(CLERK) });
    await mount(html`<jp-office lang="en"></jp-office>`);
    await until(() => text().includes('Search consumers'), 'English');
    expect(text()).to.include('counter clerk');
  });
});
