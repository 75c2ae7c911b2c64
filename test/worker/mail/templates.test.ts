// Mail texts: the resident's name (free text typed by whoever registered) only in mail to an
// account's own confirmed address; neutral greetings elsewhere; Cyrillic from the Latin source
// with its digraphs intact; links carry the token in the fragment.
import { describe, expect, it } from 'vitest';
import { MAIL_KINDS, renderMail, type MailKind } from '../../../worker/src/mail/templates.ts';
import { composeMail } from '../../../worker/src/mail/compose.ts';
import { tokenLink } from '../../../worker/src/auth/tokens.ts';
import { loadConfig } from '../../../worker/src/config.ts';
import { testUtility } from '../../support/utility.ts';
import { PRODUCTION_ENV } from '../../support/production-env.ts';
import { strayLatin } from '../../../contract/translit.ts';
import type { Deps } from '../../../worker/src/ports.ts';
import utility from '../../../config/utility.json' with { type: 'json' };

const PHISH = 'HITNO: dug 18.340 din, isključenje vode sutra. Platite na https://zla.example/';
const base = {
  utility,
  hours: 48,
  link: 'http://localhost:8787/#potvrda=abc',
  email: 'nova@example.com',
  code: '048215',
  minutes: 10,
};
const LOCALES = ['sr-Latn', 'sr-Cyrl', 'en'] as const;
const NEUTRAL = { 'sr-Latn': 'Poštovani,', 'sr-Cyrl': 'Поштовани,', en: 'Hello,' } as const;

describe('greetings', () => {
  const unproven: MailKind[] = ['confirm', 'email_change', 'email_taken'];
  const own: MailKind[] = ['register_attempt', 'reset', 'password_changed', 'email_change_notice', 'account_deleted'];

  it.each(LOCALES.flatMap((l) => unproven.map((k) => [k, l] as const)))(
    '%s (%s) to an address not yet proven: no name at all',
    (kind, locale) => {
      const m = renderMail(kind, locale, { ...base, name: PHISH });
      expect(m.text.split('\n')[0]).toBe(NEUTRAL[locale]);
      for (const part of [m.subject, m.text, m.html]) {
        expect(part).not.toContain('HITNO');
        expect(part).not.toContain('zla.example');
      }
    },
  );

  it.each(LOCALES.flatMap((l) => own.map((k) => [k, l] as const)))(
    "%s (%s) to the account's own address: by name, kept as typed",
    (kind, locale) => {
      const m = renderMail(kind, locale, { ...base, name: 'Milica Jovanović' });
      expect(m.text.split('\n')[0]).toBe(
        {
          'sr-Latn': 'Poštovani Milica Jovanović,',
          'sr-Cyrl': 'Поштовани Milica Jovanović,',
          en: 'Dear Milica Jovanović,',
        }[locale],
      );
      expect(m.html).toContain('Milica Jovanović,');
    },
  );

  it.each(LOCALES)('an empty name (register_attempt to an unconfirmed owner) greets neutrally (%s)', (locale) => {
    for (const kind of ['register_attempt', 'reset', 'email_change_notice'] as const) {
      expect(renderMail(kind, locale, { ...base, name: '' }).text.split('\n')[0]).toBe(NEUTRAL[locale]);
    }
  });

  it('a name is escaped in HTML and never transliterated', () => {
    const m = renderMail('reset', 'sr-Cyrl', { ...base, name: '<b>Ana</b> & Njegoš' });
    expect(m.html).toContain('Поштовани &lt;b&gt;Ana&lt;/b&gt; &amp; Njegoš,');
    expect(m.text).toContain('Поштовани <b>Ana</b> & Njegoš,');
  });

  it('a one-letter name does not keep the rest of the mail in Latin', () => {
    const m = renderMail('password_changed', 'sr-Cyrl', { ...base, name: 'a' });
    expect(strayLatin(m.text.replace('Поштовани a,', ''))).toEqual([]);
  });
});

