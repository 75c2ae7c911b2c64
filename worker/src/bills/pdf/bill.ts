// A bill as PDF when the billing system sent none: the issuer, the payer, the items, whether it is
// paid, and the NBS payment slip with the IPS QR code, in the resident's script (DejaVu Sans cut to
// Serbian Latin and Cyrillic, font-subset.ts). Written directly as PDF: what depends on the
// fonts alone is made once per process (font.ts); a PDF costs its layout, the copy of the
// glyphs it draws (font-glyphs.ts) and three small deflates.
import type { Locale } from '../../../../contract/locales.ts';
import { canvas } from './canvas.ts';
import { billContext, type PdfBill, type PdfFonts } from './context.ts';
import { fontObjects, pdfFont } from './font.ts';
import { drawPage, PAGE } from './page.ts';
import { drawSlip } from './slip.ts';
import { deflate, pdfFile, pdfObject, pdfStream, pdfText } from './writer.ts';

export { pdfIssuer, type PdfBill, type PdfFonts, type PdfIssuer } from './context.ts';

const FONT_NAMES = { regular: 'F1', bold: 'F2' } as const;
// Objects 1–5 are the document's own; each font has five, at fixed numbers so they can be reused.
const REGULAR = 6;
const BOLD = 11;

/** The page laid out: its content operators and every text run with its frame (for the tests). */
export function billLayout(fonts: PdfFonts, bill: PdfBill, locale: Locale) {
  const x = billContext(bill, locale);
  const c = canvas({ regular: pdfFont(fonts.regular), bold: pdfFont(fonts.bold) }, FONT_NAMES);
  drawPage(c, x);
  drawSlip(c, x);
  return { content: c.content(), runs: c.runs, used: c.used, title: `${x.title} — ${x.t(x.issuer.name)}` };
}

export async function billPdf(fonts: PdfFonts, bill: PdfBill, locale: Locale): Promise<Uint8Array> {
  const { content, title, used } = billLayout(fonts, bill, locale);
  const [regular, bold, stream] = await Promise.all([
    fontObjects(fonts.regular, 'BILLSA+DejaVuSans', REGULAR, used.regular),
    fontObjects(fonts.bold, 'BILLSB+DejaVuSans-Bold', BOLD, used.bold),
    deflate(new TextEncoder().encode(content)),
  ]);
  const producer = bill.issuer?.name ?? bill.utility;
  return pdfFile(
    [
      pdfObject(1, `<< /Type /Catalog /Pages 2 0 R /Lang (${locale}) >>`),
      pdfObject(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
      pdfObject(
        3,
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.w} ${PAGE.h}] ` +
          `/Resources << /Font << /F1 ${REGULAR} 0 R /F2 ${BOLD} 0 R >> >> /Contents 4 0 R >>`,
      ),
      pdfStream(4, '/Filter /FlateDecode', stream),
      pdfObject(5, `<< /Title ${pdfText(title)} /Producer ${pdfText(producer)} >>`),
      ...regular,
      ...bold,
    ],
    1,
    5,
  );
}
