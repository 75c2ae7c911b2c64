// <jp-reset-password token="…">: sets a new password with the link from the mail. The server
// logs the resident in with it (and logs out every other device; removes the passkeys too when
// the resident ticks it, e.g. after losing a phone; offered only when the account has passkeys): "Otvorite svoj nalog" goes on. Passkeys added
// soon after the account's confirmation or in a session begun by a login code are listed above the
// button and removed unless the resident unticks it (whoever held the mailbox may have added them).
// A link cut short or mangled (a token not of the token's shape) gets the expired link's page at
// once, before any password is typed: a new link, and the utility's contact.
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { JpElement, define } from './element.js';
import { FormController } from './form-controller.js';
import { emit } from './events.js';
import { statusLine, formValues, checkbox } from './field.js';
import { resetSchema, schemaOptions } from './validation.js';
import { NewPassword, newPasswordStyles } from './new-password.js';
import { contactCard, helpStyles, helpText, missing } from './help.js';
import { LINK_TOKEN } from '../../contract/links.ts';
import { passkeyName } from './passkeys.js';
import { moment } from './jp-bills-format.js';
import type { Account, ProvisionalPasskeysAnswer, ResetAnswer } from '../../contract/responses.ts';

const schema = resetSchema(schemaOptions);

/** A new password from the link in the mail (the `token` attribute). */
export class JpResetPassword extends JpElement {
  static properties = { token: {}, done: { state: true }, recent: { state: true }, passkeys: { state: true } };
  static styles = [JpElement.styles, newPasswordStyles, helpStyles];
  token = '';
  private done = false;
  /** The account the reset logged in to (a server that does not log in answers without it). */
  private account?: Account;
  private form = new FormController(this);
  private password = new NewPassword(this);
  /** The provisional passkeys this link's reset would remove (none when the link is not valid). */
  private recent: ProvisionalPasskeysAnswer['passkeys'] = [];
  /** How many passkeys the account has: the choice to remove them all is offered only when it has some. */
  private passkeys = 0;

  protected willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('token') && this.wellFormed) void this.loadRecent(this.token);
  }

  private async loadRecent(token: string) {
    try {
      const r = await this.call<ProvisionalPasskeysAnswer>('POST', '/api/password/reset/passkeys', { token });
      if (token === this.token) {
        this.recent = r.passkeys;
        this.passkeys = r.count ?? r.passkeys.length;
      }
    } catch {
      // An invalid link is told when the form is sent; an older server has no such list.
    }
  }

  private async onSubmit(e: SubmitEvent) {
    e.preventDefault();
    const v = formValues(e.currentTarget as HTMLFormElement);
    const value = await this.form.valid(schema, {
      token: this.token,
      password: v.text('password'),
      removePasskeys: v.checked('remove-passkeys'),
      keepProvisionalPasskeys: this.recent.length > 0 && !v.checked('remove-recent'),
    });
    if (!value) {
      if (this.form.fields.token) {
        this.form.status = { kind: 'bad', text: helpText({ code: 'invalid_token' }) };
        await this.updateComplete;
        this.focusHeading();
      }
      return;
    }
    await this.form.submit(async () => {
      const r = await this.call<Partial<ResetAnswer>>('POST', '/api/password/reset', value);
      this.form.fields = {};
      this.account = r?.account;
      this.done = true;
      emit(this, 'jp-password-reset', {});
      await this.updateComplete;
      this.focusHeading();
    }, this.describe);
  }

  private failed = '';
  private describe = (f: Parameters<typeof helpText>[0]) => {
    this.failed = f.code;
    if (this.expired) void this.updateComplete.then(() => this.focusHeading());
    return helpText(f);
  };

  private get wellFormed() {
    return LINK_TOKEN.test(this.token);
  }

  /** The link cannot be used (cut short, unknown, used or older than an hour): offer a new one. */
  private get expired() {
    return !this.wellFormed || !!this.form.fields.token || this.failed === 'invalid_token';
  }

  private recentBlock() {
    if (!this.recent.length) return nothing;
    return html`<div class="jp-field">
      <p id=${`${this.id$}-recent-list`}>${msg('Pristupni ključevi napravljeni posle prijave lozinkom ili kodom iz e-maila:')}</p>
      <ul aria-labelledby=${`${this.id$}-recent-list`}>
        ${this.recent.map((p) => html`<li>${passkeyName(p)}, ${moment(p.createdAt)}</li>`)}
      </ul>
      ${checkbox({
        id: `${this.id$}-recent`,
        name: 'remove-recent',
        checked: true,
        label: msg('Uklonite ih: ko je znao Vašu lozinku ili čitao Vaš e-mail mogao je i da ih napravi'),
      })}
    </div>`;
  }

  render() {
    if (this.expired) {
      return html`<h2 tabindex="-1">${msg('Link više ne važi')}</h2>
        ${statusLine(this.form.status ?? { kind: 'bad', text: helpText({ code: 'invalid_token' }) })}
        <p>${msg('Link za novu lozinku važi 1 sat i može se upotrebiti samo jednom. Zatražite novi link: stiže za nekoliko minuta.')}</p>
        <p><a href="#zaboravljena-lozinka" class="jp-button" @click=${this.navigate('forgot')}>${msg('Zatražite novi link')}</a></p>
        <p>${msg('Ako ne uspete, pozovite nas ili pišite nam:')}</p>
        ${contactCard()}
        ${this.helpBlock()}`;
    }
    const account = this.done && this.account;
    if (account) {
      return html`<h2 tabindex="-1">${msg('Lozinka je promenjena')}</h2>
        <p>${msg('Ulogovani ste novom lozinkom. Radi bezbednosti odjavljeni ste sa svih drugih uređaja.')}</p>
        <p><button type="button" @click=${() => emit(this, 'jp-login', { account })}>${msg('Otvorite svoj nalog')}</button></p>
        ${this.helpBlock()}`;
    }
    if (this.done) {
      return html`<h2 tabindex="-1">${msg('Lozinka je promenjena')}</h2>
        <p>${msg('Radi bezbednosti odjavljeni ste sa svih uređaja. Ulogujte se novom lozinkom.')}</p>
        <p><a href="#prijava" class="jp-button" @click=${this.navigate('login')}>${msg('Ulogujte se')}</a></p>
        ${this.helpBlock()}`;
    }
    return html`<h2 tabindex="-1">${msg('Postavite novu lozinku')}</h2>
      <p>${msg('Izaberite lozinku koju ćete lako zapamtiti. Posle toga ste odmah ulogovani.')}</p>
      <form method="post" action="#" novalidate @submit=${this.onSubmit}>
        <input type="email" name="username" autocomplete="username" hidden />
        ${this.password.render({ id: `${this.id$}-password`, name: 'password', label: msg('Nova lozinka'), error: missing(this.form.fields.password, 'password') })}
        ${this.recentBlock()}
        ${
          this.passkeys
            ? checkbox({
                id: `${this.id$}-passkeys`,
                name: 'remove-passkeys',
                label: msg('Uklonite i sve pristupne ključeve za ovaj portal, na primer ako ste izgubili telefon'),
              })
            : nothing
        }
        ${statusLine(this.form.status)}
        <button type="submit" aria-busy=${this.form.busy ? 'true' : 'false'}>${msg('Sačuvajte lozinku')}</button>
      </form>
      ${this.helpBlock()}`;
  }
}

define('jp-reset-password', JpResetPassword);

declare global {
  interface HTMLElementTagNameMap {
    'jp-reset-password': JpResetPassword;
  }
}
