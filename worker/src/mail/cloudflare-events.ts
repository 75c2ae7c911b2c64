// Cloudflare Email Service's delivery events, as an Email Sending event subscription puts them on
// a queue: `{type: "cf.email.sending.message.<what>", source, payload: {eventId, messageId,
// recipient, bounce?: {type}}, metadata: {eventTimestamp}}`. Each becomes one delivery event
// (delivery-events.ts); anything else is not ours and is left alone.
import type { DeliveryEvent, DeliveryEventType } from './delivery-events.ts';

const TYPES: Record<string, DeliveryEventType | ((bounce?: string) => DeliveryEventType)> = {
  delivered: 'delivered',
  deferred: 'deferred',
  bounced: (bounce) => (bounce === 'soft' ? 'bounce_soft' : 'bounce_hard'),
  complained: 'complaint',
  // Refused before it left, or given up by the provider: the address is not at fault; recorded only.
  failed: 'bounce_soft',
  rejected: 'bounce_soft',
};

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (x && typeof x === 'object' ? (x as Obj) : {});
const str = (x: unknown) => (typeof x === 'string' ? x : undefined);

/** The delivery event a queue message carries, or null when it is not an Email Sending event. */
export function cloudflareDeliveryEvent(body: unknown): DeliveryEvent | null {
  const b = obj(body);
  const what = str(b.type)?.match(/(?:^|\.)message\.([a-z]+)$/)?.[1];
  const payload = obj(b.payload);
  const mapped = what ? TYPES[what] : undefined;
  const email = str(payload.recipient)?.trim().toLowerCase();
  if (!mapped || !email) return null;
  const bounce = obj(payload.bounce);
  const at = Date.parse(str(obj(b.metadata).eventTimestamp) ?? '');
  return {
    source: 'cloudflare',
    id: str(payload.eventId),
    email,
    type: typeof mapped === 'function' ? mapped(str(bounce.type)) : mapped,
    reason: str(bounce.reason) ?? str(bounce.diagnosticCode) ?? `message.${what}`,
    occurredAt: Number.isFinite(at) ? at : undefined,
  };
}
