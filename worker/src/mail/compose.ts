// Renders a mail for an account with the utility's details filled in.
import type { Deps } from '../ports.ts';
import { toLocale } from '../../../contract/locales.ts';
import { renderMail, type MailKind } from './templates.ts';
import { LOGIN_CODE_TTL_MS } from '../auth/login-codes.ts';

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
  return renderMail(kind, toLocale(locale), {
    name,
    link: link ?? deps.config.portalUrl,
    utility: deps.config.utility,
    hours,
    email,
    code,
    minutes: LOGIN_CODE_TTL_MS / 60_000,
  });
}
