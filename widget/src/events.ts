// The events the elements fire for the host page, typed: `jp-` names, bubbling and composed
// (they cross a shadow root the site put the element in). For one release every event that had
// an older name (login, logout, registered, confirmed, password-reset, error) is dispatched
// under it too, deprecated; the old `error` keeps its old form: on the outermost portal (or the
// element itself), not bubbling, since a bubbling `error` reaches window, where error trackers
// take it for a script error. `jp-error` has no such problem and bubbles like the others.
import type { Account, ApiFailure } from './api.js';
import type { View } from './registry.js';

export interface JpEventMap {
  /** After a successful login (also after a password reset that logged in, on its button). */
  'jp-login': CustomEvent<{ account: Account }>;
  /**
   * After logout, or after the account was deleted (`deleted: true`); `notice` says what happened
   * in the page's words (the portal shows it above the login): read it when it is shown, since it
   * is worded in the locale of that moment (a getter).
   */
  'jp-logout': CustomEvent<{ deleted?: boolean; notice?: string }>;
  /** After a registration was accepted: the confirmation mail is on its way. */
  'jp-registered': CustomEvent<{ email: string }>;
  /** After a mail link was confirmed: a registration or a new e-mail address. */
  'jp-confirmed': CustomEvent<{ status: 'confirmed' | 'email_changed' }>;
  /** After a new password was set with the link from the mail. */
  'jp-password-reset': CustomEvent<Record<string, never>>;
  /** A request failed: the API's error code, its field errors and the HTTP status (0: network). */
  'jp-error': CustomEvent<{ code: ApiFailure['code']; fields: ApiFailure['fields']; status: number }>;
  /** Asks the portal (or the host page, around standalone elements) to show another view. */
  'jp-navigate': CustomEvent<{ view: View }>;
  /** A consumer code was linked or unlinked (<jp-account> reloads the account and the bills). */
  'jp-consumers-changed': CustomEvent<Record<string, never>>;
}

export type JpEventName = keyof JpEventMap;

declare global {
  // addEventListener('jp-login', (e) => e.detail.account) is typed on every element.
  interface GlobalEventHandlersEventMap extends JpEventMap {}
}

/** Dispatches a typed event from the element (and, deprecated, under its old name). */
export function emit<K extends JpEventName>(el: HTMLElement, type: K, detail: JpEventMap[K]['detail']) {
  const init = { detail, bubbles: true, composed: true };
  el.dispatchEvent(new CustomEvent(type, init));
  // These two never had another name.
  if (type === 'jp-navigate' || type === 'jp-consumers-changed') return;
  const old = type.slice(3);
  if (old === 'error') (el.closest('jp-portal') ?? el).dispatchEvent(new CustomEvent(old, { detail }));
  else el.dispatchEvent(new CustomEvent(old, init));
}
