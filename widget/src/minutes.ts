// A wait in whole minutes, in words with the plural the page's language asks for: "za 1 minut",
// "za 2 minuta", "za 5 minuta", "za 21 minut" (Intl.PluralRules of the page's locale picks the
// form; Serbian's "few" and "other" are both "minuta"), "in 2 minutes" in English. Rounded up, so
// the last seconds read "za 1 minut", never "za 0 minuta".
import { msg, str } from '@lit/localize';
import { getLocale } from './localize.js';

export function inMinutes(seconds: number): string {
  const n = Math.max(1, Math.ceil(seconds / 60));
  return new Intl.PluralRules(getLocale()).select(n) === 'one' ? msg(str`za ${n} minut`) : msg(str`za ${n} minuta`);
}
