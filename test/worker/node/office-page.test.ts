// The office's console as the Node server serves the build in dist/office (`npm run build` first),
// in production as in development: /kancelarija/ is its page under the office's strict CSP (no
// inline script, never framed), /kancelarija redirects there, its bundle is a file of its own
// (not in the residents' widget manifest), everything revalidated on each load, and an unknown
// file is a 404. Over HTTP on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeHarness, ROOT, type Harness } from '../harness.ts';
import { nodeServerApp } from '../../../worker/node/server.ts';
import { startNodeServer, type NodeServer } from '../../../worker/node/http-server.ts';
import { OFFICE_CSP } from '../../../worker/node/csp.ts';
import { widgetDist, readManifest } from '../../../widget/scripts/dist-layout.ts';
import { distRoot } from '../../../worker/node/utility-root.ts';

const OFFICE = resolve(distRoot(), 'office');

describe('the office console on the Node server', () => {
  let h: Harness;
  const servers: NodeServer[] = [];
  const base: Record<'production' | 'development', string> = { production: '', development: '' };

  beforeAll(async () => {
    if (!existsSync(`${OFFICE}/office.js`)) throw new Error('no dist/office/office.js: npm run build first');
    h = await makeHarness();
    for (const mode of ['production', 'development'] as const) {
      const deps = { ...h.deps, config: { ...h.deps.config, production: mode === 'production' } };
      const app = nodeServerApp(deps, { widgetDir: widgetDist(), demoDir: `${ROOT}/demo`, officeDir: OFFICE });
      const s = await startNodeServer(app.fetch, { port: 0, hostname: '127.0.0.1' });
      servers.push(s);
      base[mode] = `http://127.0.0.1:${s.address.port}`;
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await h?.close();
  });

  it.each(['production', 'development'] as const)('serves the page and its bundle in %s', async (mode) => {
    const page = await fetch(`${base[mode]}/kancelarija/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(OFFICE_CSP);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const text = await page.text();
    expect(text).toContain('<jp-office>');
    expect(text).toContain('<script type="module" src="./office.js">');
    const bundle = await fetch(`${base[mode]}/kancelarija/office.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect(await bundle.text()).toBe(readFileSync(`${OFFICE}/office.js`, 'utf8'));
    const bare = await fetch(`${base[mode]}/kancelarija`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/kancelarija/');
    expect((await fetch(`${base[mode]}/kancelarija/nema.js`)).status).toBe(404);
  });

  it("keeps its code out of the residents' widget", () => {
    const { files } = readManifest();
    for (const f of Object.keys(files)) expect(readFileSync(`${widgetDist()}/${f}`, 'utf8')).not.toContain('jp-office');
    expect(OFFICE_CSP).toContain("frame-ancestors 'none'");
    expect(OFFICE_CSP).not.toContain('unsafe-inline');
  });
});
