// Passkeys in the resident's words, and making one: the heading and the one sentence that says
// what a passkey is, a passkey named after the device it was made on ("Telefon — Android"), the
// words of the answers only the passkey and login-code views get (added to messages.ts when this
// module loads), and adding a passkey to the account (options → the browser's prompt → saved).
// Loaded with those views only, never on the way to the login form.
import { msg, str } from '@lit/localize';
import { addFailureTexts, failureText } from './messages.js';
import { getLocale } from './localize.js';
import { call, type ApiFailure } from './api.js';
import { createPasskey } from './passkey-client.js';
import type { PasskeyAnswer, PasskeyInfo, PasskeyOptionsAnswer } from '../../contract/responses.ts';
import type { System } from '../../contract/user-agent.ts';

addFailureTexts({
  passkey_failed: () => msg('Pristupni ključ nije prihvaćen. Ulogujte se lozinkom ili kodom iz e-maila.'),
  // One answer for a wrong, used or expired code: most often a digit mistyped.
  invalid_code: () =>
    msg('Kod nije tačan. Proverite cifre i pokušajte ponovo. Ako je kod stariji od 10 minuta, pošaljite novi kod.'),
  reauth_required: () => msg('Radi bezbednosti unesite svoju lozinku još jednom.'),
});

export const passkeyHeading = () => msg('Ulogujte se otiskom prsta ili licem');
export const passkeyExplained = () => msg('Pristupni ključ: otisak prsta, lice ili PIN telefona umesto lozinke.');

// Brand names stay in Latin letters, but Android is written in Cyrillic in a Cyrillic text.
const SYSTEM: Record<System, string> = {
  android: 'Android',
  iphone: 'iPhone',
  ipad: 'iPad',
  windows: 'Windows',
  mac: 'Mac',
  linux: 'Linux',
  chromeos: 'Chromebook',
};

const kind = (s: System) =>
  s === 'android' || s === 'iphone' ? msg('Telefon') : s === 'ipad' ? msg('Tablet') : msg('Računar');

/** "Telefon — Android", "Računar — Windows"; "Pristupni ključ" when the device is unknown. */
export function passkeyName(p: Pick<PasskeyInfo, 'device'>): string {
  const s = p.device.system;
  if (!s) return p.device.browser ? msg(str`Pristupni ključ — ${p.device.browser}`) : msg('Pristupni ključ');
  const name = s === 'android' && getLocale() === 'sr-Cyrl' ? 'Андроид' : SYSTEM[s];
  return `${kind(s)} — ${name}`;
}

/** The browser's prompt ended without a passkey: closed by the resident, or one exists on this device already. */
export function notMade(e: unknown): string | null {
  if (!(e instanceof DOMException)) return null;
  if (e.name === 'InvalidStateError') return msg('Na ovom uređaju već imate pristupni ključ za ovaj nalog.');
  return msg('Pristupni ključ nije napravljen. Možete pokušati ponovo kad god želite.');
}

/** A passkey refused while adding it (an expired prompt): try again, no talk of other ways to log in. */
export const addFailure = (f: Pick<ApiFailure, 'code' | 'retryAfter'>) =>
  f.code === 'passkey_failed' ? msg('Pristupni ključ nije sačuvan. Pokušajte ponovo.') : failureText(f);

/**
 * Adds a passkey to the account: the registration options (the password along when the session
 * is older than 5 minutes), the browser's prompt, the credential saved. Throws the ApiFailure,
 * or the browser's DOMException (NotAllowedError: the resident closed the prompt).
 */
export async function addPasskey(base: string, password?: string): Promise<PasskeyInfo> {
  const { options } = await call<PasskeyOptionsAnswer>(
    base,
    'POST',
    '/api/account/passkeys/options',
    password ? { password } : {},
  );
  const response = await createPasskey(options);
  return (await call<PasskeyAnswer>(base, 'POST', '/api/account/passkeys', { response })).passkey;
}
