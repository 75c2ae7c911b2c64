// The mail transport a configuration asks for (shared by the Node and Workers entries).
import type { Config } from '../config.ts';
import type { MailTransport } from '../ports.ts';
import { devTransport, mailChannelsTransport } from './mailchannels.ts';

export function mailTransportFor(config: Config): MailTransport {
  if (config.mailTransport === 'dev') return devTransport;
  if (!config.mailchannelsApiKey) throw new Error('MAILCHANNELS_API_KEY is required for MAIL_TRANSPORT=mailchannels');
  return mailChannelsTransport({
    url: config.mailchannelsUrl,
    apiKey: config.mailchannelsApiKey,
    from: config.mailFrom,
    fromName: config.mailFromName,
    timeoutMs: config.mailTimeoutMs,
  });
}
