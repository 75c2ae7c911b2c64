// Help for a resident who is stuck: the utility's contact (phone, e-mail, address and office
// hours, all from config/utility.json, never written here), the words for the answers about
// consumer codes, addresses and links that the login form never gets (and for a page the
// portal refuses: named in development, neutral with the contact in production), and the small
// "Pomoć" block under every view (with the manual, privacy and terms links). Imported by the
// views that can get those answers; the portal and the login view fetch it after their first
// render (element.ts `helpBlock`), so it is a chunk of its own that never weighs on the way to
// the login form.
import { html, css, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { utility, utilityName } from './utility.js';
import { manual } from '../../config/utility.json';
// A bundling hint, no code used: esbuild puts modules reached by the same set of entries in one
// chunk. This module is an entry of its own (element.ts fetches it); reaching the login page's
// shared modules as well keeps them in one chunk with lit (split apart, the login page's gzip
// grows by about 470 bytes).
import './element.js';
import './field.js';
import './form-controller.js';
import { getLocale, inScript } from './localize.js';
import { formatDate, formatTime } from '../../contract/format.ts';
import type { Locale } from '../../contract/locales.ts';
import { addFailureTexts, addFieldTexts, failureText, type HelpCode } from './messages.js';
import { accent, text, radius, gap, primary, primaryText } from './tokens.js';
import { type ApiFailure, apiBase, call } from './api.js';
import type { StatusAnswer } from '../../contract/responses.ts';

export const helpStyles = css`
  /* The help boxes that open on a tap ("Poruka ne stiže?", the registration's guide and bill figure). */
  .jp .jp-help { background: ${accent}; color: ${text}; padding: .75rem 1rem; border-radius: ${radius}; margin: 0 0 ${gap}; }
  .jp .jp-help summary { cursor: pointer; font-weight: 600; }
  .jp .jp-help p { margin: .5rem 0 0; }
  .jp form .jp-help { margin: 0; }
  .jp form + .jp-help { margin-top: ${gap}; }
  .jp .jp-help .jp-contact { background: #fff; margin: .5rem 0 0; }
  .jp .jp-contact { background: ${accent}; color: ${text}; padding: .75rem 1rem; border-radius: ${radius}; margin: 0 0 ${gap}; }
  .jp .jp-contact p { margin: 0 0 .25rem; font-weight: 600; }
  .jp .jp-contact ul { list-style: none; margin: 0; padding: 0; }
  .jp .jp-contact li { margin: .25rem 0; overflow-wrap: anywhere; }
  .jp .jp-contact a { font-weight: 600; }
  /* The way on where a resident was stuck, as big as a button: a link, since it leads to another view. */
  .jp a.jp-button { padding: .7rem 1rem; border-radius: ${radius}; background: ${primary}; color: ${primaryText};
    text-decoration: none; font-weight: 600; }
  /* A status outside a form (confirmation, a link that no longer works) keeps its distance from what follows. */
  .jp .jp-status:not(form .jp-status) { margin-bottom: ${gap}; }
  .jp .jp-aid { margin-top: calc(${gap} * 1.5); padding-top: ${gap}; border-top: 1px solid #d0d0d0; }
  .jp .jp-aid h3 { font-size: 1.1rem; margin: 0 0 .25rem; }
  .jp .jp-aid p { margin: 0 0 .25rem; overflow-wrap: anywhere; }
  .jp .jp-aid .jp-links { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin-top: .5rem; font-size: .9rem; }
`;

type Failure = Pick<ApiFailure, 'code' | 'retryAfter'> & Partial<Pick<ApiFailure, 'error'>>;

/**
 * Whether the answer sends the resident to the utility, so the view shows the contact beside
 * it. Too many attempts does so only where a PIN was tried (registration, linking a code), and so
 * does a wrong PIN that was the last one allowed for now.
 */
export function needsContact(f: Failure, pinForm = false): boolean {
  return (
    f.code === 'consumer_locked' ||
    f.code === 'password_locked' ||
    f.code === 'consumer_already_registered' ||
    (pinForm && f.code === 'too_many_attempts') ||
    (pinForm && f.code === 'invalid_consumer_credentials' && f.error?.attemptsLeft === 0)
  );
}

// The registry's codes that messages.ts leaves to this module (typed over HelpCode: none is missing).
const HELP: Record<HelpCode, () => string> = {
  consumer_locked: () =>
    msg(
      'Ova šifra potrošača je zaključana jer je PIN previše puta pogrešno unet. Odmah je može otključati preduzeće: pozovite nas, pišite nam ili dođite lično.',
    ),
  consumer_already_registered: () =>
    msg(
      'Za ovu šifru potrošača već postoji nalog. Ako je to Vaš nalog, ulogujte se ili zatražite novu lozinku. Ako ne znate ko je registrovao nalog (na primer član porodice ili prethodni stanar), javite nam se.',
    ),
  invalid_consumer_credentials: () => msg('Šifra potrošača ili PIN nije tačan. Proverite ih na svom računu.'),
  consumer_already_linked: () => msg('Ova šifra potrošača je već na Vašem nalogu.'),
  last_consumer: () => msg('Nalog mora imati bar jednu šifru potrošača.'),
  email_taken: () => msg('Ova e-mail adresa već pripada drugom nalogu na portalu. Izaberite drugu adresu.'),
  invalid_token: () => msg('Link nije ispravan, već je iskorišćen ili je istekao.'),
};

// A missing entry in the words of its field, for the forms that load this (messages.ts's RequiredCode).
addFieldTexts({
  required_name: () => msg('Upišite ime i prezime.'),
  required_email: () => msg('Upišite e-mail adresu.'),
  required_password: () => msg('Upišite lozinku.'),
  required_code: () => msg('Upišite šifru potrošača.'),
  required_pin: () => msg('Upišite PIN.'),
});

const ALLOWED = 'ALLOWED_ORIGINS';

// A page whose origin the portal refuses (403 origin_not_allowed): in development the server names
// the origin, and the webmaster reads what to set; in production a resident reads neutral words
// and whom to call.
addFailureTexts({
  origin_not_allowed: (f) => {
    const origin = f.error?.origin;
    const { phone, email } = utility.contact;
    return origin
      ? msg(
          str`Ova stranica (${origin}) nije na spisku ${ALLOWED} portala. Dodajte je u ${ALLOWED} u podešavanjima servera portala i ponovo ga pokrenite.`,
        )
      : msg(str`Portal trenutno ne može da primi zahtev sa ove stranice. Javite nam se: ${phone}, ${email}.`);
  },
});

/** A field's error code, a missing entry named for the field ("Upišite lozinku.", not "Ovo polje je obavezno."). */
export function missing(code: string | undefined, field: 'name' | 'email' | 'password' | 'code' | 'pin') {
  return code === 'required' ? `required_${field}` : code;
}

/** The failure in the resident's words, with what to do next where the short text is not enough. */
export function helpText(f: Failure, pinForm = false): string {
  if (f.code === 'too_many_attempts') {
    return pinForm
      ? `${tryAgain(f)} ${msg('Ako niste sigurni da su šifra potrošača i PIN tačni, javite nam se.')}`
      : tryAgain(f);
  }
  if (f.code === 'consumer_locked' && f.retryAfter) return `${HELP.consumer_locked()} ${unlocksOn(f.retryAfter)}`;
  const left = f.code === 'invalid_consumer_credentials' ? f.error?.attemptsLeft : undefined;
  if (left !== undefined) return pinsLeft(left);
  return HELP[f.code as HelpCode]?.() ?? failureText(f);
}

/** A wrong code or PIN with the tries left before a refusal (the server's `attemptsLeft`). */
function pinsLeft(n: number): string {
  return n > 0
    ? msg(str`Šifra potrošača ili PIN nije tačan. Preostalo pokušaja: ${n}. Proverite ih na svom računu.`)
    : msg(
        'Šifra potrošača ili PIN nije tačan. Preostalo pokušaja: 0. Sledeći pokušaj je moguć tek kasnije; ako niste sigurni da su šifra i PIN tačni, javite nam se.',
      );
}

/** The day a consumer code's lock ends by itself (the server's Retry-After). */
function unlocksOn(retryAfterS: number): string {
  const iso = new Date(Date.now() + retryAfterS * 1000).toISOString().slice(0, 10);
  const date = formatDate(iso, getLocale() as Locale);
  return msg(str`Inače se otključava sama ${date}`);
}

/** A wait of more than an hour (a daily limit) as the time of day, not as hundreds of minutes. */
function tryAgain(f: Failure): string {
  const wait = (f.retryAfter ?? 0) * 1000;
  if (wait <= 3600_000) return failureText(f);
  const at = new Date(Date.now() + wait);
  const time = formatTime(at.getTime());
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  if (at.toDateString() === new Date().toDateString())
    return msg(str`Previše pokušaja. Pokušajte ponovo posle ${time}.`);
  if (at.toDateString() === tomorrow.toDateString())
    return msg(str`Previše pokušaja. Pokušajte ponovo sutra posle ${time}.`);
  return failureText(f);
}

/** What to say when a link was asked for again a moment after the last one (202 recently_sent). */
export function recentlySentText(): string {
  return msg(
    'Link smo Vam već poslali pre nekoliko trenutaka. Proverite i fasciklu za neželjenu poštu. Ako poruka ne stigne ni za nekoliko minuta, zatražite link ponovo.',
  );
}

/**
 * Asks for the confirmation link again (POST /api/register/resend) and says what became of it:
 * sent, or already sent a moment ago (202 recently_sent: no new mail). A failure is thrown.
 */
export async function resendConfirmation(host: HTMLElement, email: string): Promise<string> {
  const r = await call<StatusAnswer<'mailRequest'> | undefined>(apiBase(host), 'POST', '/api/register/resend', {
    email,
  });
  return r?.status === 'recently_sent' ? recentlySentText() : msg('Poslali smo novi link. Važi samo najnoviji link.');
}

const hours = () => {
  const h = utility.contact.hours;
  return getLocale() === 'en' ? h.en : inScript(h['sr-Latn']);
};

/**
 * The small "Pomoć" block under every view: whom to call or write to, and when, with the
 * manual and the privacy and terms pages (the host's own pages when its attributes say so).
 */
export function helpBlock(host: Element, id: string) {
  const c = utility.contact;
  const href = (attr: string, fallback: string) => host.closest(`[${attr}]`)?.getAttribute(attr) ?? fallback;
  return html`<section class="jp-aid" aria-labelledby=${id}>
    <h3 id=${id}>${msg('Pomoć')}</h3>
    <p>${msg('Pozovite nas')}: <a href=${`tel:${c.tel}`}>${c.phone}</a> (${hours()})</p>
    <p>${msg('Pišite nam')}: <a href=${`mailto:${c.email}`}>${c.email}</a></p>
    <p class="jp-links">
      <a href=${href('manual-href', manual.href)}>${msg('Uputstvo za korišćenje')}</a>
      <a href=${href('privacy-href', utility.privacy.href)}>${msg('Izjava o privatnosti')}</a>
      <a href=${href('terms-href', utility.terms.href)}>${msg('Uslovi korišćenja')}</a>
    </p>
  </section>`;
}

/** What a consumer code looks like, for `invalid_format` (from the configured pattern and example). */
export function codeFormatText(): string {
  const example = utility.consumerCode.example;
  return digitsOnly(utility.consumerCode.pattern)
    ? msg(str`Šifra potrošača sadrži samo cifre, npr. ${example}.`)
    : msg(str`Upišite šifru potrošača tačno kao na računu, npr. ${example}.`);
}

/** What a PIN looks like, for `invalid_format` (no example: a PIN is a secret). */
export function pinFormatText(): string {
  return digitsOnly(utility.pin.pattern)
    ? msg('PIN sadrži samo cifre. Prepišite ga sa računa.')
    : msg('Upišite PIN tačno kao na računu.');
}

const digitsOnly = (pattern: string) => /^\^(\[0-9\]|\\d)(\{[\d,]+\}|\+)\$$/.test(pattern);

/** The phone keyboard for the code and PIN fields: digits only where the format has nothing else. */
export const codeInputMode = () => (digitsOnly(utility.consumerCode.pattern) ? 'numeric' : 'text');
export const pinInputMode = () => (digitsOnly(utility.pin.pattern) ? 'numeric' : 'text');

/** The utility's contact, from its configuration, in the page's script (where a resident is stuck). */
export function contactCard(extra?: TemplateResult) {
  const c = utility.contact;
  return html`<div class="jp-contact">
    <p>${utilityName()}</p>
    <ul>
      <li>${msg('Telefon')}: <a href=${`tel:${c.tel}`}>${c.phone}</a></li>
      <li>${msg('E-mail')}: <a href=${`mailto:${c.email}`}>${c.email}</a></li>
      <li>${msg('Adresa')}: ${inScript(c.address)}</li>
      <li>${msg('Radno vreme')}: ${hours()}</li>
    </ul>
    ${extra ?? nothing}
  </div>`;
}
