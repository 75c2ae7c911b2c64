// The one list of the widget's elements: every tag, how the ones that are not in the entry
// bundle load, and which element shows each of the portal's views. Each element's module
// defines its tag with `define` (element.ts), typed against this list and against
// HTMLElementTagNameMap, so a tag missing here or there is a compile error.

/** Defined by the entry bundle itself (the portal and its first view). */
export const EAGER = ['jp-portal', 'jp-login'] as const;

/** Every other element is a chunk of its own, fetched when it is needed (loader.ts). */
export const CHUNKS = {
  'jp-register': () => import('./jp-register.js'),
  'jp-forgot-password': () => import('./jp-forgot-password.js'),
  'jp-login-code': () => import('./jp-login-code.js'),
  'jp-reset-password': () => import('./jp-reset-password.js'),
  'jp-confirm': () => import('./jp-confirm.js'),
  'jp-unsubscribe': () => import('./jp-unsubscribe.js'),
  'jp-account': () => import('./jp-account.js'),
  'jp-bills': () => import('./jp-bills.js'),
  'jp-settings': () => import('./jp-settings.js'),
  'jp-doctor': () => import('./jp-doctor.js'),
};

export type JpTag = (typeof EAGER)[number] | keyof typeof CHUNKS;

/** A selector for every element of the widget. */
export const ANY = [...EAGER, ...Object.keys(CHUNKS)].join();

/** The portal's views (the `view` of a jp-navigate event) and the element that shows each. */
export const VIEWS = {
  login: 'jp-login',
  register: 'jp-register',
  forgot: 'jp-forgot-password',
  code: 'jp-login-code',
  reset: 'jp-reset-password',
  confirm: 'jp-confirm',
  unsubscribe: 'jp-unsubscribe',
  account: 'jp-account',
} satisfies Record<string, JpTag>;

export type View = keyof typeof VIEWS;
