// <jp-account>: the resident's information after login — name, e-mail, consumer codes with
// addresses, the e-mail bills preference, and logout.
import { html } from 'lit';
import { msg } from '@lit/localize';
import { JpElement, define } from './element.js';
import { FormController } from './form-controller.js';
import { emit } from './events.js';
import { listStyles } from './lists.styles.js';
import { statusLine } from './field.js';
import { failureText } from './messages.js';
import { helpText } from './help.js';
import type { Account, AccountAnswer } from '../../contract/responses.ts';

export class JpAccount extends JpElement {
  static properties = { account: { attribute: false } };
  static styles = [JpElement.styles, listStyles];
  account: Account | null = null;
  private form = new FormController(this);

  constructor() {
    super();
    this.addEventListener('jp-consumers-changed', async () => {
      this.account = (await this.call<AccountAnswer>('GET', '/api/me')).account;
      // Defined by now unless its chunk failed to load.
      await this.querySelector('jp-bills')?.load?.(1);
    });
  }

  async connectedCallback() {
    super.connectedCallback();
    // The bills and settings are chunks of their own, fetched only once someone is logged in.
    void import('./jp-bills.js');
    void import('./jp-settings.js');
    if (!this.account) {
      await this.form.submit(
        async () => {
          this.account = (await this.call<AccountAnswer>('GET', '/api/me')).account;
        },
        failureText,
        false,
      );
    }
  }

  private async toggleBills(e: Event) {
    const on = (e.currentTarget as HTMLInputElement).checked;
    await this.form.submit(async () => {
      this.account = (await this.call<AccountAnswer>('POST', '/api/account/settings', { emailBills: on })).account;
      this.form.status = {
        kind: 'good',
        text: on ? msg('Računi će Vam stizati na e-mail.') : msg('Računi Vam više neće stizati na e-mail.'),
      };
    }, failureText);
  }

  private unlink(code: string) {
    return async () => {
      await this.form.submit(async () => {
        await this.call('POST', '/api/account/consumers/unlink', { consumerCode: code });
        emit(this, 'jp-consumers-changed', {});
      }, helpText);
    };
  }

  private async logout() {
    await this.form.submit(async () => {
      await this.call('POST', '/api/logout', {});
      this.account = null;
      emit(this, 'jp-logout', {});
    }, failureText);
  }

  render() {
    const a = this.account;
    if (!a) {
      return html`<h2 tabindex="-1">${msg('Vaše informacije')}</h2>${statusLine(this.form.status)}
        ${this.form.status ? html`<p><a href="#prijava" @click=${this.navigate('login')}>${msg('Ulogujte se')}</a></p>` : ''}`;
    }
    return html`<h2 tabindex="-1">${msg('Vaše informacije')}</h2>
      <dl>
        <dt>${msg('Ime i prezime')}</dt><dd>${a.name}</dd>
        <dt>${msg('E-mail adresa')}</dt><dd>${a.email}</dd>
        ${a.consumers.map(
          (c) => html`<dt>${msg('Šifra potrošača')}</dt><dd>${c.code} — ${c.name}, ${c.address}
          ${a.consumers.length > 1 ? html`<button type="button" class="jp-link" @click=${this.unlink(c.code)}>${msg('Uklonite sa naloga')}</button>` : ''}</dd>`,
        )}
      </dl>
      <div class="jp-check">
        <input id=${`${this.id$}-bills`} type="checkbox" .checked=${a.emailBills} @change=${this.toggleBills} />
        <label for=${`${this.id$}-bills`}>${msg('Slanje računa na e-mail')}</label>
      </div>
      ${statusLine(this.form.status)}
      <jp-bills></jp-bills>
      <jp-settings></jp-settings>
      <p><button type="button" class="jp-secondary" aria-busy=${this.form.busy ? 'true' : 'false'} @click=${this.logout}>${msg('Odjavite se')}</button></p>`;
  }
}

define('jp-account', JpAccount);

declare global {
  interface HTMLElementTagNameMap {
    'jp-account': JpAccount;
  }
}
