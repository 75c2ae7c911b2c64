// Mail texts in sr-Latn (source), en, and sr-Cyrl generated from sr-Latn by transliteration.
// Formal "Vi". Every link also stands alone on its own line in the text part.
import type { Locale } from '../../../contract/locales.ts';
import type { MailAttachment } from '../ports.ts';
import { latinToCyrillic } from '../../../contract/translit.ts';

export type MailKind =
  | 'confirm'
  | 'register_attempt'
  | 'reset'
  | 'password_changed'
  | 'email_change'
  | 'email_change_notice'
  | 'email_changed'
  | 'email_taken'
  | 'account_deleted';

interface Text {
  subject: string;
  body: string[];
  action?: string;
  after?: string[];
}

type Vars = { name: string; link?: string; utility: string; support: string; hours?: number; email?: string };

/** "1 sat", "2 sata", "5 sati", "21 sat", "48 sati". */
export function srHours(n: number): string {
  const d = n % 10,
    h = n % 100;
  if (d === 1 && h !== 11) return `${n} sat`;
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return `${n} sata`;
  return `${n} sati`;
}

const LATN: Record<MailKind, (v: Vars) => Text> = {
  confirm: (v) => ({
    subject: `Potvrdite registraciju na portalu ${v.utility}`,
    body: ['hvala Vam što ste se registrovali na portal. Da biste potvrdili registraciju, kliknite na link:'],
    action: 'Potvrdite registraciju',
    after: [
      `Link važi ${srHours(v.hours ?? 0)} i može se upotrebiti samo jednom.`,
      'Ako se niste Vi registrovali, zanemarite ovu poruku.',
    ],
  }),
  register_attempt: () => ({
    subject: `Pokušaj registracije sa Vašom e-mail adresom`,
    body: [
      'neko je upravo pokušao da otvori nalog na portalu sa Vašom e-mail adresom, a ona je već registrovana.',
      'Ako ste to bili Vi, možete se ulogovati ili promeniti lozinku ako ste je zaboravili:',
    ],
    action: 'Otvorite portal',
    after: ['Ako to niste bili Vi, zanemarite ovu poruku; Vaš nalog nije promenjen.'],
  }),
  reset: (v) => ({
    subject: `Promena lozinke na portalu ${v.utility}`,
    body: ['primili smo zahtev za promenu lozinke Vašeg naloga. Novu lozinku možete postaviti preko linka:'],
    action: 'Postavite novu lozinku',
    after: [
      `Link važi ${srHours(v.hours ?? 0)} i može se upotrebiti samo jednom.`,
      'Ako niste Vi tražili promenu, zanemarite ovu poruku; lozinka ostaje ista.',
    ],
  }),
  password_changed: (v) => ({
    subject: `Lozinka Vašeg naloga je promenjena`,
    body: ['lozinka Vašeg naloga na portalu je upravo promenjena. Radi bezbednosti, odjavljeni ste sa drugih uređaja.'],
    action: 'Ulogujte se',
    after: [`Ako to niste bili Vi, odmah nam se javite na ${v.support}.`],
  }),
  email_change: (v) => ({
    subject: `Potvrdite novu e-mail adresu na portalu ${v.utility}`,
    body: [
      'zatražili ste da ova adresa postane e-mail adresa Vašeg naloga na portalu. Potvrdite promenu klikom na link:',
    ],
    action: 'Potvrdite novu adresu',
    after: [
      `Link važi ${srHours(v.hours ?? 0)} i može se upotrebiti samo jednom.`,
      'Ako niste Vi tražili promenu, zanemarite ovu poruku.',
    ],
  }),
  email_change_notice: (v) => ({
    subject: 'Zahtev za promenu e-mail adrese Vašeg naloga',
    body: [
      `zatražena je promena e-mail adrese Vašeg naloga na ${v.email}. Promena važi tek kada se potvrdi sa nove adrese.`,
    ],
    after: [`Ako to niste bili Vi, promenite lozinku i javite nam se na ${v.support}.`],
  }),
  email_changed: (v) => ({
    subject: 'E-mail adresa Vašeg naloga je promenjena',
    body: [
      `e-mail adresa Vašeg naloga na portalu je upravo promenjena na ${v.email}. Poruke sa portala od sada stižu na tu adresu.`,
    ],
    after: [`Ako to niste bili Vi, odmah nam se javite na ${v.support}.`],
  }),
  email_taken: () => ({
    subject: 'Pokušaj promene e-mail adrese',
    body: [
      'neko je pokušao da ovu e-mail adresu postavi za drugi nalog na portalu, a ona je već registrovana. Vaš nalog nije promenjen.',
    ],
    action: 'Otvorite portal',
  }),
  account_deleted: (v) => ({
    subject: `Vaš nalog na portalu ${v.utility} je obrisan`,
    body: [
      'Vaš nalog na portalu je obrisan, zajedno sa ličnim podacima naloga i svim prijavama.',
      'Podaci o potrošaču i računima ostaju u evidenciji preduzeća, kako zakon nalaže.',
    ],
    after: [`Ako to niste bili Vi, odmah nam se javite na ${v.support}.`],
  }),
};

