// Every kind of pending work and what runs it (the routes that promise work and the periodic job share this list).
import type { Handler } from './pending.ts';
import { completeRegistration } from '../auth/registration.ts';
import { sendMailLink } from '../auth/mail-links.ts';
import { sendLoginCode } from '../auth/login-code-mail.ts';

export const WORK_HANDLERS: Record<string, Handler> = {
  register: (deps, work) => completeRegistration(deps, work),
  'mail-link': sendMailLink,
  'login-code': sendLoginCode,
};
