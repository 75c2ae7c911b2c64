// The mail transport a configuration asks for (shared by the Node and Workers entries): the
// entry hands over what only it has — Node the SMTP client, Workers the `send_email` binding.
import type { Config } from '../config.ts';
import type { MailTransport } from '../ports.ts';
import { devTransport, mailChannelsTransport } from './mailchannels.ts';
import type { SendEmail } from '@cloudflare/workers-types/latest';
import { cloudflareEmailTransport } from './cloudflare-email.ts';

export interface PlatformMail {
  /** Node: the utility's SMTP relay (worker/node/smtp-transport.ts). */
  smtp?: (config: Config) => MailTransport;
  /** Workers: the `send_email` binding named EMAIL in wrangler.toml. */
  emailBinding?: SendEmail;
}

export function mailTransportFor(config: Config, platform: PlatformMail = {}): MailTransport {
  switch (config.mailTransport) {
    case 'dev':
      return devTransport;
    case 'smtp':
      if (!platform.smtp)
        throw new Error('MAIL_TRANSPORT=smtp is for the Node server; a Worker sends with cloudflare or mailchannels');
      return platform.smtp(config);
    case 'cloudflare':
      if (!platform.emailBinding)
        throw new Error(
          'MAIL_TRANSPORT=cloudflare needs the send_email binding named EMAIL ([[send_email]] name = "EMAIL" ' +
            'in wrangler.toml); the Node server sends with smtp or mailchannels',
        );
      return cloudflareEmailTransport(platform.emailBinding, config.mailFrom, config.mailFromName);
    case 'mailchannels':
      if (!config.mailchannelsApiKey)
        throw new Error('MAILCHANNELS_API_KEY is required for MAIL_TRANSPORT=mailchannels');
      return mailChannelsTransport({
        url: config.mailchannelsUrl,
        apiKey: config.mailchannelsApiKey,
        from: config.mailFrom,
        fromName: config.mailFromName,
        timeoutMs: config.mailTimeoutMs,
      });
  }
}
