// A new password's field: the rule under it, and a live check as the resident types — the length
// and the common list from the shared schemas (contract/passwords.ts, contract/common-passwords.ts),
// the same rules the server applies. Never imported on the way to the login form (which has only
// current passwords), so the list does not weigh on the login page.
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { field, type FieldOptions } from './field.js';
import { addFieldTexts, fieldText } from './messages.js';
import { commonPasswordCheck } from '../../contract/common-passwords.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../contract/passwords.ts';
import { schemaOptions } from './validation.js';
import { error, ok } from './tokens.js';

/** The live line's colours; in the styles of every element with a new-password field. */
export const newPasswordStyles = css`
  .jp .jp-live .jp-ok { color: ${ok}; }
  .jp .jp-live .jp-bad { color: ${error}; }
`;

addFieldTexts({
  password_too_short: () => msg(str`Lozinka mora imati najmanje ${PASSWORD_MIN_LENGTH} znakova.`),
  password_too_long: () => msg(str`Lozinka može imati najviše ${PASSWORD_MAX_LENGTH} znakova.`),
  password_common: () => msg('Ova lozinka je previše česta. Izaberite drugu, npr. nekoliko nepovezanih reči.'),
  password_contains_personal: () => msg('Lozinka ne sme sadržati Vaše ime, e-mail adresu ili šifru potrošača.'),
});

let isCommon: ((password: string) => boolean) | undefined;

/** The live verdict on a password: still short, refused, or fine (null: nothing typed yet). */
export function passwordCheck(password: string): { tone: 'ok' | 'todo' | 'bad'; text: string } | null {
  const length = [...password.normalize('NFC')].length;
  if (length === 0) return null;
  if (length < PASSWORD_MIN_LENGTH) {
    const more = PASSWORD_MIN_LENGTH - length;
    // "Još 1 znak", "Još 2 znaka", "Još 5 znakova": Serbian's three forms of the count's noun.
    const one = more % 10 === 1 && more % 100 !== 11;
    const few = more % 10 >= 2 && more % 10 <= 4 && (more % 100 < 12 || more % 100 > 14);
    const text = one
      ? msg(str`Još ${more} znak (najmanje ${PASSWORD_MIN_LENGTH}).`)
      : few
        ? msg(str`Još ${more} znaka (najmanje ${PASSWORD_MIN_LENGTH}).`)
        : msg(str`Još ${more} znakova (najmanje ${PASSWORD_MIN_LENGTH}).`);
    return { tone: 'todo', text };
  }
  if (length > PASSWORD_MAX_LENGTH) return { tone: 'bad', text: fieldText('password_too_long') };
  isCommon ??= commonPasswordCheck(schemaOptions.commonWords);
  if (isCommon(password)) return { tone: 'bad', text: fieldText('password_common') };
  return { tone: 'ok', text: msg('Dužina je dobra i lozinka nije među čestim lozinkama.') };
}

/** The rule every new-password field states. */
export const passwordRule = () =>
  msg(str`Najmanje ${PASSWORD_MIN_LENGTH} znakova. Najlakše je zapamtiti nekoliko nepovezanih reči.`);

/**
 * One new-password field per controller: `render(options)` gives the field with the rule and the
 * live check; the host re-renders as the resident types.
 */
export class NewPassword implements ReactiveController {
  private value = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected() {}

  /** Forgets what was typed (after the form was sent or reset). */
  clear() {
    this.value = '';
    this.host.requestUpdate();
  }

  render(o: Omit<FieldOptions, 'type' | 'autocomplete' | 'hint' | 'live' | 'onInput'>) {
    const check = passwordCheck(this.value);
    return field({
      ...o,
      type: 'password',
      autocomplete: 'new-password',
      hint: passwordRule(),
      // The server's word wins while it stands; the live check returns with the next keystroke.
      live:
        check && !o.error
          ? html`<span class=${`jp-${check.tone}`}>${check.tone === 'ok' ? '✓ ' : nothing}${check.text}</span>`
          : undefined,
      onInput: (e) => {
        this.value = (e.target as HTMLInputElement).value;
        this.host.requestUpdate();
      },
    });
  }
}
