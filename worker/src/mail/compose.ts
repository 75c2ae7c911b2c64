// Renders a mail for an account with the utility's details filled in; a resident's mail's link
// (the token's, else the portal's) carries the mail's locale (locale-link.ts). The office's
// invitation is no resident's mail: its console link is left as it is.
import type { Deps } from '../ports.ts';
import { toLocale } from '../../../contract/locales.ts';
import { renderMail, type MailKind } from './templates.ts';
import { LOGIN_CODE_TTL_MS } from '../auth/login-codes.ts';
import { withLocale } from './locale-link.ts';

/** `code`: the one-time code of a 'login-code' mail. */
export function composeMail(
  deps: Deps,
  kind: MailKind,
  locale: string,
  name: string,
  link?: string,
  email?: string,
  code?: string,
) {
  const hours = (kind === 'reset' ? deps.config.resetTtlMs : deps.config.confirmTtlMs) / 3600_000;
  const l = toLocale(locale);
  const portalLink = link ?? deps.config.portalUrl;
  return renderMail(kind, l, {
    name,
    link: kind === 'staff_invite' ? portalLink : withLocale(portalLink, l),
    utility: deps.config.utility,
    hours,
    email,
    code,
    minutes: LOGIN_CODE_TTL_MS / 60_000,
  });
}
