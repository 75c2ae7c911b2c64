// The MailChannels payload of a mail with an inline part: the bill mail's QR code goes out with
// its Content-ID as `content_id` and `disposition: "inline"` (what the Email API takes, as its
// own SDK sends it), every other attachment exactly as before.
import { describe, expect, it } from 'vitest';
import { mailChannelsTransport } from '../../../worker/src/mail/mailchannels.ts';
import { sampleMails } from '../../support/mail-samples.ts';

describe('MailChannels payload', () => {
  it('sends the inline QR code with its content_id, the attached one and the PDF as attachments', async () => {
    const bodies: any[] = [];
    const transport = mailChannelsTransport({
      url: 'http://127.0.0.1:9/tx/v1/send',
      apiKey: 'k',
      from: 'racuni@stambenoruma.rs',
      fromName: 'JP Stambeno Ruma',
      timeoutMs: 1000,
      fetch: (async (_url: string, init: RequestInit) => {
        bodies.push(JSON.parse(String(init.body)));
        return new Response(null, { status: 202 });
      }) as typeof fetch,
    });
    const bill = (await sampleMails()).find((s) => s.id === 'bill-sr-Latn')!.mail;
    await transport.send({ id: 'o1', to: 'milica@example.com', ...bill });
    const [body] = bodies;
    expect(body.attachments.map((a: any) => [a.filename, a.type, a.disposition, a.content_id])).toEqual([
      ['ips-qr-2026-11.png', 'image/png', undefined, undefined],
      ['racun-104521-2026-11.pdf', 'application/pdf', undefined, undefined],
      ['ips-qr-2026-11-inline.png', 'image/png', 'inline', 'ips-qr'],
    ]);
    expect(body.attachments.some((a: any) => 'contentId' in a)).toBe(false);
    const html = body.content.find((c: any) => c.type === 'text/html').value;
    expect(html).toContain('src="cid:ips-qr"');
  });
});
