// MailChannels' signed delivery webhooks (POST /api/mail/mailchannels): real Ed25519 keys made with
// WebCrypto sign the request as RFC 9421 says (Content-Digest, Signature-Input, Signature); a valid
// one is stored and acts as a bounce report does, a tampered, unsigned, wrongly keyed or stale one
// is 401 and changes no table, a replay within the window stores nothing new.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, confirmedAccount, ROOT, snapshot, type Harness } from '../harness.ts';
import { ingestBills } from '../../../worker/src/bills/ingest.ts';
import { deliveryRows } from '../../../worker/src/db/statements/delivery-list.ts';
import { WEBHOOK_TOLERANCE_S, mailchannelsDeliveryEvents } from '../../../worker/src/mail/mailchannels-events.ts';

const b64 = (b: ArrayBuffer | Uint8Array) =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('base64');

async function keyPair() {
  const k = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return { ...k, publicB64: b64(await crypto.subtle.exportKey('raw', k.publicKey)) };
}

/** The headers MailChannels sends with `body`, signed by `key` at `createdS`. */
async function sign(body: string, key: CryptoKey, createdS: number, name = 'sig_mc') {
  const digest = `sha-256=:${b64(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)))}:`;
  const params = `("content-digest");created=${createdS};alg="ed25519";keyid="mckey"`;
  const base = `"content-digest": ${digest}\n"@signature-params": ${params}`;
  const sig = b64(await crypto.subtle.sign('Ed25519', key, new TextEncoder().encode(base)));
  return {
    'content-type': 'application/json',
    'content-digest': digest,
    'signature-input': `${name}=${params}`,
    signature: `${name}=:${sig}:`,
  };
}

let h: Harness;
let keys: Awaited<ReturnType<typeof keyPair>>;
beforeEach(async () => {
  keys = await keyPair();
  h = await makeHarness({ env: { MAILCHANNELS_WEBHOOK_KEY: keys.publicB64 } });
});
afterEach(async () => {
  await h.close();
});

