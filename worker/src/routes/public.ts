// The routes a visitor reaches without a session (mounted at /api): registration, confirmation,
// login (with a password or a code by e-mail) and logout, the forgotten password, health, the
// installation check's diagnosis, and the dev mailbox outside production.
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { register } from './register.ts';
import { confirm } from './confirm.ts';
import { login } from './login.ts';
import { me, logout } from './session.ts';
import { forgotPassword, resendConfirmation } from './mail-requests.ts';
import { provisionalPasskeys, resetPassword } from './reset.ts';
import { passkeyLogin, passkeyLoginOptions } from './passkey-login.ts';
import { loginWithCode, sendLoginCode } from './login-code.ts';
import { health, devOutbox } from './ops.ts';
import { diagnose, diagnoseModule } from './diagnose.ts';

export function publicRoutes(production: boolean) {
  const routes = new Hono<AppEnv>()
    .post('/register', register)
    .post('/register/resend', resendConfirmation)
    .post('/confirm', confirm)
    .post('/login', login)
    .post('/login/code/send', sendLoginCode)
    .post('/login/code', loginWithCode)
    .post('/passkey/login/options', passkeyLoginOptions)
    .post('/passkey/login', passkeyLogin)
    .post('/logout', logout)
    .get('/me', me)
    .post('/password/forgot', forgotPassword)
    .post('/password/reset', resetPassword)
    .post('/password/reset/passkeys', provisionalPasskeys)
    .get('/health', health)
    .get('/diagnose', diagnose)
    .get('/diagnose.js', diagnoseModule);
  return production ? routes : routes.get('/dev/outbox', devOutbox);
}
