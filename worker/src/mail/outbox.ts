// The outbox: mails are inserted in the same batch as the change that causes them, then
// delivered right after the response (`sendSoon`), by the senders a MailQueue feeds (a bill run)
// and by the periodic job. A bill mail is only a reference until it is sent (rendered then).
import { sql, and, eq, lte, or, desc, inArray } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Deps, Db, OutgoingMail } from '../ports.ts';
import { outbox } from '../db/schema.ts';
import { randomId } from '../auth/crypto.ts';
import type { RenderedMail } from './templates.ts';
import { renderQueuedBillMail, type BillMailRef } from '../bills/bill-mail.ts';

const MAX_BACKOFF_MS = 6 * 3600_000;

/** The insert for one mail (batchable); with `guard`, it is inserted only when the guard holds. */
export function enqueueStatement(deps: Deps, kind: string, to: string, mail: RenderedMail, guard?: SQL) {
  const id = randomId(deps.randomBytes);
  const now = deps.now();
  const headers = mail.headers ? JSON.stringify(mail.headers) : null;
  const attachments = mail.attachments?.length ? JSON.stringify(mail.attachments) : null;
  const stmt = guard
    ? deps.db.run(sql`INSERT INTO outbox (id, kind, to_address, subject, text_body, html_body, headers, attachments,
          status, attempts, next_attempt_at, lease_until, created_at)
        SELECT ${id}, ${kind}, ${to}, ${mail.subject}, ${mail.text}, ${mail.html}, ${headers}, ${attachments},
          'pending', 0, ${now}, 0, ${now} WHERE ${guard}`)
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

/** What became of one mail: `skipped` when another sender holds it, it is not due, or it is done already. */
export type Delivery =
  | { outcome: 'sent' | 'failed' | 'cancelled' | 'skipped' }
  | { outcome: 'retry'; retryInMs: number };

/**
 * The mail as it goes out: stored as it is, or (a bill mail) rendered now from the database;
 * null: nothing to send any more.
 */
async function outgoing(deps: Deps, mail: typeof outbox.$inferSelect): Promise<OutgoingMail | null> {
  if (mail.kind === 'bill' && mail.ref) {
    const rendered = await renderQueuedBillMail(deps, JSON.parse(mail.ref) as BillMailRef);
    return rendered && { id: mail.id, ...rendered };
  }
  return {
    id: mail.id,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers ? JSON.parse(mail.headers) : undefined,
    attachments: mail.attachments ? JSON.parse(mail.attachments) : undefined,
  };
}

/**
 * The mails that carry a one-time link or code: once a real transport has taken one, the stored
 * copy keeps neither (the bodies go, the code leaves the subject), so the outbox never holds a
 * usable secret for the body retention. With the dev transport the row is the delivered mail.
 */
const ONE_TIME_KINDS = new Set(['confirm', 'reset', 'email_change', 'login-code', 'staff_invite']);
const redact = (subject: string) => ({ subject: subject.replace(/\d{6}/g, '······'), text: '', html: '' });

/**
 * Claims one mail and sends it once; a failure is scheduled again with backoff (or given up
 * after MAIL_MAX_ATTEMPTS). A mail rendered now keeps its subject and address for the audit, and
 * its bodies only with the dev transport (there the row is the delivered mail), without the
 * attachments' contents.
 */
export async function deliverOne(deps: Deps, id: string): Promise<Delivery> {
  const { db } = deps;
  const mail = await claim(db, id, deps.now(), deps.config.mailTimeoutMs);
  if (!mail) return { outcome: 'skipped' };
  try {
    const out = await outgoing(deps, mail);
    if (!out) {
      await db.update(outbox).set({ status: 'cancelled', sentAt: deps.now(), leaseUntil: 0 }).where(eq(outbox.id, id));
      return { outcome: 'cancelled' };
    }
    await deps.mail.send(out);
    const dev = deps.mail.name === 'dev';
    const redacted = !dev && ONE_TIME_KINDS.has(mail.kind) ? redact(mail.subject) : {};
    const rendered = mail.ref
      ? {
          to: out.to,
          subject: out.subject,
          ...(dev && {
            text: out.text,
            html: out.html,
            headers: out.headers ? JSON.stringify(out.headers) : null,
            attachments: JSON.stringify(out.attachments?.map(({ content: _, ...meta }) => meta) ?? []),
          }),
        }
      : {};
    await db
      .update(outbox)
      .set({ ...rendered, ...redacted, status: 'sent', sentAt: deps.now(), lastError: null, leaseUntil: 0 })
      .where(eq(outbox.id, id));
    return { outcome: 'sent' };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const giveUp = mail.attempts >= deps.config.mailMaxAttempts;
    const retryInMs = backoffMs(mail.attempts, deps.config.mailRetryBaseMs);
    await db
      .update(outbox)
      .set({
        status: giveUp ? 'failed' : 'pending',
        lastError: message.slice(0, 500),
        nextAttemptAt: deps.now() + retryInMs,
        leaseUntil: 0,
      })
      .where(eq(outbox.id, id));
    deps.log(giveUp ? 'error' : 'warn', 'mail delivery failed', { id, attempts: mail.attempts, error: message });
    return giveUp ? { outcome: 'failed' } : { outcome: 'retry', retryInMs };
  }
}

/** Mails due by `dueBy` that no sender holds, oldest first. */
export async function dueMailIds(deps: Deps, limit: number, dueBy = deps.now()): Promise<string[]> {
  const rows = await deps.db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        inArray(outbox.status, ['pending', 'sending']),
        lte(outbox.nextAttemptAt, dueBy),
        lte(outbox.leaseUntil, deps.now()),
      ),
    )
    .orderBy(outbox.nextAttemptAt)
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Runs `work` on every item, at most `concurrency` at once; the first error is thrown after the others finish. */
export async function eachBounded<T>(items: Iterable<T>, concurrency: number, work: (item: T) => Promise<void>) {
  const it = items[Symbol.iterator]();
  const errors: unknown[] = [];
  const lane = async () => {
    for (let n = it.next(); !n.done; n = it.next()) await work(n.value).catch((e) => void errors.push(e));
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  if (errors.length) throw errors[0];
}

const tally = (report: DeliveryReport, d: Delivery) => {
  if (d.outcome === 'sent') report.sent++;
  else if (d.outcome === 'retry') report.retried++;
  else if (d.outcome === 'failed') report.failed++;
};

/** Delivers the given mails (or `limit` due ones), MAIL_CONCURRENCY at once, each once. */
export async function deliverDue(deps: Deps, ids?: string[], limit = 50): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  const due = ids?.length ? ids : await dueMailIds(deps, limit);
  await eachBounded(due, deps.config.mailConcurrency, async (id) => tally(report, await deliverOne(deps, id)));
  return report;
}

/**
 * Delivers every due mail, MAIL_CONCURRENCY at once, until none is left (mails written meanwhile
 * included): the sender of a process that has no queue (Node). Due mails are read a few lanes'
 * worth at a time; a mail read twice is claimed once.
 */
export async function drainOutbox(deps: Deps): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  const lanes = deps.config.mailConcurrency;
  let ids: string[] = [];
  let done = false;
  let reading: Promise<void> | undefined;
  const next = async () => {
    while (!ids.length && !done) {
      reading ??= dueMailIds(deps, lanes * 4)
        .then((found) => {
          ids = found;
          done = found.length === 0;
        })
        .finally(() => {
          reading = undefined;
        });
      await reading;
    }
    return ids.shift();
  };
  const lane = async () => {
    for (let id = await next(); id !== undefined; id = await next()) tally(report, await deliverOne(deps, id));
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return report;
}

/** The newest mails (the dev mailbox); a bill mail still waiting has no subject or text yet. */
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
