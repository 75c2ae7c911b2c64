// The routes a visitor reaches without a session (mounted at /api): registration, confirmation,
// login (with a password or a code by e-mail) and logout, the forgotten password, health, the
// installation check's diagnosis, and the dev mailbox outside production.
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import type { BodyValidators } from '../http/body.ts';
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

/** `body`: the app's validators of the JSON bodies (http/body.ts), built from the utility's schemas. */
export function publicRoutes(production: boolean, body: BodyValidators) {
  const routes = new Hono<AppEnv>()
    .post('/register', body.register, register)
    .post('/register/resend', body.resend, resendConfirmation)
    .post('/confirm', body.confirm, confirm)
    .post('/login', body.login, login)
    .post('/login/code/send', body.loginCodeRequest, sendLoginCode)
    .post('/login/code', body.loginCode, loginWithCode)
    .post('/passkey/login/options', passkeyLoginOptions)
    .post('/passkey/login', body.passkeyLogin, passkeyLogin)
    .post('/logout', logout)
    .get('/me', me)
    .post('/password/forgot', body.forgot, forgotPassword)
    .post('/password/reset', body.reset, resetPassword)
    .post('/password/reset/passkeys', body.resetPasskeys, provisionalPasskeys)
    .get('/health', health)
    .get('/diagnose', diagnose)
    .get('/diagnose.js', diagnoseModule);
  return production ? routes : routes.get('/dev/outbox', devOutbox);
}
