import { describe, expect, it } from 'vitest';
import { latinToCyrillic, strayLatin } from '../../../worker/src/i18n/translit.ts';

describe('Latin → Cyrillic', () => {
  it.each([
    ['Ljiljana Njegoš džep', 'Љиљана Његош џеп'],
    ['LJUBAV NJIVA DŽAK', 'ЉУБАВ ЊИВА ЏАК'],
    ['Đorđe Šarić Čačak Žabalj ćup', 'Ђорђе Шарић Чачак Жабаљ ћуп'],
    ['Zaboravili ste lozinku?', 'Заборавили сте лозинку?'],
    ['Šifra potrošača i PIN', 'Шифра потрошача и ПИН'],
    ['E-mail adresa', 'Е-маил адреса'],
  ])('%s', (latin, cyrillic) => {
    expect(latinToCyrillic(latin)).toBe(cyrillic);
  });

  it('keeps URLs, e-mail addresses, placeholders and tags', () => {
    const src = 'Pišite na info@stambenoruma.rs ili otvorite https://portal.stambenoruma.rs/?reset=abcXYZ za {name} <b class="x">danas</b> ${count}';
    const out = latinToCyrillic(src);
    expect(out).toBe('Пишите на info@stambenoruma.rs или отворите https://portal.stambenoruma.rs/?reset=abcXYZ за {name} <b class="x">данас</b> ${count}');
    expect(strayLatin(out)).toEqual([]);
  });

  it('finds stray Latin', () => {
    expect(strayLatin('Пријава Login')).toEqual(['Login']);
  });
});

describe('acronyms', () => {
  it('keeps foreign acronyms such as QR, transliterates Serbian ones', () => {
    expect(latinToCyrillic('IPS QR kod, PIN i JP')).toBe('ИПС QR код, ПИН и ЈП');
    expect(strayLatin('ИПС QR код')).toEqual([]);
  });
});
