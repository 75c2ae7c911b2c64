// The e-mail address a resident typed once, carried between the login, forgotten-password and
// login-code forms (and to the login's offer of a new confirmation link), so it is typed once on
// a phone. Invariant: kept in this page's memory only, never stored, and forgotten after a login;
// a form's own value (typed, or filled by a password manager) is never overwritten.
let typed = '';

/** The address last typed into one of those forms ('' when none). */
export const typedEmail = () => typed;

function remember(e: Event) {
  const t = e.target as HTMLInputElement;
  if (t.name === 'email') typed = t.value.trim();
}

addEventListener('jp-login', () => (typed = ''));

/**
 * Fills the host's empty e-mail field with the address typed before, or remembers the one already
 * in it (typed before this ran: the login's part loads after its first render), and then what is
 * typed into it.
 */
export function carryEmail(host: HTMLElement) {
  const input = host.querySelector<HTMLInputElement>('input[name=email]');
  if (input?.value) typed = input.value.trim();
  else if (input && typed) input.value = typed;
  host.addEventListener('input', remember);
  host.addEventListener('change', remember);
}
