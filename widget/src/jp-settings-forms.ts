// The account's own settings as blocks of <jp-settings>: bills by e-mail, the password and the
// e-mail address. A wrong password is said once, at its field.
import { html } from 'lit';
import { msg } from '@lit/localize';
import { field, formValues } from './field.js';
import { failureText } from './messages.js';
import { helpText, missing } from './help.js';
import { NewPassword } from './new-password.js';
import { Block, type SettingsHost } from './jp-settings-block.js';
import type { AccountAnswer } from '../../contract/responses.ts';
import { changeEmailSchema, changePasswordSchema, schemaOptions } from './validation.js';

const schemas = {
  changeEmail: changeEmailSchema(),
  changePassword: changePasswordSchema(schemaOptions),
};

export class MailBlock extends Block {
  constructor(host: SettingsHost) {
    super(host, 'mail');
  }

  private toggle = async (e: Event) => {
    const on = (e.currentTarget as HTMLInputElement).checked;
    await this.run(async () => {
      this.host.account = (await this.call<AccountAnswer>('POST', '/api/account/settings', { emailBills: on })).account;
      this.form.status = {
        kind: 'good',
        text: () => (on ? msg('Računi će Vam stizati na e-mail.') : msg('Računi Vam više neće stizati na e-mail.')),
      };
    }, failureText);
  };

  protected content() {
    return html`<h4>${msg('Računi na e-mail')}</h4>
      <div class="jp-check">
        <input id=${this.id} type="checkbox" .checked=${this.host.account?.emailBills ?? false} @change=${this.toggle} />
        <label for=${this.id}>${msg('Slanje računa na e-mail')}</label>
      </div>`;
  }
}

export class PasswordBlock extends Block {
  private password: NewPassword;

  constructor(host: SettingsHost) {
    super(host, 'password');
    this.password = new NewPassword(host);
  }

  private submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const value = await this.form.valid(schemas.changePassword, {
      currentPassword: v.text('current-password'),
      newPassword: v.text('new-password'),
    });
    if (!value) return;
    await this.run(async () => {
      await this.call('POST', '/api/account/password', value);
      this.form.fields = {};
      form.reset();
      this.password.clear();
      this.form.status = { kind: 'good', text: () => msg('Lozinka je promenjena. Ostali uređaji su odjavljeni.') };
    }, failureText);
    await this.passwordErrorTo('currentPassword');
  };

  protected content() {
    const f = this.form.fields;
    return html`<form method="post" action="#" novalidate @submit=${this.submit}>
      <h4>${msg('Promena lozinke')}</h4>
      ${field({ id: `${this.id}-cur`, name: 'current-password', label: msg('Trenutna lozinka'), type: 'password', autocomplete: 'current-password', error: missing(f.currentPassword, 'password') })}
      ${this.password.render({ id: `${this.id}-new`, name: 'new-password', label: msg('Nova lozinka'), error: missing(f.newPassword, 'password') })}
      <button type="submit" class="jp-secondary" aria-busy=${this.form.busy ? 'true' : 'false'}>${msg('Promenite lozinku')}</button>
    </form>`;
  }
}

export class EmailBlock extends Block {
  constructor(host: SettingsHost) {
    super(host, 'email');
  }

  private submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const value = await this.form.valid(schemas.changeEmail, {
      password: v.text('email-password'),
      email: v.text('new-email'),
    });
    if (!value) return this.emailErrorTo();
    await this.run(
      async () => {
        await this.call('POST', '/api/account/email', value);
        this.form.fields = {};
        form.reset();
        this.form.status = {
          kind: 'good',
          text: () => msg('Poslali smo link za potvrdu na novu adresu. Promena važi kada ga otvorite i potvrdite.'),
        };
      },
      (f) => helpText(f),
    );
    await this.passwordErrorTo('emailPassword');
    await this.emailErrorTo();
  };

  /** The schema's and the server's "email" is this form's input new-email (cleared when it is edited). */
  private async emailErrorTo() {
    if (!this.form.fields.email) return;
    const { email, ...rest } = this.form.fields;
    this.form.fields = { ...rest, newEmail: email };
    await this.host.updateComplete;
    this.root?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }

  protected content() {
    const f = this.form.fields;
    const a = this.host.account;
    return html`<form method="post" action="#" novalidate @submit=${this.submit}>
      <h4>${msg('Promena e-mail adrese')}</h4>
      ${a ? html`<p class="jp-hint">${msg('Sadašnja adresa')}: ${a.email}</p>` : ''}
      ${field({ id: `${this.id}-mail`, name: 'new-email', label: msg('Nova e-mail adresa'), type: 'email', autocomplete: 'email', error: missing(f.newEmail, 'email') })}
      ${field({ id: `${this.id}-pw`, name: 'email-password', label: msg('Lozinka'), type: 'password', autocomplete: 'current-password', error: missing(f.emailPassword, 'password') })}
      <button type="submit" class="jp-secondary" aria-busy=${this.form.busy ? 'true' : 'false'}>${msg('Promenite adresu')}</button>
    </form>`;
  }
}
