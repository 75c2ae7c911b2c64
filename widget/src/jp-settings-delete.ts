// Deleting the account, a block of <jp-settings> set apart as the one dangerous action and behind
// a step of its own: first what is deleted and what stays, then the password and a red button.
// The server checks the password before anything is deleted (a wrong one deletes nothing and is
// said at the field); no browser dialog. After it, jp-logout {deleted: true}: the portal says so.
import { html } from 'lit';
import { msg } from '@lit/localize';
import { emit } from './events.js';
import { field, formValues } from './field.js';
import { failureText } from './messages.js';
import { Block, type SettingsHost } from './jp-settings-block.js';
import { deleteAccountSchema } from './validation.js';

const schema = deleteAccountSchema();

export class DeleteBlock extends Block {
  /** The resident chose to delete: the form with the password is shown. */
  private asked = false;

  constructor(host: SettingsHost) {
    super(host, 'delete');
  }

  private ask = async () => {
    this.asked = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.root?.querySelector<HTMLInputElement>('input[name=password]')?.focus();
  };

  private cancel = async () => {
    this.asked = false;
    this.form.fields = {};
    this.form.status = null;
    await this.host.updateComplete;
    this.root?.querySelector<HTMLElement>('button')?.focus();
  };

  private submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const value = await this.form.valid(schema, {
      password: formValues(e.currentTarget as HTMLFormElement).text('password'),
    });
    if (!value) return;
    await this.run(async () => {
      await this.call('POST', '/api/account/delete', value);
      emit(this.host, 'jp-logout', {
        deleted: true,
        // A getter: the portal words it again after a switch of script.
        get notice() {
          return msg(
            'Vaš nalog je obrisan. Potvrdu smo poslali na Vašu e-mail adresu. Podaci o potrošaču i računima ostaju u evidenciji preduzeća.',
          );
        },
      });
    }, failureText);
  };

  protected content() {
    return html`<h3 id=${`${this.id}-h`}>${msg('Brisanje naloga')}</h3>
      <p>${msg('Brišu se nalog, prijave i lični podaci naloga; podaci o potrošaču i računima ostaju u evidenciji preduzeća, kako zakon nalaže. Brisanje se ne može opozvati.')}</p>
      ${
        this.asked
          ? html`<form method="post" action="#" novalidate @submit=${this.submit}>
              ${field({ id: `${this.id}-pw`, name: 'password', label: msg('Upišite lozinku da potvrdite brisanje'), type: 'password', autocomplete: 'current-password', error: this.form.fields.password })}
              <div class="jp-row">
                <button type="submit" class="jp-danger-button" aria-busy=${this.form.busy ? 'true' : 'false'}>${msg('Obrišite nalog trajno')}</button>
                <button type="button" class="jp-secondary" @click=${this.cancel}>${msg('Odustanite')}</button>
              </div>
            </form>`
          : html`<button type="button" class="jp-secondary" @click=${this.ask}>${msg('Želim da obrišem nalog')}</button>`
      }`;
  }
}
