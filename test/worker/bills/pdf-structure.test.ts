// The bill PDF as a file, checked by a reader that is not ours: Debian's qpdf (`qpdf --check`,
// installed by test/ensure-qpdf.sh) reads every kind of bill the portal writes (pdf-kinds.ts) and
// must find no error and no warning — object offsets, the cross-reference table, the trailer,
// the streams' lengths and compression, the page's content; both fonts in the file and nothing
// outside it referred to. And the same bill, the same bytes.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { billPdf } from '../../../worker/src/bills/pdf/bill.ts';
import { dejaVuFonts } from '../../../worker/node/files.ts';
import { BILL } from './pdf-fixture.ts';
import { pdfKinds } from './pdf-kinds.ts';

/** `qpdf --check` on these bytes: its exit code and what it printed. */
function qpdfCheck(bytes: Uint8Array): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bill-pdf-'));
  try {
    const file = join(dir, 'bill.pdf');
    writeFileSync(file, bytes);
    const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    if (r.error) throw new Error(`qpdf did not run (${r.error.message}): bash test/ensure-qpdf.sh installs it`);
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const clean = (bytes: Uint8Array) => {
  const r = qpdfCheck(bytes);
  return { ...r, ok: r.status === 0 && r.stderr === '' && !/warning/i.test(r.stdout) };
};

describe('the bill PDF file (qpdf --check)', () => {
  for (const { name, bill, locale } of pdfKinds())
    it(`is a sound PDF 1.7: ${name}`, async () => {
      const bytes = await billPdf(await dejaVuFonts(), bill, locale);
      const r = clean(bytes);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('PDF Version: 1.7');
      expect(r.stdout).toContain('No syntax or stream encoding errors found');
      expect(r.status).toBe(0);
      expect(r.ok).toBe(true);
      // Self-contained: both fonts embedded, nothing that reaches or runs outside the file.
      const dicts = Buffer.from(bytes)
        .toString('latin1')
        .replace(/\nstream\n[\s\S]*?\nendstream\n/g, '\n');
      expect(dicts.match(/\/FontFile2 /g)).toHaveLength(2);
      // One A4 page in the reader's language; one body, one cross-reference table, nothing encrypted.
      expect(dicts).toContain(`/Lang (${locale})`);
      expect(dicts.match(/\/MediaBox \[0 0 595\.28 841\.89\]/g)).toHaveLength(1);
      expect(dicts.match(/%%EOF/g)).toHaveLength(1);
      expect(dicts).not.toMatch(/\/(ObjStm|XRefStm|Encrypt|Prev)\b/);
      expect(r.stdout).toContain('File is not encrypted');
      expect(dicts).not.toMatch(/\/(URI|JS|JavaScript|Launch|Annots|XObject|EmbeddedFiles?|OpenAction|AA|GoToR)\b/);
    });

  it('fails a file whose cross-reference table is off by one byte (the check can fail)', async () => {
    const bytes = await billPdf(await dejaVuFonts(), BILL, 'sr-Latn');
    expect(clean(bytes).ok).toBe(true);
    const text = new TextDecoder('latin1').decode(bytes);
    const xref = text.lastIndexOf('\nxref\n');
    const entry = /\n(\d{10}) 00000 n \n/.exec(text.slice(xref))!;
    const at = xref + entry.index + 1;
    const shifted = String(Number(entry[1]) + 1).padStart(10, '0');
    const broken = Uint8Array.from(bytes);
    broken.set(new TextEncoder().encode(shifted), at);
    const r = clean(broken);
    expect(r.ok).toBe(false);
    expect(r.status).not.toBe(0);
  });

  it('writes the same bytes for the same bill, every time', async () => {
    const fonts = await dejaVuFonts();
    for (const { bill, locale } of pdfKinds().filter((_, i) => i % 4 === 0)) {
      const [a, b] = [await billPdf(fonts, bill, locale), await billPdf(fonts, structuredClone(bill), locale)];
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    }
  });
});
