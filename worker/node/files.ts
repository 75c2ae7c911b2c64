// Files on Node: a local folder (FILES_DIR, default data/files). Keys never leave it.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { FileStore } from '../src/ports.ts';
import type { PdfFonts } from '../src/bills/pdf/bill.ts';
import { subsetFont } from '../src/bills/pdf/font-subset.ts';

export function folderStore(root: string): FileStore {
  const base = resolve(root);
  const path = (key: string) => {
    const p = resolve(base, key);
    if (!p.startsWith(base + sep)) throw new Error(`file key outside the store: ${key}`);
    return p;
  };
  return {
    async get(key) {
      try {
        return new Uint8Array(await readFile(path(key)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async put(key, bytes) {
      const p = path(key);
      await mkdir(dirname(p), { recursive: true });
      await writeFile(p, bytes);
    },
  };
}

let fonts: Promise<PdfFonts> | undefined;

/** DejaVu Sans cut to the bill's characters, once per process (the Workers get it cut at build time). */
export function dejaVuFonts(): Promise<PdfFonts> {
  const require = createRequire(import.meta.url);
  const cut = async (file: string) =>
    subsetFont(new Uint8Array(await readFile(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))));
  fonts ??= Promise.all([cut('DejaVuSans.ttf'), cut('DejaVuSans-Bold.ttf')]).then(([regular, bold]) => ({
    regular,
    bold,
  }));
  return fonts;
}
