// A TrueType font for the bill PDFs: its metrics for measuring text, its glyph ids for drawing it,
// and its PDF objects (a Type0 font with Identity-H encoding, the whole font file embedded, widths
// and a ToUnicode map so the text can be searched and copied). Invariant: everything that depends
// only on the font is computed once per font (cached by its bytes), the font file of the common
// characters too (font-glyphs.ts); a PDF pays for its own text.
import { fontWithGlyphs } from './font-glyphs.ts';
import { readCmap } from './sfnt.ts';
import { deflate, pdfObject, pdfStream } from './writer.ts';

export interface PdfFont {
  unitsPerEm: number;
  /** Ascent and descent in text space units per 1 pt of font size. */
  ascent: number;
  descent: number;
  /** The width of `text` at `size` pt, as it is drawn. */
  width(text: string, size: number): number;
  /** The glyph ids that draw `text`. */
  glyphs(text: string): number[];
  /** Can this character be drawn as itself (not as a replacement)? */
  has(char: string): boolean;
}

interface Parsed {
  font: PdfFont;
  advances: Uint16Array;
  unicodes: Map<number, number>;
  bbox: [number, number, number, number];
  capHeight: number;
  italicAngle: number;
  ascender: number;
  descender: number;
  bold: boolean;
}

const parsed = new WeakMap<Uint8Array, Parsed>();

/** The font in these bytes (read once per font). */
export function pdfFont(ttf: Uint8Array): PdfFont {
  return parse(ttf).font;
}

function parse(ttf: Uint8Array): Parsed {
  const cached = parsed.get(ttf);
  if (cached) return cached;
  const v = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const table = new Map<string, number>();
  for (let i = 0, n = v.getUint16(4); i < n; i++) {
    const rec = 12 + 16 * i;
    table.set(String.fromCharCode(...ttf.subarray(rec, rec + 4)), v.getUint32(rec + 8));
  }
  const at = (tag: string) => {
    const o = table.get(tag);
    if (o === undefined) throw new Error(`font without a ${tag} table`);
    return o;
  };
  const head = at('head');
  const unitsPerEm = v.getUint16(head + 18);
  const bbox: Parsed['bbox'] = [
    v.getInt16(head + 36),
    v.getInt16(head + 38),
    v.getInt16(head + 40),
    v.getInt16(head + 42),
  ];
  const hhea = at('hhea');
  const ascender = v.getInt16(hhea + 4);
  const descender = v.getInt16(hhea + 6);
  const numGlyphs = v.getUint16(at('maxp') + 4);
  const metrics = v.getUint16(hhea + 34);
  const hmtx = at('hmtx');
  const advances = new Uint16Array(numGlyphs);
  for (let g = 0; g < numGlyphs; g++) advances[g] = v.getUint16(hmtx + 4 * Math.min(g, metrics - 1));
  const os2 = table.get('OS/2');
  const capHeight = os2 !== undefined && v.getUint16(os2) >= 2 ? v.getInt16(os2 + 88) : ascender;
  const bold = os2 !== undefined && v.getUint16(os2 + 4) >= 600;
  const post = table.get('post');
  const italicAngle = post === undefined ? 0 : v.getInt32(post + 4) / 65536;
  const glyphs = readCmap(v, at('cmap'));
  const unicodes = new Map<number, number>();
  for (const [cp, g] of glyphs) if (!unicodes.has(g)) unicodes.set(g, cp);

  // A character outside the font is drawn as its base letter (ő → o), else as "?".
  const fallback = new Map<string, number>();
  const gid = (ch: string): number => {
    const direct = glyphs.get(ch.codePointAt(0)!);
    if (direct !== undefined) return direct;
    let g = fallback.get(ch);
    if (g === undefined) {
      const base = ch.normalize('NFD').codePointAt(0)!;
      g = glyphs.get(base) ?? glyphs.get(0x3f) ?? 0;
      fallback.set(ch, g);
    }
    return g;
  };
  const font: PdfFont = {
    unitsPerEm,
    ascent: ascender / unitsPerEm,
    descent: descender / unitsPerEm,
    width(text, size) {
      let units = 0;
      for (const ch of text) units += advances[gid(ch)];
      return (units * size) / unitsPerEm;
    },
    glyphs(text) {
      const ids: number[] = [];
      for (const ch of text) ids.push(gid(ch));
      return ids;
    },
    has: (ch) => glyphs.has(ch.codePointAt(0)!),
  };
  const p: Parsed = { font, advances, unicodes, bbox, capHeight, italicAngle, ascender, descender, bold };
  parsed.set(ttf, p);
  return p;
}

