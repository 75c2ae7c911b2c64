// The office's API (mounted at /api/staff; docs/office.md). The guards run in this order: the
// console's origin and JSON bodies (staff/guard.ts), small bodies — the imports instead take the
// billing system's CSV file, up to its 8 MiB (their own sub-app, mounted first); then, past the way in, the
// staff session (401), the call's audit entry enforced (staff/audit.ts) and, for the
// administrator's routes, the role (403). A refused call writes nothing.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { fail, errorResponse } from '../../http/errors.ts';
import type { StaffEnv } from '../../staff/env.ts';
import { requireRole, requireStaff, staffCsrfGuard, staffCsvGuard } from '../../staff/guard.ts';
import { sizeLimit } from '../../http/size-limit.ts';
import { ADMIN_BODY_LIMIT } from '../admin.ts';
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
import { importHandler, previewHandler } from './imports.ts';
import { runProgressHandler, runRetryHandler } from './runs.ts';
import { overviewHandler } from './overview.ts';

/** The office's bodies are small (a reason, a note, a passkey). */
export const STAFF_BODY_LIMIT = 16 * 1024;

const session = [requireStaff, enforceAudit] as const;
const admin = [...session, requireRole('administrator')] as const;

/** The imports: a route answered here never reaches the JSON guards that staffRoutes registers after it. */
const importRoutes = new Hono<StaffEnv>()
  .use('*', staffCsvGuard, sizeLimit(ADMIN_BODY_LIMIT))
  .post('/preview', ...admin, previewHandler)
  .post('/', ...admin, importHandler);

export const staffRoutes = new Hono<StaffEnv>()
  .route('/imports', importRoutes)
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
  .get('/print-list', ...admin, printListHandler)
  .get('/runs', ...admin, runProgressHandler)
  .post('/runs/:period/retry', ...admin, runRetryHandler)
  .get('/overview', ...admin, overviewHandler);
