import type { MiddlewareHandler } from 'hono';

/** Headers for every response. API answers are never framed, and never cached unless the route says so (diagnose). */
export function securityHeaders(opts: { hsts: boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    if (opts.hsts) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (c.req.path.startsWith('/api/')) {
      if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
      h.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
      h.set('X-Frame-Options', 'DENY');
    }
  };
}
