// What the Workers site publishes (`npm run build:worker` first: <root>/site, worker/node/utility-root.ts)
// is for residents and webmasters only: no demo consumer's code or PIN in any text file, no dev
// mailbox, no dev API, no demo data, no development-only page, no unfilled page template. The demo
// consumers are the default utility's (demo/consumers.csv) and, built for another utility, its own
// (the CSVs beside its configuration, as the Node server seeds them). The one consumer allowed is
// the configuration's own example (consumerCode.example, pin.example): the widget shows it as the
// placeholder of its fields, so it is published on purpose; every other demo consumer is checked.
// The second and third utilities' runs include this file, so it runs for their builds too.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../harness.ts';
import { testUtility } from '../../support/utility.ts';
import { distRoot } from '../../../worker/node/utility-root.ts';
import { utilityConfigPath } from '../../../worker/node/utility-file.ts';
import { demoDataDir } from '../../../worker/node/seed.ts';

const SITE = resolve(distRoot(), 'site');
const DEMO = resolve(ROOT, 'demo');

/** The codes and PINs of a demo consumers' CSV (header, then `code,pin,…` lines). */
const consumersOf = (csv: string) =>
  readFileSync(csv, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .flatMap((line) => line.split(',').slice(0, 2));

const examples = new Set([testUtility.consumerCode.example, testUtility.pin.example]);
const secrets = [
  ...new Set([
    ...consumersOf(resolve(DEMO, 'consumers.csv')),
    ...consumersOf(resolve(demoDataDir(utilityConfigPath(process.env), DEMO), 'consumers.csv')),
  ]),
].filter((s) => !examples.has(s));

/** A code or PIN standing alone: not inside a longer number, word or base64 text (an integrity hash). */
const alone = (s: string) => new RegExp(`(?<![\\w+/])${s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\w+/=])`, 'i');

/** Every file of the site, relative to it, with its text (null for a binary file: the PDF fonts). */
function siteFiles(): [string, string | null][] {
  return (readdirSync(SITE, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => {
      const path = join(d.parentPath, d.name);
      const bytes = readFileSync(path);
      return [path.slice(SITE.length + 1), bytes.includes(0) ? null : bytes.toString('utf8')];
    });
}

describe(`the Workers site of ${testUtility.name}`, () => {
  if (!existsSync(SITE)) throw new Error(`no ${SITE}: npm run build && npm run build:worker first`);
  const files = siteFiles();

  it('has the demo consumers to look for, and the pages a resident is sent to', () => {
    expect(secrets.length).toBeGreaterThan(4);
    for (const href of [testUtility.terms.href, testUtility.privacy.href, testUtility.manual?.href])
      if (href?.startsWith('/')) expect(files.map(([f]) => `/${f}`)).toContain(href);
  });

  it("holds no demo consumer's code or PIN but the configuration's example, in any text file", () => {
    const found = files.flatMap(([file, text]) =>
      text === null ? [] : secrets.filter((s) => alone(s).test(text)).map((s) => `${file}: ${s}`),
    );
    expect(found).toEqual([]);
  });

  it('names no dev mailbox, dev API or page template, and holds no demo data or development-only page', () => {
    const found = files.flatMap(([file, text]) =>
      ['demo-mailbox', '/api/dev/', 'Demo sanduče', '{{'].filter((s) => text?.includes(s)).map((s) => `${file}: ${s}`),
    );
    expect(found).toEqual([]);
    const names = files.map(([f]) => f);
    expect(names.filter((f) => /\.csv$|utility\.json$|^vodovod\/|^elements\.html$|demo-mailbox/.test(f))).toEqual([]);
  });
});
