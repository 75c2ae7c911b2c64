import { describe, expect, it } from 'vitest';
import { latinToCyrillic, strayLatin } from '../../contract/translit.ts';

describe('Latin → Cyrillic', () => {
  it.each([
    ['Ljiljana Njegoš džep', 'Љиљана Његош џеп'],
    ['LJUBAV NJIVA DŽAK', 'ЉУБАВ ЊИВА ЏАК'],
    ['Đorđe Šarić Čačak Žabalj ćup', 'Ђорђе Шарић Чачак Жабаљ ћуп'],
    ['Zaboravili ste lozinku?', 'Заборавили сте лозинку?'],
    ['Šifra potrošača i PIN', 'Шифра потрошача и ПИН'],
    ['E-mail adresa', 'Имејл адреса'],
  ])('%s', (latin, cyrillic) => {
    expect(latinToCyrillic(latin)).toBe(cyrillic);
  });

  it('keeps URLs, e-mail addresses, placeholders and tags', () => {
    const src =
      'Pišite na info@stambenoruma.rs ili otvorite https://portal.stambenoruma.rs/?reset=abcXYZ za {name} <b class="x">danas</b> ${count}';
    const out = latinToCyrillic(src);
    expect(out).toBe(
      'Пишите на info@stambenoruma.rs или отворите https://portal.stambenoruma.rs/?reset=abcXYZ за {name} <b class="x">данас</b> ${count}',
    );
    expect(strayLatin(out)).toEqual([]);
  });

  it('finds stray Latin', () => {
    expect(strayLatin('Пријава Login')).toEqual(['Login']);
  });
});

describe('"e-mail" as Pravopis writes it: имејл, never е-маил', () => {
  it.each([
    ['e-mail', 'имејл'],
    ['E-mail adresa', 'Имејл адреса'],
    ['Nova e-mail adresa', 'Нова имејл адреса'],
    ['Proverite e-mail', 'Проверите имејл'],
    ['Potvrdite novu e-mail adresu', 'Потврдите нову имејл адресу'],
    ['poslali smo Vam e-mail.', 'послали смо Вам имејл.'],
    ['nema e-maila', 'нема имејла'],
    ['stiže na e-mail, u e-mailu', 'стиже на имејл, у имејлу'],
    ['računi e-mailom', 'рачуни имејлом'],
    [
      'dva e-maila, novi e-mailovi, bez e-mailova, o e-mailovima',
      'два имејла, нови имејлови, без имејлова, о имејловима',
    ],
    ['Email i email', 'Имејл и имејл'],
    ['E-MAIL ADRESA', 'ИМЕЈЛ АДРЕСА'],
    ['Slanje računa na e-mail', 'Слање рачуна на имејл'],
  ])('%s', (latin, cyrillic) => {
    expect(latinToCyrillic(latin)).toBe(cyrillic);
    expect(strayLatin(latinToCyrillic(latin))).toEqual([]);
  });

  it('leaves e-mail addresses and URLs that hold "e-mail" or "mail" as they are', () => {
    expect(latinToCyrillic('pišite na e-mail@example.com ili email.ana@example.com')).toBe(
      'пишите на e-mail@example.com или email.ana@example.com',
    );
    expect(latinToCyrillic('https://example.com/e-mail?x=email')).toBe('https://example.com/e-mail?x=email');
  });

  it('changes no other word that merely contains the letters', () => {
    expect(latinToCyrillic('Femail, remailer, emajl')).toBe('Фемаил, ремаилер, емајл');
  });
});

describe('acronyms', () => {
  it('keeps foreign acronyms such as QR, transliterates Serbian ones', () => {
    expect(latinToCyrillic('IPS QR kod, PIN i JP')).toBe('ИПС QR код, ПИН и ЈП');
    expect(strayLatin('ИПС QR код')).toEqual([]);
  });
});

describe('digraphs across a morpheme boundary', () => {
  it.each([
    ['promenjen', 'промењен'],
    ['Vaš nalog nije promenjen.', 'Ваш налог није промењен.'],
    ['konj, konjima, kuhinjica, linija', 'коњ, коњима, кухињица, линија'],
    ['nadžak i hodža', 'наџак и хоџа'],
  ])('joins the usual ones: %s', (latin, cyrillic) => {
    expect(latinToCyrillic(latin)).toBe(cyrillic);
  });

  it.each([
    ['konjugacija', 'конјугација'],
    ['Konjunkcija', 'Конјункција'],
    ['nekonjugovan', 'неконјугован'],
    ['injekcija', 'инјекција'],
    ['INJEKCIJA', 'ИНЈЕКЦИЈА'],
    ['injektirati', 'инјектирати'],
    ['injicirati', 'инјицирати'],
    ['vanjezički', 'ванјезички'],
    ['Tanjug', 'Танјуг'],
    ['nadživeti', 'надживети'],
    ['nadžnjeti', 'наджњети'],
    ['odžaliti', 'оджалити'],
    ['podžupan', 'поджупан'],
    ['predživotni', 'предживотни'],
  ])('splits the exceptions: %s', (latin, cyrillic) => {
    expect(latinToCyrillic(latin)).toBe(cyrillic);
  });

  it('keeps addresses with any RFC 5322 local part whole', () => {
    expect(latinToCyrillic("pišite na o'brien@example.com ili ana+racuni@example.com")).toBe(
      "пишите на o'brien@example.com или ana+racuni@example.com",
    );
  });
});
