// Text that fits its frame in every script: a line that is too wide wraps at spaces (a word wider
// than the frame breaks between letters), and a text with more lines than the frame holds is set
// smaller, down to a minimum size, and only then cut with "…". Invariant: every line returned is
// no wider than `width`, and no more lines are returned than `maxLines(size)` allows.
import type { PdfFont } from './font.ts';

export interface Fitted {
  lines: string[];
  size: number;
}

export interface FitOptions {
  size: number;
  /** The smallest size to shrink to (default: `size`, never shrink). */
  minSize?: number;
  /** How many lines fit at a size. */
  maxLines: (size: number) => number;
  /** Shrink to keep the text on one line before wrapping it (titles). */
  shrinkFirst?: boolean;
}

export function fitText(font: PdfFont, text: string, width: number, o: FitOptions): Fitted {
  const min = Math.min(o.minSize ?? o.size, o.size);
  if (o.shrinkFirst)
    for (let size = o.size; size >= min - 1e-9; size -= 0.5)
      if (!text.includes('\n') && font.width(text, size) <= width) return { lines: [text], size };
  for (let size = o.size; size >= min - 1e-9; size -= 0.5) {
    const lines = wrap(font, text, width, size);
    if (lines.length <= Math.max(1, o.maxLines(size))) return { lines, size };
  }
  const lines = wrap(font, text, width, min);
  const n = Math.max(1, o.maxLines(min));
  if (lines.length <= n) return { lines, size: min };
  const kept = lines.slice(0, n);
  kept[n - 1] = ellipsis(font, `${kept[n - 1]} ${lines.slice(n).join(' ')}`, width, min);
  return { lines: kept, size: min };
}

/** Lines of `text` no wider than `width`. */
export function wrap(font: PdfFont, text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.width(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      // A word wider than the line: break it between letters.
      while (font.width(line, size) > width) {
        const chars = [...line];
        let n = chars.length - 1;
        while (n > 1 && font.width(chars.slice(0, n).join(''), size) > width) n--;
        lines.push(chars.slice(0, n).join(''));
        line = chars.slice(n).join('');
      }
    }
    lines.push(line);
  }
  return lines;
}

/** The longest start of `text` that fits `width` with "…" after it. */
export function ellipsis(font: PdfFont, text: string, width: number, size: number): string {
  if (font.width(text, size) <= width) return text;
  const chars = [...text];
  let n = chars.length;
  while (n > 0 && font.width(`${chars.slice(0, n).join('').trimEnd()}…`, size) > width) n--;
  return `${chars.slice(0, n).join('').trimEnd()}…`;
}
