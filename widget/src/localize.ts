// One global locale for every element on the page (sr-Latn is the source; the others load on demand).
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales, allLocales } from './generated/locale-codes.js';

export type WidgetLocale = (typeof allLocales)[number];

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  // Static paths, so the bundler makes one chunk per locale.
  loadLocale: (locale) => (locale === 'sr-Cyrl' ? import('./generated/locales/sr-Cyrl.js') : import('./generated/locales/en.js')),
});

/** "sr", "sr-RS", "sr-Latn-RS" → sr-Latn; "sr-Cyrl*" → sr-Cyrl; "en*" → en. */
export function normalizeLocale(tag: string | null | undefined): WidgetLocale {
  const t = (tag ?? '').toLowerCase();
  if (t.startsWith('sr-cyrl')) return 'sr-Cyrl';
  if (t.startsWith('en')) return 'en';
  return 'sr-Latn';
}

/** The element's own lang, else the nearest ancestor's, else the page's. */
export function localeFor(el: Element): WidgetLocale {
  return normalizeLocale(el.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
}
