// <jp-settings>: the account's settings, each block with its own form, status and errors
// (jp-settings-block.ts): bills by e-mail, the mails' language and script, the consumer codes, the password, the passkeys, the e-mail
// address, the devices where the account is logged in, "my data" (what the file holds, the consents given)
// and, set apart in red, deleting the account (ZZPL). Loaded on demand with the account view.
import { html } from 'lit';
import { getLocale } from './localize.js';
import { msg, str } from '@lit/localize';
import { JpElement, define } from './element.js';
import { accountStyles } from './jp-account.styles.js';
import { listStyles } from './lists.styles.js';
import { helpStyles } from './help.js';
import { newPasswordStyles } from './new-password.js';
import { date, moment } from './jp-bills-format.js';
import { MailBlock, PasswordBlock, EmailBlock } from './jp-settings-forms.js';
import { ConsumersBlock } from './jp-settings-consumers.js';
import { LocaleBlock } from './jp-settings-locale.js';
import { DevicesBlock } from './jp-settings-devices.js';
import { PasskeysBlock } from './jp-settings-passkeys.js';
import { DeleteBlock } from './jp-settings-delete.js';
import type { Account, AccountAnswer, Consent, ConsentsAnswer } from '../../contract/responses.ts';

/**
 * Account settings: e-mail, password, consumer codes, devices, passkeys, deleting the account
 * (shown by `<jp-account>` in its "Podešavanja" section).
 * @fires jp-error - a request failed (the failure is also shown at its form)
 * @fires jp-consumers-changed - a consumer code was linked or unlinked
 * @fires jp-logout - the account was deleted (`detail.deleted`)
 */
export class JpSettings extends JpElement {
  static properties = { account: { attribute: false }, consents: { state: true } };
  static styles = [JpElement.styles, listStyles, accountStyles, helpStyles, newPasswordStyles];
  /** Given by <jp-account>; asked for when the element stands alone. */
  account: Account | null = null;
  private consents: Consent[] = [];
  readonly idPrefix = this.id$;
  private blocks = {
    mail: new MailBlock(this),
    locale: new LocaleBlock(this),
    consumers: new ConsumersBlock(this),
    password: new PasswordBlock(this),
    passkeys: new PasskeysBlock(this),
    email: new EmailBlock(this),
    devices: new DevicesBlock(this),
    delete: new DeleteBlock(this),
  };

  // After the first render, not on connect: by then an account set before the chunk arrived is in place.
  protected firstUpdated() {
    void this.refresh();
  }

  private async refresh() {
    void this.blocks.devices.refresh();
    void this.blocks.passkeys.refresh();
    try {
      const [c, me] = await Promise.all([
        this.call<ConsentsAnswer>('GET', '/api/account/consents'),
        this.account ? null : this.call<AccountAnswer>('GET', '/api/me'),
      ]);
      this.consents = c.consents;
      if (me) this.account = me.account;
    } catch {
      /* the consents stay unlisted; the forms still work */
    }
  }

  /** The passkeys list again (one was made outside this element: the account area's offer). */
  refreshPasskeys(): Promise<void> {
    return this.blocks.passkeys.refresh();
  }

  focusHeading() {
    this.querySelector<HTMLElement>('h3')?.focus();
  }

  render() {
    const b = this.blocks;
    return html`<h3 tabindex="-1">${msg('Podešavanja')}</h3>
      ${b.mail.render()} ${b.locale.render()} ${b.consumers.render()} ${b.password.render()} ${b.passkeys.render()} ${b.email.render()} ${b.devices.render()}
      <section class="jp-block">
        <h4>${msg('Vaši podaci')}</h4>
        <p><a href=${`${this.api}/api/account/export.html?lang=${getLocale()}`} target="_blank" rel="noopener">${msg('Pogledajte svoje podatke')}</a></p>
        <p class="jp-hint">${msg('Nalog, saglasnosti, prijave na uređajima, pristupni ključevi i računi, na jednoj stranici za čitanje i štampu.')}</p>
        <p><a href=${`${this.api}/api/account/export`} download="moji-podaci.json">${msg('Preuzmite podatke za prenos (moji-podaci.json)')}</a></p>
        <p class="jp-hint">${msg('Isti podaci u obliku za prenos u drugi sistem. Vreme je zapisano u međunarodnom obliku (npr. 2026-11-27T14:05:00.000Z).')}</p>
        <ul class="jp-list">${this.consents.map(
          (c) =>
            html`<li><span>${msg(str`Uslovi korišćenja od ${date(c.termsVersion)} i Izjava o privatnosti od ${date(c.privacyVersion)}`)}</span>
              <span>${msg('Prihvaćeno')}: ${moment(c.acceptedAt)}</span></li>`,
        )}</ul>
      </section>
      ${b.delete.render('jp-danger')}`;
  }
}

define('jp-settings', JpSettings);

declare global {
  interface HTMLElementTagNameMap {
    'jp-settings': JpSettings;
  }
}
