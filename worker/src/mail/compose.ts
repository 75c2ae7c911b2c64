// Renders a mail for an account with the utility's details filled in.
import type { Deps } from '../ports.ts';
import type { Locale } from '../../../contract/schemas.ts';
import { LOCALES } from '../../../contract/schemas.ts';
import { renderMail, type MailKind } from './templates.ts';

export function composeMail(deps: Deps, kind: MailKind, locale: string, name: string, link?: string, email?: string) {
  const loc: Locale = (LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : 'sr-Latn';
  const hours = (kind === 'reset' ? deps.config.resetTtlMs : deps.config.confirmTtlMs) / 3600_000;
  return renderMail(kind, loc, {
    name,
    link: link ?? deps.config.portalUrl,
    utility: deps.config.utility.name,
    support: deps.config.utility.supportEmail,
    hours,
    email,
  });
}
