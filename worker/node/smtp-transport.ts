// The utility's own SMTP relay (MAIL_TRANSPORT=smtp, Node only): nodemailer with a connection
// pool, STARTTLS whenever the server offers it (smtp://…:587) or TLS from the start (smtps://…:465),
// DKIM signing when the utility gives a key. The same message model as every transport: text and
// HTML, attachments and the inline QR code by Content-ID, our headers, and a Message-ID we set
// (`<outbox id@domain>`, message-id.ts) so a bounce quoting it names the mail.
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { Config } from '../src/config.ts';
import type { MailTransport, OutgoingMail } from '../src/ports.ts';
import { messageIdFor } from '../src/mail/message-id.ts';

export function smtpTransport(config: Config): MailTransport {
  if (!config.smtpUrl) throw new Error('MAIL_TRANSPORT=smtp needs SMTP_URL');
  const options: SMTPPool.Options = {
    url: config.smtpUrl,
    pool: true,
    maxConnections: Math.min(config.mailConcurrency, 5),
    connectionTimeout: config.mailTimeoutMs,
    greetingTimeout: config.mailTimeoutMs,
    socketTimeout: config.mailTimeoutMs,
    ...(config.dkim ? { dkim: config.dkim } : {}),
  };
  const transporter = nodemailer.createTransport(options);
  return {
    name: 'smtp',
    async send(mail: OutgoingMail) {
      await transporter.sendMail({
        from: { name: config.mailFromName, address: config.mailFrom },
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: messageIdFor(mail.id, config.mailFrom),
        headers: { ...mail.headers, 'X-Outbox-Id': mail.id },
        attachments: mail.attachments?.map((a) => ({
          filename: a.filename,
          content: a.content,
          encoding: 'base64',
          contentType: a.type,
          ...(a.contentId ? { cid: a.contentId, contentDisposition: 'inline' as const } : {}),
        })),
      });
    },
    close: () => transporter.close(),
  };
}
