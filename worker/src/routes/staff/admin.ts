// The administrator's part of the office (403 `forbidden` for a `salter`), every call audited:
// POST /api/staff/invitations {email, name, role}, GET /api/staff/members,
// POST /api/staff/members/:id/disable {reason}, GET /api/staff/audit (JSON, or CSV with
// ?format=csv) and GET /api/staff/print-list?period=YYYY-MM — the print house's list: who gets
// paper for the period (every consumer with a bill in it, except those whose linked, confirmed
// account has e-mail bills on), `&delivery=email` the opposite list, `&delivery=all` both;
// CSV for Serbian Excel, or JSON with `Accept: application/json`.
import { readBody } from '../../http/body.ts';
import { fail, refusedError } from '../../http/errors.ts';
import { reserve } from '../../auth/throttle.ts';
import { sendSoon } from '../../mail/outbox.ts';
import type { StaffCtx } from '../../staff/env.ts';
import { AUDIT_ACTIONS, audited } from '../../staff/audit.ts';
import { staffRules } from '../../staff/limits.ts';
import { csvResponse, toCsv } from '../../staff/csv.ts';
import { deliveryRows } from '../../db/statements/delivery-list.ts';
import { invitationStatements } from '../../staff/invitations.ts';
import { activeStaff, auditEntries, disableStaff, endStaffSessions, listStaff } from '../../db/statements/staff.ts';
import {
  officeSchemas,
  type AuditAnswer,
  type AuditEntry,
  type InvitationAnswer,
  type OfficeStatusAnswer,
  type StaffListAnswer,
  type StaffRole,
} from '../../../../contract/office.ts';
import { canonical } from '../../../../contract/typed-code.ts';

const schemas = officeSchemas();
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const AUDIT_LIMIT_JSON = 500;
const AUDIT_LIMIT_CSV = 100_000;

export async function inviteHandler(c: StaffCtx) {
  const { deps, staffSession } = c.var;
  const input = await readBody(c, schemas.invite);
  // A lost passkey is replaced by another administrator's invitation, never by one's own.
  if (input.email === staffSession.staff.email) throw fail('forbidden');
  const r = await reserve(deps, [staffRules.invite(staffSession.staff.id)]);
  if (r.refusal) throw refusedError(r.refusal);
  const inv = await invitationStatements(deps, { ...input, invitedBy: staffSession.staff.id });
  await audited(c, { action: 'staff.invited', detail: { email: input.email, role: input.role } }, inv.statements);
  sendSoon(deps, [inv.mailId]);
  return c.json({ status: 'invited', link: inv.link, expiresAt: inv.expiresAt } satisfies InvitationAnswer, 201);
}

export async function membersHandler(c: StaffCtx) {
  const rows = await listStaff(c.var.deps.db);
  await audited(c, { action: 'staff.listed' });
  return c.json(
    {
      staff: rows.map((r) => ({
        id: String(r.id),
        email: String(r.email),
        name: String(r.name),
        role: String(r.role) as StaffRole,
        createdAt: Number(r.created_at),
        disabledAt: r.disabled_at === null ? null : Number(r.disabled_at),
        passkeys: Number(r.passkeys),
      })),
    } satisfies StaffListAnswer,
    200,
  );
}

export async function disableHandler(c: StaffCtx) {
  const { deps, staffSession } = c.var;
  const id = c.req.param('id') ?? '';
  const input = await readBody(c, schemas.withReason);
  // Nobody disables themselves, so an administrator always remains.
  if (id === staffSession.staff.id) throw fail('forbidden');
  const found = await deps.db.$client.execute(activeStaff(id));
  if (!found.rows[0]) throw fail('not_found');
  await audited(c, { action: 'staff.disabled', reason: input.reason, detail: { staff: id } }, [
    disableStaff(id, deps.now()),
    endStaffSessions(id),
  ]);
  return c.json({ status: 'disabled' } satisfies OfficeStatusAnswer, 200);
}

