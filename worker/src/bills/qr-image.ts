// The IPS QR code as SVG (for the portal) and PNG (for mail clients, which rarely show SVG).
import { encode as encodeQr, renderSVG } from 'uqr';
import { encode as encodePng } from 'fast-png';

// NBS asks for error correction level M.
const QR = { ecc: 'M', border: 2 } as const;

export function qrSvg(payload: string): string {
  return renderSVG(payload, QR);
}

export function qrPng(payload: string, scale = 6): Uint8Array {
  const { data, size } = encodeQr(payload, QR);
  const px = size * scale;
  const pixels = new Uint8Array(px * px).fill(255);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++)
      if (data[y][x])
        for (let dy = 0; dy < scale; dy++)
          pixels.fill(0, (y * scale + dy) * px + x * scale, (y * scale + dy) * px + (x + 1) * scale);
  return encodePng({ width: px, height: px, data: pixels, channels: 1, depth: 8 });
}
