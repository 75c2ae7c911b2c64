// <jp-portal>: the one-tag embed. Login, registration, forgotten password, reset and
// confirmation views; acts on mail links (#potvrda=, #reset=, #nova-adresa=, and the older
// ?confirm= / ?reset= / ?unsubscribe=) and removes them from the address bar, and on the mail's
// locale beside them (`&jezik=sr-Cyrl`, applied unless this browser remembers the resident's own
// choice from the switch, which wins; a switch while logged in is the account's mail language too); after login, the
// resident's account. The session survives reloads (GET /api/me). Each view has a place in the
// fragment (#registracija, #racun=ID…) so Back, Forward and a reload return to it: address.ts,
// a chunk fetched after the first render (the login path's budget).
/// <reference path="./login-config.d.ts" />
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { JpElement, define } from './element.js';
import type { Status } from './form-controller.js';
import { VIEWS, type View } from './registry.js';
import { portalStyles } from './jp-portal.styles.js';
import { getLocale, rememberLocale, inScript, type WidgetLocale } from './localize.js';
// The one setting the login page needs, by name, from the login's own view of the configuration
// (login-config.d.ts: the views' utility.ts holds them all, in chunks of their own).
import { name } from '../../config/utility.json?login';
import type { Account, MeAnswer } from '../../contract/responses.ts';
import { loadElement } from './loader.js';
import { sessionHint } from './api.js';
import { statusLine } from './field.js';
import { failureText } from './messages.js';
import './jp-login.js';

const address = () => import('./address.js');
/** A chunk that could not be fetched, said like any request that could not reach the server. */
const OFFLINE: Status = { kind: 'bad', text: () => failureText({ code: 'network_error' }) };
const MOVES = ['hashchange', 'popstate'];

/**
 * A mail link's token in the address (address.ts fromAddress reads it): the view waits for the
 * address's chunk. Spelled out here, not built from contract/links.ts's LINK_FRAGMENT, which would
 * bring a chunk onto the login path's budget; test/widget/mail-links.test.ts holds it to every
 * name address.ts reads.
 */
export const MAIL_LINK = /(potvrda|nova-adresa|reset|confirm|unsubscribe)=/;
const SWITCH: [WidgetLocale, string][] = [
  ['sr-Latn', 'Latinica'],
  ['sr-Cyrl', 'Ћирилица'],
  ['en', 'English'],
];

/**
 * The whole portal in one element: login, registration, forgotten password, the links from mails
 * and, after login, the overview, bills and settings.
 * @attr api - base URL of the worker (default: the page's origin)
 * @attr lang - sr-Latn (default), sr-Cyrl or en
 * @attr switch - show the Latinica / Ћирилица / English switch
 * @attr terms-href - page with the terms of use
 * @attr privacy-href - page with the privacy statement
 * @attr manual-href - page with the user guide
 * @fires jp-login
 * @fires jp-logout
 * @fires jp-registered
 * @fires jp-confirmed
 * @fires jp-password-reset
 * @fires jp-error
 * @fires jp-navigate
 * @fires login - Deprecated: the old name of jp-login, dispatched beside it for one release; likewise logout, registered, confirmed, password-reset and error (which does not bubble)
 */
export class JpPortal extends JpElement {
  static properties = { view: { state: true }, status: { state: true } };
  static styles = [JpElement.styles, portalStyles];
  /** @internal */
  view: View | 'loading' = 'loading';
  /** @internal The element of the view shown (not while a view's chunk loads). */
  shown?: JpElement;
  /** @internal Says when a view's chunk could not be fetched, or what happened (a logout). */
  status: Status = null;
  /** @internal A mail link's token (address.ts fromAddress), for the view it opens. */
  token = '';
  /** @internal The link confirms a new e-mail address (#nova-adresa=), not a registration. */
  changeEmail = false;
  /** @internal */
  account: Account | null = null;
  /** @internal The view's place in the address (address.ts): `racun=ID`, '' (or none yet) for the first view. */
  place?: string;

  constructor() {
    super();
    this.addEventListener('jp-navigate', (e) => this.at((a) => a.navigate(this, e.detail.view)));
    this.addEventListener('jp-login', (e) => this.at((a) => a.login(this, e.detail.account), true));
    this.addEventListener('jp-logout', (e) => this.at((a) => a.logout(this, e.detail), false));
  }

