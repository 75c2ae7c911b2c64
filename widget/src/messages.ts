// The server's stable codes in the resident's words: one text for every code of the contract's
// registry (contract/errors.ts). Invariant: the maps below are typed over the registry, so a code
// without words does not compile. Field codes describe one input; the others are results of a
// whole request. The answers about consumer codes and addresses (HelpCode, never given to the
// login form) are in help.ts, and the new password's (PasswordCode) in new-password.ts, both off the
// login path, as are the passkeys' and login codes' (ViewCode: passkey-words.ts, loaded with the
// views that get them), as is a refused page origin's (HelpFailureCode: help.ts); an unknown code
// (a newer server) reads as the generic failure.
import { msg, str } from '@lit/localize';
import type { ErrorCode, FieldCode } from '../../contract/errors.ts';
import type { ApiFailure } from './api.js';

/** The codes help.ts words, with what to do next (they come only from forms about consumer codes and addresses, and from mail links). */
export type HelpCode = Extract<
  ErrorCode,
  | 'invalid_consumer_credentials'
  | 'consumer_already_registered'
  | 'consumer_already_linked'
  | 'consumer_locked'
  | 'last_consumer'
  | 'email_taken'
  | 'invalid_token'
>;

/** The field codes only a new password gets: worded in new-password.ts, which adds them here once loaded. */
export type PasswordCode = Extract<
  FieldCode,
  'password_too_short' | 'password_too_long' | 'password_common' | 'password_contains_personal'
>;
/**
 * The codes only the passkey and login-code views get, worded in passkey-words.ts (added here
 * when one of them loads, so the login path carries none of their words).
 */
export type ViewCode = Extract<ErrorCode, 'reauth_required' | 'passkey_failed' | 'invalid_code'>;

/**
 * A missing entry named for its field ("Upišite lozinku."): the forms off the login path give
 * `required` as one of these (help.ts's `missing`), worded by help.ts when it loads; the login
 * form keeps the generic words (its budget has no room for more).
 */
export type RequiredCode = `required_${'name' | 'email' | 'password' | 'code' | 'pin'}`;

/**
 * Failures worded by help.ts when it loads (after the first render; until then the generic
 * words): a page whose origin the portal refuses — named, with ALLOWED_ORIGINS, in development.
 */
export type HelpFailureCode = Extract<ErrorCode, 'origin_not_allowed'>;

/** The field codes worded by the view that gets them (jp-register.ts), added here when it loads. */
export type ViewFieldCode = Extract<FieldCode, 'must_accept'>;

type Failure = Pick<ApiFailure, 'code' | 'retryAfter'> & Partial<Pick<ApiFailure, 'error'>>;

const checkField = () => msg('Proverite ovo polje.');
const wrongPassword = () => msg('Lozinka nije tačna.');

// Codes a resident's form never provokes (the forms send the right types and shapes): the generic
// words, without an entry (the login path stays small); listed here, so every code is accounted for.
type GenericField = Extract<
  FieldCode,
  'invalid_body' | 'invalid_type' | 'invalid_locale' | 'invalid_token' | 'not_a_pdf'
>;
type GenericFailure = Extract<
  ErrorCode,
  | 'invalid_json'
  | 'invalid_request'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'import_failed'
  | 'not_found'
  | 'internal_error'
  // The office's (staff console) alone: a resident's request never gets it.
  | 'forbidden'
  // Always comes with `fields`, and the fields say it (FormController shows no status for it).
  | 'validation_failed'
>;

const FIELD: Record<Exclude<FieldCode, GenericField | PasswordCode | ViewFieldCode>, () => string> &
  Partial<Record<PasswordCode | ViewFieldCode, () => string>> = {
  required: () => msg('Ovo polje je obavezno.'),
  invalid_email: () => msg('Unesite ispravnu e-mail adresu, npr. ime@primer.rs.'),
  too_long: () => msg('Tekst je predugačak.'),
  invalid_format: () => msg('Proverite unos: oblik nije ispravan.'),
  wrong_password: wrongPassword,
};

/** The words of codes only some views get, given by those views' modules when they load. */
export function addFieldTexts(
  texts: Record<PasswordCode, () => string> | Record<ViewFieldCode, () => string> | Record<RequiredCode, () => string>,
) {
  Object.assign(FIELD, texts);
}

export function fieldText(code: string): string {
  return (FIELD[code as keyof typeof FIELD] ?? checkField)();
}

const failed = () => msg('Došlo je do greške. Pokušajte ponovo.');

const FAILURE: Record<
  Exclude<ErrorCode, HelpCode | GenericFailure | ViewCode | HelpFailureCode> | 'network_error',
  (f: Failure) => string
> &
  Partial<Record<ViewCode | HelpFailureCode, (f: Failure) => string>> = {
  invalid_credentials: () => msg('Pogrešna e-mail adresa ili lozinka.'),
  // The login's offer of a new link (login-unconfirmed.ts) stands under these words.
  email_not_confirmed: () => msg('E-mail adresa još nije potvrđena. Otvorite link iz poruke koju smo Vam poslali.'),
  wrong_password: wrongPassword,
  too_many_attempts: (f) => {
    const minutes = Math.max(1, Math.ceil((f.retryAfter ?? 60) / 60));
    return msg(str`Previše pokušaja. Pokušajte ponovo za ${minutes} min.`);
  },
  unauthenticated: () => msg('Sesija je istekla. Ulogujte se ponovo.'),
  // 100 wrong passwords in a row: the ways in that still work, and (needsContact) the utility's contact.
  password_locked: () =>
    msg(
      'Lozinka je previše puta pogrešno uneta, pa je prijava lozinkom isključena. Ulogujte se kodom iz e-maila ili pristupnim ključem, ili postavite novu lozinku: „Zaboravili ste lozinku?“.',
    ),
  network_error: () => msg('Portal trenutno nije dostupan. Proverite vezu i pokušajte ponovo.'),
  service_unavailable: () => msg('Portal je trenutno preopterećen. Pokušajte ponovo za nekoliko minuta.'),
};

/** The words of the passkey and login-code answers (passkey-words.ts) and of HelpFailureCode (help.ts), when they load. */
export function addFailureTexts(
  texts: Record<ViewCode, () => string> | Record<HelpFailureCode, (f: Failure) => string>,
) {
  Object.assign(FAILURE, texts);
}

export function failureText(f: Failure): string {
  return (FAILURE[f.code as keyof typeof FAILURE] ?? failed)(f);
}
