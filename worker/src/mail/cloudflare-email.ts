// Cloudflare Email Service (Email Sending) through a Worker's `send_email` binding: one structured
// message per mail — text and HTML, attachments and the inline QR code by Content-ID, our
// headers (List-Unsubscribe, List-Unsubscribe-Post). The service sets its own Message-ID and
// answers it; the outbox keeps ours in `X-Outbox-Id` so delivery events can be matched either way.
import type { EmailAttachment, SendEmail } from '@cloudflare/workers-types/latest';
import type { MailAttachment, MailTransport, OutgoingMail } from '../ports.ts';

const attachment = ({ contentId, content, filename, type }: MailAttachment): EmailAttachment =>
  contentId
    ? { content, filename, type, disposition: 'inline', contentId }
    : { content, filename, type, disposition: 'attachment' };

export function cloudflareEmailTransport(binding: SendEmail, from: string, fromName: string): MailTransport {
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