  /** A step with the address's chunk (address.ts); said like a view's chunk when it cannot be fetched. */
  private at(step: (a: typeof import('./address.js')) => unknown, session?: boolean) {
    // A login or a logout: the session hint follows (api.ts sessionHint; without one, a mere read).
    sessionHint(session);
    return address().then(step, () => {
      this.status = OFFLINE;
    });
  }

  connectedCallback() {
    super.connectedCallback();
    // A link opened in a tab that already shows the page changes only the fragment; Back and
    // Forward between the portal's places too.
    for (const type of MOVES) addEventListener(type, this.onHash);
    // Once: moving the element in the page must not read the URL or ask /api/me again.
    if (this.view === 'loading') void this.start();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    for (const type of MOVES) removeEventListener(type, this.onHash);
  }

  // A mail link (fromAddress), or Back, Forward, a link to a place (address.ts).
  private onHash = () => this.at((a) => a.restore(this, false));

  private async start() {
    // The address's chunk, fetched at once beside the first view: it reads a mail's locale beside
    // its token or place (resident-locale.ts) and serves every move after.
    const view = MAIL_LINK.test(location.hash + location.search)
      ? ((await this.at((a) => a.fromAddress(this))) as View | undefined)
      : void this.at((a) => a.linkLocale(this));
    if (view) return this.show(view);
    // {account: null} when nobody is logged in (a failure to ask shows the login as well).
    const me = this.call<MeAnswer>('GET', '/api/me').then(
      (r) => r.account,
      () => null,
    );
    // Nobody was logged in here last time: the login at once, the session asked for beside it.
    const early = !location.hash && !sessionHint();
    if (early) void this.show('login', false);
    this.account = await me;
    sessionHint(!!this.account);
    // The view the fragment names (address.ts); none: the first view, without waiting for the chunk.
    if (location.hash) return this.at((a) => a.restore(this, true));
    if (!early || (this.account && this.view === 'login')) void this.show(this.account ? 'account' : 'login', false);
  }

  /** @internal */
  async show(view: View, focus = true) {
    const tag = VIEWS[view];
    if (!customElements.get(tag)) {
      // The old view goes at once, so nobody types into a form that is about to be replaced.
      const from = this.view;
      this.view = 'loading';
      try {
        await loadElement(tag);
      } catch {
        this.view = from;
        this.status = OFFLINE;
        return;
      }
    }
    this.status = null;
    const shown = this.create(view);
    this.shown = shown;
    this.view = view;
    // The same view again (a second mail link in the same tab) is a new element all the same.
    this.requestUpdate();
    await this.updateComplete;
    if (focus) shown.focusHeading();
  }

  /**
   * A new element for the view, with what it needs from the mail link or the session. Made once
   * per navigation and kept, so re-rendering the portal (a new locale, a status) keeps its state.
   */
  private create(view: View): JpElement {
    const el = document.createElement(VIEWS[view]);
    el.className = 'jp-view';
    const { token, account } = this;
    const setUp: { [V in View]?: (el: HTMLElementTagNameMap[(typeof VIEWS)[V]]) => void } = {
      reset: (r) => (r.token = token),
      confirm: (c) => {
        c.token = token;
        c.purpose = this.changeEmail ? 'email' : 'registration';
      },
      unsubscribe: (u) => (u.token = token),
      account: (a) => (a.account = account),
    };
    (setUp[view] as ((el: JpElement) => void) | undefined)?.(el);
    return el;
  }

  private switchTo(locale: WidgetLocale) {
    rememberLocale(locale);
    // attributeChangedCallback loads the locale; logged in, <jp-account> hears the click and saves it
    // as the account's mail language.
    this.lang = locale;
  }

  render() {
    return html`${
      this.hasAttribute('switch')
        ? html`<div class="jp-switch" role="group" aria-label=${msg('Jezik i pismo')}>
            ${SWITCH.map(([l, label]) => html`<button type="button" lang=${l} aria-pressed=${getLocale() === l ? 'true' : 'false'} @click=${() => this.switchTo(l)}>${label}</button>`)}
          </div>`
        : nothing
    }
      <div class="jp-brand">${inScript(name)}</div>
      ${statusLine(this.status)}
      ${this.view === 'loading' ? html`<p role="status">${msg('Učitavanje…')}</p>` : this.shown}
      ${this.helpBlock()}`;
  }
}

define('jp-portal', JpPortal);

declare global {
  interface HTMLElementTagNameMap {
    'jp-portal': JpPortal;
  }
}
