// The counter's work (both roles), every call audited, look-ups included (ZZPL):
// GET /api/staff/consumers?q= (by code, name, address or e-mail), GET /api/staff/consumers/:code
// (the card), POST …/:code/unlock {reason}, POST …/:code/resend-confirmation {reason},
// POST …/:code/notes {text}. A `salter` sees a resident's address partly hidden (p***@gmail.com).
import type { Row } from '@libsql/client';
import { readBody } from '../../http/body.ts';
import { fail, refusedError } from '../../http/errors.ts';
import { clearStatement, release, reserve } from '../../auth/throttle.ts';
import { randomId } from '../../auth/crypto.ts';
import { issueToken, tokenLink } from '../../auth/tokens.ts';
import { enqueueStatement, sendSoon } from '../../mail/outbox.ts';
import { composeMail } from '../../mail/compose.ts';
import type { DeliveryEventType } from '../../mail/delivery-events.ts';
import type { StaffCtx } from '../../staff/env.ts';
import { audited } from '../../staff/audit.ts';
import { staffRules } from '../../staff/limits.ts';
import { maskEmail } from '../../staff/mask.ts';
import {
  asStatement,
  cardStatements,
  consumerExists,
  insertNote,
  pendingRegistration,
  searchConsumers,
} from '../../db/statements/staff.ts';
import {
  officeSchemas,
  type ConsumerCard,
  type ConsumerCardAnswer,
  type ConsumerSearchAnswer,
  type OfficeStatusAnswer,
  type PinState,
} from '../../../../contract/office.ts';
import { canonical } from '../../../../contract/typed-code.ts';

const schemas = officeSchemas();
const MAILS_ON_CARD = 20;

const emailFor = (c: StaffCtx, email: string) =>
  c.var.staffSession.staff.role === 'administrator' ? email : maskEmail(email);

/** The code from the path in its canonical form, checked against the utility's pattern (422 otherwise). */
function codeParam(c: StaffCtx): string {
  const format = c.var.deps.config.utility.consumerCode;
  const code = canonical('consumerCode', c.req.param('code') ?? '', format);
  if (!new RegExp(format.pattern).test(code)) throw fail('validation_failed', { fields: { code: 'invalid_format' } });
  return code;
}

/** A look-up of residents' data, counted first per staff member (limits.ts). */
async function countLookup(c: StaffCtx) {
  const { deps, staffSession } = c.var;
  const rule = staffRules.lookup(staffSession.staff.id);
  const r = await reserve(deps, [rule]);
  if (r.refusal) throw refusedError(r.refusal);
  return rule;
}

export async function searchHandler(c: StaffCtx) {
  const { deps } = c.var;
  const q = (c.req.query('q') ?? '').trim();
  if (q.length < 2) throw fail('validation_failed', { fields: { q: 'required' } });
  if (q.length > 100) throw fail('validation_failed', { fields: { q: 'too_long' } });
  await countLookup(c);
  // A code as a clerk types it from the bill ("t-2024/ 0815") is matched in its canonical form.
  const rows = await searchConsumers(
    deps.db.$client,
    q,
    canonical('consumerCode', q, deps.config.utility.consumerCode),
  );
  await audited(c, { action: 'consumer.searched', detail: { q, results: rows.length } });
  return c.json(
    {
      consumers: rows.map((r) => ({
        code: String(r.code),
        name: String(r.name),
        address: String(r.address),
        email: r.email === null ? null : emailFor(c, String(r.email)),
      })),
    } satisfies ConsumerSearchAnswer,
    200,
  );
}

/** The PIN lock from the throttle rows, read against the rules in auth/limits.ts. */
function pinState(c: StaffCtx, code: string, rows: Row[]): PinState {
  const { limits, deps } = c.var;
  const now = deps.now();
  const byKey = new Map(rows.map((r) => [String(r.key), r]));
  const rules = limits.pin(code, '0.0.0.0').slice(0, 3);
  let lockedUntil: number | null = null;
  let failures = 0;
  for (const rule of rules) {
    const row = byKey.get(rule.key);
    if (!row) continue;
    const count = Number(row.count);
    if (rule.growing) {
      failures = count;
      const until = Number(row.blocked_until);
      if (until > now) lockedUntil = Math.max(lockedUntil ?? 0, until);
    } else {
      const end = Number(row.window_start) + rule.windowMs;
      if (end > now && count >= rule.limit) lockedUntil = Math.max(lockedUntil ?? 0, end);
    }
  }
  return { locked: lockedUntil !== null, lockedUntil, failures };
}

