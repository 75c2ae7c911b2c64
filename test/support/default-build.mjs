// The default utility's build as files and their sha256 (dist/ without dist/utilities, and the
// Worker's generated configuration): a run that builds another utility (test/second-utility,
// test/third-utility) takes it before and after, and fails naming what changed — the default
// build is never touched, so nothing has to be put back for the steps after it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Every file of the default utility's build, with its sha256. */
export function defaultBuild() {
  const files = {};
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (path === join(ROOT, 'dist/utilities')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else files[path.slice(ROOT.length + 1)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(join(ROOT, 'dist'));
  walk(join(ROOT, 'worker/workers/generated'));
  return files;
}

/** The files that differ between two of defaultBuild()'s answers, sorted. */
export const changedFiles = (before, after) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => before[f] !== after[f]).sort();
