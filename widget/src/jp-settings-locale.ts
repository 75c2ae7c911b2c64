// "Jezik i pismo poruka" as a block of <jp-settings>: the account's mail language (sr-Latn, sr-Cyrl,
// en), in which every mail and its links come and in which the portal opens after a login on a
// browser that has no choice of its own (resident-locale.ts). Saved at once on a choice
// (POST /api/account/settings {locale}); the page's own script is the switch's, not this.
import { html } from 'lit';
import { msg } from '@lit/localize';
import { failureText } from './messages.js';
import { Block, type SettingsHost } from './jp-settings-block.js';
import type { WidgetLocale } from './localize.js';
import type { AccountAnswer } from '../../contract/responses.ts';

/** Each language named in itself, as the script switch names them. */
const CHOICES: [WidgetLocale, string][] = [
  ['sr-Latn', 'Srpski, latinica'],
  ['sr-Cyrl', 'Српски, ћирилица'],
  ['en', 'English'],
];

export class LocaleBlock extends Block {
  constructor(host: SettingsHost) {
    super(host, 'locale');
  }

  private choose = async (e: Event) => {
    const locale = (e.currentTarget as HTMLInputElement).value as WidgetLocale;
    await this.run(async () => {
      this.host.account = (await this.call<AccountAnswer>('POST', '/api/account/settings', { locale })).account;
      this.form.status = {
        kind: 'good',
        text: () => msg('Poruke će Vam od sada stizati na izabranom jeziku i pismu.'),
      };
    }, failureText);
    // Not saved: the account's language is the one checked again (the render alone would not uncheck it).
    const saved = this.host.account?.locale;
    if (saved !== locale) for (const r of this.root?.querySelectorAll('input') ?? []) r.checked = r.value === saved;
  };

  protected content() {
    const current = this.host.account?.locale;
    return html`<h4 id=${`${this.id}-h`}>${msg('Jezik i pismo poruka')}</h4>
      <p class="jp-hint" id=${`${this.id}-hint`}>${msg('Na ovom jeziku i pismu stižu Vam poruke sa portala, i na njemu se otvaraju njihovi linkovi. Portal se na njemu otvara i kada se prijavite na uređaju na kom niste sami izabrali pismo.')}</p>
      <div role="radiogroup" aria-labelledby=${`${this.id}-h`} aria-describedby=${`${this.id}-hint`}>
        ${CHOICES.map(
          ([locale, label]) => html`<div class="jp-field"><div class="jp-check">
            <input id=${`${this.id}-${locale}`} type="radio" name=${`${this.id}-locale`} value=${locale}
              .checked=${current === locale} @change=${this.choose} />
            <label for=${`${this.id}-${locale}`} lang=${locale}>${label}</label>
          </div></div>`,
        )}
      </div>`;
  }
}
