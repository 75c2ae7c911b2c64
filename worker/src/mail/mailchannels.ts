// MailChannels Email API transport (fetch only: runs on Node and Workers).
import type { MailAttachment, MailTransport, OutgoingMail } from '../ports.ts';

// An inline part (the bill mail's QR code) carries its Content-ID; MailChannels' Email API takes
// it as `content_id` with `disposition: "inline"` (as its own SDK sends it).
const attachment = ({ contentId, ...a }: MailAttachment) =>
  contentId ? { ...a, content_id: contentId, disposition: 'inline' } : a;

export interface MailChannelsOptions {
  url: string;
  apiKey: string;
  from: string;
  fromName: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export function mailChannelsTransport(o: MailChannelsOptions): MailTransport {
  const doFetch = o.fetch ?? fetch;
  return {
    name: 'mailchannels',
    async send(mail: OutgoingMail) {
      const res = await doFetch(o.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': o.apiKey },
        body: JSON.stringify({
          personalizations: [{ to: [{ email: mail.to }] }],
          from: { email: o.from, name: o.fromName },
          subject: mail.subject,
          content: [
            { type: 'text/plain', value: mail.text },
            { type: 'text/html', value: mail.html },
          ],
          headers: { ...mail.headers, 'X-Outbox-Id': mail.id },
          ...(mail.attachments?.length ? { attachments: mail.attachments.map(attachment) } : {}),
        }),
        signal: AbortSignal.timeout(o.timeoutMs),
      });
      if (res.status < 200 || res.status >= 300) {
        const detail = (await res.text().catch(() => '')).slice(0, 200);
        throw new Error(`MailChannels answered ${res.status}${detail ? `: ${detail}` : ''}`);
      }
      await res.body?.cancel();
    },
  };
}

/** Development: the outbox row itself is the delivered mail (see GET /api/dev/outbox). */
export const devTransport: MailTransport = { name: 'dev', async send() {} };
