// The text a reader gets out of the bill PDF (search, copy, a screen reader) is the text drawn:
// each font's ToUnicode map read back from the file, the page's glyph strings decoded with it,
// equal to the layout's text runs, for every kind of bill (pdf-kinds.ts) in Latin and Cyrillic.
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { billLayout, billPdf } from '../../../worker/src/bills/pdf/bill.ts';
import { dejaVuFonts } from '../../../worker/node/files.ts';
import { pdfKinds } from './pdf-kinds.ts';

/** Each object's dictionary and, for a stream, its data inflated. */
function objects(bytes: Uint8Array): Map<number, { dict: string; data?: Buffer }> {
  const raw = Buffer.from(bytes).toString('latin1');
  const out = new Map<number, { dict: string; data?: Buffer }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\n(<<.*>>)\n(stream\n|endobj)/g)) {
    const n = Number(m[1]);
    if (m[3] === 'endobj') {
      out.set(n, { dict: m[2] });
      continue;
    }
    const start = m.index + m[0].length;
    const length = Number(/\/Length (\d+) >>$/.exec(m[2])![1]);
    out.set(n, { dict: m[2], data: inflateSync(bytes.subarray(start, start + length)) });
  }
  return out;
}

/** The page's text runs as a PDF reader extracts them: glyph ids through the font's ToUnicode. */
function extractText(bytes: Uint8Array): string[] {
  const objs = objects(bytes);
  const page = [...objs.values()].find((o) => o.dict.includes('/Type /Page '))!;
  const maps = new Map<string, Map<number, string>>();
  for (const [, name, ref] of page.dict.matchAll(/\/(F\d) (\d+) 0 R/g)) {
    const toUnicode = Number(/\/ToUnicode (\d+) 0 R/.exec(objs.get(Number(ref))!.dict)![1]);
    const cmap = objs.get(toUnicode)!.data!.toString('latin1');
    const map = new Map<number, string>();
    for (const [, g, u] of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>/g))
      map.set(Number.parseInt(g, 16), Buffer.from(u, 'hex').swap16().toString('utf16le'));
    maps.set(name, map);
  }
  const content = objs.get(Number(/\/Contents (\d+) 0 R/.exec(page.dict)![1]))!.data!.toString('latin1');
  return [...content.matchAll(/BT \/(F\d) .*? <([0-9a-f]*)> Tj ET/g)].map(([, font, hex]) => {
    let s = '';
    for (let i = 0; i < hex.length; i += 4)
      s += maps.get(font)!.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '\ufffd';
    return s;
  });
}

// A no-break space shares the space's glyph: a reader gets a space, as from any PDF.
const spaces = (s: string) => s.replace(/[\u00a0\u202f\u2009]/g, ' ');

describe('the bill PDF text, as a reader copies it', () => {
  for (const { name, bill, locale } of pdfKinds().filter((k) => k.locale !== 'en'))
    it(`is the text drawn: ${name}`, async () => {
      const fonts = await dejaVuFonts();
      const drawn = billLayout(fonts, bill, locale).runs.map((r) => spaces(r.text));
      const copied = extractText(await billPdf(fonts, bill, locale)).map(spaces);
      expect(copied).toEqual(drawn);
      expect(copied.join('\n')).toMatch(locale === 'sr-Cyrl' ? /Рачун за/ : /Račun za/);
    });
});
