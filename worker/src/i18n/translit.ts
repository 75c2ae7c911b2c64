// Serbian Latin → Cyrillic transliteration (Vukovica/Gajica are one-to-one but for
// the digraphs lj, nj and dž). URLs, e-mail addresses, {placeholders}, ${expressions},
// HTML/XML tags and acronyms such as "QR" are copied unchanged. "PIN" and "e-mail" are transliterated too
// (ПИН, е-маил), as Serbian public bodies write them in Cyrillic.
const SINGLE: Record<string, string> = {
  a: 'а', b: 'б', c: 'ц', č: 'ч', ć: 'ћ', d: 'д', đ: 'ђ', e: 'е', f: 'ф', g: 'г', h: 'х',
  i: 'и', j: 'ј', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', š: 'ш',
  t: 'т', u: 'у', v: 'в', z: 'з', ž: 'ж',
  // Letters outside the Serbian alphabet, as they are read.
  q: 'ку', w: 'в', x: 'кс', y: 'ј',
};
const DIGRAPHS: Record<string, string> = { lj: 'љ', nj: 'њ', dž: 'џ' };

// Segments copied as they are: tags, placeholders, URLs, e-mail addresses, XML entities, and
// foreign acronyms with letters outside the Serbian alphabet ("QR" stays "QR", as in print).
const PROTECTED =
  /<[^>]*>|\$\{[^}]*\}|\{[^}]*\}|https?:\/\/[^\s<>"')]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|&[a-z]+;|&#\d+;|\b[A-Z]*[QWXY][A-Z]*\b/gu;

function convertPlain(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const two = text.slice(i, i + 2);
    const lowerTwo = two.toLowerCase();
    if (DIGRAPHS[lowerTwo]) {
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
