// The HTTP app: Web APIs only, so the same code runs on Node and in workerd.
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Deps } from './ports.ts';
import { makeSchemas, type Schemas } from '../../contract/schemas.ts';
import { ApiError, errorResponse } from './http/errors.ts';
import { isDbUnavailable } from './db/errors.ts';
import { limitsPolicy, type LimitsPolicy } from './auth/limits.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { csrfGuard } from './middleware/csrf.ts';
import { register } from './routes/register.ts';
import { confirm } from './routes/confirm.ts';
import { login } from './routes/login.ts';
import { me, logout } from './routes/session.ts';
import { forgotPassword, resendConfirmation } from './routes/mail-requests.ts';
import { resetPassword } from './routes/reset.ts';
import { health, devOutbox } from './routes/ops.ts';
import { listBills, getBill, getBillPdf } from './routes/bills.ts';
import { adminImport, adminBillPdf, adminUnlockConsumer } from './routes/admin.ts';
import { unsubscribe, UNSUBSCRIBE_PATH } from './routes/unsubscribe.ts';
import { updateSettings, changePassword } from './routes/account/settings.ts';
import { changeEmail } from './routes/account/email.ts';
import { listSessions, revokeSession, revokeAllSessions } from './routes/account/sessions.ts';
import { listConsumers, linkConsumer, unlinkConsumer } from './routes/account/consumers.ts';
import { listConsents, exportData, deleteAccount } from './routes/account/privacy.ts';

export interface AppContext {
  deps: Deps;
  schemas: Schemas;
  limits: LimitsPolicy;
  clientIp: (c: Context) => string;
}

export const BODY_LIMIT = 16 * 1024;
export const ADMIN_BODY_LIMIT = 8 * 1024 * 1024;

export function createApp(deps: Deps, clientIp: (c: Context) => string): Hono {
  const { config } = deps;
  const ctx: AppContext = {
    deps,
    clientIp,
    limits: limitsPolicy(config.limits),
    schemas: makeSchemas({
      passwordMinLength: config.passwordMinLength,
      consumerCodePattern: config.utility.consumerCode.pattern,
      pinPattern: config.utility.pin.pattern,
      commonWords: [config.utility.name, config.utility.shortName, config.utility.city],
    }),
  };
  const app = new Hono();
  const allowed = new Set(config.allowedOrigins);

  app.use('*', securityHeaders({ hsts: config.cookieSecure }));
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      credentials: true,
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );
  app.use('/api/*', csrfGuard(config.allowedOrigins));
  const tooLarge = (c: Context) => errorResponse(c, new ApiError(413, 'payload_too_large'));
  const smallBody = bodyLimit({ maxSize: BODY_LIMIT, onError: tooLarge });
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/admin/') ? next() : smallBody(c, next)));
  app.use('/api/admin/*', bodyLimit({ maxSize: ADMIN_BODY_LIMIT, onError: tooLarge }));

  app.post('/api/register', register(ctx));
  app.post('/api/register/resend', resendConfirmation(ctx));
  app.post('/api/confirm', confirm(ctx));
  app.post('/api/login', login(ctx));
  app.post('/api/logout', logout(ctx));
  app.get('/api/me', me(ctx));
  app.post('/api/password/forgot', forgotPassword(ctx));
  app.post('/api/password/reset', resetPassword(ctx));
  app.get('/api/bills', listBills(ctx));
  app.get('/api/bills/:id', getBill(ctx));
  app.get('/api/bills/:id/pdf', getBillPdf(ctx));
  app.post('/api/admin/bills/pdf', adminBillPdf(ctx));
  app.post('/api/account/settings', updateSettings(ctx));
  app.post('/api/account/password', changePassword(ctx));
  app.post('/api/account/email', changeEmail(ctx));
  app.get('/api/account/sessions', listSessions(ctx));
  app.post('/api/account/sessions/revoke', revokeSession(ctx));
  app.post('/api/account/sessions/revoke-all', revokeAllSessions(ctx));
  app.get('/api/account/consumers', listConsumers(ctx));
  app.post('/api/account/consumers/link', linkConsumer(ctx));
  app.post('/api/account/consumers/unlink', unlinkConsumer(ctx));
  app.get('/api/account/consents', listConsents(ctx));
  app.get('/api/account/export', exportData(ctx));
  app.post('/api/account/delete', deleteAccount(ctx));
  app.post('/api/admin/bills', adminImport(ctx, 'bills'));
  app.post('/api/admin/consumers', adminImport(ctx, 'consumers'));
  app.post('/api/admin/consumers/unlock', adminUnlockConsumer(ctx));
  app.post(UNSUBSCRIBE_PATH, unsubscribe(ctx));
  app.get('/api/health', health(ctx));
  if (!config.production) app.get('/api/dev/outbox', devOutbox(ctx));

  app.notFound((c) => c.json({ error: { code: 'not_found' } }, 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err);
    if (err instanceof HTTPException && err.status < 500) return errorResponse(c, new ApiError(err.status, 'invalid_request'));
    if (err instanceof URIError) return errorResponse(c, new ApiError(400, 'invalid_request'));
    if (isDbUnavailable(err)) {
      deps.log('warn', 'database unavailable', { path: c.req.path, error: String(err) });
      return errorResponse(c, new ApiError(503, 'service_unavailable', undefined, { 'Retry-After': '5' }));
    }
    deps.log('error', 'unhandled error', { path: c.req.path, error: err instanceof Error ? err.stack : String(err) });
    return errorResponse(c, new ApiError(500, 'internal_error'));
  });
  return app;
}
