// One global locale for every element on the page (sr-Latn is the source; the others load on demand).
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales, allLocales } from './generated/locale-codes.js';

export type WidgetLocale = (typeof allLocales)[number];

let toCyrillic: ((latin: string) => string) | undefined;

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  // Static paths, so the bundler makes one chunk per locale. Cyrillic also brings the
  // transliteration of configured names (the utility's), which Latin and English never need.
  loadLocale: async (locale) => {
    if (locale !== 'sr-Cyrl') return import('./generated/locales/en.js');
    const [messages, translit] = await Promise.all([import('./generated/locales/sr-Cyrl.js'), import('../../contract/translit.ts')]);
    toCyrillic = translit.latinToCyrillic;
    return messages;
  },
});

/** A name configured in Latin, in the current script. */
export function inScript(latin: string): string {
  return getLocale() === 'sr-Cyrl' && toCyrillic ? toCyrillic(latin) : latin;
}

/** "sr", "sr-RS", "sr-Latn-RS" → sr-Latn; "sr-Cyrl*" → sr-Cyrl; "en*" → en. */
export function normalizeLocale(tag: string | null | undefined): WidgetLocale {
  const t = (tag ?? '').toLowerCase();
  if (t.startsWith('sr-cyrl')) return 'sr-Cyrl';
  if (t.startsWith('en')) return 'en';
  return 'sr-Latn';
}

const STORE = 'jp-portal-locale';

/** Remembers the resident's choice from the script switch across page loads (e.g. mail links). */
export function rememberLocale(locale: WidgetLocale): void {
  try {
    localStorage.setItem(STORE, locale);
  } catch { /* storage may be off; the choice then lasts for this page */ }
}

function remembered(): string | null {
  try {
    return localStorage.getItem(STORE);
  } catch {
    return null;
  }
}

/** The element's own lang, else the resident's remembered choice, else the nearest ancestor's or the page's. */
export function localeFor(el: Element): WidgetLocale {
  const own = el.getAttribute('lang') ?? remembered();
  return normalizeLocale(own ?? el.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
}
