// The bill PDF's IPS QR code: the same modules and mask as uqr's own choice, and the code drawn
// on the page (read back from the PDF's content operators) scans to the bill's IPS text.
import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import jsQR from 'jsqr';
import { qrModules } from '../../../worker/src/bills/pdf/qr.ts';
import { billLayout } from '../../../worker/src/bills/pdf/bill.ts';
import { dejaVuFonts } from '../../../worker/node/files.ts';
import { BILL, LONG } from './pdf-fixture.ts';

describe('the PDF QR code', () => {
  it("equals uqr's code with its own choice of mask, for short, long and Cyrillic texts", () => {
    const texts = [
      BILL.ipsQr,
      LONG.ipsQr,
      'K:PR|V:01|C:1|R:160000000123456729|N:ЈП Стамбено Рума|I:RSD1,00|SF:189|S:Рачун',
      ...Array.from({ length: 40 }, (_, i) => `${BILL.ipsQr}|${'x'.repeat(i * 7)}${i}`),
    ];
    const masks = new Set<number>();
    for (const text of texts) {
      const reference = encode(text, { ecc: 'M', border: 2 });
      masks.add(reference.maskPattern);
      expect(qrModules(text)).toEqual(reference.data);
    }
    expect(masks.size).toBeGreaterThanOrEqual(3); // the mask choice was exercised, not one mask every time
  });

  it('scans from the page to the IPS text', async () => {
    for (const bill of [BILL, LONG]) {
      const { content } = billLayout(await dejaVuFonts(), bill, 'sr-Cyrl');
      const qr = /q ([\d.]+) 0 0 \1 ([\d.]+) ([\d.]+) cm 0 0 0 rg\n([\s\S]*?)\nf Q/.exec(content);
      expect(qr).not.toBeNull();
      const rects = qr![4].split('\n').map((line) => line.split(' ').map(Number));
      const size = Math.max(...rects.map(([c, , w]) => c + w));
      expect(Number(qr![1]) * size).toBeGreaterThan(100); // over 35 mm: a phone reads it from paper
      // Paint the rectangles (module units, origin bottom left) into an image, 4 px a module.
      const px = 4;
      const side = (size + 4) * px;
      const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
      for (const [c, r, w] of rects)
        for (let y = 0; y < px; y++)
          for (let x = 0; x < w * px; x++) {
            const i = ((2 + size - 1 - r) * px + y) * side + (2 + c) * px + x;
            rgba.fill(0, i * 4, i * 4 + 3);
          }
      expect(jsQR(rgba, side, side)?.data).toBe(bill.ipsQr);
    }
  });
});
