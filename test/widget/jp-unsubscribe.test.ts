// <jp-unsubscribe>: stops e-mail bills from the bill mail's link, only after a click.
import { expect, html, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-unsubscribe.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { answer, calls, axeViolations, settle } from './helpers.ts';

describe('<jp-unsubscribe>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('stops e-mail bills only after the button, axe-clean', async () => {
    answer({ 'POST /api/email-bills/unsubscribe': () => ({ status: 200, body: { status: 'unsubscribed' } }) });
    const el = document.createElement('jp-unsubscribe');
    el.token = 'header.payload.signature';
    await mount(html`${el}`);
    expect(calls).to.have.length(0);
    expect(await axeViolations(el)).to.deep.equal([]);
    el.querySelector<HTMLButtonElement>('button')!.click();
    await settle();
    expect(calls[0]).to.deep.equal({
      path: '/api/email-bills/unsubscribe',
      body: { token: 'header.payload.signature' },
    });
    expect(el.querySelector('[role=status]')!.textContent).to.contain('više neće stizati');
  });
});
