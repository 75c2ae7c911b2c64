// A portal link in a resident's mail, carrying the mail's locale: `jezik=<locale>` appended as the
// last parameter of the link's fragment (`#potvrda=TOKEN&jezik=sr-Cyrl`, `?unsubscribe=T#jezik=en`),
// so a link opened in a fresh browser shows the portal in the mail's script (the portal applies it
// unless the resident chose a script on that device, and removes it from the address bar).
// Invariant: every portal link of a resident's mail passes through here once (compose.ts, the bill mail).
import type { Locale } from '../../../contract/locales.ts';
import { LINK_LOCALE } from '../../../contract/links.ts';

export function withLocale(link: string, locale: Locale): string {
  const url = new URL(link);
  const hash = url.hash.slice(1);
  url.hash = `${hash ? `${hash}&` : ''}${LINK_LOCALE}=${locale}`;
  return url.toString();
}
