// The embed guide as the Node server serves the build in <root>/guide (`npm run build` first): in
// development the development pages beside the demo; in production the production pages, read-only
// — the production API address in the tags, the preview only showing the look, no link to the demo
// pages or their dev mailbox, nothing of the development server, their scripts and styles beside
// them — while the demo itself stays development-only. Over HTTP on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeHarness, ROOT, type Harness } from '../harness.ts';
import { nodeServerApp } from '../../../worker/node/server.ts';
import { startNodeServer, type NodeServer } from '../../../worker/node/http-server.ts';
import { distRoot } from '../../../worker/node/utility-root.ts';
import { readManifest, scriptTag, widgetDist } from '../../../widget/scripts/dist-layout.ts';
import { GUIDE_ASSETS } from '../../../widget/scripts/guide-page.ts';
import { escapeHtml } from '../../../contract/html.ts';
import { workersLinks } from '../../../worker/scripts/wrangler-config.ts';
import { chosenUtility } from '../../../widget/scripts/utility-plugin.ts';

const GUIDE = resolve(distRoot(), 'guide');

describe('the embed guide on the Node server', () => {
  let h: Harness;
  const servers: NodeServer[] = [];
  const base: Record<'production' | 'development', string> = { production: '', development: '' };
  const api = workersLinks(chosenUtility().utility.website).API_URL;

  beforeAll(async () => {
    for (const mode of ['production', 'development'])
      if (!existsSync(resolve(GUIDE, mode, 'ugradnja.html')))
        throw new Error(`no ${GUIDE}/${mode}: npm run build first`);
    h = await makeHarness();
    for (const mode of ['production', 'development'] as const) {
      const deps = { ...h.deps, config: { ...h.deps.config, production: mode === 'production' } };
      const app = nodeServerApp(deps, { widgetDir: widgetDist(), demoDir: `${ROOT}/demo`, guideDir: GUIDE });
      const s = await startNodeServer(app.fetch, { port: 0, hostname: '127.0.0.1' });
      servers.push(s);
      base[mode] = `http://127.0.0.1:${s.address.port}`;
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await h?.close();
  });

  it('serves the read-only production pages in production, with the production API address and no demo link', async () => {
    for (const page of ['/ugradnja.html', '/ugradnja.en.html']) {
      const res = await fetch(`${base.production}${page}`);
      expect(res.status, page).toBe(200);
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      const text = await res.text();
      expect(text).toContain('data-production');
      expect(text).toContain(escapeHtml(scriptTag(readManifest(), api)));
      expect(text).toMatch(/<div class="preview"[^>]* inert>/);
      for (const dev of ['href="/"', 'elements.html', 'demo-mailbox', '/api/dev/outbox', 'localhost', '127.0.0.1'])
        expect(text, `${page}: ${dev}`).not.toContain(dev);
      expect(text).not.toContain('data-origin-text');
    }
    for (const f of GUIDE_ASSETS) {
      const res = await fetch(`${base.production}/${f}`);
      expect(res.status, f).toBe(200);
      expect(await res.text()).toBe(readFileSync(resolve(ROOT, 'demo', f), 'utf8'));
    }
    // Read-only, and the demo stays off in production.
    expect((await fetch(`${base.production}/ugradnja.html`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base.production}/ugradnja.html`, { method: 'HEAD' })).status).toBe(200);
    for (const demo of ['/', '/index.html', '/demo-mailbox.js', '/elements.html'])
      expect((await fetch(`${base.production}${demo}`)).status, demo).toBe(404);
  });

  it('serves the development pages beside the demo in development', async () => {
    const res = await fetch(`${base.development}/ugradnja.html`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('data-production');
    expect(text).toContain('href="/elements.html"');
    expect(text).toContain('data-origin-text');
    expect((await fetch(`${base.development}/demo-mailbox.js`)).status).toBe(200);
  });
});
