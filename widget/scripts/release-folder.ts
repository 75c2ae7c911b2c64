// Settling a release folder (dist/widget/<release>/): a build writes its files into a staging
// folder first; a release folder that does not exist yet gets them, one that holds the very same
// bytes is left as it is, and one that holds other bytes is refused — naming the files that
// differ — unless replacing is asked for (`npm run build -- --replace`: a developer's folder that
// was never published). Invariant: without `replace`, no byte of an existing release folder changes.
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export class ReleaseChangedError extends Error {}

/** Every file under `dir`, relative, sorted ('/' separated). */
export function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => statSync(resolve(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/** The files that differ between two folders (changed, only in one, only in the other); [] when `dir` is missing. */
export function releaseDifferences(dir: string, staged: string): string[] {
  if (!existsSync(dir)) return [];
  const old = new Set(filesUnder(dir));
  const next = filesUnder(staged);
  const changed = next.filter(
    (f) => !old.has(f) || !readFileSync(resolve(dir, f)).equals(readFileSync(resolve(staged, f))),
  );
  const gone = [...old].filter((f) => !next.includes(f));
  return [...changed, ...gone].sort();
}

export type Settled = 'new' | 'unchanged' | 'replaced';

/**
 * Moves `staged` to `dir` when `dir` is new (or replaced), else drops it; throws ReleaseChangedError
 * when `dir` holds other bytes and `replace` is false (`shown`: the folder's name in messages).
 */
export function settleRelease(staged: string, dir: string, shown: string, replace: boolean): Settled {
  const differ = releaseDifferences(dir, staged);
  if (existsSync(dir) && !differ.length) {
    rmSync(staged, { recursive: true, force: true });
    return 'unchanged';
  }
  if (differ.length && !replace) {
    rmSync(staged, { recursive: true, force: true });
    const listed = differ.slice(0, 5).map((f) => `${shown}/${f}`);
    throw new ReleaseChangedError(
      `${listed.join(', ')}${differ.length > 5 ? ` and ${differ.length - 5} more` : ''} would change: ` +
        `this build differs from what ${shown} holds. A released version never changes: raise the version ` +
        `in package.json, or delete ${shown} if it was never published ` +
        '(a developer rebuilding unpublished work: npm run build -- --replace).',
    );
  }
  const existed = existsSync(dir);
  rmSync(dir, { recursive: true, force: true });
  renameSync(staged, dir);
  return existed ? 'replaced' : 'new';
}
