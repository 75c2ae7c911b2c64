// The widget's files as the Node server serves the build in dist/widget (`npm run build` first):
// the integrity published in integrity.json is the sha384 of the bytes the server returns, for
// the entry and every chunk; a release's folder is `<version>-<8 hex of the configuration>`
// (release-name.ts) and its files are immutable for a year and the alias and the
// latest's manifest kept 5 minutes (in production; revalidated in development); the alias leads
// to the versioned entry; an unknown version or file is a 404 that nothing keeps. Over HTTP on
// 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { makeHarness, ROOT, type Harness } from '../harness.ts';
import { nodeServerApp } from '../../../worker/node/server.ts';
import { startNodeServer, type NodeServer } from '../../../worker/node/http-server.ts';
import { WIDGET_ALIAS, WIDGET_IMMUTABLE, widgetCaching } from '../../../worker/node/widget-caching.ts';
import {
  MANIFEST,
  widgetDist,
  readManifest,
  scriptTag,
  sri,
  staticClosure,
  widgetVersion,
  type WidgetManifest,
} from '../../../widget/scripts/dist-layout.ts';
import { relative, resolve } from 'node:path';
import { distRoot } from '../../../worker/node/utility-root.ts';
import { RELEASE_NAME, releaseName } from '../../../widget/scripts/release-name.ts';
import { chosenUtility, compiledUtility } from '../../../widget/scripts/utility-plugin.ts';

