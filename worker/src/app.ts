// The HTTP app: Web APIs only, so the same code runs on Node and in workerd. Built once per
// process or Workers isolate from the configuration; what differs per request (the adapters and
// the client's address) comes from the entry's `scope`. The sub-apps are mounted by path, each
// with the guards it needs: cookie routes a CSRF guard and small bodies, the account and bill
// routes the session, the billing system its bearer token and large bodies.
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { Config } from './config.ts';
import type { AppEnv, RequestScope } from './env.ts';
import { makeSchemas, utilitySchemaOptions } from '../../contract/schemas.ts';
import { fail, ApiError, errorResponse } from './http/errors.ts';
import { bodyValidators } from './http/body.ts';
import { sizeLimit } from './http/size-limit.ts';
import { openapiRoutes } from './openapi/routes.ts';
import { isDbUnavailable } from './db/errors.ts';
import { limitsPolicy } from './auth/limits.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { csrfGuard } from './middleware/csrf.ts';
import { publicRoutes } from './routes/public.ts';
import { accountRoutes } from './routes/account/index.ts';
import { billRoutes } from './routes/bills.ts';
import { mailEventRoutes } from './routes/mail-events.ts';
import { adminRoutes } from './routes/admin.ts';
import { unsubscribeRoutes } from './routes/unsubscribe.ts';
import { staffRoutes } from './routes/staff/index.ts';

/** Bodies of the residents' requests (the billing system's limit is in routes/admin.ts). */
export const BODY_LIMIT = 16 * 1024;

export function createApp(config: Config, scope: (c: Context) => RequestScope): Hono<AppEnv> {
  const schemas = makeSchemas(utilitySchemaOptions(config.utility));
  const limits = limitsPolicy(config.limits);
  const allowed = new Set(config.allowedOrigins);
  // The JSON bodies' validators, built once from the utility's schemas (http/body.ts).
  const body = bodyValidators(schemas);
  const cookieGuards = [csrfGuard(config.allowedOrigins), sizeLimit(BODY_LIMIT)] as const;

  const app = new Hono<AppEnv>();
  app.use('*', securityHeaders({ hsts: config.cookieSecure }));
  app.use(
    '*',
    createMiddleware<AppEnv>(async (c, next) => {
      const { deps, clientIp } = scope(c);
      c.set('deps', deps);
      c.set('clientIp', clientIp);
      c.set('schemas', schemas);
      c.set('limits', limits);
      await next();
    }),
  );
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
  app.use('/api/account/*', ...cookieGuards);
  app.use('/api/bills/*', ...cookieGuards);
  app.use('/api/email-bills/*', cookieGuards[1]);

  app.route('/api/account', accountRoutes(body));
  app.route('/api/bills', billRoutes);
  app.route('/api/admin', adminRoutes(body));
  app.route('/api/mail', mailEventRoutes); // delivery webhooks, signed (mail-events.ts)
  app.route('/api/email-bills', unsubscribeRoutes);
  app.route('/api/staff', staffRoutes); // the office (docs/office.md): its own guards, session and audit
  // Last: the public routes' guards run only for what the sub-apps above did not take.
  app.use('/api/*', ...cookieGuards);
  app.route('/api', publicRoutes(config.production, body));
  // The OpenAPI document of the routes above (and of itself), and its reference page.
  app.route('/api', openapiRoutes(app, { title: config.utility.name, serverUrl: config.apiUrl }));

  app.notFound((c) => c.json({ error: { code: 'not_found' } }, 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err);
    if (err instanceof HTTPException && err.status < 500) return errorResponse(c, fail('invalid_request'));
    if (err instanceof URIError) return errorResponse(c, fail('invalid_request'));
    const log = c.var.deps?.log ?? (() => undefined);
    if (isDbUnavailable(err)) {
      log('warn', 'database unavailable', { path: c.req.path, error: String(err) });
      return errorResponse(c, fail('service_unavailable', { headers: { 'Retry-After': '5' } }));
    }
    log('error', 'unhandled error', { path: c.req.path, error: err instanceof Error ? err.stack : String(err) });
    return errorResponse(c, fail('internal_error'));
  });
  return app;
}
