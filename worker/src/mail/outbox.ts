// The outbox: mails are inserted in the same batch as the change that causes them,
// then delivered by `deliverDue` right after the response and by the periodic job.
import { sql, and, eq, lte, or, desc, inArray } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Deps, Db } from '../ports.ts';
import { outbox } from '../db/schema.ts';
import { randomId } from '../auth/crypto.ts';
import type { RenderedMail } from './templates.ts';

const MAX_BACKOFF_MS = 6 * 3600_000;

/** The insert for one mail (batchable); with `guard`, it is inserted only when the guard holds. */
export function enqueueStatement(deps: Deps, kind: string, to: string, mail: RenderedMail, guard?: SQL) {
  const id = randomId(deps.randomBytes);
  const now = deps.now();
  const headers = mail.headers ? JSON.stringify(mail.headers) : null;
  const attachments = mail.attachments?.length ? JSON.stringify(mail.attachments) : null;
  const stmt = guard
    ? deps.db.run(sql`INSERT INTO outbox (id, kind, to_address, subject, text_body, html_body, headers, attachments, status, attempts, next_attempt_at, lease_until, created_at)
        SELECT ${id}, ${kind}, ${to}, ${mail.subject}, ${mail.text}, ${mail.html}, ${headers}, ${attachments}, 'pending', 0, ${now}, 0, ${now} WHERE ${guard}`)
    : deps.db.insert(outbox).values({
        id,
        kind,
        to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers,
        attachments,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      });
  return { id, stmt };
}

export function backoffMs(attempts: number, baseMs = 30_000): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Takes a lease on one due mail so that no other sender delivers it at the same time. A send
 * gives up after the mail timeout, so a lease twice that long (plus a margin) outlives any live
 * sender; a sender that died mid-send (process killed) holds it back only that long.
 */
async function claim(db: Db, id: string, now: number, timeoutMs: number) {
  const rows = await db
    .update(outbox)
    .set({ status: 'sending', leaseUntil: now + 2 * timeoutMs + 5_000, attempts: sql`${outbox.attempts} + 1` })
    .where(
      and(
        eq(outbox.id, id),
        lte(outbox.nextAttemptAt, now),
        or(eq(outbox.status, 'pending'), and(eq(outbox.status, 'sending'), lte(outbox.leaseUntil, now))),
      ),
    )
    .returning();
  return rows[0];
}

/** Delivers these mails once the response is on its way (retries are the periodic job's). */
export function sendSoon(deps: Deps, ids: string[]): void {
  deps.defer(() => deliverDue(deps, ids));
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

/** Delivers the given mails (or every due one) once each; failures are scheduled again with backoff. */
export async function deliverDue(deps: Deps, ids?: string[], limit = 50): Promise<DeliveryReport> {
  const { db } = deps;
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  const now = deps.now();
  const due = ids?.length
    ? ids
    : (
        await db
          .select({ id: outbox.id })
          .from(outbox)
          .where(
            and(
              inArray(outbox.status, ['pending', 'sending']),
              lte(outbox.nextAttemptAt, now),
              lte(outbox.leaseUntil, now),
            ),
          )
          .orderBy(outbox.nextAttemptAt)
          .limit(limit)
      ).map((r) => r.id);
  for (const id of due) {
    const mail = await claim(db, id, deps.now(), deps.config.mailTimeoutMs);
    if (!mail) continue;
    try {
      await deps.mail.send({
        id: mail.id,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers ? JSON.parse(mail.headers) : undefined,
        attachments: mail.attachments ? JSON.parse(mail.attachments) : undefined,
      });
      await db
        .update(outbox)
        .set({ status: 'sent', sentAt: deps.now(), lastError: null, leaseUntil: 0 })
        .where(eq(outbox.id, id));
      report.sent++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const giveUp = mail.attempts >= deps.config.mailMaxAttempts;
      await db
        .update(outbox)
        .set({
          status: giveUp ? 'failed' : 'pending',
          lastError: message.slice(0, 500),
          nextAttemptAt: deps.now() + backoffMs(mail.attempts, deps.config.mailRetryBaseMs),
          leaseUntil: 0,
        })
        .where(eq(outbox.id, id));
      if (giveUp) report.failed++;
      else report.retried++;
      deps.log(giveUp ? 'error' : 'warn', 'mail delivery failed', { id, attempts: mail.attempts, error: message });
    }
  }
  return report;
}

export async function listOutbox(db: Db, limit = 100) {
  return db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      to: outbox.to,
      subject: outbox.subject,
      text: outbox.text,
      html: outbox.html,
      attachments: sql<
        string | null
      >`(SELECT group_concat(json_extract(value, '$.filename'), ', ') FROM json_each(${outbox.attachments}))`,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .orderBy(desc(outbox.createdAt), desc(sql`rowid`))
    .limit(limit);
}