describe('the widget files on the Node server', () => {
  let h: Harness;
  let manifest: WidgetManifest;
  const servers: NodeServer[] = [];
  const base: Record<'production' | 'development', string> = { production: '', development: '' };

  beforeAll(async () => {
    if (!existsSync(`${widgetDist()}/${MANIFEST}`))
      throw new Error('no dist/widget/integrity.json: npm run build first');
    manifest = readManifest();
    h = await makeHarness();
    for (const mode of ['production', 'development'] as const) {
      const deps = { ...h.deps, config: { ...h.deps.config, production: mode === 'production' } };
      const app = nodeServerApp(deps, { widgetDir: widgetDist(), demoDir: `${ROOT}/demo` });
      const s = await startNodeServer(app.fetch, { port: 0, hostname: '127.0.0.1' });
      servers.push(s);
      base[mode] = `http://127.0.0.1:${s.address.port}`;
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await h?.close();
  });

  it('is built for the version of package.json and this configuration, and the latest manifest is that release’s', async () => {
    expect(manifest.version).toBe(widgetVersion());
    expect(manifest.release).toBe(releaseName(widgetVersion(), compiledUtility(chosenUtility().utility)));
    expect(manifest.release).toMatch(RELEASE_NAME);
    expect(manifest.entry).toBe(`${manifest.release}/jp-portal.js`);
    expect(manifest.integrity).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
    expect(readManifest(manifest.release)).toEqual(manifest);
    const served = await fetch(`${base.production}/widget/${manifest.release}/${MANIFEST}`);
    expect(await served.json()).toEqual(manifest);
  });

  it('serves bytes whose sha384 is the published integrity: the entry and every chunk', async () => {
    const entry = await fetch(`${base.production}/widget/${manifest.entry}`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get('content-type')).toMatch(/^text\/javascript|^application\/javascript/);
    expect(sri(new Uint8Array(await entry.arrayBuffer()))).toBe(manifest.integrity);
    const chunks = Object.keys(manifest.files).filter((f) => f.includes('/chunks/'));
    expect(chunks.length).toBeGreaterThan(5);
    for (const f of Object.keys(manifest.files)) {
      const r = await fetch(`${base.production}/widget/${f}`);
      expect(r.status, f).toBe(200);
      expect(sri(new Uint8Array(await r.arrayBuffer())), f).toBe(manifest.files[f]);
    }
    // A changed byte is a different hash: the browser would refuse it.
    const bytes = new Uint8Array(await (await fetch(`${base.production}/widget/${manifest.entry}`)).arrayBuffer());
    bytes[bytes.length - 1] ^= 1;
    expect(sri(bytes)).not.toBe(manifest.integrity);
  });

  it('keeps a version’s files a year (immutable), the alias and the latest manifest 5 minutes, in production', async () => {
    for (const f of [manifest.entry, ...Object.keys(manifest.files), `${manifest.release}/${MANIFEST}`]) {
      const r = await fetch(`${base.production}/widget/${f}`);
      expect(r.headers.get('cache-control'), f).toBe('public, max-age=31536000, immutable');
      expect(r.headers.get('access-control-allow-origin'), f).toBe('*');
    }
    for (const f of ['jp-portal.js', MANIFEST]) {
      const r = await fetch(`${base.production}/widget/${f}`);
      expect(r.status, f).toBe(200);
      expect(r.headers.get('cache-control'), f).toBe('public, max-age=300');
      expect(r.headers.get('access-control-allow-origin'), f).toBe('*');
    }
  });

  it('names the login path for preloading: every chunk the entry imports statically, each with its integrity', () => {
    const entry = resolve(widgetDist(), manifest.entry);
    const closure = [...staticClosure(entry)].filter((f) => f !== entry).map((f) => relative(widgetDist(), f));
    expect(manifest.preload).toEqual(closure.sort());
    expect(manifest.preload.length).toBeGreaterThan(0);
    for (const f of manifest.preload) expect(manifest.files[f]).toMatch(/^sha384-/);
  });

  it('serves the demo page with the versioned entry and the preloads, not the alias', async () => {
    const app = nodeServerApp(h.deps, {
      widgetDir: widgetDist(),
      demoDir: `${ROOT}/demo`,
      demoPagesDir: resolve(distRoot(), 'demo'),
    });
    const html = await (await app.request('http://localhost:8787/')).text();
    expect(html).not.toContain('src="/widget/jp-portal.js"');
    expect(html).toContain(scriptTag(manifest, ''));
    expect(html.match(/rel="modulepreload"/g)).toHaveLength(manifest.preload.length);
  });

  it('has the alias lead to the versioned entry (resolved as a browser resolves its import)', async () => {
    const url = `${base.production}/widget/jp-portal.js`;
    const alias = await (await fetch(url)).text();
    const imports = [...alias.matchAll(/from\s*"([^"]+)"/g)].map((m) => new URL(m[1], url).href);
    expect(imports).toEqual([`${base.production}/widget/${manifest.entry}`]);
  });

  it('answers an unknown version or file with a 404 that is not kept', async () => {
    for (const path of [
      '/widget/9.9.9/jp-portal.js',
      `/widget/${manifest.release}/nope.js`,
      `/widget/${manifest.release}/chunks/nope.js`,
      `/widget/${widgetVersion()}-00000000/jp-portal.js`,
      '/widget/chunks/nope.js',
      '/widget/0.0.0-old/integrity.json',
    ]) {
      for (const mode of ['production', 'development'] as const) {
        const r = await fetch(`${base[mode]}${path}`);
        expect(r.status, `${mode} ${path}`).toBe(404);
        expect(r.headers.get('cache-control'), `${mode} ${path}`).toBe('no-store');
      }
    }
  });

  it('revalidates everything in development, where a rebuild replaces a version’s files', async () => {
    for (const f of [manifest.entry, 'jp-portal.js', MANIFEST]) {
      const r = await fetch(`${base.development}/widget/${f}`);
      expect(r.status, f).toBe(200);
      expect(r.headers.get('cache-control'), f).toBe('no-cache');
    }
  });

  it('decides the caching by path and status alone: a release folder (<version>-<8 hex>) is immutable', () => {
    expect(widgetCaching('/widget/1.2.3-0a1b2c3d/jp-portal.js', 200, true)).toBe(WIDGET_IMMUTABLE);
    expect(widgetCaching('/widget/1.2.3-rc.1-0a1b2c3d/chunks/a.js', 304, true)).toBe(WIDGET_IMMUTABLE);
    expect(widgetCaching('/widget/jp-portal.js', 200, true)).toBe(WIDGET_ALIAS);
    expect(widgetCaching('/widget/1.2/jp-portal.js', 200, true)).toBe(WIDGET_ALIAS);
    // A bare version or a short hash is no release folder: never kept a year.
    expect(widgetCaching('/widget/1.2.3/jp-portal.js', 200, true)).toBe(WIDGET_ALIAS);
    expect(widgetCaching('/widget/1.2.3-0a1b2c/jp-portal.js', 200, true)).toBe(WIDGET_ALIAS);
    expect(widgetCaching('/widget/1.2.3-0a1b2c3d/jp-portal.js', 404, true)).toBe('no-store');
    expect(widgetCaching('/widget/1.2.3-0a1b2c3d/jp-portal.js', 200, false)).toBe('no-cache');
  });
});
