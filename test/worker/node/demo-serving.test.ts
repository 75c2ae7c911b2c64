// The Node server in development serves the demo pages as the build wrote them for the utility
// (<root>/demo, widget/scripts/demo-pages.ts), never a template from demo/ with its placeholders;
// demo/ gives only the rest (the styles, the dev mailbox). Here the pages are written for the
// second utility into a folder of the test's own, which the server is given as its pages' folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeHarness, ROOT, type Harness } from '../harness.ts';
import { nodeServerApp } from '../../../worker/node/server.ts';
import { readUtilityConfig } from '../../../worker/node/utility-file.ts';
import { writeDemoPages } from '../../../widget/scripts/demo-pages.ts';
import type { WidgetManifest } from '../../../widget/scripts/dist-layout.ts';

const vodovod = readUtilityConfig({ UTILITY_CONFIG: resolve(ROOT, 'demo/vodovod/utility.json') });
const manifest: WidgetManifest = {
  version: '0.1.0',
  release: '0.1.0-0123abcd',
  entry: '0.1.0-0123abcd/jp-portal.js',
  integrity: 'sha384-entry',
  files: {},
  preload: [],
};

describe('the demo pages on the Node server', () => {
  let h: Harness;
  let pages: string;
  const get = (path: string) =>
    nodeServerApp(h.deps, {
      widgetDir: join(pages, 'none'),
      demoDir: resolve(ROOT, 'demo'),
      demoPagesDir: pages,
    }).request(`http://localhost:8787${path}`);

  beforeAll(async () => {
    h = await makeHarness();
    pages = mkdtempSync(join(tmpdir(), 'jp-demo-serving-'));
    writeDemoPages(pages, manifest, vodovod, 'development');
    // A page the build did not write is not served from its template.
    unlinkSync(join(pages, 'uputstvo.html'));
  });
  afterAll(async () => {
    rmSync(pages, { recursive: true, force: true });
    await h?.close();
  });

  it('are the written ones, for the utility they were written for', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/uslovi-koriscenja.html',
      '/izjava-o-privatnosti.html',
      '/elements.html',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).toContain(`<header class="site"><a href="/">${vodovod.name}</a></header>`);
      expect(html, path).not.toContain('{{');
    }
  });

  it('never come from a template, while the styles and the dev mailbox still come from demo/', async () => {
    expect((await get('/uputstvo.html')).status).toBe(404);
    for (const file of ['/site.css', '/demo-mailbox.js']) expect((await get(file)).status, file).toBe(200);
  });
});
