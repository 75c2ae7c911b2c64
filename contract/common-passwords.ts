// Serbian common passwords, shared by the worker and the widget (through contract/schemas.ts), so the
// resident is told before submitting; the server adds zxcvbn's English list (worker/src/auth/password-policy.ts).
// Invariant: a password is common when its folded letters (NFKC, lowercase, Cyrillic → Latin,
// no diacritics, đ/dj → d, digits, punctuation and spaces dropped) are one listed word or several
// in a row ("Korisnik-Lozinka1", "Лозинка2026!", "sifra1234567"). Both scripts and both spellings
// (š/s, đ/dj/d) meet in the folded form, so the list holds each word once, in plain Latin. Nothing
// of one utility is listed here: its name and city come in as extra words from the configuration.
// Keep it small: it ships in the widget's schema chunk.

const WORDS =
  // passwords and accounts
  'lozinka lozinke sifra sifre sifru mojasifra tajna tajno korisnik korisnicko ime admin administrator root test ' +
  'proba moja moj nova novi stara pristup prijava portal racun stanar potrosac potrosaca ' +
  // words people reach for
  'volimte ljubav srce sunce zlato srbija beograd novisad ' +
  // Serbian keyboard rows (QWERTZ)
  'qwertz qwertzuiop asdfgh asdfghjkl yxcvbnm ' +
  // months
  'januar februar mart april maj jun juni jul juli avgust septembar oktobar novembar decembar ' +
  // football
  'fk crvena zvezda delije partizan grobari vojvodina radnicki cukaricki spartak napredak ' +
  // first names
  'marko milica jovan jovana ana nikola stefan luka lazar filip aleksandar aleksandra milan nemanja dragan ' +
  'dragana zoran goran dejan nenad milos dusan petar ivan ivana jelena marija milena katarina sara teodora ' +
  'nina tamara sanja snezana vesna gordana mirjana tijana danijela maja vladimir srdan dorde uros bojan sasa';

// Cyrillic letters and their folded Latin forms (ђ → d, џ → dz, as the folding below does for Latin).
const CYRILLIC = 'абвгдђежзијклљмнњопрстћуфхцчџш';
const LATIN = 'a b v g d d e z z i j k l lj m n nj o p r s t c u f h c c dz s'.split(' ');

/** The letters of a password in the folded form the list is kept in (see the header). */
export function foldPassword(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFKC').toLowerCase()) {
    const i = CYRILLIC.indexOf(ch);
    out += i >= 0 ? LATIN[i] : ch;
  }
  return out.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/\P{L}/gu, '').replace(/dj/g, 'd');
}

/** True when the folded letters are one or more of the words, back to back. */
function onlyWords(s: string, words: Set<string>, longest: number): boolean {
  const ends = [true];
  for (let i = 1; i <= s.length; i++) {
    ends[i] = false;
    for (let j = Math.max(0, i - longest); j < i && !ends[i]; j++) ends[i] = ends[j] && words.has(s.slice(j, i));
  }
  return s.length > 0 && ends[s.length];
}

/**
 * A check built once per set of extra words (the utility's name, short name, city and its
 * configured `passwordWords`): each is listed whole and by its parts of two letters or more
 * ("JKP Vodovod Primer" → jkpvodovodprimer, jkp, vodovod, primer).
 */
export function commonPasswordCheck(extra: readonly string[] = []): (password: string) => boolean {
  const words = new Set(WORDS.split(' ').map(foldPassword));
  for (const e of extra) {
    words.add(foldPassword(e));
    for (const part of e.split(/[\s\p{P}\p{S}\d]+/u)) if (foldPassword(part).length >= 2) words.add(foldPassword(part));
  }
  words.delete('');
  let longest = 0;
  for (const w of words) longest = Math.max(longest, w.length);
  return (password) => onlyWords(foldPassword(password), words, longest);
}
