// <jp-account>: the resident's account area after login. A header with the name and "Odjavite
// se" beside it; a menu of three sections reachable in one tap — "Pregled" (the summary: debt per
// consumer code, the latest bill, "Platite"), "Računi" (<jp-bills>) and "Podešavanja"
// (<jp-settings>, its dangerous action set apart); right after a login, the offer to make a passkey
// below the summary, so the debt is the first thing on a phone's screen (passkey-offer.ts). The sections stay in the page when hidden, so
// switching keeps what was open. Bills and settings are chunks of their own, fetched after login.
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { JpElement, define } from './element.js';
import { FormController } from './form-controller.js';
import { emit } from './events.js';
import { ApiFailure } from './api.js';
import { listStyles } from './lists.styles.js';
import { accountStyles } from './jp-account.styles.js';
import { billsStyles } from './jp-bills.styles.js';
import { statusLine } from './field.js';
import { failureText } from './messages.js';
import { summary } from './jp-account-summary.js';
import { words } from './jp-bills-format.js';
import { PasskeyOffer } from './passkey-offer.js';
import { placed } from './address.js';
import { offerLocale } from './resident-locale.js';
import { toLocale } from './localize.js';
import type { Account, AccountAnswer, ConsumerSummary, ConsumersAnswer } from '../../contract/responses.ts';

export type Section = 'summary' | 'bills' | 'settings';

/** The account after login: overview of the debt, bills and settings. */
export class JpAccount extends JpElement {
  static properties = {
    account: { attribute: false },
    consumers: { state: true },
    section: { state: true },
  };
  static styles = [JpElement.styles, listStyles, accountStyles, billsStyles];
  account: Account | null = null;
  consumers: ConsumerSummary[] | null = null;
  section: Section = 'summary';
  /** Logging out: a request of its own, never dropped while the account is still loading. */
  private form = new FormController(this);
  /** Loading the account and its consumers. */
  private loading = new FormController(this);
  /** After a login: "Prijavite se otiskom prsta ili licem" above the summary, where it can work. */
  private offer = new PasskeyOffer(this, () => void this.querySelector('jp-settings')?.refreshPasskeys());

  constructor() {
    super();
    this.addEventListener('jp-consumers-changed', async () => {
      this.account = (await this.call<AccountAnswer>('GET', '/api/me')).account;
      await this.loadConsumers();
      // Defined by now unless its chunk failed to load.
      await this.querySelector('jp-bills')?.load?.(1, false);
    });
  }

  async connectedCallback() {
    super.connectedCallback();
    this.around = this.closest('jp-portal');
    this.around?.addEventListener('click', this.switched);
    // The bills and settings are chunks of their own, fetched only once someone is logged in.
    void import('./jp-bills.js');
    void import('./jp-settings.js');
    await this.loading.submit(
      async () => {
        // No session: 401, or {account: null} from a server that answers anonymous visits so.
        if (!this.account) this.account = (await this.call<Partial<AccountAnswer>>('GET', '/api/me')).account ?? null;
        if (!this.account) throw new ApiFailure(401, 'unauthenticated');
        await this.loadConsumers();
      },
      failureText,
      false,
    );
    // After a login or a resumed session: the account's mail language, unless this browser chose one.
    if (this.account) offerLocale(this.closest('jp-portal') ?? this, this.account.locale);
    // Where the portal's address puts the account at first (address.ts): `racuni`, `racun=ID`…
    const place = this.closest('jp-portal')?.place;
    if (this.account && place) void this.go(place, false);
    void this.offer.check();
  }

  /**
   * Shows the place the portal's address names (Back, Forward, a reload, a link to a bill):
   * `pregled`, `racuni`, `racun=ID`, `ukupno=CODE`, `podesavanja`; anything else is the overview.
   */
  async go(place: string, focus = true) {
    const [key, arg = ''] = place.split('=');
    if (!['racuni', 'racun', 'ukupno'].includes(key)) {
      return this.show(key === 'podesavanja' ? 'settings' : 'summary', focus, false);
    }
    const bills = await this.bills();
    if (key === 'racun') await bills.openBill(arg);
    else if (key === 'ukupno') await bills.openTotal(arg);
    else if (bills.place !== 'racuni') await bills.back();
    else if (focus) bills.focusHeading();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.around?.removeEventListener('click', this.switched);
  }

  /** The portal around the account, whose script switch this element listens to. */
  private around: HTMLElementTagNameMap['jp-portal'] | null = null;

  /**
   * The portal's script switch (its buttons carry their locale in `lang`) used while logged in: the
   * account's mail language follows (one call; a failure changes nothing shown, the switch has done
   * its part), and Podešavanja shows it. Heard here so the login path carries none of it.
   */
  private switched = async (e: Event) => {
    const chosen = (e.target as Element).closest('.jp-switch [lang]')?.getAttribute('lang');
    if (!chosen || !this.account) return;
    try {
      const { account } = await this.call<AccountAnswer>('POST', '/api/account/settings', { locale: toLocale(chosen) });
      this.account = account;
      if (this.around) this.around.account = account;
    } catch {
      /* the next mails keep the account's language */
    }
  };

