// Every relative link in README.md, ARCHITECTURE.md, docs/*.md and the PDF writer's README points at
// a file that exists, and a link with a #fragment into a Markdown file at one of its headings
// (GitHub's slugs).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const DOCS = [
  'README.md',
  'ARCHITECTURE.md',
  'worker/src/bills/pdf/README.md',
  ...readdirSync(resolve(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The text outside code blocks and code spans, where a `](` is a link. */
const prose = (md: string) => md.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
function anchors(md: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of md.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = m[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n ? `${slug}-${n}` : slug);
  }
  return out;
}

const links = (md: string) =>
  [...prose(md).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((m) => m[1])
    .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));

describe('relative links in the documentation', () => {
  it('finds the documents and their links', () => {
    expect(DOCS.length).toBeGreaterThan(4);
    expect(DOCS.flatMap((d) => links(readFileSync(resolve(ROOT, d), 'utf8'))).length).toBeGreaterThan(20);
  });

  for (const doc of DOCS)
    it(`${doc}: every relative link and anchor resolves`, () => {
      const from = resolve(ROOT, doc);
      const broken: string[] = [];
      for (const target of links(readFileSync(from, 'utf8'))) {
        const [path, fragment] = target.split('#', 2);
        const file = path ? resolve(dirname(from), decodeURIComponent(path)) : from;
        if (!existsSync(file)) {
          broken.push(`${target} (no ${relative(ROOT, file)})`);
          continue;
        }
        if (fragment && file.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(fragment))
          broken.push(`${target} (no heading #${fragment})`);
      }
      expect(broken).toEqual([]);
    });
});
