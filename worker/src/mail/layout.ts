// The frame every mail shares, account mails and bill mails alike: fluid HTML up to 600 px (tables
// and inline styles, the only layout every mail client keeps), an action as a big button-like link
// with its address below it for clients that drop the button, and the utility's contact at the
// end, in the mail's script, in the HTML and in the text part. Invariant: nothing in a mail is
// wider than the reader's screen — every address and value may wrap anywhere (a 250-character
// unsubscribe link or a long e-mail address included), and nothing has a fixed width over 320 px.
import type { Locale } from '../../../contract/locales.ts';
import { latinToCyrillic } from '../../../contract/translit.ts';
import { escapeHtml } from '../../../contract/html.ts';

/** What a mail needs of the utility's configuration (contract/utility-config.ts). */
export interface MailUtility {
  name: string;
  /** The site, which a logo given as a path is on. */
  website: string;
  /** A logo above the name in the header band: an https URL or a path on the site. */
  logo?: string;
  contact: { phone: string; tel: string; email: string; address: string; hours: { 'sr-Latn': string; en: string } };
  colors: { primary: string; primaryText: string; accent: string };
}

export const esc = escapeHtml;

/** Latin source text in the mail's script. */
export const inScript = (locale: Locale) => (s: string) => (locale === 'sr-Cyrl' ? latinToCyrillic(s) : s);

const WORDS = {
  'sr-Latn': {
    help: 'Ako Vam treba pomoć, javite nam se:',
    phone: 'Telefon',
    email: 'E-mail',
    address: 'Adresa',
    hours: 'Radno vreme',
    fallback: 'Ako dugme ne radi, otvorite ovu adresu u pregledaču:',
  },
  en: {
    help: 'If you need help, contact us:',
    phone: 'Phone',
    email: 'E-mail',
    address: 'Address',
    hours: 'Office hours',
    fallback: 'If the button does not work, open this address in your browser:',
  },
};
type Words = (typeof WORDS)['en'];

function words(locale: Locale): Words {
  if (locale === 'en') return WORDS.en;
  const l = WORDS['sr-Latn'];
  return locale === 'sr-Latn'
    ? l
    : (Object.fromEntries(Object.entries(l).map(([k, v]) => [k, latinToCyrillic(v)])) as Words);
}

/** The contact's lines: [label, value, link]. */
function contactRows(u: MailUtility, locale: Locale): [string, string, string?][] {
  const w = words(locale);
  const t = inScript(locale);
  const c = u.contact;
  return [
    [w.phone, c.phone, `tel:${c.tel}`],
    [w.email, c.email, `mailto:${c.email}`],
    [w.address, t(c.address)],
    [w.hours, locale === 'en' ? c.hours.en : t(c.hours['sr-Latn'])],
  ];
}

/** The contact footer of the text part (the utility's name is in the signature above it). */
export function contactText(u: MailUtility, locale: Locale): string[] {
  return [words(locale).help, ...contactRows(u, locale).map(([k, v]) => `${k}: ${v}`)];
}

const FONT = 'font-family:Arial,Helvetica,sans-serif';
const WRAP = 'overflow-wrap:anywhere;word-break:break-word';

/** A paragraph of plain text. */
export const para = (s: string, style = '') => `<p style="margin:0 0 14px;${style}">${esc(s)}</p>`;

/** The action: a big button-like link, then its address (wrapping anywhere) for clients that drop the button. */
export function button(u: MailUtility, locale: Locale, href: string, label: string): string {
  const { primary, primaryText } = u.colors;
  return (
    `<table role="presentation" cellpadding="0" cellspacing="0" ` +
    `style="border-collapse:separate;margin:20px 0 12px"><tr>` +
    `<td style="background:${primary};border-radius:6px">` +
    `<a href="${esc(href)}" style="display:inline-block;padding:14px 22px;${FONT};font-size:18px;` +
    `font-weight:bold;line-height:1.3;color:${primaryText};text-decoration:none;border-radius:6px">` +
    `${esc(label)}</a>` +
    `</td></tr></table>` +
    `<p style="margin:0 0 18px;font-size:14px;color:#444">${esc(words(locale).fallback)}<br>` +
    `<a href="${esc(href)}" style="color:${primary};word-break:break-all;overflow-wrap:anywhere">${esc(href)}</a></p>`
  );
}

function contactHtml(u: MailUtility, locale: Locale): string {
  const rows = contactRows(u, locale)
    .map(([k, v, href]) => {
      const value = href
        ? `<a href="${esc(href)}" style="color:${u.colors.primary};font-weight:bold">${esc(v)}</a>`
        : esc(v);
      return `<tr><td style="padding:2px 0;${WRAP}">${esc(k)}: ${value}</td></tr>`;
    })
    .join('');
  return (
    `<p style="margin:0 0 6px;font-weight:bold">${esc(words(locale).help)}</p>` +
    `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse">${rows}</table>`
  );
}

/**
 * The whole HTML document: the utility's name as a header band, the content, the contact.
 * `preheader` is the line inbox lists show after the subject (hidden in the mail itself).
 */
export function mailPage(
  u: MailUtility,
  locale: Locale,
  o: { title: string; content: string; preheader?: string },
): string {
  const { primary, primaryText, accent } = u.colors;
  // Mail clients load images by absolute address only; many show none until asked, so the name stays beside it.
  const logo = u.logo
    ? `<img src="${esc(new URL(u.logo, u.website).toString())}" alt="" height="40" ` +
      'style="display:block;height:40px;width:auto;border:0;margin:0 0 8px">'
    : '';
  const preheader = o.preheader
    ? `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">${esc(o.preheader)}</div>`
    : '';
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(o.title)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f2f4f7">${preheader}` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" ` +
    `style="border-collapse:collapse;background:#f2f4f7"><tr>` +
    `<td align="center" style="padding:12px 6px">` +
    // Outlook on Windows ignores max-width: it alone gets a fixed 600 px column.
    `<!--[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0">` +
    `<tr><td><![endif]-->` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" ` +
    `style="border-collapse:collapse;max-width:600px;background:#ffffff;border-radius:8px">` +
    `<tr><td style="padding:14px 18px;background:${primary};border-radius:8px 8px 0 0;${FONT};` +
    `font-size:18px;font-weight:bold;color:${primaryText};${WRAP}">` +
    `${logo}${esc(inScript(locale)(u.name))}</td></tr>` +
    `<tr><td style="padding:20px 18px 6px;${FONT};font-size:16px;line-height:1.5;color:#1a1a1a;` +
    `text-align:left;${WRAP}">${o.content}</td></tr>` +
    `<tr><td style="padding:14px 18px 16px;background:${accent};border-radius:0 0 8px 8px;${FONT};` +
    `font-size:15px;line-height:1.5;color:#1a1a1a;text-align:left">${contactHtml(u, locale)}</td></tr>` +
    `</table><!--[if mso]></td></tr></table><![endif]--></td></tr></table></body></html>`
  );
}
