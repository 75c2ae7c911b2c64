// Files on Workers: bill PDFs in R2 (binding FILES), PDF fonts from the static assets.
import type { Fetcher, R2Bucket } from '@cloudflare/workers-types/latest';
import type { FileStore } from '../src/ports.ts';
import type { PdfFonts } from '../src/bills/pdf/bill.ts';

export function r2Store(bucket: Pick<R2Bucket, 'get' | 'put'> | undefined): FileStore {
  return {
    async get(key) {
      const object = await bucket?.get(key);
      return object ? new Uint8Array(await object.arrayBuffer()) : null;
    },
    async put(key, bytes) {
      if (!bucket) throw new Error('no R2 bucket bound as FILES');
      await bucket.put(key, bytes);
    },
  };
}

let fonts: Promise<PdfFonts> | undefined;

/** The fonts, cut to the bill's characters at build time (scripts/build-site.ts), are static assets next to the Worker. */
export function assetFonts(assets: Pick<Fetcher, 'fetch'> | undefined): () => Promise<PdfFonts> {
  return () =>
    (fonts ??= (async () => {
      if (!assets) throw new Error('no ASSETS binding for the PDF fonts');
      const get = async (name: string) => {
        const res = await assets.fetch(`https://assets.invalid/fonts/${name}`);
        if (!res.ok) throw new Error(`font ${name}: ${res.status}`);
        return new Uint8Array(await res.arrayBuffer());
      };
      const [regular, bold] = await Promise.all([get('DejaVuSans-bills.ttf'), get('DejaVuSans-Bold-bills.ttf')]);
      return { regular, bold };
    })());
}
