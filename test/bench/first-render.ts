// First render: in headless Chromium, the in-page time (performance.now(), navigation start = 0)
// at which <jp-portal>'s login e-mail field exists, is enabled, rendered and focusable.
// A fresh browser context per run, so every run starts with a cold cache and no cookies.
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../support/chromium.mjs';

// The login's e-mail field (autocomplete "username webauthn" since the passkey autofill: a token, not the whole value).
const SELECTOR = 'jp-portal form input[autocomplete~="username"]';
const TIMEOUT_MS = 15_000;

// Installed before any page script runs (through the devtools protocol, so the demo's CSP does not
// apply), it checks on every animation frame from the start, so no render can slip past the probe.
// A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
const PROBE = `(() => {
  const check = () => {
    const input = document.querySelector(${JSON.stringify(SELECTOR)});
    if (input && !input.disabled && input.tabIndex >= 0 && input.getClientRects().length > 0) window.__jpInteractive = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** A phone on a slow network: Chrome DevTools' "Slow 4G" (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and a 4× slower CPU. */
export const SLOW_PHONE = { latency: 150, downloadBps: 1.6e6, uploadBps: 750e3, cpuSlowdown: 4 };
export type Profile = typeof SLOW_PHONE;

/** One request of a run, as the page's resource timing saw it (ms from navigation start). */
export interface Fetched {
  name: string;
  start: number;
  end: number;
}

/**
 * The time to an interactive login field, `runs` times, each in a fresh context (cold cache); with
 * `profile`, under that network and CPU (through the devtools protocol). `waterfall` receives the
 * first run's requests.
 */
export async function firstRender(url: string, runs = 10, profile?: Profile, waterfall?: Fetched[]): Promise<number[]> {
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    timeout: 30_000,
  });
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
      try {
        const page = await context.newPage();
        await page.addInitScript({ content: PROBE });
        if (profile) {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: profile.latency,
            downloadThroughput: profile.downloadBps / 8,
            uploadThroughput: profile.uploadBps / 8,
          });
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
        }
        await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
        const at = await page.waitForFunction(
          () => (window as unknown as { __jpInteractive?: number }).__jpInteractive,
          undefined,
          { timeout: TIMEOUT_MS },
        );
        // Sanity check that the probe saw the real thing: the field takes focus.
        const focused = await page.$eval(SELECTOR, (el) => {
          (el as HTMLElement).focus();
          return document.activeElement === el;
        });
        if (!focused) throw new Error(`${SELECTOR} did not take focus`);
        times.push((await at.jsonValue()) as number);
        if (waterfall && i === 0) {
          const entries = await page.evaluate(() => [
            ...performance
              .getEntriesByType('navigation')
              .map((e) => ({ name: e.name, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
            ...performance
              .getEntriesByType('resource')
              .map((e) => ({ name: e.name, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
          ]);
          waterfall.push(...entries.map((e) => ({ ...e, name: new URL(e.name).pathname })));
        }
      } finally {
        await context.close();
      }
    }
    return times;
  } finally {
    await browser.close();
  }
}
