// The package for sites that bundle (`npm pack`, after `npm run build`): it holds the versioned
// entry with every chunk of integrity.json, the alias, the declarations and custom-elements.json,
// and nothing of the worker, its tests or its configuration; a site's TypeScript, given only the
// packed files, resolves the package's types: the elements by tag, their events' details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, readManifest, type WidgetManifest } from '../../../widget/scripts/dist-layout.ts';

interface Packed {
  files: { path: string }[];
  entryCount: number;
}

describe('the npm package', () => {
  let files: string[];
  let manifest: WidgetManifest;
  let pkg: { exports: Record<string, unknown>; types: string; customElements: string };

  beforeAll(() => {
    manifest = readManifest();
    // --ignore-scripts: the list of what is in dist now, without building again.
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    files = (JSON.parse(out) as Packed[])[0].files.map((f) => f.path);
    pkg = JSON.parse(
      execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: ROOT, encoding: 'utf8' }),
    );
  });

  it('holds the alias, the versioned entry, every chunk, integrity.json, the declarations and the manifest', () => {
    expect(files).toContain('dist/widget/jp-portal.js');
    expect(files).toContain('dist/widget/integrity.json');
    expect(files).toContain(`dist/widget/${manifest.release}/integrity.json`);
    for (const f of Object.keys(manifest.files)) expect(files).toContain(`dist/widget/${f}`);
    expect(files).toContain('dist/types/widget/src/index.d.ts');
    expect(files).toContain('dist/types/widget/src/events.d.ts');
    expect(files).toContain('custom-elements.json');
    expect(files).toContain('README.md');
    expect(files).toContain('package.json');
  });

  it('holds nothing of the worker, the tests, the sources or the configuration', () => {
    const outside = files.filter(
      (f) =>
        !/^dist\/widget\/.+\.(js|json)$/.test(f) &&
        !/^dist\/types\/(widget\/src|contract)\/.+\.d\.ts$/.test(f) &&
        !['custom-elements.json', 'README.md', 'package.json'].includes(f),
    );
    expect(outside).toEqual([]);
    expect(files.filter((f) => /(^|\/)(worker|test|\.dev\.vars|wrangler|\.env)/.test(f))).toEqual([]);
  });

  it('points its exports, types and customElements at packed files', () => {
    expect(pkg.exports['.']).toEqual({
      types: './dist/types/widget/src/index.d.ts',
      default: './dist/widget/jp-portal.js',
    });
    for (const target of [
      pkg.types,
      pkg.customElements,
      ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e as object))),
    ])
      expect(files, String(target)).toContain(String(target).replace(/^\.\//, ''));
  });

  describe('in a site that bundles', () => {
    let site: string;
    beforeAll(() => {
      // The packed files only, as node_modules/jp-portal; beside them what npm installs and hoists
      // for its types' imports: lit (with lit-html, which the inferred render() types name) and valibot.
      site = mkdtempSync(join(tmpdir(), 'jp-site-'));
      for (const f of files) {
        mkdirSync(dirname(join(site, 'node_modules/jp-portal', f)), { recursive: true });
        cpSync(join(ROOT, f), join(site, 'node_modules/jp-portal', f));
      }
      mkdirSync(join(site, 'node_modules/@lit'));
      for (const dep of ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'valibot'])
        symlinkSync(join(ROOT, 'node_modules', dep), join(site, 'node_modules', dep));
      writeFileSync(
        join(site, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: 'ESNext',
            moduleResolution: 'Bundler',
            strict: true,
            noEmit: true,
            lib: ['ES2022', 'DOM', 'DOM.Iterable'],
            types: [],
            skipLibCheck: false,
          },
          files: ['site.ts'],
        }),
      );
    });
    afterAll(() => rmSync(site, { recursive: true, force: true }));

    const tsc = (code: string) => {
      writeFileSync(join(site, 'site.ts'), code);
      return spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', site], {
        encoding: 'utf8',
      });
    };

    it('type-checks the elements by tag and the events’ details', () => {
      const r = tsc(`import { type JpEventMap, JpPortal, loadElement } from 'jp-portal';
const portal: JpPortal = document.createElement('jp-portal');
portal.addEventListener('jp-login', (e) => console.log(e.detail.account.email));
const detail: JpEventMap['jp-registered']['detail'] = { email: 'a@b.rs' };
const register: HTMLElementTagNameMap['jp-register'] = document.createElement('jp-register');
void loadElement('jp-bills');
console.log(detail, register);
`);
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    });

    it('refuses what the types do not allow (the check can fail)', () => {
      const r = tsc(`document.createElement('jp-portal').addEventListener('jp-login', (e) => e.detail.nothing.x);
import 'jp-portal';
`);
      expect(r.status).not.toBe(0);
      expect(r.stdout).toMatch(/Property 'nothing' does not exist/);
    });
  });
});
