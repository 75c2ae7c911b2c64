import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../http/errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing requests must be JSON (which forces a CORS preflight from other origins)
 * and, when the browser says where they come from, come from an allowed origin.
 */
export function csrfGuard(allowedOrigins: string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    // The billing system's endpoints authenticate with a bearer token, never a cookie.
    if (!SAFE.has(c.req.method) && !c.req.path.startsWith('/api/admin/')) {
      const origin = c.req.header('origin');
      if (origin !== undefined && !allowed.has(origin)) throw new ApiError(403, 'origin_not_allowed');
      const type = c.req.header('content-type')?.split(';')[0].trim().toLowerCase();
      if (type !== 'application/json') throw new ApiError(415, 'unsupported_media_type');
    }
    await next();
  };
}
