// The resident's own script, wherever they come from: a mail link's locale (`&jezik=sr-Cyrl`, last
// in the fragment: contract/links.ts) and the account's mail language at login apply unless this
// browser remembers the resident's choice from the script switch (localize.ts), which wins, or the
// page gave the element a `lang` of its own (docs/embedding.md: it decides before anything). (The
// switch used while logged in is saved as the account's mail language by <jp-account>; the choice
// in Podešavanja is jp-settings-locale.ts.) Off the login path: with address.ts and the account.
// Invariant: nothing here overrides the remembered choice, and a locale is applied through the
// `lang` of the element that decides the page's locale (element.ts), so its `lang` tells the truth.
// Imports nothing of the login path's big chunk (the bundler would split it, over the budget).
import { getLocale, rememberedLocale, toLocale, type WidgetLocale } from './localize.js';
import { LINK_LOCALE } from '../../contract/links.ts';

const IN_FRAGMENT = new RegExp(`[#&]${LINK_LOCALE}=([\\w-]+)$`);
/** The elements whose `lang` was set here (any other `lang` is the page's, or the switch's). */
const offered = new WeakSet<Element>();

/**
 * Shows the page in `locale` (through `el`'s lang) unless the resident chose a script in this
 * browser or the element has a `lang` of its own.
 */
export function offerLocale(el: Element, locale: WidgetLocale) {
  if (rememberedLocale() || (el.hasAttribute('lang') && !offered.has(el)) || locale === getLocale()) return;
  offered.add(el);
  el.setAttribute('lang', locale);
}

/** A mail link's locale: taken out of the address bar at once, then offered through the portal. */
export function linkLocale(portal: Element) {
  const url = new URL(location.href);
  const found = IN_FRAGMENT.exec(url.hash);
  if (!found) return;
  url.hash = url.hash.slice(0, found.index);
  history.replaceState(history.state, '', url.toString());
  offerLocale(portal, toLocale(found[1]));
}
