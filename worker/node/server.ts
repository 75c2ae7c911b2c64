// The Node composition: the API plus the widget bundle and the demo site, as `npm start` serves them.
import { Hono, type Context } from 'hono';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApp } from '../src/app.ts';
import type { Deps } from '../src/ports.ts';

import { DEMO_CSP, OFFICE_CSP } from './csp.ts';
import { devHostGuard } from './dev-host-guard.ts';
import { widgetCaching } from './widget-caching.ts';

export function nodeClientIp(trustProxy: boolean) {
  return (c: Context): string => {
    if (trustProxy) {
      // The right-most entry is the one our own proxy added.
      const forwarded = c.req
        .header('x-forwarded-for')
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (forwarded?.length) return forwarded[forwarded.length - 1];
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };
}

export function nodeServerApp(
  deps: Deps,
  opts: { widgetDir: string; demoDir: string; guideDir?: string; officeDir?: string; demoPagesDir?: string },
): Hono {
  const app = new Hono();
  // Development: only requests addressed to a loopback name (before the API and the files).
  if (!deps.config.production) app.use('*', devHostGuard());
  const clientIp = nodeClientIp(deps.config.trustProxy);
  app.route(
    '/',
    createApp(deps.config, (c) => ({ deps, clientIp: clientIp(c) })),
  );
  // route() copies the API's routes, not its notFound: without this, an unknown /api/* path would
  // fall through to the demo files and this app's text/plain 404. The API's middleware (security
  // headers, CORS, CSRF) still runs before it.
  app.all('/api/*', (c) => c.json({ error: { code: 'not_found' } }, 404));
  app.use('/widget/*', async (c, next) => {
    await next();
    c.header('Cache-Control', widgetCaching(c.req.path, c.res.status, deps.config.production));
    c.header('Access-Control-Allow-Origin', '*');
  });
  app.use('/widget/*', serveStatic({ root: opts.widgetDir, rewriteRequestPath: (p) => p.replace(/^\/widget/, '') }));
  // An unknown version or file is a 404 here, not a fall-through to the demo site.
  app.all('/widget/*', (c) => c.text('Not Found', 404));
  // The office's console (docs/office.md), in production too: its page and its own bundle
  // (dist/office), revalidated on every load so a new build reaches the staff at once.
  if (opts.officeDir) {
    app.get('/kancelarija', (c) => c.redirect('/kancelarija/', 301));
    app.use('/kancelarija/*', async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-cache');
      if (c.res.headers.get('content-type')?.startsWith('text/html')) {
        c.header('Content-Security-Policy', OFFICE_CSP);
        c.header('X-Frame-Options', 'DENY');
      }
    });
    app.use(
      '/kancelarija/*',
      serveStatic({ root: opts.officeDir, rewriteRequestPath: (p) => p.replace(/^\/kancelarija/, '') }),
    );
    app.all('/kancelarija/*', (c) => c.text('Not Found', 404));
  }
  app.use('*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Content-Security-Policy', DEMO_CSP);
  });
  // The embed guide (/ugradnja.html, written by `npm run build` into <root>/guide/<mode>), in
  // production too: its production pages (the production API address, nothing secret, no link to
  // the demo or its mailbox), read-only (GET and HEAD), with their own scripts and styles.
  if (opts.guideDir) {
    const root = join(opts.guideDir, deps.config.production ? 'production' : 'development');
    app.get('*', serveStatic({ root }));
  }
  // The built demo pages (<root>/demo: filled for the utility, the versioned widget tags,
  // widget/scripts/demo-pages.ts); from demo/ only the rest (styles, the dev mailbox), never a
  // page's template with its {{placeholders}}.
  if (!deps.config.production && opts.demoPagesDir) app.use('*', serveStatic({ root: opts.demoPagesDir }));
  if (!deps.config.production) {
    const files = serveStatic({ root: opts.demoDir });
    const isPage = (path: string) => path.endsWith('/') || path.endsWith('.html');
    app.use('*', (c, next) => (opts.demoPagesDir && isPage(c.req.path) ? next() : files(c, next)));
  }
  return app;
}
