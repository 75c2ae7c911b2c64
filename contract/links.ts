// How long the mail links stay valid, in hours: written once, for the words the widget states
// ("Link važi 48 sati.") and the lifetimes the server gives (worker/src/config.ts). Not
// configuration: the residents are told them in every view that sends or opens a link.

/** A registration's confirmation link (and the unconfirmed registration itself). */
export const CONFIRM_LINK_HOURS = 48;
/** A new-password link. */
export const RESET_LINK_HOURS = 1;