/**
 * The characters nearly every bill is written with: ASCII, the Serbian Latin and Cyrillic
 * alphabets, and the formats' punctuation. A PDF whose text stays within them embeds one font
 * file made and compressed once per process; any other letter (ő, ä, ё) gets a file of its own.
 */
const COMMON =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@' +
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~' +
  'ČĆĐŠŽčćđšž' +
  'АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ' +
  'абвгдђежзијклљмнњопрстћуфхцчџш' +
  '\u00a0–—‘’‚“”„…№✓';

interface Objects {
  /** The Type0 font, the CID font, the descriptor and the ToUnicode map. */
  fixed: Promise<Uint8Array[]>;
  /** The font file with every COMMON glyph, as this number's stream object. */
  common: Promise<Uint8Array>;
  commonIds: Set<number>;
}

const objects = new WeakMap<Uint8Array, Map<number, Objects>>();

/**
 * The font's PDF objects, numbered from `first` (the Type0 font is `first`, its font file
 * `first + 3`): those that depend on the font alone are made once per font and number, and so is
 * the font file of the common characters; a PDF drawing others gets a file with its own glyphs.
 */
export async function fontObjects(
  ttf: Uint8Array,
  name: string,
  first: number,
  used: Set<number>,
): Promise<Uint8Array[]> {
  let byNumber = objects.get(ttf);
  if (!byNumber) {
    byNumber = new Map();
    objects.set(ttf, byNumber);
  }
  let o = byNumber.get(first);
  if (!o) {
    const commonIds = new Set(parse(ttf).font.glyphs(COMMON));
    o = { fixed: fixedObjects(ttf, name, first), common: fontFile(ttf, commonIds, first + 3), commonIds };
    byNumber.set(first, o);
  }
  let common = true;
  for (const id of used) if (!o.commonIds.has(id)) common = false;
  const [[font, cid, descriptor, toUnicode], file] = await Promise.all([
    o.fixed,
    common ? o.common : fontFile(ttf, used, first + 3),
  ]);
  return [font, cid, descriptor, file, toUnicode];
}

async function fontFile(ttf: Uint8Array, glyphs: Set<number>, n: number): Promise<Uint8Array> {
  const file = fontWithGlyphs(ttf, glyphs);
  return pdfStream(n, `/Filter /FlateDecode /Length1 ${file.length}`, await deflate(file));
}

async function fixedObjects(ttf: Uint8Array, name: string, n: number): Promise<Uint8Array[]> {
  const p = parse(ttf);
  const scale = (x: number) => Math.round((x * 1000) / p.font.unitsPerEm);
  const widths = Array.from(p.advances, scale).join(' ');
  const base = `/${name}`;
  const toUnicode = await deflate(new TextEncoder().encode(cmapOf(p.unicodes)));
  return [
    pdfObject(
      n,
      `<< /Type /Font /Subtype /Type0 /BaseFont ${base} /Encoding /Identity-H ` +
        `/DescendantFonts [${n + 1} 0 R] /ToUnicode ${n + 4} 0 R >>`,
    ),
    pdfObject(
      n + 1,
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont ${base} ` +
        '/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ' +
        `/FontDescriptor ${n + 2} 0 R /W [0 [${widths}]] /CIDToGIDMap /Identity >>`,
    ),
    pdfObject(
      n + 2,
      `<< /Type /FontDescriptor /FontName ${base} /Flags 32 /FontBBox [${p.bbox.map(scale).join(' ')}] ` +
        `/ItalicAngle ${p.italicAngle} /Ascent ${scale(p.ascender)} /Descent ${scale(p.descender)} ` +
        `/CapHeight ${scale(p.capHeight)} /StemV ${p.bold ? 120 : 80} /FontFile2 ${n + 3} 0 R >>`,
    ),
    pdfStream(n + 4, '/Filter /FlateDecode', toUnicode),
  ];
}

/** The ToUnicode CMap: glyph id → the character it draws. */
function cmapOf(unicodes: Map<number, number>): string {
  const hex4 = (n: number) => n.toString(16).padStart(4, '0');
  const utf16 = (cp: number) =>
    cp > 0xffff ? hex4(0xd800 + ((cp - 0x10000) >> 10)) + hex4(0xdc00 + ((cp - 0x10000) & 0x3ff)) : hex4(cp);
  const pairs = [...unicodes].sort((a, b) => a[0] - b[0]);
  let body = '';
  for (let i = 0; i < pairs.length; i += 100) {
    const chunk = pairs.slice(i, i + 100);
    const lines = chunk.map(([g, cp]) => `<${hex4(g)}> <${utf16(cp)}>`).join('\n');
    body += `${chunk.length} beginbfchar\n${lines}\nendbfchar\n`;
  }
  return (
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n' +
    `1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n${body}endcmap\n` +
    'CMapName currentdict /CMap defineresource pop\nend\nend\n'
  );
}
