// The portal's places in the page address's fragment, so Back, Forward, a reload and a link return
// to a view (docs/embedding.md lists them): `#prijava`, `#registracija`, `#zaboravljena-lozinka`,
// `#kod-za-prijavu`, and after login `#pregled`, `#racuni`, `#racun=ID`, `#ukupno=CODE`,
// `#podesavanja`. The mail links' fragments (#potvrda=, #reset=, #nova-adresa=) are jp-portal.ts's
// own business, read and removed before anything here.
//
// The rules: only the page's first <jp-portal> reads or writes the fragment (single views and
// other portals never do; the account and the bills inside it say where they are with `placed`);
// a fragment that is not one of these is the host page's, never read, removed or
// rewritten — the portal's navigation pushes its own over it, and that entry of the history
// remembers in its state (`jpPortal`) where the portal was, so Back restores both. An empty
// fragment is the portal's first view (the account, or the login). Navigating pushes a history
// entry; Back and Forward (popstate, hashchange) show the entry's place without pushing.
// A chunk of its own, off the login path's budget: the portal fetches it after its first render.
import type { JpPortal } from './jp-portal.js';
import type { JpAccount } from './jp-account.js';
import type { View } from './registry.js';
import { linkLocale } from './resident-locale.js';
import { LINK_FRAGMENT } from '../../contract/links.ts';

// A mail link's locale (`&jezik=`) travels with this chunk: the portal asks for it at its start.
export { linkLocale };

/** The portal's own fragments and the view that shows each (the account: sections, a bill, a total). */
const PLACES = new Map<string, View>([
  ['prijava', 'login'],
  ['registracija', 'register'],
  ['zaboravljena-lozinka', 'forgot'],
  ['kod-za-prijavu', 'code'],
  ['pregled', 'account'],
  ['racuni', 'account'],
  ['racun', 'account'],
  ['ukupno', 'account'],
  ['podesavanja', 'account'],
]);

const viewAt = (place: string) => PLACES.get(place.split('=')[0]);

/** The portal's own fragment in the address bar, without '#': '' for none, undefined for the host's. */
export function own(hash = location.hash): string | undefined {
  const place = hash.slice(1);
  return !place || viewAt(place) ? place : undefined;
}

/** The place of the current history entry: its own fragment, or what a host fragment's entry remembers. */
function addressed(): string | undefined {
  return own() ?? (history.state as { jpPortal?: string } | null)?.jpPortal;
}

/** Only the page's first <jp-portal> owns the fragment. */
const owner = (portal: JpPortal) => document.querySelector('jp-portal') === portal;

/** Says where a view is now (`racun=ID`): the portal around it, if any, writes it to the address. */
export function placed(el: HTMLElement, place: string) {
  const portal = el.closest('jp-portal');
  if (portal) write(portal, place);
}

/**
 * Puts the portal's place in the address bar: a new history entry (Back returns here) or, with
 * `replace`, this one. The host's fragment is left in its entry, which remembers the portal's place.
 */
export function write(portal: JpPortal, place: string, replace = false) {
  const from = portal.place;
  portal.place = place;
  const now = own();
  if (!owner(portal) || place === now) return;
  const state: unknown = history.state;
  if (now === undefined && !replace && (state === null || typeof state === 'object')) {
    history.replaceState({ ...(state as object), jpPortal: from }, '');
  }
  if (replace) history.replaceState(state, '', `#${place}`);
  else history.pushState(null, '', `#${place}`);
}

/** A view asked for by a link or button (jp-navigate): its address, then the view. */
export function navigate(portal: JpPortal, view: View) {
  // Only a logged-out resident is sent to these (the account's "Ulogujte se" after a session ended).
  if (view !== 'account') portal.account = null;
  const place = [...PLACES].find(([, v]) => v === view)?.[0];
  if (place) write(portal, place);
  return portal.show(view);
}

/** After a login: the account at the place the login waited for (a bill's link), else its overview. */
export function login(portal: JpPortal, account: JpPortal['account']) {
  portal.account = account;
  const now = own();
  if (now && viewAt(now) !== 'account') write(portal, 'pregled', true);
  return portal.show('account');
}

/**
 * After a logout (or the account deleted): the login, and what happened above it — read from the
 * event at each render, so a switch of script re-words it (the elements give it as a getter).
 */
export async function logout(portal: JpPortal, said: { notice?: string }) {
  await navigate(portal, 'login');
  // show() cleared the status first.
  if (said.notice) portal.status = { kind: 'good', text: () => said.notice ?? '' };
}

// [in the fragment?, parameter, view]
export const LINKS: [boolean, string, View][] = [
  [true, LINK_FRAGMENT.confirm, 'confirm'],
  [true, LINK_FRAGMENT.email, 'confirm'],
  [true, LINK_FRAGMENT.reset, 'reset'],
  [false, 'confirm', 'confirm'],
  [false, 'reset', 'reset'],
  [false, 'unsubscribe', 'unsubscribe'],
];

/**
 * A mail link's token: in the fragment (#potvrda=, #reset=, #nova-adresa=: never sent to the
 * site's server), or in the query of links sent before (?confirm=, ?reset=, ?unsubscribe=). It is
 * taken out of the address bar at once (history, shared screenshots) and kept by the portal for
 * the view it opens, which is returned. (A host's own parameter that only looks like one, e.g.
 * `foo_reset=`, only makes the portal wait for this chunk: nothing is read from it.)
 */
export function fromAddress(portal: JpPortal): View | undefined {
  // The mail's locale beside the token (`&jezik=`) first.
  linkLocale(portal);
  const url = new URL(location.href);
  const hash = new URLSearchParams(url.hash.slice(1));
  for (const [params, name, view] of LINKS) {
    const token = params ? hash.get(name) : url.searchParams.get(name);
    if (token) {
      if (params) {
        hash.delete(name);
        url.hash = hash.toString();
      } else url.searchParams.delete(name);
      history.replaceState(history.state, '', url);
      portal.token = token;
      portal.changeEmail = name === LINK_FRAGMENT.email;
      return view;
    }
  }
}

/**
 * Shows the place the address names: at the start (no focus; a host fragment or none shows the
 * first view), and after Back, Forward or a link (focus on its heading; a host fragment changes
 * nothing, unless its entry remembers where the portal was).
 */
export function restore(portal: JpPortal, start: boolean) {
  // A mail's locale beside the token or place (`&jezik=`) goes before the place is read.
  linkLocale(portal);
  // A mail link opened in a tab that already shows the page (jp-portal.ts reads it).
  const link = start ? undefined : fromAddress(portal);
  if (link) return portal.show(link);
  let place = owner(portal) ? addressed() : undefined;
  if (!start && (place === undefined || place === (portal.place ?? ''))) return;
  place ??= '';
  portal.place = place;
  const view = viewAt(place);
  // Logged out: the account's places wait behind the login. Logged in: the account.
  if (!portal.account) return portal.show(view && view !== 'account' ? view : 'login', !start);
  if (portal.view === 'account') return (portal.shown as JpAccount).go(place, true);
  return portal.show('account', !start);
}