/** `YYYY-MM-DD` (UTC midnight) or milliseconds; 422 otherwise. */
function timeParam(c: StaffCtx, name: string): number | undefined {
  const v = c.req.query(name);
  if (v === undefined || v === '') return undefined;
  if (/^\d{1,15}$/.test(v)) return Number(v);
  const t = /^\d{4}-\d{2}-\d{2}$/.test(v) ? Date.parse(`${v}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(t)) throw fail('validation_failed', { fields: { [name]: 'invalid_format' } });
  return t;
}

export async function auditHandler(c: StaffCtx) {
  const { deps } = c.var;
  const csv = c.req.query('format') === 'csv';
  const action = c.req.query('action') || undefined;
  if (action && !(AUDIT_ACTIONS as readonly string[]).includes(action))
    throw fail('validation_failed', { fields: { action: 'invalid_format' } });
  const filter = {
    from: timeParam(c, 'from'),
    to: timeParam(c, 'to'),
    staffId: c.req.query('staff') || undefined,
    // A code as the clerk types it, matched in its stored form.
    consumerCode:
      canonical('consumerCode', c.req.query('consumer') ?? '', deps.config.utility.consumerCode) || undefined,
    action,
    limit: csv ? AUDIT_LIMIT_CSV : AUDIT_LIMIT_JSON,
  };
  const rows = await auditEntries(deps.db.$client, filter);
  await audited(c, {
    action: csv ? 'audit.exported' : 'audit.viewed',
    detail: { ...filter, limit: undefined, rows: rows.length },
  });
  const entries: AuditEntry[] = rows.map((r) => ({
    id: Number(r.id),
    at: Number(r.at),
    staffId: r.staff_id === null ? null : String(r.staff_id),
    ip: String(r.ip),
    action: String(r.action),
    consumerCode: r.consumer_code === null ? null : String(r.consumer_code),
    accountId: r.account_id === null ? null : String(r.account_id),
    reason: r.reason === null ? null : String(r.reason),
    detail: r.detail === null ? null : (JSON.parse(String(r.detail)) as Record<string, unknown>),
  }));
  if (!csv) return c.json({ entries } satisfies AuditAnswer, 200);
  return csvResponse(
    toCsv(
      ['id', 'vreme', 'zaposleni', 'adresa', 'radnja', 'sifra_potrosaca', 'nalog', 'razlog', 'detalji'],
      entries.map((e) => [
        e.id,
        new Date(e.at).toISOString(),
        e.staffId,
        e.ip,
        e.action,
        e.consumerCode,
        e.accountId,
        e.reason,
        e.detail ? JSON.stringify(e.detail) : null,
      ]),
    ),
    'dnevnik.csv',
  );
}

export type Delivery = 'paper' | 'email' | 'all';

export async function printListHandler(c: StaffCtx) {
  const { deps } = c.var;
  const period = c.req.query('period') ?? '';
  if (!PERIOD.test(period)) throw fail('validation_failed', { fields: { period: 'invalid_format' } });
  const delivery = (c.req.query('delivery') ?? 'paper') as Delivery;
  if (!['paper', 'email', 'all'].includes(delivery))
    throw fail('validation_failed', { fields: { delivery: 'invalid_format' } });
  const rows = (await deliveryRows(deps, period)).filter((r) => delivery === 'all' || r.delivery === delivery);
  await audited(c, { action: 'print_list.exported', detail: { period, delivery, rows: rows.length } });
  if (c.req.header('accept')?.includes('application/json')) return c.json({ period, delivery, rows }, 200);
  return csvResponse(
    toCsv(
      ['sifra_potrosaca', 'ime_prezime', 'adresa', 'dostava', 'razlog', 'od'],
      rows.map((r) => [
        r.consumerCode,
        r.name,
        r.address,
        r.delivery === 'email' ? 'e-mail' : 'papir',
        r.reason,
        r.since === null ? null : new Date(r.since).toISOString().slice(0, 10),
      ]),
    ),
    `dostava-${period}-${delivery}.csv`,
  );
}