export async function cardHandler(c: StaffCtx) {
  const { deps, limits } = c.var;
  const code = codeParam(c);
  const lookup = await countLookup(c);
  const [consumer, account, pins, bills, mails, notes, events] = await deps.db.$client.batch(
    cardStatements(code, limits.pinCodeKeys(code), MAILS_ON_CARD),
    'read',
  );
  const row = consumer.rows[0];
  if (!row) {
    // Nothing was shown: the slot goes back.
    await release(deps.db, [lookup]);
    throw fail('not_found');
  }
  const a = account.rows[0];
  const card: ConsumerCard = {
    code,
    name: String(row.name),
    address: String(row.address),
    account: a
      ? {
          id: String(a.id),
          email: emailFor(c, String(a.email)),
          name: String(a.name),
          state: a.state === 'confirmed' ? 'confirmed' : 'pending',
          since: Number(a.since),
          // As the print list says it: e-bills chosen, but to an undeliverable address, is paper.
          delivery:
            a.state === 'confirmed' && Number(a.email_bills) === 1 && a.undeliverable_at === null ? 'email' : 'paper',
          deliverySince: a.delivery_since === null ? null : Number(a.delivery_since),
          undeliverable:
            a.undeliverable_at === null
              ? null
              : {
                  since: Number(a.undeliverable_at),
                  reason: String(a.undeliverable_reason) as 'bounce_hard' | 'complaint',
                },
        }
      : null,
    pin: pinState(c, code, pins.rows),
    bills: bills.rows.map((b) => ({
      id: String(b.id),
      period: String(b.period),
      amount: Number(b.amount) / 100,
      balance: Number(b.balance) / 100,
      dueDate: String(b.due_date),
      paidAt: b.paid_at === null ? null : String(b.paid_at),
    })),
    deliveryEvents: events.rows.map((e) => ({
      type: String(e.type) as DeliveryEventType,
      reason: e.reason === null ? null : String(e.reason),
      at: Number(e.occurred_at),
      source: String(e.source),
      outboxId: e.outbox_id === null ? null : String(e.outbox_id),
    })),
    mails: mails.rows.map((m) => ({
      id: String(m.id),
      kind: String(m.kind),
      // A login code waiting in the outbox is the resident's, not the counter's: its digits are hidden.
      subject: String(m.subject).replace(/\d{6}/g, '······'),
      status: String(m.status),
      createdAt: Number(m.created_at),
      sentAt: m.sent_at === null ? null : Number(m.sent_at),
      lastError: m.last_error === null ? null : String(m.last_error),
    })),
    notes: notes.rows.map((n) => ({
      id: String(n.id),
      text: String(n.text),
      staffName: String(n.staff_name),
      createdAt: Number(n.created_at),
    })),
  };
  await audited(c, { action: 'consumer.viewed', consumerCode: code, accountId: card.account?.id ?? null });
  return c.json({ consumer: card } satisfies ConsumerCardAnswer, 200);
}

async function existingConsumer(c: StaffCtx, code: string) {
  const r = await c.var.deps.db.$client.execute(consumerExists(code));
  if (!r.rows[0]) throw fail('not_found');
}

export async function unlockHandler(c: StaffCtx) {
  const { deps, limits, staffSession } = c.var;
  const code = codeParam(c);
  const input = await readBody(c, schemas.withReason);
  await existingConsumer(c, code);
  const r = await reserve(deps, [staffRules.unlock(staffSession.staff.id)]);
  if (r.refusal) throw refusedError(r.refusal);
  const [cleared] = await audited(c, { action: 'consumer.pin_unlocked', consumerCode: code, reason: input.reason }, [
    clearStatement(...limits.pinCodeKeys(code)),
  ]);
  return c.json({ status: cleared.rowsAffected > 0 ? 'unlocked' : 'not_locked' } satisfies OfficeStatusAnswer, 200);
}

export async function resendConfirmationHandler(c: StaffCtx) {
  const { deps, limits, clientIp } = c.var;
  const code = codeParam(c);
  const input = await readBody(c, schemas.withReason);
  await existingConsumer(c, code);
  const pending = (await deps.db.$client.execute(pendingRegistration(code))).rows[0];
  if (!pending) throw fail('not_found');
  const email = String(pending.email);
  const accountId = String(pending.id);
  // The recipient's own cap: staff cannot flood a resident's mailbox either.
  const r = await reserve(deps, [limits.mailRequest('resend', email, clientIp).address]);
  if (r.refusal) throw refusedError(r.refusal);
  const t = await issueToken(deps, accountId, 'confirm');
  const mail = enqueueStatement(
    deps,
    'confirm',
    email,
    composeMail(deps, 'confirm', String(pending.locale), '', tokenLink(deps, 'confirm', t.token)),
  );
  // Unguarded, the outbox's insert is a query builder: it rides in the audited batch.
  if (!('toSQL' in mail.stmt)) throw new Error('the outbox insert is a query builder');
  await audited(c, { action: 'consumer.confirmation_resent', consumerCode: code, accountId, reason: input.reason }, [
    asStatement(t.voidOld),
    asStatement(t.insert),
    asStatement(mail.stmt),
  ]);
  sendSoon(deps, [mail.id]);
  return c.json({ status: 'confirmation_sent' } satisfies OfficeStatusAnswer, 200);
}

export async function noteHandler(c: StaffCtx) {
  const { deps, staffSession } = c.var;
  const code = codeParam(c);
  const input = await readBody(c, schemas.note);
  await existingConsumer(c, code);
  const id = randomId(deps.randomBytes);
  await audited(c, { action: 'consumer.noted', consumerCode: code, detail: { note: id } }, [
    insertNote({ id, code, staffId: staffSession.staff.id, text: input.text, now: deps.now() }),
  ]);
  return c.json({ status: 'noted' } satisfies OfficeStatusAnswer, 201);
}
