// Text as a Windows-1250 file (what Serbian billing systems often export), for import tests:
// ASCII as is, the letters Serbian Latin needs beyond it by their Windows-1250 bytes, anything else '?'.
const CP1250: Record<string, number> = {
  č: 0xe8,
  ć: 0xe6,
  š: 0x9a,
  ž: 0x9e,
  đ: 0xf0,
  Č: 0xc8,
  Ć: 0xc6,
  Š: 0x8a,
  Ž: 0x8e,
  Đ: 0xd0,
};

export const win1250 = (text: string) =>
  Uint8Array.from([...text].map((ch) => CP1250[ch] ?? (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : 0x3f)));
