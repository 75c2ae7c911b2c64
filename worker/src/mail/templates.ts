// Account mails rendered: the words of account-texts.ts in sr-Latn (source), en, and sr-Cyrl
// generated from sr-Latn by transliteration. A mail's one action is a button in the HTML
// (layout.ts) and its link stands alone on its own line in the text part; every mail ends with the
// utility's contact.
import type { Locale } from '../../../contract/locales.ts';
import type { MailAttachment } from '../ports.ts';
import { latinToCyrillic } from '../../../contract/translit.ts';
import { button, contactText, esc, mailPage, para, type MailUtility } from './layout.ts';
import { EN, LATN, type MailKind, type Text, type Words } from './account-texts.ts';

export { MAIL_KINDS, type MailKind } from './account-texts.ts';

/** A mail's variables; `utility` is the utility's configuration (name, contact, colours). */
export type Vars = {
  name: string;
  link?: string;
  utility: MailUtility;
  hours?: number;
  email?: string;
  /** A login code and how many minutes it is valid ('login-code'). */
  code?: string;
  minutes?: number;
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
/**
 * The salutation, with the name added after transliteration (a name is never transliterated, and
 * an empty one leaves a neutral greeting).
 */
export const GREETING: Record<Locale, (name: string) => string> = {
  'sr-Latn': (n) => (n ? `Poštovani ${n},` : 'Poštovani,'),
  'sr-Cyrl': (n) => `${latinToCyrillic('Poštovani')}${n ? ` ${n}` : ''},`,
  en: (n) => (n ? `Dear ${n},` : 'Hello,'),
};

function textFor(kind: MailKind, locale: Locale, v: Vars): Text & { greeting: string } {
  const greeting = GREETING[locale](TO_UNPROVEN_ADDRESS.has(kind) ? '' : v.name);
  const words: Words = {
    utility: v.utility.name,
    hours: v.hours,
    email: v.email,
    code: v.code,
    minutes: v.minutes,
    phone: v.utility.contact.phone,
    support: v.utility.contact.email,
  };
  if (locale === 'en') return { ...EN[kind](words), greeting };
  const t = LATN[kind](words);
  if (locale === 'sr-Latn') return { ...t, greeting };
  const cyr = latinToCyrillic;
  return {
    greeting,
    subject: cyr(t.subject),
    body: t.body.map(cyr),
    code: t.code,
    action: t.action && cyr(t.action),
    after: t.after?.map(cyr),
  };
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
}

// The code large and spaced for reading, yet one unbroken run of digits, so that copying it (or a
// phone offering it from the mail) gives exactly the six digits.
const codeBlock = (code: string) =>
  `<p style="margin:8px 0 22px;font-family:Consolas,'Courier New',monospace;font-size:34px;` +
  `font-weight:bold;letter-spacing:8px;line-height:1.2">${esc(code)}</p>`;

export function renderMail(kind: MailKind, locale: Locale, v: Vars): RenderedMail {
  const t = textFor(kind, locale, v);
  const sig = SIGNATURE[locale](v.utility.name);
  const action = v.link && t.action ? { label: t.action, href: v.link } : null;
  // The text part: the link on a line of its own under what it does, the contact at the end.
  const text = [
    t.greeting,
    '',
    ...t.body,
    '',
    ...(t.code ? [t.code, ''] : []),
    ...(action ? [`${action.label}:`, action.href, ''] : []),
    ...(t.after?.length ? [...t.after, ''] : []),
    sig,
    '',
    ...contactText(v.utility, locale),
    '',
  ].join('\n');
  const content =
    para(t.greeting) +
    t.body.map((s) => para(s)).join('') +
    (t.code ? codeBlock(t.code) : '') +
    (action ? button(v.utility, locale, action.href, action.label) : '') +
    (t.after ?? []).map((s) => para(s)).join('') +
    `<p style="margin:18px 0 14px;white-space:pre-line">${esc(sig)}</p>`;
  return { subject: t.subject, text, html: mailPage(v.utility, locale, { title: t.subject, content }) };
}
