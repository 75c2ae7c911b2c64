// The consumer codes on the account as a block of <jp-settings>: the list (one can be removed
// while another stays) and adding one with the PIN from its paper bill; the utility's contact
// where only the utility can help (a locked code, one registered by someone else).
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { emit } from './events.js';
import { field, formValues } from './field.js';
import {
  helpText,
  needsContact,
  contactCard,
  codeFormatText,
  pinFormatText,
  codeInputMode,
  pinInputMode,
  missing,
} from './help.js';
import { words } from './jp-bills-format.js';
import { Block, type SettingsHost } from './jp-settings-block.js';
import { linkConsumerSchema, schemaOptions } from './validation.js';

const linkSchema = linkConsumerSchema(schemaOptions);

export class ConsumersBlock extends Block {
  /** Set when the failure sends the resident to the utility: its contact is shown beside it. */
  private help = false;

  constructor(host: SettingsHost) {
    super(host, 'consumers');
  }

  private unlink(code: string) {
    return async () => {
      await this.run(async () => {
        await this.call('POST', '/api/account/consumers/unlink', { consumerCode: code });
        this.form.status = { kind: 'good', text: () => msg('Šifra potrošača je uklonjena sa naloga.') };
        emit(this.host, 'jp-consumers-changed', {});
      }, helpText);
    };
  }

  private link = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    this.help = false;
    const value = await this.form.valid(linkSchema, { consumerCode: v.text('consumer-code'), pin: v.text('pin') });
    if (!value) return;
    await this.run(
      async () => {
        await this.call('POST', '/api/account/consumers/link', value);
        this.form.fields = {};
        form.reset();
        this.form.status = { kind: 'good', text: () => msg('Šifra potrošača je dodata.') };
        emit(this.host, 'jp-consumers-changed', {});
      },
      (f) => {
        this.help = needsContact(f, true);
        return helpText(f, true);
      },
    );
  };

  protected content() {
    const f = this.form.fields;
    const codes = this.host.account?.consumers ?? [];
    return html`<h4>${msg('Šifre potrošača na nalogu')}</h4>
      <ul class="jp-list">
        ${codes.map(
          (c) => html`<li><span>${c.code}</span><span>${words(c.address)}</span>
            ${
              codes.length > 1
                ? html`<button type="button" class="jp-link" @click=${this.unlink(c.code)}>${msg('Uklonite sa naloga')}<span class="jp-sr"> (${c.code})</span></button>`
                : nothing
            }</li>`,
        )}
      </ul>
      <form method="post" action="#" novalidate @submit=${this.link}>
        <h4>${msg('Dodajte šifru potrošača')}</h4>
        <p class="jp-hint">${msg('Za drugi stan ili lokal: šifra i PIN su na papirnom računu.')}</p>
        ${field({ id: `${this.id}-code`, name: 'consumer-code', label: msg('Šifra potrošača'), autocomplete: 'off', inputmode: codeInputMode(), error: missing(f.consumerCode, 'code'), invalid: codeFormatText() })}
        ${field({ id: `${this.id}-pin`, name: 'pin', label: msg('PIN'), autocomplete: 'off', inputmode: pinInputMode(), error: missing(f.pin, 'pin'), invalid: pinFormatText() })}
        <button type="submit" class="jp-secondary" aria-busy=${this.form.busy ? 'true' : 'false'}>${msg('Dodajte')}</button>
      </form>`;
  }

  protected after() {
    return this.help && this.form.status?.kind === 'bad' ? contactCard() : nothing;
  }
}
