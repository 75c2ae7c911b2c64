// Mail texts: the resident's name (free text typed by whoever registered) only in mail to an
// account's own confirmed address; neutral greetings elsewhere; Cyrillic from the Latin source
// with its digraphs intact; links carry the token in the fragment.
import { describe, expect, it } from 'vitest';
import { renderMail, type MailKind } from '../../../worker/src/mail/templates.ts';
import { composeMail } from '../../../worker/src/mail/compose.ts';
import { tokenLink } from '../../../worker/src/auth/tokens.ts';
import { loadConfig } from '../../../worker/src/config.ts';
import { strayLatin } from '../../../contract/translit.ts';
import type { Deps } from '../../../worker/src/ports.ts';

const PHISH = 'HITNO: dug 18.340 din, isključenje vode sutra. Platite na https://zla.example/';
const base = {
  utility: 'JP Stambeno Ruma',
  support: 'info@stambenoruma.rs',
  hours: 48,
  link: 'http://localhost:8787/#potvrda=abc',
  email: 'nova@example.com',
};
const LOCALES = ['sr-Latn', 'sr-Cyrl', 'en'] as const;
const NEUTRAL = { 'sr-Latn': 'Poštovani/a,', 'sr-Cyrl': 'Поштовани/а,', en: 'Hello,' } as const;

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
          'sr-Latn': 'Poštovani/a Milica Jovanović,',
          'sr-Cyrl': 'Поштовани/а Milica Jovanović,',
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
    expect(m.html).toContain('Поштовани/а &lt;b&gt;Ana&lt;/b&gt; &amp; Njegoš,');
    expect(m.text).toContain('Поштовани/а <b>Ana</b> & Njegoš,');
  });

  it('a one-letter name does not keep the rest of the mail in Latin', () => {
    const m = renderMail('password_changed', 'sr-Cyrl', { ...base, name: 'a' });
    expect(strayLatin(m.text.replace('Поштовани/а a,', ''))).toEqual([]);
  });
});

describe('Cyrillic mails', () => {
  it('"address taken" keeps its digraphs: промењен, not променјен', () => {
    const m = renderMail('email_taken', 'sr-Cyrl', { ...base, name: '' });
    expect(m.text).toContain('Ваш налог није промењен.');
    expect(m.text).not.toMatch(/нј|лј|дж/);
    expect(m.text.startsWith('Поштовани/а,\n')).toBe(true);
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
  const deps = { config: loadConfig({ PORTAL_URL: 'https://www.stambenoruma.rs/portal?x=1' }) } as unknown as Deps;

  it("carry the token in the fragment, the page's own query untouched", () => {
    expect(tokenLink(deps, 'confirm', 'T0k')).toBe('https://www.stambenoruma.rs/portal?x=1#potvrda=T0k');
    expect(tokenLink(deps, 'reset', 'T0k')).toBe('https://www.stambenoruma.rs/portal?x=1#reset=T0k');
    expect(tokenLink(deps, 'email', 'T0k')).toBe('https://www.stambenoruma.rs/portal?x=1#nova-adresa=T0k');
  });

  it('composeMail puts the link on a line of its own and never the name of a registration', () => {
    const m = composeMail(deps, 'confirm', 'sr-Latn', PHISH, tokenLink(deps, 'confirm', 'T0k'));
    expect(m.text).toMatch(/^https:\/\/www\.stambenoruma\.rs\/portal\?x=1#potvrda=T0k$/m);
    expect(m.text).not.toContain('HITNO');
  });
});