const EN: Record<MailKind, (v: Vars) => Text> = {
  confirm: (v) => ({
    subject: `Confirm your registration on the ${v.utility} portal`,
    body: ['thank you for registering on the portal. To confirm your registration, please open this link:'],
    action: 'Confirm registration',
    after: [
      `The link is valid for ${v.hours} ${v.hours === 1 ? 'hour' : 'hours'} and can be used once.`,
      'If you did not register, please ignore this message.',
    ],
  }),
  register_attempt: () => ({
    subject: 'Registration attempt with your e-mail address',
    body: [
      'someone has just tried to open an account on the portal with your e-mail address, which is already registered.',
      'If it was you, you can log in, or reset your password if you have forgotten it:',
    ],
    action: 'Open the portal',
    after: ['If it was not you, please ignore this message; your account has not changed.'],
  }),
  reset: (v) => ({
    subject: `Password reset on the ${v.utility} portal`,
    body: ['we received a request to reset the password of your account. You can set a new password here:'],
    action: 'Set a new password',
    after: [
      `The link is valid for ${v.hours} ${v.hours === 1 ? 'hour' : 'hours'} and can be used once.`,
      'If you did not ask for this, please ignore this message; your password stays the same.',
    ],
  }),
  password_changed: (v) => ({
    subject: 'Your password has been changed',
    body: [
      'the password of your portal account has just been changed. For your safety, you have been logged out on other devices.',
    ],
    action: 'Log in',
    after: [`If this was not you, please contact us at once at ${v.support}.`],
  }),
  email_change: (v) => ({
    subject: `Confirm your new e-mail address on the ${v.utility} portal`,
    body: [
      'you asked for this address to become the e-mail address of your portal account. Please confirm the change with this link:',
    ],
    action: 'Confirm the new address',
    after: [
      `The link is valid for ${v.hours} ${v.hours === 1 ? 'hour' : 'hours'} and can be used once.`,
      'If you did not ask for this, please ignore this message.',
    ],
  }),
  email_change_notice: (v) => ({
    subject: "A change of your account's e-mail address was requested",
    body: [
      `a change of your account's e-mail address to ${v.email} was requested. It takes effect only when confirmed from the new address.`,
    ],
    after: [`If this was not you, please change your password and contact us at ${v.support}.`],
  }),
  email_changed: (v) => ({
    subject: "Your account's e-mail address was changed",
    body: [
      `the e-mail address of your portal account has just been changed to ${v.email}. Messages from the portal now go to that address.`,
    ],
    after: [`If this was not you, contact us at once at ${v.support}.`],
  }),
  email_taken: () => ({
    subject: 'Attempt to change an e-mail address',
    body: [
      'someone tried to set this e-mail address for another portal account, but it is already registered. Your account has not changed.',
    ],
    action: 'Open the portal',
  }),
  account_deleted: (v) => ({
    subject: `Your ${v.utility} portal account has been deleted`,
    body: [
      'your portal account has been deleted, together with its personal data and all its sessions.',
      'Consumer and billing records stay with the utility, as the law requires.',
    ],
    after: [`If this was not you, please contact us at once at ${v.support}.`],
  }),
};

