// The module boundaries ARCHITECTURE.md describes, checked on the source text: the widget imports
// nothing from worker/, and the routes hold no SQL (they call named statements).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'generated' ? [] : files(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

const imports = (text: string) => [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('module boundaries', () => {
  it('the widget imports nothing from worker/', () => {
    const offending = files(join(ROOT, 'widget/src')).flatMap((f) =>
      imports(readFileSync(f, 'utf8'))
        .filter((spec) => spec.includes('/worker/') || spec.startsWith('worker/'))
        .map((spec) => `${relative(ROOT, f)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('the routes hold no SQL and build no queries: they call named statements', () => {
    const sqlLike =
      /\bsql`|\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b|\.(select|insert|update|delete)\(|from 'drizzle-orm'/;
    const offending = files(join(ROOT, 'worker/src/routes')).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => [line, i + 1] as const)
        .filter(([line]) => !line.trim().startsWith('//') && sqlLike.test(line))
        .map(([line, n]) => `${relative(ROOT, f)}:${n}: ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });
});
