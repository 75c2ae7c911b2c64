// The audit log (docs/office.md): every staff action — look-ups of a resident's data included
// (ZZPL) — who, when, from which address, on which consumer or account, and why. Invariant: a
// call under a staff session answers with success only after its entry is written, in the same
// batch as the action's own writes (`audited`); `enforceAudit` turns a success without an entry
// into a 500. The log is append-only: this module only inserts, nothing in the code updates or
// deletes a row (test/worker/staff/audit.test.ts searches the code), and migration 0010's
// triggers refuse an UPDATE or DELETE from anyone with the database.
import type { InStatement, InValue, ResultSet } from '@libsql/client';
import { createMiddleware } from 'hono/factory';
import type { Deps } from '../ports.ts';
import type { StaffCtx, StaffEnv } from './env.ts';
import { touchStatement } from './sessions.ts';

/** What staff do, as the log names it. */
export const AUDIT_ACTIONS = [
  'staff.invitation_accepted',
  'staff.login',
  'staff.logout',
  'staff.me',
  'staff.passkey_options',
  'staff.passkey_added',
  'staff.invited',
  'staff.listed',
  'staff.disabled',
  'consumer.searched',
  'consumer.viewed',
  'consumer.pin_unlocked',
  'consumer.confirmation_resent',
  'consumer.noted',
  'audit.viewed',
  'audit.exported',
  'print_list.exported',
  'import.previewed',
  'import.done',
  'run.viewed',
  'run.retried',
  'overview.viewed',
  // The billing system's calls (bearer ADMIN_TOKEN; no staff id: middleware/admin-audit.ts).
  'admin.bills_imported',
  'admin.consumers_imported',
  'admin.consumer_unlocked',
  'admin.bill_pdf_stored',
  'admin.bounces_reported',
  'admin.delivery_listed',
  'admin.delivery_feed_read',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditInput {
  action: AuditAction;
  consumerCode?: string | null;
  accountId?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown> | null;
  /**
   * For a read the console repeats (the run's progress every 2 s): one entry per staff member,
   * action and detail within this many ms — the first of a watch is logged, its repeats are not.
   */
  onceWithin?: number;
}

/** The insert of one entry; `where` (with `whereArgs`): SQL that must hold (e.g. `changes() = 1`). */
export function auditInsert(
  deps: Deps,
  ip: string,
  staffId: string | null,
  e: AuditInput,
  where = '1',
  whereArgs: InValue[] = [],
): InStatement {
  return {
    sql: `INSERT INTO audit_log (at, staff_id, ip, action, consumer_code, account_id, reason, detail)
      SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE ${where}`,
    args: [
      deps.now(),
      staffId,
      ip,
      e.action,
      e.consumerCode ?? null,
      e.accountId ?? null,
      e.reason ?? null,
      e.detail ? JSON.stringify(e.detail) : null,
      ...whereArgs,
    ],
  };
}

/**
 * Runs the call's writes with its audit entry and the session's "last seen" in one write batch,
 * and marks the call audited. Returns the results of `statements`.
 */
export async function audited(c: StaffCtx, e: AuditInput, statements: InStatement[] = []): Promise<ResultSet[]> {
  const { deps, clientIp, staffSession } = c.var;
  const staffId = staffSession.staff.id;
  const detail = e.detail ? JSON.stringify(e.detail) : null;
  const [where, args]: [string, InValue[]] = e.onceWithin
    ? [
        'NOT EXISTS (SELECT 1 FROM audit_log WHERE staff_id = ? AND action = ? AND detail IS ? AND at > ?)',
        [staffId, e.action, detail, deps.now() - e.onceWithin],
      ]
    : ['1', []];
  const results = await deps.db.$client.batch(
    [
      ...statements,
      auditInsert(deps, clientIp, staffId, e, where, args),
      touchStatement(staffSession.hash, deps.now()),
    ],
    'write',
  );
  c.set('audited', true);
  return results.slice(0, statements.length);
}

/** A success under a staff session without its audit entry is a bug: answered as one (500), never as a success. */
export const enforceAudit = createMiddleware<StaffEnv>(async (c, next) => {
  c.set('audited', false);
  await next();
  if (c.res.status < 400 && !c.var.audited) {
    c.var.deps.log('error', 'staff call answered without an audit entry', { path: c.req.path });
    c.res = new Response(JSON.stringify({ error: { code: 'internal_error' } }), {
      status: 500,
      headers: { 'content-type': 'application/json' },
    });
  }
});
