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
  it('keeps foreign acronyms such as QR, IPS and PDF, transliterates Serbian ones', () => {
    expect(latinToCyrillic('IPS QR kod, PIN i JP')).toBe('IPS QR код, ПИН и ЈП');
    expect(latinToCyrillic('Preuzmite PDF (CSV, PNG)')).toBe('Преузмите PDF (CSV, PNG)');
    expect(strayLatin('IPS QR код, PDF')).toEqual([]);
    // The bank apps' button, named as the apps print it, in a Cyrillic sentence too.
    expect(latinToCyrillic('Izaberite „IPS skeniraj“ i skenirajte kod.')).toBe(
      'Изаберите „IPS skeniraj“ и скенирајте код.',
    );
    expect(strayLatin('Изаберите „IPS skeniraj“')).toEqual([]);
  });

  it('changes no letter inside a word that merely begins like one', () => {
    expect(latinToCyrillic('IPSILON, Pdfovi')).toBe('ИПСИЛОН, Пдфови');
  });
});

describe('file names and timestamps', () => {
  it('keeps the names of files saved, whatever the script', () => {
    expect(latinToCyrillic('Datoteka „moji-podaci.json” i ips-qr-104521-2026-11.png')).toBe(
      'Датотека „moji-podaci.json” и ips-qr-104521-2026-11.png',
    );
    expect(latinToCyrillic('racun-104521-2026-11.pdf, spisak.csv')).toBe('racun-104521-2026-11.pdf, spisak.csv');
  });

  it('keeps an ISO timestamp, its T and Z', () => {
    expect(latinToCyrillic('(npr. 2026-11-27T14:05:00.000Z).')).toBe('(нпр. 2026-11-27T14:05:00.000Z).');
    expect(strayLatin('(нпр. 2026-11-27T14:05:00.000Z).')).toEqual([]);
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
