// <jp-settings>: change password, link another consumer code, log out everywhere, download
// "my data" and delete the account (ZZPL). Loaded on demand with the account view.
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { JpElement, define } from './element.js';
import { FormController } from './form-controller.js';
import { emit } from './events.js';
import { listStyles } from './lists.styles.js';
import { field, statusLine, formValues } from './field.js';
import { failureText } from './messages.js';
import { helpText, needsContact, contactCard, helpStyles } from './help.js';
import { getLocale } from './localize.js';
import { formatDateTime } from '../../contract/format.ts';
import type { Locale } from '../../contract/locales.ts';
import type { Consent, ConsentsAnswer, SessionInfo, SessionsAnswer } from '../../contract/responses.ts';
import {
  changeEmailSchema,
  changePasswordSchema,
  linkConsumerSchema,
  deleteAccountSchema,
  schemaOptions,
} from './validation.js';

const schemas = {
  changeEmail: changeEmailSchema(),
  changePassword: changePasswordSchema(schemaOptions),
  linkConsumer: linkConsumerSchema(schemaOptions),
  deleteAccount: deleteAccountSchema(),
};

const when = (ms: number) => formatDateTime(ms, getLocale() as Locale);

export class JpSettings extends JpElement {
  static properties = { sessions: { state: true }, consents: { state: true }, help: { state: true } };
  static styles = [JpElement.styles, listStyles, helpStyles];
  private sessions: SessionInfo[] = [];
  private consents: Consent[] = [];
  /** The status text that sends the resident to the utility (a locked code, one registered by someone else). */
  private help = '';
  private form = new FormController(this);

  connectedCallback() {
    super.connectedCallback();
    void this.refresh();
  }

  private async refresh() {
    try {
      const [s, c] = await Promise.all([
        this.call<SessionsAnswer>('GET', '/api/account/sessions'),
        this.call<ConsentsAnswer>('GET', '/api/account/consents'),
      ]);
      this.sessions = s.sessions;
      this.consents = c.consents;
    } catch {
      /* the lists stay empty; the forms still work */
    }
  }

  private async changeEmail(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const value = await this.form.valid(schemas.changeEmail, {
      password: v.text('email-password'),
      email: v.text('new-email'),
    });
    if (value) {
      await this.form.submit(
        async () => {
          await this.call('POST', '/api/account/email', value);
          this.form.fields = {};
          form.reset();
          this.form.status = {
            kind: 'good',
            text: msg('Poslali smo link za potvrdu na novu adresu. Promena važi kada ga otvorite.'),
          };
        },
        (f) => helpText(f),
      );
    }
    await this.passwordErrorTo('emailPassword');
  }

  /** The server and the schemas call every re-entered password "password"; show it at this form's field. */
  private async passwordErrorTo(field: string) {
    if (!this.form.fields.password) return;
    const { password, ...rest } = this.form.fields;
    this.form.fields = { ...rest, [field]: password };
    await this.updateComplete;
    this.form.focusFirstError();
  }

  private revoke(id: string) {
    return async () => {
      await this.form.submit(async () => {
        await this.call('POST', '/api/account/sessions/revoke', { id });
        await this.refresh();
      }, failureText);
    };
  }
  private async changePassword(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const value = await this.form.valid(schemas.changePassword, {
      currentPassword: v.text('current-password'),
      newPassword: v.text('new-password'),
    });
    if (!value) return;
    await this.form.submit(async () => {
      await this.call('POST', '/api/account/password', value);
      this.form.fields = {};
      form.reset();
      this.form.status = { kind: 'good', text: msg('Lozinka je promenjena. Ostali uređaji su odjavljeni.') };
    }, failureText);
    await this.passwordErrorTo('currentPassword');
  }

  private async link(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const value = await this.form.valid(schemas.linkConsumer, {
      consumerCode: v.text('consumer-code'),
      pin: v.text('pin'),
    });
    if (!value) return;
    await this.form.submit(
      async () => {
        await this.call('POST', '/api/account/consumers/link', value);
        this.form.fields = {};
        form.reset();
        this.form.status = { kind: 'good', text: msg('Šifra potrošača je dodata.') };
        emit(this, 'jp-consumers-changed', {});
      },
      (f) => {
        const text = helpText(f, true);
        this.help = needsContact(f, true) ? text : '';
        return text;
      },
    );
  }

  private async everywhere() {
    await this.form.submit(async () => {
      await this.call('POST', '/api/account/sessions/revoke-all', { keepCurrent: true });
      this.form.status = { kind: 'good', text: msg('Odjavljeni ste sa svih drugih uređaja.') };
      await this.refresh();
    }, failureText);
  }

