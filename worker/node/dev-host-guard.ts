// Development on Node answers only requests addressed to its loopback names (localhost,
// 127.0.0.1, [::1], any port): a page elsewhere that rebinds its own name to this machine (DNS
// rebinding) would otherwise read the dev outbox's reset links with the browser's help, and a
// local reverse proxy would publish the dev keys and the demo under a real name.
// Invariant: outside production, a request whose Host header or request target names anything
// else — or that came over a connection with no Host header at all (HTTP/1.0), which the adapter
// would otherwise address to the listening address — gets 421 and reaches neither the API nor the
// files; production is not touched. A request handed to the app in-process (no connection) has no
// Host line to check.
import type { MiddlewareHandler } from 'hono';
import type { IncomingMessage } from 'node:http';
import { isLoopbackAuthority, isLoopbackHost } from '../src/http/loopback.ts';

export function devHostGuard(): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host');
    // Both: the Host header, and the URL (built from an absolute request target when there is one).
    const urlHost = new URL(c.req.url).hostname;
    // @hono/node-server passes the connection's request as `incoming`; without a Host line it makes
    // the URL from the listening address, which says nothing about the name the client used.
    const overConnection = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming !== undefined;
    const hostOk = host === undefined ? !overConnection : isLoopbackAuthority(host);
    if (hostOk && isLoopbackHost(urlHost)) return next();
    const named = host === undefined && overConnection ? 'none (no Host header)' : JSON.stringify(host ?? urlHost);
    return c.text(
      `421 Misdirected Request: this is a development server (APP_ENV=development) and it answers only ` +
        `its loopback names — localhost, 127.0.0.1 or [::1] — not ${named}. ` +
        'Open it as http://localhost:<port>/. A real name needs APP_ENV=production with its secrets.\n',
      421,
      { 'Cache-Control': 'no-store' },
    );
  };
}
