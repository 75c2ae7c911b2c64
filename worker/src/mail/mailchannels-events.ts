// MailChannels' delivery webhooks: a JSON array of events (`{email, customer_handle, timestamp,
// event, request_id, recipients?, reason?, status?, smtp_id?}`, up to 1,000 a request) signed as
// HTTP Message Signatures (RFC 9421) with Ed25519: `Content-Digest` (RFC 9530) of the body,
// `Signature-Input: name=("content-digest");created=…;alg="ed25519";keyid="…"` and
// `Signature: name=:base64:`. The utility fetches the public key once
// (`GET https://api.mailchannels.net/tx/v1/webhook/public-key?id=<keyid>`) into
// MAILCHANNELS_WEBHOOK_KEY. Invariants: nothing is stored unless the digest matches the body, the
// signature covers the digest and verifies, and `created` is within WEBHOOK_TOLERANCE_S of now
// (an old request replayed is refused; one replayed within the window stores nothing new, since
// events are stored once by their content: delivery-events.ts).
import type { DeliveryEvent, DeliveryEventType } from './delivery-events.ts';
import { outboxIdOf } from './message-id.ts';
import { type Bytes, fromBase64 as b64 } from './ed25519-key.ts';

/** How far `created` may be from now, either way (clock skew and MailChannels' batching). */
export const WEBHOOK_TOLERANCE_S = 300;

const TYPES: Record<string, DeliveryEventType> = {
  delivered: 'delivered',
  'soft-bounced': 'bounce_soft',
  'hard-bounced': 'bounce_hard',
  complained: 'complaint',
  // Not sent: the address is on MailChannels' suppression list after an earlier hard bounce or complaint.
  dropped: 'bounce_hard',
};

export type WebhookRefusal = 'unsigned' | 'digest_mismatch' | 'bad_signature' | 'stale' | 'not_covered';

/** One member of a dictionary header (`name=:b64:` or `name=(…);params`): the first, as RFC 9421 allows. */
function member(header: string): [name: string, value: string] | null {
  const m = /^\s*([a-z0-9_*.-]+)=(.*)$/i.exec(header.split(/,(?=\s*[a-z0-9_*.-]+=)/i)[0] ?? '');
  return m ? [m[1], m[2].trim()] : null;
}

async function digestMatches(header: string, body: Bytes): Promise<boolean> {
  for (const part of header.split(',')) {
    const m = /^\s*(sha-256|sha-512)=:([A-Za-z0-9+/=]+):\s*$/.exec(part);
    if (!m) continue;
    const actual = new Uint8Array(await crypto.subtle.digest(m[1] === 'sha-256' ? 'SHA-256' : 'SHA-512', body));
    const given = b64(m[2]);
    return given.length === actual.length && given.every((b, i) => b === actual[i]);
  }
  return false;
}

/** Checks a webhook request's signature; null when it holds, else why not. */
export async function verifyWebhook(
  headers: { digest?: string; input?: string; signature?: string },
  body: Bytes,
  key: Bytes,
  nowMs: number,
): Promise<WebhookRefusal | null> {
  if (!headers.digest || !headers.input || !headers.signature) return 'unsigned';
  if (!(await digestMatches(headers.digest, body))) return 'digest_mismatch';
  const input = member(headers.input);
  const sig = member(headers.signature);
  if (!input || !sig || input[0] !== sig[0]) return 'bad_signature';
  const params = input[1];
  const covered = /^\(([^)]*)\)/.exec(params)?.[1].split(/\s+/).filter(Boolean) ?? [];
  if (!covered.includes('"content-digest"')) return 'not_covered';
  const alg = /;alg="([^"]+)"/.exec(params)?.[1];
  if (alg && alg !== 'ed25519') return 'bad_signature';
  const created = Number(/;created=(\d+)/.exec(params)?.[1]);
  if (!Number.isFinite(created) || Math.abs(nowMs / 1000 - created) > WEBHOOK_TOLERANCE_S) return 'stale';
  // Only the digest is covered besides the parameters (what MailChannels signs): anything else is not ours to rebuild.
  if (covered.some((c) => c !== '"content-digest"')) return 'not_covered';
  const base = `"content-digest": ${headers.digest.trim()}\n"@signature-params": ${params}`;
  const sigBytes = /^:([A-Za-z0-9+/=]+):$/.exec(sig[1])?.[1];
  if (!sigBytes) return 'bad_signature';
  try {
    const publicKey = await crypto.subtle.importKey('raw', key, { name: 'Ed25519' }, false, ['verify']);
    const ok = await crypto.subtle.verify('Ed25519', publicKey, b64(sigBytes), new TextEncoder().encode(base));
    return ok ? null : 'bad_signature';
  } catch {
    return 'bad_signature';
  }
}

type Obj = Record<string, unknown>;
const str = (x: unknown) => (typeof x === 'string' ? x : undefined);

/**
 * The delivery events a verified webhook body carries (one per recipient of each event we act on;
 * `processed`, `sent`, `opened`, `clicked`, `test` and anything unknown are left out). `senderDomain`:
 * an `smtp_id` is taken as our Message-ID (message-id.ts) only when it is of our domain.
 */
export function mailchannelsDeliveryEvents(body: unknown, senderDomain: string): DeliveryEvent[] | null {
  if (!Array.isArray(body)) return null;
  const events: DeliveryEvent[] = [];
  for (const item of body as unknown[]) {
    if (!item || typeof item !== 'object') continue;
    const e = item as Obj;
    const type = TYPES[str(e.event) ?? ''];
    if (!type) continue;
    const recipients = Array.isArray(e.recipients) ? e.recipients.map(str) : [str(e.recipient)];
    const smtpId = str(e.smtp_id);
    const ours = smtpId?.replace(/>$/, '').toLowerCase().endsWith(`@${senderDomain.toLowerCase()}`) ? smtpId : null;
    const at = Number(e.timestamp);
    for (const r of recipients) {
      const email = r?.trim().toLowerCase();
      if (!email?.includes('@')) continue;
      const status = e.status === undefined ? '' : ` (${String(e.status)})`;
      events.push({
        source: 'mailchannels',
        email,
        type,
        reason: `${str(e.reason) ?? str(e.event)}${status}`.slice(0, 500),
        outboxId: ours && outboxIdOf(ours),
        occurredAt: Number.isFinite(at) && at > 0 ? at * 1000 : undefined,
      });
    }
  }
  return events;
}
