// File names for codes any utility uses: a slash or spaces never reach a name (ips-qr-T-2024/0815…).
import { describe, expect, it } from 'vitest';
import { billPdfName, fileName, qrPngName } from '../../contract/file-names.ts';

describe('file names', () => {
  it('keep letters, digits, dots, underscores and hyphens; any other run becomes one hyphen', () => {
    expect(qrPngName('T-2024/0815', '2026-11')).toBe('ips-qr-T-2024-0815-2026-11.png');
    expect(qrPngName('9023 3871', 'ukupno')).toBe('ips-qr-9023-3871-ukupno.png');
    expect(billPdfName('104521', '2026-11')).toBe('racun-104521-2026-11.pdf');
    expect(billPdfName('VD-000123', '2026-12')).toBe('racun-VD-000123-2026-12.pdf');
    expect(fileName('pdf', 'račun', ' A/B\\\\C ')).toBe('račun-A-B-C.pdf');
  });
});