  private async loadConsumers() {
    this.consumers = (await this.call<ConsumersAnswer>('GET', '/api/account/consumers')).consumers;
  }

  /**
   * Shows a section; with `focus`, moves focus to its heading (announced by screen readers); with
   * `write`, the portal puts its place in the address (a tab, not Back or Forward).
   */
  async show(section: Section, focus = true, write = true) {
    this.section = section;
    if (write) {
      const bills = this.querySelector('jp-bills')?.place ?? 'racuni';
      placed(this, section === 'bills' ? bills : section === 'settings' ? 'podesavanja' : 'pregled');
    }
    await this.updateComplete;
    if (!focus) return;
    const panel = this.querySelector<HTMLElement>(`[data-section=${section}]`);
    const inner = panel?.firstElementChild;
    // Bills and settings: once their chunk is here and they have rendered.
    if (inner?.localName.startsWith('jp-')) {
      await customElements.whenDefined(inner.localName);
      const el = inner as JpElement;
      await el.updateComplete;
      el.focusHeading();
    } else panel?.querySelector<HTMLElement>('h3')?.focus();
  }

  private async bills() {
    await this.show('bills', false, false);
    await customElements.whenDefined('jp-bills');
    return this.querySelector('jp-bills')!;
  }

  // The summary's ways to a bill are ways to pay it: each opens at the QR code.
  private actions = {
    openBill: async (id: string) => (await this.bills()).openBill(id, true),
    openTotal: async (code: string) => (await this.bills()).openTotal(code, true),
    showBills: () => this.show('bills'),
  };

  private async logout() {
    await this.form.submit(async () => {
      await this.call('POST', '/api/logout', {});
      this.account = null;
      // A getter: the portal words it again after a switch of script.
      emit(this, 'jp-logout', {
        get notice() {
          return msg('Odjavljeni ste. Da biste ponovo videli svoje račune, ulogujte se.');
        },
      });
    }, failureText);
  }

  /** Mail to the address did not arrive: bills go by post, and the way to another address. */
  private undeliverable(email: string) {
    return html`<div class="jp-status jp-bad" role="status">
      <p>${msg(str`Računi ne stižu na adresu ${email}, pa Vam ih šaljemo poštom. Proverite adresu ili upišite drugu.`)}</p>
      <p><button type="button" class="jp-secondary" @click=${() => this.show('settings')}>${msg('Promenite e-mail adresu')}</button></p>
    </div>`;
  }

  private tab(section: Section, label: string) {
    return html`<li><button type="button" aria-current=${this.section === section ? 'true' : 'false'}
      aria-controls=${`${this.id$}-${section}`} @click=${() => this.show(section)}>${label}</button></li>`;
  }

  render() {
    const a = this.account;
    if (!a) {
      const status = this.loading.status ?? this.form.status;
      return html`<h2 tabindex="-1">${msg('Vaš nalog')}</h2>${statusLine(status)}
        ${status ? html`<p><a href="#prijava" @click=${this.navigate('login')}>${msg('Ulogujte se')}</a></p>` : ''}`;
    }
    const panel = (section: Section, content: unknown) =>
      html`<div id=${`${this.id$}-${section}`} data-section=${section} ?hidden=${this.section !== section}>${content}</div>`;
    return html`<div class="jp-acc-head">
        <div>
          <p class="jp-hint">${msg('Prijavljeni ste kao')}</p>
          <h2 tabindex="-1">${words(a.name)}</h2>
        </div>
        <button type="button" class="jp-secondary" aria-busy=${this.form.busy ? 'true' : 'false'} @click=${this.logout}>${msg('Odjavite se')}</button>
      </div>
      <nav aria-label=${msg('Meni naloga')}>
        <ul class="jp-tabs">
          ${this.tab('summary', msg('Pregled'))}
          ${this.tab('bills', msg('Računi'))}
          ${this.tab('settings', msg('Podešavanja'))}
        </ul>
      </nav>
      ${statusLine(this.loading.status ?? this.form.status)}
      ${a.undeliverable ? this.undeliverable(a.email) : nothing}
      ${panel('summary', html`${this.consumers ? summary(this.consumers, this.actions) : html`<p>${msg('Učitavanje…')}</p>`}${this.offer.render()}`)}
      ${panel('bills', html`<jp-bills .consumers=${this.consumers}></jp-bills>`)}
      ${panel('settings', html`<jp-settings .account=${a}></jp-settings>`)}
      ${nothing}`;
  }
}

define('jp-account', JpAccount);

declare global {
  interface HTMLElementTagNameMap {
    'jp-account': JpAccount;
  }
}
