// How long the mail links stay valid, in hours: written once, for the words the widget states
// ("Link važi 48 sati.") and the lifetimes the server gives (worker/src/config.ts). Not
// configuration: the residents are told them in every view that sends or opens a link. And the
// parameters that carry a link's token and a mail's locale, and the shape of the tokens.

/** A registration's confirmation link (and the unconfirmed registration itself). */
export const CONFIRM_LINK_HOURS = 48;
/** A new-password link. */
export const RESET_LINK_HOURS = 1;

/**
 * The fragment parameter that carries a mail link's token, by what the link does
 * (`#potvrda=TOKEN`): the worker writes the links (worker/src/auth/tokens.ts), the portal reads
 * them (widget/src/address.ts) and removes them from the address bar.
 */
export const LINK_FRAGMENT = { confirm: 'potvrda', reset: 'reset', email: 'nova-adresa' } as const;

/**
 * A mail link's token (base64url): the request schemas' rule, and how the widget tells a link cut
 * short or mangled on its way (a mail program that wrapped it) before asking the server.
 */
export const LINK_TOKEN = /^[A-Za-z0-9_-]{22,128}$/;

/**
 * The mail's locale on the portal links in it: the last parameter of the link's fragment
 * (`#potvrda=TOKEN&jezik=sr-Cyrl`, `#racuni&jezik=en`, `#jezik=sr-Latn` alone), never sent to the
 * host site's server; the portal reads and removes it like the tokens (widget/src/jp-portal.ts).
 */
export const LINK_LOCALE = 'jezik';
