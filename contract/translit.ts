// Serbian Latin → Cyrillic transliteration, for every Cyrillic text of both sides (mails, PDFs,
// the widget's configured names, locales/sr-Cyrl.xlf). Invariant: pure, one-way, no Intl.
// Vukovica and Gajica are one-to-one but for the digraphs lj, nj and dž, which a few compounds
// split (see SPLIT_STEMS). URLs, e-mail addresses, {placeholders}, ${expressions}, HTML/XML tags,
// file names, timestamps and acronyms such as "QR", "IPS" and "PDF" are copied unchanged. "PIN" is
// transliterated too (ПИН), as Serbian public bodies write it in Cyrillic; "e-mail" in every case
// form is written as Pravopis has it, "имејл" ("e-mailom" → "имејлом"), never letter by letter
// ("е-маил").
const SINGLE: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  č: 'ч',
  ć: 'ћ',
  d: 'д',
  đ: 'ђ',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'ј',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  š: 'ш',
  t: 'т',
  u: 'у',
  v: 'в',
  z: 'з',
  ž: 'ж',
  // Letters outside the Serbian alphabet, as they are read.
  q: 'ку',
  w: 'в',
  x: 'кс',
  y: 'ј',
};
const DIGRAPHS: Record<string, string> = { lj: 'љ', nj: 'њ', dž: 'џ' };

// Words where n+j or d+ž meet across a morpheme boundary and stay two letters
// (конјугација, инјекција, ванјезички, Танјуг;
// надживети, оджалити, поджупан). Stems are matched anywhere in a lower-case word
// (so "nekonjugovan" and "Injekcija" are found too); each stem holds one digraph.
const SPLIT_STEMS = [
  'konjug',
  'konjunk',
  'injekc',
  'injekt',
  'injicir',
  'vanjezi',
  'tanjug',
  'nadživ',
  'nadžanj',
  'nadžnje',
  'nadžup',
  'nadžel',
  'odžal',
  'odžvak',
  'odživ',
  'odžubor',
  'podžanr',
  'podžupan',
  'podžig',
  'podžnje',
  'predživot',
  'feldžandar',
];

// Segments copied as they are: tags, placeholders, URLs, e-mail addresses, XML entities, file
// names ("moji-podaci.json", "ips-qr-2026-11.png": the name saved is Latin whatever the script),
// ISO timestamps ("2026-11-27T14:05:00.000Z"), foreign acronyms with letters outside the Serbian
// alphabet ("QR" stays "QR", as in print) and the international names of systems and formats
// (IPS, PDF, PNG, CSV, JSON, IP), and "IPS skeniraj", the name of the bank apps' button as they
// print it. An address's local part may hold any RFC 5322 atext (o'brien@…).
const PROTECTED =
  /<[^>]*>|\$\{[^}]*\}|\{[^}]*\}|https?:\/\/[^\s<>"')]+|[\w.!#$%&'*+/=?^`|~-]+@[\w-]+(?:\.[\w-]+)+|&[a-z]+;|&#\d+;|[\w-]+\.(?:json|pdf|png|csv)\b|\d{4}-\d\d-\d\dT[\d:.]+Z?|\b[A-Z]*[QWXY][A-Z]*\b|\bIPS skeniraj\b|\b(?:IPS|PDF|PNG|CSV|JSON|IP)\b/gu;

/** Index in the word of the one digraph that must stay two letters, or -1. */
function splitAt(word: string): number {
  const lower = word.toLowerCase();
  for (const stem of SPLIT_STEMS) {
    const at = lower.indexOf(stem);
    if (at >= 0) return at + stem.search(/nj|dž/);
  }
  return -1;
}

// Loanwords whose Cyrillic form is not their letters: "e-mail"/"email" and its case endings
// ("e-maila", "e-mailom", "E-MAIL adresa"), matched as a whole word at its start.
const LOANWORDS = /(?<!\p{L})(e-?mail)(\p{L}*)/giu;

function convertPlain(text: string): string {
  return text
    .replace(LOANWORDS, (_, stem: string, ending: string) => keepCase(stem, 'имејл') + convertWord(ending))
    .replace(/\p{L}+/gu, convertWord);
}

/** The Cyrillic word in the Latin word's case: "E-MAIL" → "ИМЕЈЛ", "E-mail" → "Имејл". */
function keepCase(latin: string, cyrillic: string): string {
  if (latin === latin.toUpperCase()) return cyrillic.toUpperCase();
  if (latin[0] === latin[0].toUpperCase()) return cyrillic[0].toUpperCase() + cyrillic.slice(1);
  return cyrillic;
}

function convertWord(text: string): string {
  const split = splitAt(text);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const two = text.slice(i, i + 2);
    const lowerTwo = two.toLowerCase();
    if (DIGRAPHS[lowerTwo] && i !== split) {
      const cyr = DIGRAPHS[lowerTwo];
      out += two[0] === two[0].toUpperCase() && two[0] !== two[0].toLowerCase() ? cyr.toUpperCase() : cyr;
      i++;
      continue;
    }
    const ch = text[i];
    const lower = ch.toLowerCase();
    const cyr = SINGLE[lower];
    if (!cyr) out += ch;
    else if (ch !== lower) out += cyr[0].toUpperCase() + cyr.slice(1);
    else out += cyr;
  }
  return out;
}

export function latinToCyrillic(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PROTECTED)) {
    out += convertPlain(text.slice(last, m.index)) + m[0];
    last = m.index! + m[0].length;
  }
  return out + convertPlain(text.slice(last));
}

/** Latin letters left in Cyrillic output outside the protected segments (for checks). */
export function strayLatin(text: string): string[] {
  return text.replace(PROTECTED, ' ').match(/[A-Za-zČĆŽŠĐčćžšđ]+/g) ?? [];
}
