// The office's API (mounted at /api/staff; docs/office.md). The guards run in this order: the
// console's origin and JSON bodies (staff/guard.ts), small bodies; then, past the way in, the
// staff session (401), the call's audit entry enforced (staff/audit.ts) and, for the
// administrator's routes, the role (403). A refused call writes nothing.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { fail, errorResponse } from '../../http/errors.ts';
import type { StaffEnv } from '../../staff/env.ts';
import { requireRole, requireStaff, staffCsrfGuard } from '../../staff/guard.ts';
import { enforceAudit } from '../../staff/audit.ts';
import {
  acceptInvitation,
  addPasskey,
  invitationOptions,
  login,
  loginOptions,
  logout,
  me,
  passkeyOptions,
} from './auth.ts';
import { cardHandler, noteHandler, resendConfirmationHandler, searchHandler, unlockHandler } from './consumers.ts';
import { auditHandler, disableHandler, inviteHandler, membersHandler, printListHandler } from './admin.ts';

/** The office's bodies are small (a reason, a note, a passkey). */
export const STAFF_BODY_LIMIT = 16 * 1024;

const session = [requireStaff, enforceAudit] as const;
const admin = [...session, requireRole('administrator')] as const;

export const staffRoutes = new Hono<StaffEnv>()
  .use('*', staffCsrfGuard)
  .use('*', bodyLimit({ maxSize: STAFF_BODY_LIMIT, onError: (c) => errorResponse(c, fail('payload_too_large')) }))
  .post('/invitation/options', invitationOptions)
  .post('/invitation', acceptInvitation)
  .post('/login/options', loginOptions)
  .post('/login', login)
  .get('/me', ...session, me)
  .post('/logout', ...session, logout)
  .post('/passkeys/options', ...session, passkeyOptions)
  .post('/passkeys', ...session, addPasskey)
  .get('/consumers', ...session, searchHandler)
  .get('/consumers/:code', ...session, cardHandler)
  .post('/consumers/:code/unlock', ...session, unlockHandler)
  .post('/consumers/:code/resend-confirmation', ...session, resendConfirmationHandler)
  .post('/consumers/:code/notes', ...session, noteHandler)
  .post('/invitations', ...admin, inviteHandler)
  .get('/members', ...admin, membersHandler)
  .post('/members/:id/disable', ...admin, disableHandler)
  .get('/audit', ...admin, auditHandler)
  .get('/print-list', ...admin, printListHandler);
