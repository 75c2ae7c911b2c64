// The bill fonts: DejaVu Sans cut to the bill's characters keeps every one of them with its
// original width; a PDF's font file keeps the glyphs it draws (and their parts) and no others;
// a character outside the fonts is drawn as its base letter.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { BILL_CHARSET, subsetFont } from '../../../worker/src/bills/pdf/font-subset.ts';
import { pdfFont } from '../../../worker/src/bills/pdf/font.ts';
import { fontWithGlyphs } from '../../../worker/src/bills/pdf/font-glyphs.ts';
import { dejaVuFonts } from '../../../worker/node/files.ts';
import { billPdf } from '../../../worker/src/bills/pdf/bill.ts';
import { inflateSync } from 'node:zlib';
import { BILL } from './pdf-fixture.ts';

const require = createRequire(import.meta.url);
interface Fk {
  unitsPerEm: number;
  numGlyphs: number;
  glyphForCodePoint(cp: number): { advanceWidth: number; id: number };
  getGlyph(id: number): { path: { commands: unknown[] }; bbox: { minX: number; maxY: number } };
}
const open = (bytes: Uint8Array) => fontkit.create(bytes as Buffer) as unknown as Fk;

describe('the bill fonts', () => {
  it('carry every character of the set, each as wide as in DejaVu Sans, in a sixth of the size', async () => {
    const fonts = await dejaVuFonts();
    for (const [face, file] of [
      ['regular', 'DejaVuSans.ttf'],
      ['bold', 'DejaVuSans-Bold.ttf'],
    ] as const) {
      const bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
      const original = open(bytes);
      const cut = pdfFont(fonts[face]);
      expect(fonts[face].length).toBeLessThan(bytes.length / 6);
      for (const cp of BILL_CHARSET) {
        const ch = String.fromCodePoint(cp);
        if (original.glyphForCodePoint(cp).id === 0) continue; // not in DejaVu Sans either
        expect(cut.has(ch), ch).toBe(true);
        expect(cut.width(ch, 1000)).toBeCloseTo((original.glyphForCodePoint(cp).advanceWidth * 1000) / 2048, 6);
      }
      for (const ch of 'AZazČĆŽŠĐčćžšđАШЂЈЉЊЋЏђјљњћџ0123456789.,:;–—„“”…№') expect(cut.has(ch), ch).toBe(true);
      // The same outlines: every glyph (composites such as Č = C + ˇ too) has the original's box.
      const reread = open(fonts[face]);
      for (const cp of BILL_CHARSET) {
        const want = original.glyphForCodePoint(cp) as unknown as ReturnType<Fk['getGlyph']> & { id: number };
        if (want.id === 0) continue;
        const got = reread.glyphForCodePoint(cp) as unknown as ReturnType<Fk['getGlyph']>;
        expect(got.bbox, String.fromCodePoint(cp)).toEqual(want.bbox);
        expect(got.path.commands.length, String.fromCodePoint(cp)).toBe(want.path.commands.length);
      }
    }
  });

  it('are cut alike from a Node Buffer (as the build reads the file) without changing it', async () => {
    const buffer = readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    const before = Buffer.from(buffer);
    expect(await subsetFont(buffer)).toEqual((await dejaVuFonts()).regular);
    expect(buffer.equals(before)).toBe(true);
  });

  it('embed in a PDF only the glyphs drawn, composite parts included, ids unchanged', async () => {
    const { regular } = await dejaVuFonts();
    const font = pdfFont(regular);
    const used = new Set(font.glyphs('Čačak'));
    const file = fontWithGlyphs(regular, used);
    expect(file.length).toBeLessThan(regular.length / 4);
    const full = open(regular);
    const cut = open(file);
    expect(cut.numGlyphs).toBe(full.numGlyphs);
    for (const id of used) {
      expect(cut.getGlyph(id).path.commands.length).toBeGreaterThan(0);
      expect(cut.getGlyph(id).bbox).toEqual(full.getGlyph(id).bbox);
    }
    const [x] = font.glyphs('x');
    expect(used.has(x)).toBe(false);
    expect(cut.getGlyph(x).path.commands).toHaveLength(0);
  });

  it('draw a character outside the set as its base letter, or "?"', async () => {
    const font = pdfFont((await dejaVuFonts()).regular);
    expect(font.has('ṁ')).toBe(false);
    expect(font.glyphs('ṁ')).toEqual(font.glyphs('m'));
    expect(font.glyphs('中')).toEqual(font.glyphs('?'));
  });

  it('put into each PDF the outlines of every letter it draws, rarer ones too', async () => {
    const fonts = await dejaVuFonts();
    const font = pdfFont(fonts.bold);
    /** The glyph outlines in the PDF's font files (FontFile2 streams, inflated), for these glyph ids. */
    const outlines = async (name: string, ids: number[]) => {
      const bytes = await billPdf(fonts, { ...BILL, consumer: { ...BILL.consumer, name } }, 'sr-Latn');
      const raw = Buffer.from(bytes).toString('latin1');
      const files = [...raw.matchAll(/\/Length1 (\d+) \/Length (\d+) >>\nstream\n/g)].map((m) =>
        open(inflateSync(bytes.subarray(m.index + m[0].length, m.index + m[0].length + Number(m[2])))),
      );
      expect(files).toHaveLength(2);
      return ids.map((id) => Math.max(...files.map((f) => f.getGlyph(id).path.commands.length)));
    };
    const [o, oo, a] = [font.glyphs('ő')[0], font.glyphs('Ő')[0], font.glyphs('á')[0]];
    // The name is bold on the page: its letters are drawn from the bold font's file.
    expect(await outlines('Milica Jovanović', [o, oo, a])).toEqual([0, 0, 0]);
    for (const n of await outlines('Kovács Őrs Győző', [o, oo, a])) expect(n).toBeGreaterThan(0);
  });
});
