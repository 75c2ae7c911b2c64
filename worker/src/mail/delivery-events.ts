// The truth about mail after it left: delivery events from any source (the platform's queue,
// MailChannels' webhooks, the utility's bounce mailbox through POST /api/admin/bounces) stored per
// mail, and what they change. Invariants: an event is stored once by its id, whatever the order or
// how often it comes; a hard bounce or a complaint newer than the last proof of the address marks
// the address undeliverable — its e-bills stop and its consumers go back to paper — until a link
// mailed to it is opened again (`addressProven`); a soft bounce or a deferral changes nothing
// (the provider retries).
import { sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../ports.ts';
import { sha256Hex } from '../auth/crypto.ts';

export const DELIVERY_EVENT_TYPES = ['delivered', 'bounce_hard', 'bounce_soft', 'complaint', 'deferred'] as const;
export type DeliveryEventType = (typeof DELIVERY_EVENT_TYPES)[number];

/** The events that make an address undeliverable. */
export const UNDELIVERABLE: readonly DeliveryEventType[] = ['bounce_hard', 'complaint'];

export interface DeliveryEvent {
  /** The source's own id of the event; without one, a digest of what it says stands for it. */
  id?: string;
  source: 'cloudflare' | 'mailchannels' | 'admin';
  email: string;
  type: DeliveryEventType;
  reason?: string;
  outboxId?: string | null;
  /** When it happened (ms); the time it was received when the source does not say. */
  occurredAt?: number;
}

/** An event's stored id: the source's, or a digest of its content (the same bounce fed twice is one event). */
async function eventId(e: DeliveryEvent): Promise<string> {
  if (e.id) return `${e.source}:${e.id}`.slice(0, 300);
  const digest = await sha256Hex(
    JSON.stringify([e.email, e.type, e.reason ?? '', e.outboxId ?? '', e.occurredAt ?? '']),
  );
  return `${e.source}:${digest.slice(0, 40)}`;
}

/**
 * Stores the events and applies them, in one batch: each stored once (INSERT OR IGNORE), and an
 * address marked undeliverable by the oldest hard bounce or complaint that is newer than its last
 * proof. Answers how many were new.
 */
export async function recordDeliveryEvents(deps: Deps, events: DeliveryEvent[]): Promise<{ stored: number }> {
  if (!events.length) return { stored: 0 };
  const { db } = deps;
  const now = deps.now();
  const inserts = [];
  const marks = [];
  for (const e of events) {
    const at = e.occurredAt ?? now;
    inserts.push(
      db.run(sql`INSERT OR IGNORE INTO mail_events
          (id, source, outbox_id, email, type, reason, occurred_at, received_at)
        VALUES (${await eventId(e)}, ${e.source}, ${e.outboxId ?? null}, ${e.email}, ${e.type},
          ${e.reason?.slice(0, 500) ?? null}, ${at}, ${now})`),
    );
    if (UNDELIVERABLE.includes(e.type))
      marks.push(
        db.run(sql`UPDATE accounts SET undeliverable_at = ${at}, undeliverable_reason = ${e.type}
          WHERE email = ${e.email} AND (email_proven_at IS NULL OR email_proven_at < ${at})
            AND (undeliverable_at IS NULL OR undeliverable_at > ${at})`),
      );
  }
  const [first, ...rest] = [...inserts, ...marks];
  const results = await db.batch([first, ...rest]);
  return { stored: results.slice(0, inserts.length).filter((r) => r.rowsAffected === 1).length };
}

/**
 * A link mailed to the address was opened: it arrives. Clears the undeliverable mark (for a
 * batch; `accountId` may be an expression such as a token's accountOf).
 */
export const addressProven = (deps: Deps, accountId: string | SQL, guard: SQL = sql`1`) =>
  deps.db.run(sql`UPDATE accounts
    SET email_proven_at = ${deps.now()}, undeliverable_at = NULL, undeliverable_reason = NULL
    WHERE id = ${accountId} AND ${guard}`);