describe('Cyrillic mails', () => {
  it('"address taken" keeps its digraphs: промењен, not променјен', () => {
    const m = renderMail('email_taken', 'sr-Cyrl', { ...base, name: '' });
    expect(m.text).toContain('Ваш налог није промењен.');
    expect(m.text).not.toMatch(/нј|лј|дж/);
    expect(m.text.startsWith('Поштовани,\n')).toBe(true);
  });

  it.each([
    'confirm',
    'register_attempt',
    'reset',
    'password_changed',
    'email_change',
    'email_change_notice',
    'email_taken',
    'account_deleted',
  ] as const)('%s has no Latin left and no split digraph', (kind) => {
    for (const name of ['', 'Milica Jovanović']) {
      const m = renderMail(kind, 'sr-Cyrl', { ...base, name });
      expect(strayLatin(m.text.replace(name, '')), `${kind} "${name}"`).toEqual([]);
      expect(m.text).not.toMatch(/нј|лј|дж/);
    }
  });

  it('keeps an address with an apostrophe whole', () => {
    const m = renderMail('email_change_notice', 'sr-Cyrl', { ...base, name: 'Ana', email: "o'brien@example.com" });
    expect(m.text).toContain("o'brien@example.com");
  });
});

describe('links', () => {
  const deps = {
    config: loadConfig({ ...PRODUCTION_ENV, PORTAL_URL: 'https://www.stambenoruma.rs/portal?x=1' }, testUtility),
  } as unknown as Deps;

  it("carry the token in the fragment, the page's own query untouched", () => {
    expect(tokenLink(deps, 'confirm', 'T0k')).toBe('https://www.stambenoruma.rs/portal?x=1#potvrda=T0k');
    expect(tokenLink(deps, 'reset', 'T0k')).toBe('https://www.stambenoruma.rs/portal?x=1#reset=T0k');
    expect(tokenLink(deps, 'email', 'T0k')).toBe('https://www.stambenoruma.rs/portal?x=1#nova-adresa=T0k');
  });

  it('composeMail puts the link on a line of its own and never the name of a registration', () => {
    const m = composeMail(deps, 'confirm', 'sr-Latn', PHISH, tokenLink(deps, 'confirm', 'T0k'));
    expect(m.text).toMatch(/^https:\/\/www\.stambenoruma\.rs\/portal\?x=1#potvrda=T0k&jezik=sr-Latn$/m);
    expect(m.text).not.toContain('HITNO');
  });
});

describe('every account mail, as a resident reads it', () => {
  const KINDS = MAIL_KINDS;
  const CONTACT = {
    'sr-Latn': [
      'Telefon: 022 000 000',
      'E-mail: info@stambenoruma.rs',
      'Adresa: Ruma, Glavna 1',
      'Radno vreme: radnim danom od 7 do 15 časova',
    ],
    'sr-Cyrl': [
      'Телефон: 022 000 000',
      'Имејл: info@stambenoruma.rs',
      'Адреса: Рума, Главна 1',
      'Радно време: радним даном од 7 до 15 часова',
    ],
    en: [
      'Phone: 022 000 000',
      'E-mail: info@stambenoruma.rs',
      'Address: Ruma, Glavna 1',
      'Office hours: working days, 7 a.m. to 3 p.m.',
    ],
  } as const;
  const cases = LOCALES.flatMap((l) => KINDS.map((k) => [k, l] as const));

  it.each(cases)("%s (%s) ends with the utility's contact, in the text and the HTML", (kind, locale) => {
    const m = renderMail(kind, locale, { ...base, name: 'Ana' });
    expect(m.text.trimEnd().endsWith(CONTACT[locale].join('\n'))).toBe(true);
    const shown = m.html.replace(/<[^>]+>/g, '');
    for (const line of CONTACT[locale]) expect(shown).toContain(line);
    expect(m.html).toContain('href="tel:+38122000000"');
    expect(m.html).toContain('href="mailto:info@stambenoruma.rs"');
  });

  it.each(cases)('%s (%s): one action as a button with words, its address wrapping under it', (kind, locale) => {
    const m = renderMail(kind, locale, { ...base, name: 'Ana' });
    const buttons = [...m.html.matchAll(/<a href="([^"]+)" style="display:inline-block[^"]*">([^<]+)<\/a>/g)];
    // A login code is typed into the page the resident has open: no button to open another.
    if (['email_changed', 'account_deleted', 'login-code'].includes(kind)) {
      expect(buttons).toEqual([]);
      expect(m.text).not.toContain(base.link);
      return;
    }
    expect(buttons).toHaveLength(1);
    const [, href, words] = buttons[0];
    expect(href).toBe(base.link);
    expect(words).not.toContain('http');
    expect(words.length).toBeLessThan(30);
    // The address shown under the button breaks anywhere, so it never widens the mail.
    expect(m.html).toContain(`style="color:#0b5394;word-break:break-all;overflow-wrap:anywhere">${base.link}</a>`);
    // In the text part, the words name the link on the line above it.
    expect(m.text).toContain(`\n${words}:\n${base.link}\n`);
  });

  it.each(cases)('%s (%s) is fluid: no fixed width over 320 px, at most 600 px wide', (kind, locale) => {
    const m = renderMail(kind, locale, { ...base, name: 'Ana' });
    expect(m.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(m.html).toContain('max-width:600px');
    // (Outlook on Windows, which ignores max-width, gets a 600 px column of its own in a conditional comment.)
    const html = m.html.replace(/<!--\[if mso\]>.*?<!\[endif\]-->/g, '');
    for (const [, px] of html.matchAll(/(?<!max-)width:\s*(\d+)px/g)) expect(Number(px)).toBeLessThanOrEqual(320);
    for (const [, px] of html.matchAll(/width="(\d+)"/g)) expect(Number(px)).toBeLessThanOrEqual(320);
  });

  it.each(KINDS)('%s in Cyrillic writes "имејл", never "е-маил"', (kind) => {
    const m = renderMail(kind, 'sr-Cyrl', { ...base, name: '' });
    expect(m.subject + m.text + m.html).not.toMatch(/е-маил/i);
  });

  it('says what to do when a link has expired', () => {
    expect(renderMail('confirm', 'sr-Latn', { ...base, name: '' }).text).toContain(
      'Link važi 48 sati i može se upotrebiti samo jednom. Ako istekne, registrujte se ponovo na portalu.',
    );
    expect(renderMail('reset', 'sr-Latn', { ...base, hours: 1, name: '' }).text).toContain(
      'Link važi 1 sat i može se upotrebiti samo jednom. Ako istekne, zatražite novi na portalu („Zaboravili ste lozinku?“).',
    );
    expect(renderMail('email_change', 'en', { ...base, name: '' }).text).toContain(
      'If it expires, ask for the change again in your account settings.',
    );
  });

  it.each(KINDS)('%s in English starts its text with a capital after "Dear …,"', (kind) => {
    const m = renderMail(kind, 'en', { ...base, name: 'Ana' });
    expect(m.text.split('\n')[2]).toMatch(/^[A-Z]/);
  });

  it('the new-address mail says which button to press on the page the link opens', () => {
    expect(renderMail('email_change', 'sr-Cyrl', { ...base, name: '' }).text).toContain(
      'на страници која се отвори кликните на дугме „Потврдите нову имејл адресу“.',
    );
  });

  it('"it was not me" names the phone and the address to call or write', () => {
    const m = renderMail('password_changed', 'sr-Cyrl', { ...base, name: 'Ana' });
    expect(m.text).toContain(
      'Ако то нисте били Ви, одмах нам се јавите на телефон 022 000 000 или на info@stambenoruma.rs.',
    );
  });
});

describe('the login code mail', () => {
  it('carries the code in the subject and large on a line of its own, valid 10 minutes, in every script', () => {
    const m = renderMail('login-code', 'sr-Latn', { ...base, name: 'Ana' });
    expect(m.subject).toBe('Kod za prijavu: 048215');
    expect(m.text).toMatch(/^048215$/m);
    expect(m.text).toContain('Kod važi 10 minuta i može se upotrebiti samo jednom.');
    expect(m.text).toContain('Ako niste Vi tražili kod, zanemarite ovu poruku — bez koda niko ne može da se prijavi.');
    expect(m.html).toMatch(/<p style="[^"]*font-size:34px;[^"]*letter-spacing:8px[^"]*">048215<\/p>/);

    const cyr = renderMail('login-code', 'sr-Cyrl', { ...base, name: 'Ana' });
    expect(cyr.subject).toBe('Код за пријаву: 048215');
    expect(cyr.text).toContain('Код важи 10 минута');
    expect(strayLatin(cyr.text.split('\n').slice(1, 8).join('\n'))).toEqual([]);

    const en = renderMail('login-code', 'en', { ...base, name: 'Ana' });
    expect(en.subject).toBe('Your login code: 048215');
    expect(en.text).toContain('The code is valid for 10 minutes and can be used once.');
  });
});
