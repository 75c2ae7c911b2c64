// Every mail the portal sends — each account mail kind and the bill mail, in sr-Latn, sr-Cyrl and
// en — drawn by real Chromium at 360 px (a phone) and 600 px (a webmail reading pane), with the
// worst cases of test/support/mail-samples.ts (long links, a long address, a ~250-character
// unsubscribe link). Fails when a mail scrolls sideways, when its button or contact is missing or
// cut off, or when the bill's QR code does not show. Screenshots in test-results/mails/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../support/chromium.mjs';
import { htmlAsShown, type SampleMail, sampleMails } from '../support/mail-samples.ts';
import { MAIL_KINDS } from '../../worker/src/mail/templates.ts';
import { LOCALES } from '../../contract/locales.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(ROOT, 'test-results/mails');
const WIDTHS = [360, 600];

let browser: Browser;
let page: Page;
let mails: SampleMail[];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  mails = await sampleMails();
  browser = await chromium.launch(chromiumLaunchOptions);
  page = await browser.newPage();
  // A mail is read offline: nothing in it may need the network.
  await page.route('**/*', (route) => route.abort());
});
afterAll(async () => {
  await browser?.close();
});

describe('mails in Chromium', () => {
  it('covers every kind in every locale', () => {
    // Each account mail kind and the bill mail, in each locale: a new kind is drawn from the day it exists.
    expect(new Set(mails.map((m) => m.id)).size).toBe((MAIL_KINDS.length + 1) * LOCALES.length);
  });

  for (const width of WIDTHS) {
    it(`no mail scrolls sideways at ${width} px, and each shows its action and the contact`, async () => {
      const problems: string[] = [];
      for (const { id, kind, mail } of mails) {
        await page.setViewportSize({ width, height: 800 });
        await page.setContent(htmlAsShown(mail), { waitUntil: 'load' });
        const m = await page.evaluate(() => {
          const doc = document.scrollingElement!;
          const links = [...document.querySelectorAll('a')];
          const tel = links.find((a) => a.href.startsWith('tel:'));
          const img = document.querySelector('img');
          // Anything drawn past the right edge, though the page itself may not scroll.
          const cut = [...document.body.querySelectorAll('*')]
            .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
            .map((e) => e.tagName + (e.textContent ?? '').slice(0, 40));
          return {
            scrollWidth: doc.scrollWidth,
            innerWidth,
            cut,
            button: links.find((a) => a.style.display === 'inline-block')?.textContent ?? null,
            tel: !!tel && tel.getBoundingClientRect().height > 0,
            // A login code: the element holding just the six digits, and how large it is drawn.
            code: [...document.querySelectorAll('p')]
              .filter((p) => /^\d{6}$/.test(p.textContent ?? ''))
              .map((p) => ({
                size: Number.parseFloat(getComputedStyle(p).fontSize),
                width: p.getBoundingClientRect().width,
              }))[0],
            img: img ? { shown: img.complete && img.naturalWidth > 0, width: img.getBoundingClientRect().width } : null,
          };
        });
        await page.screenshot({ path: resolve(SHOTS, `${id}-${width}.png`), fullPage: true });
        if (m.scrollWidth > m.innerWidth) problems.push(`${id}: ${m.scrollWidth} px wide in ${m.innerWidth} px`);
        if (m.cut.length) problems.push(`${id}: cut off at the right: ${m.cut.slice(0, 3).join(' | ')}`);
        if (!m.tel) problems.push(`${id}: no phone to call`);
        const wantsButton = !['email_changed', 'account_deleted', 'login-code'].includes(kind);
        if (wantsButton && !m.button) problems.push(`${id}: no button`);
        if (kind === 'login-code' && !(m.code && m.code.size >= 28 && m.code.width > 0))
          problems.push(`${id}: the code is not shown large (${JSON.stringify(m.code)})`);
        if (kind === 'bill' && !(m.img?.shown && m.img.width >= 180))
          problems.push(`${id}: the QR code is not shown (${JSON.stringify(m.img)})`);
      }
      expect(problems).toEqual([]);
    });
  }
});
