// The office's guards: the console is served from the API's own origin (`API_URL`,
// `/kancelarija/`), so its calls come from there or (same-origin GETs) carry no Origin at all.
// Any other origin is refused on every method — GETs included, because the residents' sites are
// in CORS's allowed list and could otherwise read a staff member's answers. A state-changing call
// must be JSON (which forces a preflight from anywhere else), as on the residents' cookie routes.
// Then the session (401), then the role (403): a refused call writes nothing.
import { createMiddleware } from 'hono/factory';
import { fail } from '../http/errors.ts';
import { documented } from '../openapi/tags.ts';
import type { AppEnv } from '../env.ts';
import type { StaffEnv } from './env.ts';
import { currentStaffSession } from './sessions.ts';
import type { StaffRole } from '../../../contract/office.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The console's origin, and a state-changing call's body of the one media type `bodyType`. */
const consoleGuard = (bodyType: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== c.var.deps.config.apiUrl) throw fail('origin_not_allowed');
    if (!SAFE.has(c.req.method)) {
      const type = c.req.header('content-type')?.split(';')[0].trim().toLowerCase();
      if (type !== bodyType) throw fail('unsupported_media_type');
    }
    await next();
  });

export const staffCsrfGuard = consoleGuard('application/json');

/**
 * The imports' guard: the body is the billing system's file as `text/csv`, which is no CORS-safelisted
 * type either, so it too forces a preflight from anywhere else.
 */
export const staffCsvGuard = documented(consoleGuard('text/csv'), { accepts: 'text/csv' });

export const requireStaff = createMiddleware<StaffEnv>(async (c, next) => {
  const s = await currentStaffSession(c, c.var.deps);
  if (!s) throw fail('unauthenticated');
  c.set('staffSession', s);
  await next();
});

/** The roles that may call what follows; `administrator` may do everything a `salter` may. */
export const requireRole = (role: StaffRole) =>
  createMiddleware<StaffEnv>(async (c, next) => {
    const mine = c.var.staffSession.staff.role;
    if (role === 'administrator' && mine !== 'administrator') throw fail('forbidden');
    await next();
  });
