// The names of the files the portal hands out (the bill's PDF, the IPS QR code's PNG, the mail's
// attachments), the same from the worker's Content-Disposition, the mail and the widget's
// download attribute: a consumer code may hold a slash or spaces (`T-2024/0815`), which a file
// name may not, so each part keeps only letters, digits, dots, underscores and hyphens.

/** `parts` joined by hyphens, each with any other run of characters as one hyphen. */
export const fileName = (ext: string, ...parts: string[]) =>
  `${parts.map((p) => p.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '')).join('-')}.${ext}`;

/** The bill's PDF: `racun-<code>-<period>.pdf`. */
export const billPdfName = (code: string, period: string) => fileName('pdf', 'racun', code, period);

/** A bill's QR code (`ips-qr-<code>-<period>.png`), or the one payment of all unpaid bills (`…-ukupno.png`). */
export const qrPngName = (code: string, periodOrTotal: string) => fileName('png', 'ips-qr', code, periodOrTotal);
