// <jp-login>: "Prijava" — e-mail, password, "Zapamti me", links to registration and reset; after
// the first render, the other ways in under the form (login-other.ts: a passkey, a code by e-mail,
// the passkey in the e-mail field's autofill).
import { html } from 'lit';
import { msg } from '@lit/localize';
import { JpElement, define } from './element.js';
import { FormController } from './form-controller.js';
import { emit } from './events.js';
import { field, checkbox, statusLine, formValues } from './field.js';
import { failureText } from './messages.js';
import type { AccountAnswer } from '../../contract/responses.ts';

// The schemas (and valibot) are not needed to show the form: fetched when the resident starts
// filling it in, at the latest on submit.
const loadSchema = () => import('./validation.js').then((m) => m.loginSchema());
let schema: ReturnType<typeof loadSchema> | undefined;
const loginSchema = () =>
  (schema ??= loadSchema().catch((e) => {
    schema = undefined;
    throw e;
  }));

/** Login: e-mail and password, a passkey or a code by e-mail. */
export class JpLogin extends JpElement {
  private form = new FormController(this);
  private other?: { render(): unknown };

  protected firstUpdated() {
    import('./login-other.js').then(
      (m) => {
        this.other = new m.OtherWays(this);
        this.requestUpdate();
      },
      () => {},
    );
  }

  private async onSubmit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    const input = { email: v.text('email'), password: v.text('password'), remember: v.checked('remember') };
    let checked: Awaited<ReturnType<typeof loginSchema>>;
    try {
      checked = await loginSchema();
    } catch {
      this.form.status = { kind: 'bad', text: failureText({ code: 'network_error' }) };
      return;
    }
    const value = await this.form.valid(checked, input);
    if (!value) return;
    await this.form.submit(async () => {
      const r = await this.call<AccountAnswer>('POST', '/api/login', value);
      this.form.fields = {};
      form.reset();
      emit(this, 'jp-login', { account: r.account });
    }, failureText);
  }

  render() {
    const f = this.form.fields;
    return html`<h2 tabindex="-1">${msg('Prijava')}</h2>
      <p>${msg('Nemate nalog?')} <a href="#registracija" @click=${this.navigate('register')}>${msg('Kreirajte nalog')}</a></p>
      <form method="post" action="#" novalidate @submit=${this.onSubmit} @focusin=${() => loginSchema().catch(() => {})}>
        ${field({ id: `${this.id$}-email`, name: 'email', label: msg('E-mail adresa'), type: 'email', autocomplete: 'username webauthn', error: f.email })}
        ${field({ id: `${this.id$}-password`, name: 'password', label: msg('Lozinka'), type: 'password', autocomplete: 'current-password', error: f.password })}
        <div class="jp-row">
          ${checkbox({ id: `${this.id$}-remember`, name: 'remember', label: msg('Zapamti me') })}
          <a href="#zaboravljena-lozinka" @click=${this.navigate('forgot')}>${msg('Zaboravili ste lozinku?')}</a>
        </div>
        ${statusLine(this.form.status)}
        <button type="submit" aria-busy=${this.form.busy ? 'true' : 'false'}>${msg('Ulogujte se')}</button>
      </form>
      ${this.other?.render()}
      ${this.helpBlock()}`;
  }
}

define('jp-login', JpLogin);

declare global {
  interface HTMLElementTagNameMap {
    'jp-login': JpLogin;
  }
}
