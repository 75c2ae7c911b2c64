// The portal's languages, for the API (the `locale` of an account, a request, a PDF), the mails
// and the widget (lit-localize.json lists the same ones; widget/src/localize.ts checks it).
// Invariant: a locale is one of LOCALES everywhere past the edges; whatever comes in from outside
// (a stored value, a query string, a page's lang attribute) is narrowed by toLocale and nothing else.
export const LOCALES = ['sr-Latn', 'sr-Cyrl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'sr-Latn';

/**
 * Any language tag or stored value as a portal locale: "sr-Cyrl", "sr-Cyrl-RS" → sr-Cyrl; "en",
 * "en-GB" → en; "sr", "sr-RS", "sr-Latn-RS" → sr-Latn (Latin is the default script); anything else
 * (absent, empty, another language) → `fallback`.
 */
export function toLocale(tag: unknown, fallback: Locale = DEFAULT_LOCALE): Locale {
  const t = typeof tag === 'string' ? tag.toLowerCase() : '';
  if (t.startsWith('sr-cyrl')) return 'sr-Cyrl';
  if (t === 'en' || t.startsWith('en-')) return 'en';
  if (t === 'sr' || t.startsWith('sr-')) return 'sr-Latn';
  return fallback;
}
