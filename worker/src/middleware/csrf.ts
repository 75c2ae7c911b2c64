import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../http/errors.ts';
import { UNSUBSCRIBE_PATH } from '../routes/unsubscribe.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing requests must be JSON (which forces a CORS preflight from other origins)
 * and, when the browser says where they come from, come from an allowed origin.
 */
export function csrfGuard(allowedOrigins: string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    // The billing system's endpoints authenticate with a bearer token and the one-click
    // unsubscribe with a signed token, never with a cookie: nothing to forge there.
    if (!SAFE.has(c.req.method) && !c.req.path.startsWith('/api/admin/') && c.req.path !== UNSUBSCRIBE_PATH) {
      const origin = c.req.header('origin');
      if (origin !== undefined && !allowed.has(origin)) throw new ApiError(403, 'origin_not_allowed');
      const type = c.req.header('content-type')?.split(';')[0].trim().toLowerCase();
      if (type !== 'application/json') throw new ApiError(415, 'unsupported_media_type');
    }
    await next();
  };
}
