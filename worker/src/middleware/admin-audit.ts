// The billing system's calls in the audit log (docs/office.md, "The audit log"): each
// /api/admin/* handler names its entry (`adminAudited`: the action and what it did); this
// middleware writes it, with no staff id and the token used (`current` or `next`, never the token),
// before the answer leaves. Invariant, as enforceAudit's for staff: a success without its entry
// is answered as a bug (500), never as a success; if the entry cannot be written the call fails.
// A refused call (4xx) writes nothing — wrong tokens are counted by the bearer's throttle instead.
// The entry follows the action's own writes (the imports commit in batches of their own), so a
// failure between them leaves the action done and answered 500: every admin action is safe to
// repeat (imports and bounces are idempotent, an unlock or a stored PDF the same twice).
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AdminTokenName } from '../auth/admin-token.ts';
import type { AppEnv, JsonInput } from '../env.ts';
import type { Schemas } from '../../../contract/schemas.ts';
import { type AuditInput, auditInsert } from '../staff/audit.ts';

export interface AdminEnv {
  Variables: AppEnv['Variables'] & {
    /** Which token the bearer was (set by the bearer middleware). */
    adminToken: AdminTokenName;
    /** The entry the handler named for its success. */
    adminAudit: AuditInput | null;
  };
}

/** A billing-system handler's context; `AdminCtx<'unlinkConsumer'>` reads the body validated with that schema. */
export type AdminCtx<K extends keyof Schemas = never> = [K] extends [never]
  ? Context<AdminEnv>
  : Context<AdminEnv, string, JsonInput<Schemas[K]>>;

/** The handler's entry for its success (written by enforceAdminAudit before the answer leaves). */
export function adminAudited(c: Context<AdminEnv>, e: AuditInput): void {
  c.set('adminAudit', e);
}

export const enforceAdminAudit = createMiddleware<AdminEnv>(async (c, next) => {
  c.set('adminAudit', null);
  await next();
  if (c.res.status >= 400) return;
  const { deps, clientIp, adminAudit: e, adminToken } = c.var;
  if (!e) {
    deps.log('error', 'admin call answered without an audit entry', { path: c.req.path });
    c.res = new Response(JSON.stringify({ error: { code: 'internal_error' } }), {
      status: 500,
      headers: { 'content-type': 'application/json' },
    });
    return;
  }
  await deps.db.$client.execute(
    auditInsert(deps, clientIp, null, { ...e, detail: { token: adminToken, ...e.detail } }),
  );
});
