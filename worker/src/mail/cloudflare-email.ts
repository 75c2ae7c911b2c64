// Cloudflare Email Service (Email Sending) through a Worker's `send_email` binding: one structured
// message per mail — text and HTML, attachments and the inline QR code by Content-ID, our
// headers (List-Unsubscribe, List-Unsubscribe-Post). The service sets its own Message-ID and
// answers it; the outbox keeps ours in `X-Outbox-Id` so delivery events can be matched either way.
import type { MailAttachment, MailTransport, OutgoingMail } from '../ports.ts';

/** The binding's documented interface (Workers API: `env.EMAIL.send(message)`), as much of it as the portal uses. */
export interface SendEmailBinding {
  send(message: {
    to: string;
    from: { email: string; name: string };
    subject: string;
    text: string;
    html: string;
    headers?: Record<string, string>;
    attachments?: {
      content: string;
      filename: string;
      type: string;
      disposition: 'attachment' | 'inline';
      contentId?: string;
    }[];
  }): Promise<{ messageId?: string } | undefined>;
}

const attachment = ({ contentId, content, filename, type }: MailAttachment) => ({
  content,
  filename,
  type,
  disposition: contentId ? ('inline' as const) : ('attachment' as const),
  ...(contentId ? { contentId } : {}),
});

export function cloudflareEmailTransport(binding: SendEmailBinding, from: string, fromName: string): MailTransport {
  return {
    name: 'cloudflare',
    async send(mail: OutgoingMail) {
      await binding.send({
        to: mail.to,
        from: { email: from, name: fromName },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { ...mail.headers, 'X-Outbox-Id': mail.id },
        ...(mail.attachments?.length ? { attachments: mail.attachments.map(attachment) } : {}),
      });
    },
  };
}
