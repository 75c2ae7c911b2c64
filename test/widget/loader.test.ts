// The bundle defines the portal and its login view at once; every other element when needed.
import { expect, html, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import { answer, settle, until } from './helpers.ts';
import { getLocale } from '../../widget/src/localize.ts';

describe('loading on demand', () => {
  it('defines only the portal and the login view up front', () => {
    expect(customElements.get('jp-portal')).to.exist;
    expect(customElements.get('jp-login')).to.exist;
    for (const tag of ['jp-register', 'jp-account', 'jp-bills', 'jp-settings'])
      expect(customElements.get(tag), tag).to.be.undefined;
  });

  it('fetches the shared schemas (and valibot) only once the login form is used', async () => {
    const loaded = () => performance.getEntriesByType('resource').some((r) => /\/validation\.ts|valibot/.test(r.name));
    answer({});
    const el = await mount(html`<jp-login></jp-login>`);
    expect(loaded()).to.equal(false);
    el.querySelector('input')!.focus();
    await until(loaded, 'the schemas fetched');
  });

  it('loads an element placed on the page by itself, as a single-view embed', async () => {
    const el = await mount(html`<div><jp-forgot-password></jp-forgot-password></div>`);
    await settle();
    expect(el.querySelector('jp-forgot-password h2')!.textContent).to.equal('Zaboravljena lozinka');
  });

  it('keeps the page in the locale of its first element, whatever order the chunks arrive in', async () => {
    const el = await mount(
      html`<div><jp-login></jp-login><section lang="sr-Cyrl"><jp-reset-password></jp-reset-password></section></div>`,
    );
    await customElements.whenDefined('jp-reset-password');
    await settle();
    expect(getLocale()).to.equal('sr-Latn');
    expect(el.querySelector('jp-login h2')!.textContent).to.equal('Prijava');
  });

  it('loads the registration view when the portal navigates to it, then focuses its heading', async () => {
    answer({ 'GET /api/me': () => ({ status: 200, body: { account: null } }) });
    const portal = await mount(html`<jp-portal></jp-portal>`);
    await until(() => portal.querySelector('jp-login h2'), 'the login view');
    (portal.querySelector('a[href="#registracija"]') as HTMLAnchorElement).click();
    await until(() => document.activeElement?.closest('jp-register'), 'focus in the registration view');
    expect(document.activeElement!.tagName).to.equal('H2');
  });
});
