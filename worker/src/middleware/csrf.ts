// The cookie-authenticated routes' guard against cross-site requests: a state-changing request
// must be JSON (which forces a CORS preflight from other origins) and, when the browser says
// where it comes from, come from an allowed origin (a refusal names the origin in development
// only). Mounted only on the sub-apps a cookie authenticates; the billing system (bearer) and the
// one-click unsubscribe (signed token) have none.
import { createMiddleware } from 'hono/factory';
import { fail } from '../http/errors.ts';
import type { AppEnv } from '../env.ts';
import { documented } from '../openapi/tags.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfGuard(allowedOrigins: string[]) {
  const allowed = new Set(allowedOrigins);
  const guard = createMiddleware<AppEnv>(async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      // Development names the refused origin, so the widget can say what to add to ALLOWED_ORIGINS.
      if (origin !== undefined && !allowed.has(origin))
        throw fail('origin_not_allowed', c.var.deps.config.production ? {} : { origin });
      const type = c.req.header('content-type')?.split(';')[0].trim().toLowerCase();
      if (type !== 'application/json') throw fail('unsupported_media_type');
    }
    await next();
  });
  return documented(guard, { errors: ['origin_not_allowed', 'unsupported_media_type'], unsafeOnly: true });
}
