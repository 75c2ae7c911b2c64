// Development on Node answers only requests addressed to its loopback names (localhost,
// 127.0.0.1, [::1], any port): a page elsewhere that rebinds its own name to this machine (DNS
// rebinding) would otherwise read the dev outbox's reset links with the browser's help, and a
// local reverse proxy would publish the dev keys and the demo under a real name.
// Invariant: outside production, a request whose Host header or request target names anything
// else gets 421 and reaches neither the API nor the files; production is not touched.
import type { MiddlewareHandler } from 'hono';
import { isLoopbackAuthority, isLoopbackHost } from '../src/http/loopback.ts';

export function devHostGuard(): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host');
    // Both: the Host header, and the URL (built from an absolute request target when there is one).
    const urlHost = new URL(c.req.url).hostname;
    if ((host === undefined || isLoopbackAuthority(host)) && isLoopbackHost(urlHost)) return next();
    return c.text(
      `421 Misdirected Request: this is a development server (APP_ENV=development) and it answers only ` +
        `its loopback names — localhost, 127.0.0.1 or [::1] — not ${JSON.stringify(host ?? urlHost)}. ` +
        'Open it as http://localhost:<port>/. A real name needs APP_ENV=production with its secrets.\n',
      421,
      { 'Cache-Control': 'no-store' },
    );
  };
}