  private async deleteAccount(e: SubmitEvent) {
    e.preventDefault();
    const value = await this.form.valid(schemas.deleteAccount, {
      password: formValues(e.currentTarget as HTMLFormElement).text('password'),
    });
    if (!value) return;
    if (!confirm(msg('Nalog će biti trajno obrisan. Da li ste sigurni?'))) return;
    await this.form.submit(async () => {
      await this.call('POST', '/api/account/delete', value);
      emit(this, 'jp-logout', { deleted: true });
    }, failureText);
  }

  render() {
    const f = this.form.fields;
    const id = this.id$;
    return html`<h3 tabindex="-1">${msg('Podešavanja naloga')}</h3>
      ${statusLine(this.form.status)}
      ${this.help && this.form.status?.text === this.help ? contactCard() : nothing}
      <form method="post" action="#" novalidate @submit=${this.changePassword}>
        <h4>${msg('Promena lozinke')}</h4>
        ${field({ id: `${id}-cur`, name: 'current-password', label: msg('Trenutna lozinka'), type: 'password', autocomplete: 'current-password', error: f.currentPassword })}
        ${field({ id: `${id}-new`, name: 'new-password', label: msg('Nova lozinka'), type: 'password', autocomplete: 'new-password', error: f.newPassword })}
        <button type="submit">${msg('Promenite lozinku')}</button>
      </form>
      <form method="post" action="#" novalidate @submit=${this.link}>
        <h4>${msg('Dodajte šifru potrošača')}</h4>
        ${field({ id: `${id}-code`, name: 'consumer-code', label: msg('Šifra potrošača'), autocomplete: 'off', inputmode: 'numeric', error: f.consumerCode })}
        ${field({ id: `${id}-pin`, name: 'pin', label: msg('PIN'), autocomplete: 'off', inputmode: 'numeric', error: f.pin })}
        <button type="submit">${msg('Dodajte')}</button>
      </form>
      <form method="post" action="#" novalidate @submit=${this.changeEmail}>
        <h4>${msg('Promena e-mail adrese')}</h4>
        ${field({ id: `${id}-mail`, name: 'new-email', label: msg('Nova e-mail adresa'), type: 'email', autocomplete: 'email', error: f.email })}
        ${field({ id: `${id}-mailpw`, name: 'email-password', label: msg('Lozinka'), type: 'password', autocomplete: 'current-password', error: f.emailPassword })}
        <button type="submit">${msg('Promenite adresu')}</button>
      </form>
      <h4>${msg('Prijave i podaci')}</h4>
      <ul class="jp-list">
        ${this.sessions.map(
          (x) => html`<li>
          <span>${x.userAgent ?? msg('Nepoznat uređaj')}${x.current ? html` — <strong>${msg('ovaj uređaj')}</strong>` : ''}</span>
          <span>${msg('Poslednja aktivnost')}: ${when(x.lastSeenAt)}</span>
          ${x.current ? '' : html`<button type="button" class="jp-link" @click=${this.revoke(x.id)}>${msg('Odjavite ovaj uređaj')}</button>`}
        </li>`,
        )}
      </ul>
      <div class="jp-row">
        <button type="button" class="jp-secondary" @click=${this.everywhere}>${msg('Odjavite se sa svih drugih uređaja')}</button>
        <a href=${`${this.api}/api/account/export`} download="moji-podaci.json">${msg('Preuzmite svoje podatke')}</a>
      </div>
      <p class="jp-hint">${this.consents.map((c) => html`${msg('Saglasnost')}: ${msg('Uslovi korišćenja')} ${c.termsVersion}, ${msg('Izjava o privatnosti')} ${c.privacyVersion} — ${when(c.acceptedAt)}<br />`)}</p>
      <form method="post" action="#" novalidate @submit=${this.deleteAccount}>
        <h4>${msg('Brisanje naloga')}</h4>
        <p class="jp-hint">${msg('Brišu se nalog, prijave i lični podaci naloga; podaci o potrošaču i računima ostaju u evidenciji preduzeća, kako zakon nalaže.')}</p>
        ${field({ id: `${id}-del`, name: 'password', label: msg('Lozinka'), type: 'password', autocomplete: 'current-password', error: f.password })}
        <button type="submit" class="jp-secondary">${msg('Obrišite nalog')}</button>
      </form>`;
  }
}

define('jp-settings', JpSettings);

declare global {
  interface HTMLElementTagNameMap {
    'jp-settings': JpSettings;
  }
}
