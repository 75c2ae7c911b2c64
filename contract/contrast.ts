// Colour contrast as WCAG 2.x defines it (relative luminance of sRGB, (L1 + 0.05) / (L2 + 0.05)),
// for the utility's brand colours: text on the primary colour and the primary colour as link text
// on white must reach AA for normal text (4.5:1); when one does not, the nearest passing shade
// (the colour darkened step by step towards black) is named so the utility can take it.

/** WCAG AA for normal text. */
export const AA = 4.5;

const channel = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex).map(channel);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** The contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `hex` darkened towards black by `share` (0 to 1). */
const darken = (hex: string, share: number) =>
  `#${rgb(hex)
    .map((c) =>
      Math.round(c * (1 - share))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

/** The lightest darkening of `hex` (in 1 % steps) for which `ok` holds. */
export function nearestDarker(hex: string, ok: (shade: string) => boolean): string {
  for (let step = 0; step <= 100; step++) {
    const shade = darken(hex, step / 100);
    if (ok(shade)) return shade;
  }
  return '#000000';
}

/** A ratio as it is said ("2.8:1"), with two decimals where one would round up to the threshold (4.48 → "4.48:1"). */
export function ratioText(r: number): string {
  const one = r.toFixed(1);
  return `${Number(one) >= AA && r < AA ? r.toFixed(2) : one}:1`;
}
