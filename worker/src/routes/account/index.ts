// The resident's account area (mounted at /api/account): the session middleware runs once, and
// every handler finds the session in `c.var.session`.
import { Hono } from 'hono';
import type { AccountEnv } from '../../env.ts';
import { requireSession } from '../../middleware/session.ts';
import { updateSettings, changePassword } from './settings.ts';
import { changeEmail } from './email.ts';
import { listSessions, revokeSession, revokeAllSessions } from './sessions.ts';
import { listConsumers, linkConsumer, unlinkConsumer, totalQrPng } from './consumers.ts';
import { listConsents, exportData, deleteAccount } from './privacy.ts';
import { listPasskeys, passkeyRegistrationOptions, addPasskey, deletePasskey } from './passkeys.ts';

export const accountRoutes = new Hono<AccountEnv>()
  .use('*', requireSession)
  .post('/settings', updateSettings)
  .post('/password', changePassword)
  .post('/email', changeEmail)
  .get('/sessions', listSessions)
  .post('/sessions/revoke', revokeSession)
  .post('/sessions/revoke-all', revokeAllSessions)
  .get('/consumers', listConsumers)
  .get('/consumers/:code/qr.png', totalQrPng)
  .post('/consumers/link', linkConsumer)
  .post('/consumers/unlink', unlinkConsumer)
  .get('/passkeys', listPasskeys)
  .post('/passkeys/options', passkeyRegistrationOptions)
  .post('/passkeys', addPasskey)
  .post('/passkeys/remove', deletePasskey)
  .get('/consents', listConsents)
  .get('/export', exportData)
  .post('/delete', deleteAccount);