const SIGNATURE: Record<Locale, (utility: string) => string> = {
  'sr-Latn': (u) => `Srdačan pozdrav,\n${u}`,
  'sr-Cyrl': (u) => latinToCyrillic(`Srdačan pozdrav,\n${u}`),
  en: (u) => `Kind regards,\n${u}`,
};

// The name is free text typed by whoever registered: only mail to an account's own confirmed
// address may carry it. Mail to an address not yet proven (the registration confirmation, the
// link to a new address, "address taken") greets neutrally, as does every mail sent with an
// empty name (register_attempt to an owner who has not confirmed yet).
const TO_UNPROVEN_ADDRESS: ReadonlySet<MailKind> = new Set(['confirm', 'email_change', 'email_taken']);

// The name is the resident's own spelling, kept in every script, so it is added after the
// transliteration, never passed through it.
/** The salutation, with the name added after transliteration (a name is never transliterated, and an empty one leaves a neutral greeting). */
export const GREETING: Record<Locale, (name: string) => string> = {
  'sr-Latn': (n) => (n ? `Poštovani/a ${n},` : 'Poštovani/a,'),
  'sr-Cyrl': (n) => `${latinToCyrillic('Poštovani/a')}${n ? ` ${n}` : ''},`,
  en: (n) => (n ? `Dear ${n},` : 'Hello,'),
};

function textFor(kind: MailKind, locale: Locale, v: Vars): Text & { greeting: string } {
  const greeting = GREETING[locale](TO_UNPROVEN_ADDRESS.has(kind) ? '' : v.name);
  if (locale === 'en') return { ...EN[kind](v), greeting };
  const t = LATN[kind](v);
  if (locale === 'sr-Latn') return { ...t, greeting };
  const cyr = latinToCyrillic;
  return {
    greeting,
    subject: cyr(t.subject),
    body: t.body.map(cyr),
    action: t.action && cyr(t.action),
    after: t.after?.map(cyr),
  };
}

export const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
}

export function renderMail(kind: MailKind, locale: Locale, v: Vars): RenderedMail {
  const t = textFor(kind, locale, v);
  const sig = SIGNATURE[locale](v.utility);
  const text = [t.greeting, '', ...t.body, '', ...(v.link ? [v.link, ''] : []), ...(t.after ?? []), '', sig, ''].join(
    '\n',
  );
  const lang = locale === 'en' ? 'en' : locale;
  const p = (s: string) => `<p style="margin:0 0 12px">${esc(s)}</p>`;
  const button = v.link
    ? `<p style="margin:16px 0"><a href="${esc(v.link)}" style="background:#0b5394;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none;display:inline-block">${esc(t.action ?? v.link)}</a></p>` +
      `<p style="margin:0 0 12px;font-size:13px;color:#444;word-break:break-all">${esc(v.link)}</p>`
    : '';
  const html =
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(t.subject)}</title></head>` +
    `<body style="font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5;max-width:560px;margin:0 auto;padding:16px">` +
    `<p style="font-weight:bold;color:#0b5394;margin:0 0 16px">${esc(v.utility)}</p>` +
    p(t.greeting) +
    t.body.map(p).join('') +
    button +
    (t.after ?? []).map(p).join('') +
    `<p style="margin:16px 0 0;white-space:pre-line">${esc(sig)}</p></body></html>`;
  return { subject: t.subject, text, html };
}
