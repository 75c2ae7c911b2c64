// The resident's account area (mounted at /api/account): the session middleware runs once, and
// every handler finds the session in `c.var.session`.
import { Hono } from 'hono';
import type { AccountEnv } from '../../env.ts';
import type { BodyValidators } from '../../http/body.ts';
import { requireSession } from '../../middleware/session.ts';
import { updateSettings, changePassword } from './settings.ts';
import { changeEmail } from './email.ts';
import { listSessions, revokeSession, revokeAllSessions } from './sessions.ts';
import { listConsumers, linkConsumer, unlinkConsumer, totalQrPng } from './consumers.ts';
import { listConsents, exportData, exportPage, deleteAccount } from './privacy.ts';
import { listPasskeys, passkeyRegistrationOptions, addPasskey, deletePasskey } from './passkeys.ts';

/** `body`: the app's validators of the JSON bodies (http/body.ts), built from the utility's schemas. */
export const accountRoutes = (body: BodyValidators) =>
  new Hono<AccountEnv>()
    .use('*', requireSession)
    .post('/settings', body.settings, updateSettings)
    .post('/password', body.changePassword, changePassword)
    .post('/email', body.changeEmail, changeEmail)
    .get('/sessions', listSessions)
    .post('/sessions/revoke', body.revokeSession, revokeSession)
    .post('/sessions/revoke-all', body.revokeAll, revokeAllSessions)
    .get('/consumers', listConsumers)
    .get('/consumers/:code/qr.png', totalQrPng)
    .post('/consumers/link', body.linkConsumer, linkConsumer)
    .post('/consumers/unlink', body.unlinkConsumer, unlinkConsumer)
    .get('/passkeys', listPasskeys)
    .post('/passkeys/options', body.passkeyOptions, passkeyRegistrationOptions)
    .post('/passkeys', body.passkeyAdd, addPasskey)
    .post('/passkeys/remove', body.passkeyRemove, deletePasskey)
    .get('/consents', listConsents)
    .get('/export', exportData)
    .get('/export.html', exportPage)
    .post('/delete', body.deleteAccount, deleteAccount);
