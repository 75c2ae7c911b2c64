// The bill PDF's page: every text inside its frame in every script, measured with the original
// DejaVu Sans read by fontkit (not by the renderer's own metrics); the words a resident reads.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { billLayout, billPdf, type PdfBill } from '../../../worker/src/bills/pdf/bill.ts';
import { dejaVuFonts } from '../../../worker/node/files.ts';
import { BILL, LONG, MANY } from './pdf-fixture.ts';
import type { Locale } from '../../../contract/locales.ts';

const require = createRequire(import.meta.url);
interface Measured {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  glyphForCodePoint(cp: number): { advanceWidth: number; id: number };
}
const original = (file: string) =>
  fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))) as unknown as Measured;
const REAL = { regular: original('DejaVuSans.ttf'), bold: original('DejaVuSans-Bold.ttf') };

/** The width of `text` at `size` as DejaVu Sans draws it (no kerning: the PDF draws none). */
function width(font: Measured, text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth;
  return (units * size) / font.unitsPerEm;
}

const LOCALES: Locale[] = ['sr-Latn', 'sr-Cyrl', 'en'];
const PAGE = { w: 595.28, h: 841.89 };
const layout = async (bill: PdfBill, locale: Locale) => billLayout(await dejaVuFonts(), bill, locale);
const textOf = async (bill: PdfBill, locale: Locale) => (await layout(bill, locale)).runs.map((r) => r.text).join('\n');

