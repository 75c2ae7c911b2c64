// The few bytes of PDF syntax a one-page bill needs: numbered objects, compressed streams, the
// cross-reference table and the trailer (PDF 1.7). Invariant: Web APIs only (CompressionStream
// exists on Node and Workers), objects are finished bytes, so fixed parts can be made once and reused.

const encoder = new TextEncoder();

/** `n 0 obj <body> endobj`. */
export function pdfObject(n: number, body: string): Uint8Array {
  return encoder.encode(`${n} 0 obj\n${body}\nendobj\n`);
}

/** A stream object; `dict` holds the entries besides /Length. */
export function pdfStream(n: number, dict: string, data: Uint8Array): Uint8Array {
  const head = encoder.encode(`${n} 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\n`);
  const tail = encoder.encode('\nendstream\nendobj\n');
  const out = new Uint8Array(head.length + data.length + tail.length);
  out.set(head);
  out.set(data, head.length);
  out.set(tail, head.length + data.length);
  return out;
}

/** zlib-wrapped deflate, the PDF's FlateDecode. */
export async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A text string in the PDF's UTF-16BE form, for the document information. */
export function pdfText(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

/** The file: `objects[i]` must be object number i + 1. */
export function pdfFile(objects: Uint8Array[], root: number, info: number): Uint8Array {
  const header = encoder.encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const offsets: number[] = [];
  let at = header.length;
  for (const o of objects) {
    offsets.push(at);
    at += o.length;
  }
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root ${root} 0 R /Info ${info} 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  const tail = encoder.encode(xref);
  const out = new Uint8Array(at + tail.length);
  out.set(header);
  for (const [i, o] of objects.entries()) out.set(o, offsets[i]);
  out.set(tail, at);
  return out;
}
