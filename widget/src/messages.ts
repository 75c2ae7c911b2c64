// The server's stable codes in the resident's words. Field codes describe one input;
// the others are results of a whole request. The answers about consumer codes (never given to
// the login form) are in help.ts, off the login path.
import { msg, str } from '@lit/localize';
import type { ApiFailure } from './api.js';

export function fieldText(code: string, minLength = 12): string {
  switch (code) {
    case 'required': return msg('Ovo polje je obavezno.');
    case 'invalid_email': return msg('Unesite ispravnu e-mail adresu, npr. ime@primer.rs.');
    case 'too_long': return msg('Tekst je predugačak.');
    case 'invalid_format': return msg('Proverite unos: oblik nije ispravan.');
    case 'must_accept': return msg('Za registraciju je potrebna Vaša saglasnost.');
    case 'password_too_short': return msg(str`Lozinka mora imati najmanje ${minLength} znakova.`);
    case 'password_too_long': return msg('Lozinka može imati najviše 128 znakova.');
    case 'password_common': return msg('Ova lozinka je previše česta. Izaberite drugu, npr. nekoliko nepovezanih reči.');
    case 'password_contains_personal': return msg('Lozinka ne sme sadržati Vaše ime, e-mail adresu ili šifru potrošača.');
    case 'wrong_password': return msg('Lozinka nije tačna.');
    default: return msg('Proverite ovo polje.');
  }
}

export function failureText(f: Pick<ApiFailure, 'code' | 'retryAfter'>): string {
  switch (f.code) {
    case 'invalid_credentials': return msg('Pogrešna e-mail adresa ili lozinka.');
    case 'email_not_confirmed': return msg('E-mail adresa još nije potvrđena. Otvorite link iz poruke koju smo Vam poslali.');
    case 'invalid_token': return msg('Link nije ispravan, već je iskorišćen ili je istekao.');
    case 'wrong_password': return msg('Lozinka nije tačna.');
    case 'too_many_attempts': {
      const minutes = Math.max(1, Math.ceil((f.retryAfter ?? 60) / 60));
      return msg(str`Previše pokušaja. Pokušajte ponovo za ${minutes} min.`);
    }
    case 'unauthenticated': return msg('Sesija je istekla. Ulogujte se ponovo.');
    case 'network_error': return msg('Portal trenutno nije dostupan. Proverite vezu i pokušajte ponovo.');
    case 'service_unavailable': return msg('Portal je trenutno preopterećen. Pokušajte ponovo za nekoliko minuta.');
    case 'validation_failed': return msg('Proverite označena polja.');
    default: return msg('Došlo je do greške. Pokušajte ponovo.');
  }
}
