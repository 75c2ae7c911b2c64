// <jp-account>: the header (name, "Odjavite se" beside it), the summary first (debt, the latest
// bill, "Platite"; several unpaid bills with their total per the utility's rule), the sections one
// tap away, "Platite" opening the bill's page at its QR code, logout telling the portal what to say, an expired
// session.
import { expect, html, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-account.ts';
import { setLocale } from '../../widget/src/localize.ts';
import {
  answer,
  calls,
  axeViolations,
  settle,
  until,
  buttonByText,
  ACCOUNT,
  type Routes,
  billPage,
} from './helpers.ts';
import { CONSUMER, DETAIL, severalUnpaid } from './account-fixtures.ts';
import type { ConsumerSummary } from '../../contract/responses.ts';

const routes = (consumers: ConsumerSummary[] = [CONSUMER]): Routes => ({
  'GET /api/me': () => ({ status: 200, body: { account: ACCOUNT } }),
  'GET /api/account/consumers': () => ({ status: 200, body: { consumers } }),
  'GET /api/bills': () => ({
    status: 200,
    body: { bills: CONSUMER.history.slice().reverse(), page: 1, pageSize: 12, total: 3 },
  }),
  ...billPage(DETAIL),
  'GET /api/account/sessions': () => ({ status: 200, body: { sessions: [] } }),
  'GET /api/account/consents': () => ({ status: 200, body: { consents: [] } }),
  'POST /api/logout': () => ({ status: 204 }),
});
const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ');
const visible = (el: Element, section: string) =>
  !el.querySelector(`[data-section=${section}]`)!.hasAttribute('hidden');

describe('<jp-account>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('opens with the name and "Odjavite se" in the header, then the summary; axe-clean', async () => {
    answer(routes());
    const el = await mount(html`<jp-account></jp-account>`);
    await until(() => !!el.querySelector('.jp-card'));
    expect(calls[0].path).to.equal('/api/me');
    const head = el.querySelector('.jp-acc-head')!;
    expect(head.querySelector('h2')!.textContent).to.equal('Milica Jovanović');
    expect(head.querySelector('button')!.textContent).to.equal('Odjavite se');
    const card = text(el.querySelector('.jp-card')!);
    expect(card)
      .to.contain('Šifra potrošača 104521')
      .and.contain('Trenutno dugovanje: 1.860,00 din.')
      .and.contain('Poslednji račun: novembar 2026.')
      .and.contain('Nije plaćeno');
    expect(buttonByText(el, 'Platite')).to.exist;
    // The consumer line is said once.
    expect(text(el).split('Glavna 12, 22400 Ruma').length - 1).to.equal(1);
    expect(visible(el, 'summary')).to.equal(true);
    expect(visible(el, 'bills')).to.equal(false);
    expect(visible(el, 'settings')).to.equal(false);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('reaches each section in one tap, marking the current one', async () => {
    answer(routes());
    const el = await mount(html`<jp-account></jp-account>`);
    await until(() => !!el.querySelector('.jp-card'));
    const tabs = [...el.querySelectorAll<HTMLButtonElement>('.jp-tabs button')];
    expect(tabs.map((t) => t.textContent)).to.deep.equal(['Pregled', 'Računi', 'Podešavanja']);
    expect(el.querySelector('nav')!.getAttribute('aria-label')).to.equal('Meni naloga');
    tabs[1].click();
    await until(() => !!el.querySelector('jp-bills h3'));
    await settle();
    expect(visible(el, 'bills')).to.equal(true);
    expect(visible(el, 'summary')).to.equal(false);
    expect(tabs[1].getAttribute('aria-current')).to.equal('true');
    // (A boolean: chai's message for two different elements would never finish.)
    expect(document.activeElement === el.querySelector('jp-bills h3')).to.equal(true);
    tabs[2].click();
    await until(() => !!el.querySelector('jp-settings h3'));
    expect(visible(el, 'settings')).to.equal(true);
    expect(el.querySelector('jp-settings .jp-danger')).to.exist;
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('"Platite" opens the bill to pay on its page, at the QR code (its heading focused)', async () => {
    answer(routes());
    // Content above the portal, as on a host page: the QR code starts out of view.
    const el = await mount(html`<div><div style="height: 1500px"></div><jp-account></jp-account></div>`);
    const account = el.querySelector('jp-account')!;
    await until(() => !!account.querySelector('.jp-card'));
    scrollTo(0, 0);
    buttonByText(account, 'Platite').click();
    await until(() => !!account.querySelector('jp-bills .jp-pay'));
    expect(visible(account, 'bills')).to.equal(true);
    const heading = account.querySelector('jp-bills h3')!;
    expect(heading.textContent).to.equal('Račun za novembar 2026.');
    await until(() => document.activeElement === heading, 'the heading focused');
    const qr = account.querySelector('jp-bills svg.jp-qr')!.getBoundingClientRect();
    expect(qr.top).to.be.at.least(0);
    expect(qr.bottom).to.be.at.most(innerHeight);
    expect(calls.some((c) => c.path === `/api/bills/${DETAIL.id}`)).to.equal(true);
  });

  it('several unpaid bills, one payment per bill: their total, each listed, the oldest first (overdue marked)', async () => {
    answer(routes([severalUnpaid('perBill')]));
    const el = await mount(html`<jp-account></jp-account>`);
    await until(() => !!el.querySelector('.jp-card'));
    const card = text(el.querySelector('.jp-card')!);
    expect(card)
      .to.contain('Trenutno dugovanje: 5.460,00 din.')
      .and.contain('Neplaćenih računa: 3, ukupno 5.460,00 din.')
      .and.contain('Platite svaki račun posebno')
      .and.contain('Nije plaćeno, rok je prošao');
    // A sentence ending in "din." gets no second period.
    expect(card).not.to.contain('din..');
    expect(buttonByText(el, 'Platite račun za jul 2026.')).to.exist;
    expect(buttonByText(el, 'Račun za avgust 2026.')).to.exist;
  });

  it('several unpaid bills where the utility takes one payment: "Platite ukupno" shows that slip', async () => {
    answer(routes([severalUnpaid('total')]));
    const el = await mount(html`<jp-account></jp-account>`);
    await until(() => !!el.querySelector('.jp-card'));
    expect(text(el.querySelector('.jp-card')!)).to.contain('jednom uplatom');
    buttonByText(el, 'Platite ukupno 5.460,00 din.').click();
    await until(() => !!el.querySelector('jp-bills .jp-pay'));
    const page = text(el.querySelector('jp-bills')!);
    expect(page).to.contain('Plaćanje svih neplaćenih računa').and.contain('12104521').and.contain('5.460,00 din.');
    const png = [...el.querySelectorAll('jp-bills a')].find((a) => a.textContent === 'Preuzmite QR kod')!;
    expect(png.getAttribute('href')).to.equal('/api/account/consumers/104521/qr.png');
  });

  it('logs out and tells the portal what to say', async () => {
    answer(routes());
    const el = await mount(html`<jp-account></jp-account>`);
    await until(() => !!el.querySelector('.jp-card'));
    let detail: { notice?: string } | undefined;
    el.addEventListener('jp-logout', (e) => (detail = (e as CustomEvent).detail));
    buttonByText(el, 'Odjavite se').click();
    await settle();
    expect(calls.some((c) => c.path === '/api/logout')).to.equal(true);
    expect(detail!.notice).to.contain('Odjavljeni ste');
  });

  it('an expired session: says so and links the login, without taking focus', async () => {
    answer({ 'GET /api/me': () => ({ status: 401, body: { error: { code: 'unauthenticated' } } }) });
    const before = document.activeElement;
    const el = await mount(html`<jp-account></jp-account>`);
    await settle();
    expect(el.querySelector('[role=alert]')!.textContent).to.equal('Sesija je istekla. Ulogujte se ponovo.');
    expect(el.querySelector('a[href="#prijava"]')).to.exist;
    expect(document.activeElement === before).to.equal(true);
    expect(buttonByText(el, 'Odjavite se')).to.equal(undefined);
  });

  it('no session as {account: null} is an expired session too', async () => {
    answer({ 'GET /api/me': () => ({ status: 200, body: { account: null } }) });
    const el = await mount(html`<jp-account></jp-account>`);
    await settle();
    expect(el.querySelector('[role=alert]')!.textContent).to.equal('Sesija je istekla. Ulogujte se ponovo.');
  });

  it('an undeliverable address: says bills come by post, names the address, and leads to the settings to change it', async () => {
    const account = { ...ACCOUNT, undeliverable: { since: Date.UTC(2026, 11, 2), reason: 'bounce_hard' as const } };
    answer({ ...routes(), 'GET /api/me': () => ({ status: 200, body: { account } }) });
    const el = await mount(html`<jp-account></jp-account>`);
    await until(() => !!el.querySelector('.jp-card'));
    const banner = [...el.querySelectorAll('.jp-status.jp-bad')].find((b) => text(b).includes('ne stižu'))!;
    expect(text(banner)).to.contain(
      `Računi ne stižu na adresu ${ACCOUNT.email}, pa Vam ih šaljemo poštom. Proverite adresu ili upišite drugu.`,
    );
    buttonByText(banner, 'Promenite e-mail adresu')!.click();
    await settle();
    expect(visible(el, 'settings')).to.equal(true);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('no banner while mail arrives', async () => {
    answer(routes());
    const el = await mount(html`<jp-account></jp-account>`);
    await until(() => !!el.querySelector('.jp-card'));
    expect(text(el)).not.to.contain('ne stižu');
  });
});
