// What the end-to-end tests check on a page and read from the demo mailbox, written once:
// axe's WCAG 2.2 AA rules on the portal, a QR code read back from a PNG, a mail's link.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import jsQR from 'jsqr';
import { decode as decodePng } from 'fast-png';

const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

/** axe's violations in <jp-portal> (or in what `context` selects: 'html' for the whole page), as "rule (nodes)". */
export async function axe(page: Page, context = 'jp-portal'): Promise<string[]> {
  // Evaluated through the devtools protocol: the demo's CSP rightly refuses inline scripts.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(
    async (context) => (globalThis as any).axe.run(context, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] }),
    context,
  );
  return result.violations.map((v: { id: string; nodes: unknown[] }) => `${v.id} (${v.nodes.length})`);
}

/** The text of the QR code in a PNG (grey or colour), as a banking app reads it. */
export function decodeQr(png: Uint8Array): string | undefined {
  const img = decodePng(png);
  const channels = img.data.length / (img.width * img.height);
  const rgba = new Uint8ClampedArray(img.width * img.height * 4);
  for (let i = 0; i < img.width * img.height; i++) {
    const px = Array.from(img.data.slice(i * channels, i * channels + channels), Number);
    rgba.set(channels >= 3 ? [px[0], px[1], px[2], 255] : [px[0], px[0], px[0], 255], i * 4);
  }
  return jsQR(rgba, img.width, img.height)?.data;
}

type OutboxMail = { to: string; kind: string; text: string };
/**
 * Reads the dev mailbox until `pick` finds what it wants (the mail is sent after the answer, by
 * the server's own queue); fails after `ms`, naming what it waited for.
 */
async function fromMailbox<T>(base: string, what: string, pick: (mails: OutboxMail[]) => T | undefined, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const { mails } = await (await fetch(`${base}/api/dev/outbox`)).json();
    const found = pick(mails);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`no ${what} in the dev mailbox after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The newest mail link with `#<fragment>=` sent to `to`, from the dev mailbox. */
/** A mail's link up to its token (`…#potvrda=TOKEN`); `withLocale` keeps the mail's `&jezik=` after it. */
export async function mailLink(
  base: string,
  fragment: 'potvrda' | 'reset' | 'nova-adresa',
  to: string,
  withLocale = false,
) {
  return fromMailbox(base, `#${fragment}= link for ${to}`, (mails) => {
    const mail = mails.find((m) => m.to === to && m.text.includes(`#${fragment}=`));
    const line = mail?.text.match(new RegExp(`^(http\\S+#${fragment}=[\\w-]+)(&jezik=[\\w-]+)?$`, 'm'));
    return withLocale ? line?.[0] : line?.[1];
  });
}

/**
 * The page's errors as they happen: uncaught exceptions and console errors. API answers such as
 * 400 for a wrong PIN are the contract (the browser logs them as failed loads) and do not count.
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    const apiAnswer = m.text().startsWith('Failed to load resource') && m.location().url.includes('/api/');
    if (m.type() === 'error' && !apiAnswer) errors.push(m.text());
  });
  return errors;
}

export interface Resident {
  name: string;
  email: string;
  code: string;
  pin: string;
  password: string;
}

/** A confirmed account through the API (the registration's own flow is newcomer.test.ts's). */
export async function resident(base: string, who: Resident): Promise<void> {
  const headers = { 'content-type': 'application/json', origin: base };
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const { name, email, code: consumerCode, pin, password } = who;
  const r = await post('/api/register', { name, email, password, consumerCode, pin, acceptTerms: true });
  if (r.status !== 202) throw new Error(`registration answered ${r.status}`);
  const confirm = await post('/api/confirm', { token: (await mailLink(base, 'potvrda', email)).split('#potvrda=')[1] });
  if (confirm.status !== 200) throw new Error(`confirmation answered ${confirm.status}`);
}

/** The 6-digit code of the newest login-code mail to `to`, from the dev mailbox. */
export async function mailedCode(base: string, to: string): Promise<string> {
  return fromMailbox(base, `login code for ${to}`, (mails) => {
    const mail = mails.find((m) => m.to === to && m.kind === 'login-code');
    return mail?.text.match(/^(\d{6})$/m)?.[1];
  });
}
