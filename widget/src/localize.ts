// One global locale for every element on the page (sr-Latn is the source; the others load on demand).
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales, type allLocales } from './generated/locale-codes.js';
import { toLocale, type Locale } from '../../contract/locales.ts';

export { toLocale };
export type WidgetLocale = Locale;
// lit-localize.json's locales are the contract's, no more and no fewer (a type check, no code).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type LocalesMatch = Assert<Same<(typeof allLocales)[number], Locale>>;

let toCyrillic: ((latin: string) => string) | undefined;

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  // Static paths, so the bundler makes one chunk per locale. Cyrillic also brings the
  // transliteration of configured names (the utility's), which Latin and English never need.
  loadLocale: async (locale) => {
    if (locale !== 'sr-Cyrl') return import('./generated/locales/en.js');
    const [messages, translit] = await Promise.all([
      import('./generated/locales/sr-Cyrl.js'),
      import('../../contract/translit.ts'),
    ]);
    toCyrillic = translit.latinToCyrillic;
    return messages;
  },
});

/** A name configured in Latin, in the current script. */
export function inScript(latin: string): string {
  return getLocale() === 'sr-Cyrl' && toCyrillic ? toCyrillic(latin) : latin;
}

const STORE = 'jp-portal-locale';

/** Remembers the resident's choice from the script switch across page loads (e.g. mail links). */
export function rememberLocale(locale: WidgetLocale): void {
  try {
    localStorage.setItem(STORE, locale);
  } catch {
    /* storage may be off; the choice then lasts for this page */
  }
}

/** The script switch's remembered choice in this browser, if any. */
export function rememberedLocale(): string | null {
  try {
    return localStorage.getItem(STORE);
  } catch {
    return null;
  }
}

/** The element's own lang, else the resident's remembered choice, else the nearest ancestor's or the page's. */
export function localeFor(el: Element): WidgetLocale {
  const own = el.getAttribute('lang') ?? rememberedLocale();
  return toLocale(own ?? el.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
}
