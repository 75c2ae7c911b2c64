// <jp-account>: the resident's information from /api/me when no account is given, the e-mail
// bills switch, a consumer code unlinked (the account and the bills reloaded), and what a
// session that has expired shows.
import { expect, html, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-account.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { answer, calls, axeViolations, frames, byLabel, buttonByText, ACCOUNT } from './helpers.ts';

const TWO = {
  ...ACCOUNT,
  consumers: [...ACCOUNT.consumers, { code: '104525', name: 'Milica Jovanović', address: 'Glavna 14, 22400 Ruma' }],
};
const lists = {
  'GET /api/account/consumers': () => ({ status: 200, body: { consumers: [] } }),
  'GET /api/bills': () => ({ status: 200, body: { bills: [], total: 0, pageSize: 12 } }),
  'GET /api/account/sessions': () => ({ status: 200, body: { sessions: [] } }),
  'GET /api/account/consents': () => ({ status: 200, body: { consents: [] } }),
};

describe('<jp-account>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('asks /api/me for the account and shows it, axe-clean', async () => {
    answer({ ...lists, 'GET /api/me': () => ({ status: 200, body: { account: ACCOUNT } }) });
    const el = await mount(html`<jp-account></jp-account>`);
    await frames();
    expect(calls[0].path).to.equal('/api/me');
    expect(el.textContent)
      .to.contain('Milica Jovanović')
      .and.contain('milica@example.com')
      .and.contain('104521 — Milica Jovanović, Glavna 12, 22400 Ruma');
    expect(byLabel(el, 'Slanje računa na e-mail').checked).to.equal(true);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('switches e-mail bills off and says so', async () => {
    answer({
      ...lists,
      'POST /api/account/settings': (body) => ({
        status: 200,
        body: { account: { ...ACCOUNT, emailBills: body.emailBills } },
      }),
    });
    const el = document.createElement('jp-account');
    el.account = ACCOUNT;
    await mount(html`${el}`);
    const box = byLabel(el, 'Slanje računa na e-mail');
    box.click();
    await frames();
    expect(calls.find((c) => c.path === '/api/account/settings')!.body).to.deep.equal({ emailBills: false });
    expect(el.querySelector('[role=status]')!.textContent).to.equal('Računi Vam više neće stizati na e-mail.');
    expect(el.account!.emailBills).to.equal(false);
  });

  it('unlinks one of two consumer codes, then reloads the account', async () => {
    answer({
      ...lists,
      'POST /api/account/consumers/unlink': () => ({ status: 204 }),
      'GET /api/me': () => ({ status: 200, body: { account: ACCOUNT } }),
    });
    const el = document.createElement('jp-account');
    el.account = TWO;
    await mount(html`${el}`);
    const buttons = [...el.querySelectorAll('button')].filter((b) => b.textContent === 'Uklonite sa naloga');
    expect(buttons).to.have.length(2);
    buttons[1].click();
    await frames(8);
    expect(calls.find((c) => c.path === '/api/account/consumers/unlink')!.body).to.deep.equal({
      consumerCode: '104525',
    });
    expect(calls.some((c) => c.path === '/api/me')).to.equal(true);
    expect(el.textContent).not.to.contain('104525');
  });

  it('an expired session: says so and links the login, without taking focus', async () => {
    answer({ 'GET /api/me': () => ({ status: 401, body: { error: { code: 'unauthenticated' } } }) });
    const before = document.activeElement;
    const el = await mount(html`<jp-account></jp-account>`);
    await frames();
    expect(el.querySelector('[role=alert]')!.textContent).to.equal('Sesija je istekla. Ulogujte se ponovo.');
    expect(el.querySelector('a[href="#prijava"]')).to.exist;
    expect(document.activeElement).to.equal(before);
    expect(buttonByText(el, 'Odjavite se')).to.equal(undefined);
  });
});