/** After the confirmation that proved the address (an event no newer than it changes nothing); below the session's idle hour. */
const LATER = 20 * 60_000;
const nowS = () => Math.floor(h.clock.now / 1000);
const events = (email: string, event: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify([
    {
      email: 'racuni@stambenoruma.rs',
      customer_handle: 'abc123',
      timestamp: nowS(),
      event: 'processed',
      request_id: 'r1',
    },
    {
      email: 'racuni@stambenoruma.rs',
      customer_handle: 'abc123',
      timestamp: nowS(),
      event,
      request_id: 'r1',
      recipients: [email],
      reason: '550 5.1.1 user unknown',
      status: '550',
      ...extra,
    },
  ]);
const post = (raw: string, headers: Record<string, string>) =>
  h.call('POST', '/api/mail/mailchannels', undefined, { raw, headers });

describe('MailChannels delivery webhooks', () => {
  it('a signed hard bounce marks the address: its consumer goes to paper as undeliverable, and the account says so', async () => {
    const a = await confirmedAccount(h);
    await ingestBills(h.deps, readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8'));
    h.clock.advance(LATER);
    const body = events(a.email, 'hard-bounced');
    const r = await post(body, await sign(body, keys.privateKey, nowS()));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ received: 1, stored: 1 });
    const row = (await deliveryRows(h.deps, '2026-11')).find((x) => x.consumerCode === '104521');
    expect(row).toMatchObject({ delivery: 'paper', reason: 'undeliverable' });
    const login = await h.call('POST', '/api/login', a);
    expect(login.body.account.undeliverable).toMatchObject({ reason: 'bounce_hard' });
  });

  it('maps each kind: delivered and soft bounces are stored and change nothing, a complaint and a drop stop e-bills', async () => {
    const a = await confirmedAccount(h);
    h.clock.advance(LATER);
    for (const [event, type] of [
      ['delivered', 'delivered'],
      ['soft-bounced', 'bounce_soft'],
      ['opened', null],
    ] as const) {
      const body = events(a.email, event);
      const r = await post(body, await sign(body, keys.privateKey, nowS()));
      expect(r.status).toBe(200);
      expect(r.body.received).toBe(type ? 1 : 0);
    }
    const stored = (await h.deps.db.$client.execute('SELECT type, source FROM mail_events ORDER BY type')).rows;
    expect(stored.map((x) => [x.type, x.source])).toEqual([
      ['bounce_soft', 'mailchannels'],
      ['delivered', 'mailchannels'],
    ]);
    expect((await h.call('POST', '/api/login', a)).body.account.undeliverable).toBeUndefined();
    const body = events(a.email, 'complained');
    await post(body, await sign(body, keys.privateKey, nowS()));
    expect((await h.call('POST', '/api/login', a)).body.account.undeliverable).toMatchObject({ reason: 'complaint' });
    // Dropped: MailChannels did not send it (the address is on its suppression list): as a hard bounce.
    expect(mailchannelsDeliveryEvents([{ event: 'dropped', recipients: ['X@Example.com'] }], 'x')).toMatchObject([
      { type: 'bounce_hard', email: 'x@example.com', source: 'mailchannels' },
    ]);
  });

  it('names the outbox row by our Message-ID (smtp_id of our domain), not by anyone else’s', async () => {
    const a = await confirmedAccount(h);
    const domain = h.deps.config.mailFrom.split('@')[1];
    const ours = events(a.email, 'delivered', { smtp_id: `<bill.B1.A1@${domain}>` });
    await post(ours, await sign(ours, keys.privateKey, nowS()));
    const theirs = events(a.email, 'soft-bounced', { smtp_id: '<xyz.1@mailchannels.net>' });
    await post(theirs, await sign(theirs, keys.privateKey, nowS()));
    const rows = (await h.deps.db.$client.execute('SELECT type, outbox_id FROM mail_events ORDER BY type')).rows;
    expect(rows.map((x) => [x.type, x.outbox_id])).toEqual([
      ['bounce_soft', null],
      ['delivered', 'bill:B1:A1'],
    ]);
  });

  it('refuses, changing nothing: unsigned, a tampered body, another key, a signature not covering the digest, stale or future', async () => {
    const a = await confirmedAccount(h);
    const body = events(a.email, 'hard-bounced');
    const good = await sign(body, keys.privateKey, nowS());
    const other = await keyPair();
    const before = await snapshot(h);
    const tampered = body.replace(a.email, 'someone@example.com');
    const attempts: [string, Record<string, string>][] = [
      [body, { 'content-type': 'application/json' }],
      [tampered, good],
      [tampered, { ...good, 'content-digest': (await sign(tampered, keys.privateKey, nowS()))['content-digest'] }],
      [body, await sign(body, other.privateKey, nowS())],
      [body, { ...good, 'signature-input': good['signature-input'].replace('("content-digest")', '()') }],
      [body, { ...good, signature: good.signature.replace('sig_mc=', 'other=') }],
      [body, await sign(body, keys.privateKey, nowS() - WEBHOOK_TOLERANCE_S - 1)],
      [body, await sign(body, keys.privateKey, nowS() + WEBHOOK_TOLERANCE_S + 1)],
    ];
    for (const [raw, headers] of attempts) {
      const r = await post(raw, headers);
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('unauthenticated');
    }
    expect(await snapshot(h)).toEqual(before);
  });

  it('a replay: within the window it stores nothing new; after it, 401', async () => {
    const a = await confirmedAccount(h);
    const body = events(a.email, 'hard-bounced');
    const headers = await sign(body, keys.privateKey, nowS());
    expect((await post(body, headers)).body).toEqual({ received: 1, stored: 1 });
    expect((await post(body, headers)).body).toEqual({ received: 1, stored: 0 });
    h.clock.advance((WEBHOOK_TOLERANCE_S + 1) * 1000);
    expect((await post(body, headers)).status).toBe(401);
  });

  it('is not there without a key, and a body that is not an array is 422', async () => {
    const body = JSON.stringify({ event: 'delivered' });
    expect((await post(body, await sign(body, keys.privateKey, nowS()))).status).toBe(422);
    const off = await makeHarness();
    try {
      const r = await off.call('POST', '/api/mail/mailchannels', undefined, {
        raw: body,
        headers: await sign(body, keys.privateKey, Math.floor(off.clock.now / 1000)),
      });
      expect(r.status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
