// Help for a resident who is stuck: the utility's contact (phone, e-mail, address and office
// hours, all from config/utility.json, never written here) and the words for the answers about
// consumer codes, addresses and links that the login form never gets. Imported by the views
// that can get them (registration, confirmation, forgotten password, account, settings), so it
// is a chunk of its own that never loads on the way to the login form.
import { html, css } from 'lit';
import { msg, str } from '@lit/localize';
import { utility, utilityName } from './utility.js';
import { getLocale, inScript } from './localize.js';
import { formatTime } from '../../contract/format.ts';
import { failureText, type HelpCode } from './messages.js';
import { accent, text, radius, gap } from './tokens.js';
import type { ApiFailure } from './api.js';

export const helpStyles = css`
  .jp .jp-contact { background: ${accent}; color: ${text}; padding: .75rem 1rem; border-radius: ${radius}; margin: 0 0 ${gap}; }
  .jp .jp-contact p { margin: 0 0 .25rem; font-weight: 600; }
  .jp .jp-contact ul { list-style: none; margin: 0; padding: 0; }
  .jp .jp-contact li { margin: .25rem 0; overflow-wrap: anywhere; }
  .jp .jp-contact a { font-weight: 600; }
`;

type Failure = Pick<ApiFailure, 'code' | 'retryAfter'>;

/**
 * Whether the answer sends the resident to the utility, so the view shows the contact beside
 * it. Too many attempts does so only where a PIN was tried (registration, linking a code).
 */
export function needsContact(f: Failure, pinForm = false): boolean {
  return (
    f.code === 'consumer_locked' ||
    f.code === 'consumer_already_registered' ||
    (pinForm && f.code === 'too_many_attempts')
  );
}

// The registry's codes that messages.ts leaves to this module (typed over HelpCode: none is missing).
const HELP: Record<HelpCode, () => string> = {
  consumer_locked: () =>
    msg(
      'Ova šifra potrošača je zaključana jer je PIN previše puta unet pogrešno. Otključati je može samo preduzeće: pozovite nas, pišite nam ili dođite lično.',
    ),
  consumer_already_registered: () =>
    msg(
      'Za ovu šifru potrošača već postoji nalog. Ako je to Vaš nalog, ulogujte se ili zatražite novu lozinku. Ako ne znate ko je registrovao nalog (na primer član porodice ili prethodni stanar), obratite se nama.',
    ),
  invalid_consumer_credentials: () => msg('Šifra potrošača ili PIN nisu ispravni. Proverite ih na svom računu.'),
  consumer_already_linked: () => msg('Ova šifra potrošača je već na Vašem nalogu.'),
  last_consumer: () => msg('Nalog mora imati bar jednu šifru potrošača.'),
  email_taken: () => msg('Ova e-mail adresa već pripada drugom nalogu na portalu. Izaberite drugu adresu.'),
};

/** The failure in the resident's words, with what to do next where the short text is not enough. */
export function helpText(f: Failure, pinForm = false): string {
  if (f.code === 'too_many_attempts') {
    return pinForm
      ? `${tryAgain(f)} ${msg('Ako niste sigurni da su šifra potrošača i PIN tačni, obratite se nama.')}`
      : tryAgain(f);
  }
  return HELP[f.code as HelpCode]?.() ?? failureText(f);
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
    'Link smo Vam već poslali pre nekoliko trenutaka. Proverite i fasciklu za neželjenu poštu (spam). Ako poruka ne stigne ni za nekoliko minuta, zatražite link ponovo.',
  );
}

/** The utility's contact, from its configuration, in the page's script. */
export function contactCard() {
  const c = utility.contact;
  const hours = getLocale() === 'en' ? c.hours.en : inScript(c.hours['sr-Latn']);
  return html`<div class="jp-contact">
    <p>${utilityName()}</p>
    <ul>
      <li>${msg('Telefon')}: <a href=${`tel:${c.tel}`}>${c.phone}</a></li>
      <li>${msg('E-mail')}: <a href=${`mailto:${c.email}`}>${c.email}</a></li>
      <li>${msg('Adresa')}: ${inScript(c.address)}</li>
      <li>${msg('Radno vreme')}: ${hours}</li>
    </ul>
  </div>`;
}
