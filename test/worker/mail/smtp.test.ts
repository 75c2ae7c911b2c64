// MAIL_TRANSPORT=smtp against a real SMTP server on loopback (smtp-server), every mail parsed back
// with mailparser: the sender, the Message-ID we set, text and HTML, the bill's PDF and inline QR
// code, one-click unsubscribe, STARTTLS when the server offers it, and a DKIM signature that
// verifies against its public key when the utility gives one.
import { generateKeyPairSync, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { makeHarness, confirmedAccount, ROOT, type Harness } from '../harness.ts';
import { ingestBills } from '../../../worker/src/bills/ingest.ts';
import { outboxIdOf } from '../../../worker/src/mail/message-id.ts';

interface Received {
  mail: ParsedMail;
  raw: string;
  secure: boolean;
  from: string;
  to: string[];
}

let server: SMTPServer | undefined;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = h = undefined;
});

/** A real SMTP server on 127.0.0.1 (STARTTLS offered with its own certificate unless `plain`). */
async function smtpServer(plain = false) {
  const received: Received[] = [];
  server = new SMTPServer({
    authOptional: true,
    ...(plain ? { disabledCommands: ['STARTTLS'] } : {}),
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          mail: await simpleParser(raw, { skipImageLinks: true }),
          raw,
          secure: session.secure,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        });
        done();
      });
    },
  });
  const s = server;
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.server.address() as { port: number }).port;
  return { port, received };
}

const demoBills = () => readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8');

describe('MAIL_TRANSPORT=smtp', () => {
  it('delivers the confirmation and bill mails with our Message-ID, text and HTML, the PDF, the inline QR and one-click unsubscribe', async () => {
    const { port, received } = await smtpServer(true);
    h = await makeHarness({ env: { MAIL_TRANSPORT: 'smtp', SMTP_URL: `smtp://127.0.0.1:${port}` } });
    expect(h.deps.mail.name).toBe('smtp');
    const a = await confirmedAccount(h);
    const confirm = received.find((r) => /Potvrdite registraciju/.test(r.mail.subject ?? ''));
    expect(confirm?.to).toEqual([a.email]);
    expect(confirm?.mail.from?.value[0]).toMatchObject({
      address: h.deps.config.mailFrom,
      name: h.deps.config.mailFromName,
    });
    expect(confirm?.mail.text).toMatch(/#potvrda=[A-Za-z0-9_-]{43}/);
    expect(confirm?.mail.html).toMatch(/#potvrda=[A-Za-z0-9_-]{43}/);
    const rows = (await h.deps.db.$client.execute("SELECT id, kind FROM outbox WHERE kind = 'confirm'")).rows;
    expect(outboxIdOf(String(confirm?.mail.messageId))).toBe(String(rows[0].id));

    await ingestBills(h.deps, demoBills());
    await h.settle();
    const bill = received.find((r) => /^Račun za/.test(r.mail.subject ?? ''));
    expect(bill).toBeDefined();
    const pdf = bill?.mail.attachments.find((x) => x.contentType === 'application/pdf');
    expect(pdf?.filename).toBe('racun-104521-2026-11.pdf');
    expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-');
    const qr = bill?.mail.attachments.find((x) => x.contentType === 'image/png');
    expect(qr?.contentDisposition).toBe('inline');
    expect(bill?.mail.html).toContain(`cid:${qr?.cid}`);
    const head = String(bill?.raw.split(/\r?\n\r?\n/)[0]).replace(/\r?\n[ \t]/g, ' ');
    expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(head).toMatch(/^List-Unsubscribe: <http[^>]+\/unsubscribe\?token=[^>]+>/m);
    expect(outboxIdOf(String(bill?.mail.messageId))).toMatch(/^bill:/);
    expect(bill?.mail.text).toContain('1.860,00 din.');
  });

  it('uses STARTTLS when the server offers it', async () => {
    const { port, received } = await smtpServer(false);
    // The test server's certificate is its own (self-signed): trusted here by the URL's option.
    h = await makeHarness({
      env: { MAIL_TRANSPORT: 'smtp', SMTP_URL: `smtp://127.0.0.1:${port}/?tls.rejectUnauthorized=false` },
    });
    await confirmedAccount(h);
    expect(received.length).toBeGreaterThan(0);
    expect(received.every((r) => r.secure)).toBe(true);
  });

  it('signs with DKIM when the utility gives a key: the signature verifies against the public key', async () => {
    const { port, received } = await smtpServer(true);
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    h = await makeHarness({
      env: {
        MAIL_TRANSPORT: 'smtp',
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        DKIM_PRIVATE_KEY: pem.replace(/\n/g, '\\n'),
        DKIM_SELECTOR: 'portal2026',
      },
    });
    await confirmedAccount(h);
    const raw = received[0].raw;
    const header = raw.match(/^DKIM-Signature:((?:.*\r?\n[ \t].*)*.*)$/im)?.[1] ?? '';
    const tags = Object.fromEntries(
      header
        .replace(/\r?\n[ \t]/g, '')
        .split(';')
        .map((t) => t.trim().split(/=(.*)/s).slice(0, 2))
        .filter(([k]) => k),
    ) as Record<string, string>;
    expect(tags.s).toBe('portal2026');
    expect(tags.d).toBe(h.deps.config.mailFrom.split('@')[1]);
    expect(tags.a).toBe('rsa-sha256');
    // Relaxed canonicalization of the signed headers, then the signature header itself without b=.
    const lines = raw
      .split(/\r?\n\r?\n/)[0]
      .replace(/\r?\n[ \t]/g, ' ')
      .split(/\r?\n/);
    const canon = (line: string) => {
      const i = line.indexOf(':');
      return `${line.slice(0, i).toLowerCase().trim()}:${line
        .slice(i + 1)
        .replace(/\s+/g, ' ')
        .trim()}`;
    };
    const pick = (name: string) =>
      [...lines].reverse().find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
    const signed = tags.h.split(':').map((n) => canon(String(pick(n.trim()))));
    const self = canon(`DKIM-Signature:${header.replace(/\r?\n[ \t]/g, ' ')}`).replace(/b=[^;]*$/, 'b=');
    const data = `${signed.join('\r\n')}\r\n${self}`;
    const ok = verify('RSA-SHA256', Buffer.from(data), publicKey, Buffer.from(tags.b.replace(/\s/g, ''), 'base64'));
    expect(ok).toBe(true);
  });
});
