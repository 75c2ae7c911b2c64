// POST /api/mail/mailchannels: MailChannels' signed delivery webhooks (mail/mailchannels-events.ts).
// The signature is the credential: without MAILCHANNELS_WEBHOOK_KEY the route does not exist; a
// request whose digest, signature or time does not hold is 401 and stores nothing; a verified one
// stores each event once (delivery-events.ts) and answers 200 so MailChannels does not resend.
import { Hono } from 'hono';
import { fail } from '../http/errors.ts';
import { sizeLimit } from '../http/size-limit.ts';
import { mailchannelsDeliveryEvents, verifyWebhook } from '../mail/mailchannels-events.ts';
import { webhookKeyBytes } from '../mail/ed25519-key.ts';
import { recordDeliveryEvents } from '../mail/delivery-events.ts';
import type { AppEnv, Ctx } from '../env.ts';

/** Up to 1,000 events a request, each a few hundred bytes. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

async function mailchannelsWebhook(c: Ctx) {
  const { deps } = c.var;
  const key = deps.config.mailchannelsWebhookKey;
  if (!key) throw fail('not_found');
  const body = new Uint8Array(await c.req.arrayBuffer());
  const refusal = await verifyWebhook(
    {
      digest: c.req.header('content-digest'),
      input: c.req.header('signature-input'),
      signature: c.req.header('signature'),
    },
    body,
    webhookKeyBytes(key),
    deps.now(),
  );
  // Which check failed is not said: a forger learns nothing from the answer.
  if (refusal) throw fail('unauthenticated');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw fail('validation_failed', { fields: { body: 'invalid_body' } });
  }
  const events = mailchannelsDeliveryEvents(parsed, deps.config.mailFrom.split('@')[1] ?? '');
  if (!events) throw fail('validation_failed', { fields: { body: 'invalid_body' } });
  const { stored } = await recordDeliveryEvents(deps, events);
  return c.json({ received: events.length, stored }, 200);
}

export const mailEventRoutes = new Hono<AppEnv>()
  .use('*', sizeLimit(WEBHOOK_BODY_LIMIT))
  .post('/mailchannels', mailchannelsWebhook);
