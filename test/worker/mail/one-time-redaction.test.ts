// One-time links and codes leave the stored mail once a real transport has taken it: the outbox
// keeps who, what kind and when (the 30-day audit), never a usable link or code. With the dev
// transport the row is the delivered mail (the dev mailbox), so it keeps everything there.
import { afterEach, expect, it } from 'vitest';
import { makeHarness, confirmedAccount, type Harness } from '../harness.ts';
import type { MailTransport, OutgoingMail } from '../../../worker/src/ports.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
});

it('keeps no link or code of a confirmation, reset or login-code mail once sent', async () => {
  const sent: OutgoingMail[] = [];
  const transport: MailTransport = { name: 'relay', send: async (m) => void sent.push(m) };
  h = await makeHarness({ mail: transport });
  const a = await confirmedAccount(h);
  await h.call('POST', '/api/password/forgot', { email: a.email }, { ip: '198.51.100.1' });
  await h.call('POST', '/api/login/code/send', { email: a.email }, { ip: '198.51.100.2' });
  const stored = await h.outbox();
  const kinds = ['confirm', 'reset', 'login-code'];
  for (const kind of kinds) {
    const row = stored.find((m) => m.kind === kind);
    expect(row?.status, kind).toBe('sent');
    expect(row?.text, kind).toBe('');
    expect(row?.html, kind).toBe('');
    expect(row?.subject, kind).not.toMatch(/\d{6}/);
    // The transport had the whole mail.
    const out = sent.find((m) => m.to === a.email && (kind !== 'login-code' || /\d{6}/.test(m.subject)));
    expect(out?.text).toMatch(/http|\d{6}/);
  }
  expect(sent.some((m) => /#reset=[A-Za-z0-9_-]{43}/.test(m.text))).toBe(true);
  // A mail without a secret keeps its bodies for the retention (the notice of a new password, say).
  const token = await h.linkFrom('reset');
  await h.call('POST', '/api/password/reset', { token, password: 'nova lozinka za Rumu 9' });
  const notice = (await h.outbox()).find((m) => m.kind === 'password_changed');
  expect(notice?.text).not.toBe('');
});

it('keeps them in development, where the outbox is the dev mailbox', async () => {
  h = await makeHarness();
  const a = await confirmedAccount(h);
  await h.call('POST', '/api/login/code/send', { email: a.email });
  const row = (await h.outbox()).find((m) => m.kind === 'login-code');
  expect(row?.subject).toMatch(/\d{6}$/);
});
