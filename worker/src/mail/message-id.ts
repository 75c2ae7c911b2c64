// The Message-ID the portal sets on every mail it sends: `<outbox id@sender's domain>`, so a
// bounce or a delivery event that quotes it names the outbox row, whatever the transport. An
// outbox id may hold colons (`bill:<bill>:<account>`), which a Message-ID may not: they travel as
// dots (outbox ids hold no dots).
export const messageIdFor = (outboxId: string, from: string) =>
  `<${outboxId.replaceAll(':', '.')}@${from.split('@')[1] ?? 'localhost'}>`;

/** The outbox id a Message-ID (with or without its angle brackets) names, or null. */
export function outboxIdOf(messageId: string): string | null {
  const m = /^<?([A-Za-z0-9._-]{1,200})@[^>\s]+>?$/.exec(messageId.trim());
  return m ? m[1].replaceAll('.', ':') : null;
}