describe('bill PDF layout', () => {
  const cases: [string, PdfBill][] = [
    ['the demo bill', BILL],
    ['a long name, address, items, payee and purpose', LONG],
    ['forty items', MANY],
    ['a paid bill', { ...BILL, paid: true, balance: 0, paidAt: '2026-12-10' }],
    ['an overdue bill', { ...BILL, today: '2027-01-15' }],
    [
      'older unpaid bills (demo 104524: "Dug iz ranijih računa (oktobar 2026.)")',
      { ...BILL, balance: 3831, older: { bills: [{ period: '2026-10' }], total: 1971 } },
    ],
    [
      'two older unpaid bills named, with a long bill',
      { ...LONG, older: { bills: [{ period: '2026-09' }, { period: '2026-10' }], total: 999999999.99 } },
    ],
    [
      'many older unpaid bills, counted, with forty items',
      { ...MANY, older: { bills: Array(14).fill({ period: '2025-09' }), total: 25200 } },
    ],
  ];
  for (const [name, bill] of cases)
    for (const locale of LOCALES)
      it(`keeps every text inside its frame: ${name}, ${locale}`, async () => {
        const { runs } = await layout(bill, locale);
        expect(runs.length).toBeGreaterThan(30);
        const eps = 0.01;
        for (const r of runs) {
          const font = REAL[r.font];
          const w = width(font, r.text, r.size);
          const where = `"${r.text}" at ${r.size} pt`;
          expect(r.size, where).toBeGreaterThanOrEqual(5.5);
          expect(r.x, where).toBeGreaterThanOrEqual(r.frame.x - eps);
          expect(r.x + w, where).toBeLessThanOrEqual(r.frame.x + r.frame.w + eps);
          expect(r.y + (font.ascent / font.unitsPerEm) * r.size, where).toBeLessThanOrEqual(
            r.frame.y + r.frame.h + eps,
          );
          expect(r.y + (font.descent / font.unitsPerEm) * r.size, where).toBeGreaterThanOrEqual(r.frame.y - eps);
          expect(r.frame.x, where).toBeGreaterThanOrEqual(0);
          expect(r.frame.x + r.frame.w, where).toBeLessThanOrEqual(PAGE.w);
          expect(r.frame.y, where).toBeGreaterThanOrEqual(0);
          expect(r.frame.y + r.frame.h, where).toBeLessThanOrEqual(PAGE.h);
          // Every character drawn as itself: the fonts carry the whole text.
          for (const ch of r.text)
            expect(font.glyphForCodePoint(ch.codePointAt(0)!).id, `${ch} in ${where}`).not.toBe(0);
        }
      });

  for (const [name, bill] of cases)
    it(`lets no two texts overlap, nor a text the QR code: ${name}`, async () => {
      for (const locale of LOCALES) {
        const { runs, content } = await layout(bill, locale);
        const boxes = runs.map((r) => {
          const font = REAL[r.font];
          return {
            text: r.text,
            x0: r.x,
            x1: r.x + width(font, r.text, r.size),
            y0: r.y + (font.descent / font.unitsPerEm) * r.size,
            y1: r.y + (font.ascent / font.unitsPerEm) * r.size,
          };
        });
        // The QR code: its module size and place from the `cm` operator, its width in modules from its rows.
        const qr = /q ([\d.]+) 0 0 \1 ([\d.]+) ([\d.]+) cm/.exec(content);
        // A paid bill's slip has no QR code: no one pays twice by mistake.
        expect(qr === null, 'a QR code unless paid').toBe(bill.paid);
        if (qr) {
          const rows = [...content.matchAll(/^(\d+) \d+ (\d+) 1\.04 re$/gm)];
          const modules = Math.max(...rows.map((m) => +m[1] + +m[2]));
          const [x, y, side] = [Number(qr[2]), Number(qr[3]), Number(qr[1]) * modules];
          expect(side).toBeGreaterThan(80);
          boxes.push({ text: 'QR', x0: x, x1: x + side, y0: y, y1: y + side });
        }
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i], boxes[j]];
            const overlap = a.x0 < b.x1 - 0.01 && b.x0 < a.x1 - 0.01 && a.y0 < b.y1 - 0.01 && b.y0 < a.y1 - 0.01;
            expect(overlap, `${locale}: "${a.text}" and "${b.text}"`).toBe(false);
          }
      }
    });

  it('wraps a long name and address rather than cutting them', async () => {
    for (const locale of LOCALES) {
      const text = (await textOf(LONG, locale)).replace(/\n/g, ' ');
      const name = locale === 'sr-Cyrl' ? 'Александра Шћепановић-Ђорђевић' : 'Aleksandra Šćepanović-Đorđević';
      expect(text).toContain(name);
      expect(text).toContain(locale === 'sr-Cyrl' ? 'Чађеновић' : 'Čađenović');
      expect(text).toContain(locale === 'sr-Cyrl' ? 'Сремски управни округ' : 'Sremski upravni okrug');
    }
  });

  it('puts periods, dates and amounts in words, and the issuer and payer on the bill', async () => {
    const latn = await textOf(BILL, 'sr-Latn');
    expect(latn).toContain('Račun za novembar 2026.');
    expect(latn).toContain('20. 12. 2026.');
    expect(latn).toContain('1.860,00 din.');
    expect(latn).toContain('=1.860,00');
    expect(latn).toMatch(/PIB 100000000\s+MB 20000000/);
    expect(latn).toContain('022 000 000');
    expect(latn).toContain('info@stambenoruma.rs');
    expect(latn).toContain('www.stambenoruma.rs');
    expect(latn).toContain('Milica Jovanović');
    expect(latn).toContain('Šifra potrošača: 104521');
    expect(latn).toContain('NALOG ZA UPLATU');
    expect(latn).toContain('160-0000001234567-29');
    expect(latn).toContain('26104521202611');
    expect(latn).not.toContain('2026-11');
    const cyrl = await textOf(BILL, 'sr-Cyrl');
    expect(cyrl).toContain('Рачун за новембар 2026.');
    expect(cyrl).toContain('1.860,00 дин.');
    expect(cyrl).toContain('ПИБ 100000000');
    expect(cyrl).toContain('Милица Јовановић');
    expect(cyrl).toContain('Одржавање зграде');
    expect(cyrl).toContain('НАЛОГ ЗА УПЛАТУ');
    expect(cyrl).toContain('info@stambenoruma.rs');
    const en = await textOf(BILL, 'en');
    expect(en).toContain('Bill for November 2026');
    expect(en).toContain('RSD 1,860.00');
    expect(en).toContain('20 Dec 2026');
  });

  it('keeps a name that is not Serbian Latin as written in Cyrillic', async () => {
    const text = await textOf({ ...BILL, consumer: { ...BILL.consumer, name: 'Kovács Ferenc' } }, 'sr-Cyrl');
    expect(text).toContain('Kovács Ferenc');
  });

  it('marks a bill unpaid, overdue or paid', async () => {
    expect(await textOf(BILL, 'sr-Latn')).toContain('NEPLAĆENO');
    expect(await textOf({ ...BILL, today: '2026-12-20' }, 'sr-Latn')).toContain('NEPLAĆENO');
    const overdue = await textOf({ ...BILL, today: '2026-12-21' }, 'sr-Latn');
    expect(overdue).toContain('ROK PLAĆANJA JE ISTEKAO');
    expect(overdue).toContain('Rok plaćanja bio je 20. 12. 2026.');
    const paid = await textOf({ ...BILL, paid: true, balance: 0, paidAt: '2026-12-10' }, 'sr-Cyrl');
    expect(paid).toContain('ПЛАЋЕНО');
    expect(paid).toContain('10. 12. 2026.');
    expect(paid).not.toContain('НЕПЛАЋЕНО');
    expect(paid.replace(/\n/g, ' ')).toContain('Овај рачун је плаћен. Не плаћајте га поново.');
  });

  it('sums up the items that do not fit, so the total still adds up', async () => {
    const text = await textOf(MANY, 'sr-Latn');
    const shown = [...text.matchAll(/Stavka obračuna broj (\d+)/g)].length;
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(40);
    expect(text).toContain(`… i još ${40 - shown} stavki`);
  });

  it('is a one-page PDF that pdf-lib reads, with its title and fonts', async () => {
    for (const locale of LOCALES) {
      const bytes = await billPdf(await dejaVuFonts(), LONG, locale);
      const doc = await PDFDocument.load(bytes);
      expect(doc.getPageCount()).toBe(1);
      expect(doc.getTitle()).toContain({ 'sr-Latn': 'Račun za', 'sr-Cyrl': 'Рачун за', en: 'Bill for' }[locale]);
      expect(new TextDecoder().decode(bytes)).toContain('/FontFile2');
      expect(bytes.length).toBeLessThan(60_000);
    }
  });
});
