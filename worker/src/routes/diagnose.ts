// GET /api/diagnose and GET /api/diagnose.js: what the installation check (<jp-doctor>) asks the
// API from the webmaster's page. A browser hides why it refused a CORS answer, so this one answers
// every origin and says whether the page's origin is allowed. Read-only and cheap: no database, no
// session, nothing secret — in production not even the list of allowed origins, only yes or no for
// the origin it saw (PORTAL_URL is answered: every mail names it). Cacheable for a minute per Origin (the check itself asks with no-store).
// The .js form is the same answer as a JavaScript module, for a page whose CSP blocks connections
// to the API but lets its scripts load: the check can still name every problem at once.
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import type { DiagnoseAnswer } from '../../../contract/responses.ts';
import { cookieName } from '../auth/sessions.ts';
import pkg from '../../../package.json' with { type: 'json' };

/** An origin named in the query (a same-origin page's fetch carries no Origin header), if it is one. */
function queryOrigin(raw: string | undefined): string | null {
  if (!raw || raw.length > 200) return null;
  try {
    const origin = new URL(raw).origin;
    return origin === raw ? origin : null;
  } catch {
    return null;
  }
}

export function diagnoseAnswer(c: Context<AppEnv>): DiagnoseAnswer {
  const { config } = c.var.deps;
  const origin = c.req.header('origin') ?? queryOrigin(c.req.query('origin'));
  return {
    origin,
    originAllowed: origin === null ? null : config.allowedOrigins.includes(origin),
    ...(config.production ? {} : { allowedOrigins: config.allowedOrigins }),
    fetchSite: c.req.header('sec-fetch-site') ?? null,
    apiOrigin: config.apiUrl,
    portalUrl: config.portalUrl,
    rpId: config.rpId,
    cookie: { name: cookieName(c.var.deps), secure: config.cookieSecure, sameSite: 'Lax', httpOnly: true },
    version: pkg.version,
    production: config.production,
  };
}

/** Any origin may read it; no credentials; one minute in caches, kept apart per Origin. */
function openHeaders(c: Context<AppEnv>) {
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Access-Control-Allow-Credentials', undefined);
  c.header('Cache-Control', 'public, max-age=60');
  c.header('Vary', 'Origin, Sec-Fetch-Site');
}

export function diagnose(c: Context<AppEnv>) {
  openHeaders(c);
  return c.json(diagnoseAnswer(c), 200);
}

export function diagnoseModule(c: Context<AppEnv>) {
  openHeaders(c);
  return c.body(`export default ${JSON.stringify(diagnoseAnswer(c))};\n`, 200, {
    'Content-Type': 'text/javascript; charset=utf-8',
  });
}
