// The bill run on Cloudflare Queues (wrangler.toml: producer MAIL_QUEUE, its consumer and the
// dead-letter queue). One message per outbox mail, `{id}`: the import hands the new bills' mails
// over in sendBatch calls of 100; each consumer invocation renders and sends its batch
// MAIL_CONCURRENCY at once, acking each mail that is done, retrying a failed send with the
// outbox's own backoff as the delay; a throw (the database out of reach) leaves the batch's
// unacked messages to the platform's retry (retry_delay), then to the dead-letter queue. The
// outbox claim makes a message delivered twice a mail sent once. The cron is the safety net: it
// hands over what is due and was lost on the way (a failed hand-over, a dead-lettered message).
import type { Message, MessageBatch, Queue } from '@cloudflare/workers-types/latest';
import type { Deps, MailQueue } from '../src/ports.ts';
import { deliverOne, dueMailIds, eachBounded } from '../src/mail/outbox.ts';
import { cloudflareDeliveryEvent } from '../src/mail/cloudflare-events.ts';
import { recordDeliveryEvents } from '../src/mail/delivery-events.ts';

/** The producer binding (the part of the platform's Queue this uses). */
export type QueueBinding = Pick<Queue<MailMessage>, 'sendBatch'>;
export interface MailMessage {
  id: string;
}
/** A batch as the consumers read it: the platform's, or a test's with just these parts of it. */
export type QueueBatch = Pick<MessageBatch, 'queue'> & {
  readonly messages: readonly Pick<Message, 'body' | 'ack' | 'retry'>[];
};

/** The platform's most per sendBatch call (and 256 KB; a message here is ≈ 80 bytes). */
const SEND_BATCH = 100;
/** The safety net leaves alone what has been due for less than this: an import has just handed it over. */
const SAFETY_NET_GRACE_MS = 2 * 60_000;
/** At most this many mails handed over per cron run (every 5 minutes: 24,000 an hour). */
const SAFETY_NET_LIMIT = 2_000;
/** The platform's longest delay of a retried message (24 h); the outbox backoff stops at 6 h. */
const MAX_DELAY_S = 86_400;

export function cloudflareMailQueue(queue: QueueBinding, deps: () => Deps): MailQueue {
  return {
    async push(ids) {
      const d = deps();
      const list = ids ?? (await dueMailIds(d, SAFETY_NET_LIMIT, d.now() - SAFETY_NET_GRACE_MS));
      for (let i = 0; i < list.length; i += SEND_BATCH) {
        await queue.sendBatch(list.slice(i, i + SEND_BATCH).map((id) => ({ body: { id }, contentType: 'json' })));
      }
    },
  };
}

/**
 * Email Service's delivery events (an Email Sending event subscription on MAIL_EVENTS_QUEUE): each
 * stored once and applied (mail/delivery-events.ts); a message that is not one is acked and left.
 */
export async function consumeDeliveryEvents(deps: Deps, batch: QueueBatch): Promise<void> {
  const events = batch.messages.map((m) => cloudflareDeliveryEvent(m.body)).filter((e) => e !== null);
  await recordDeliveryEvents(deps, events);
  for (const m of batch.messages) m.ack();
}

/** The consumer: each message's mail delivered once; the first unexpected error is thrown after the rest are done. */
export async function consumeMailBatch(deps: Deps, batch: QueueBatch): Promise<void> {
  await eachBounded(batch.messages, deps.config.mailConcurrency, async (message) => {
    const id = (message.body as Partial<MailMessage> | null)?.id;
    if (typeof id !== 'string') return message.ack();
    const delivery = await deliverOne(deps, id);
    if (delivery.outcome === 'retry')
      message.retry({ delaySeconds: Math.min(MAX_DELAY_S, Math.ceil(delivery.retryInMs / 1000)) });
    else message.ack();
  });
}
