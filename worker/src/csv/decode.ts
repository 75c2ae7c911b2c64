// The bytes of a billing system's CSV as text: UTF-8 unless the request names another encoding
// (older Serbian billing software writes Windows-1250, Cyrillic ones Windows-1251), or — for the
// office's imports, which say what they read — detected between UTF-8 and Windows-1250 (`detectCsv`:
// a file that reads as strict UTF-8 is UTF-8, any other is Windows-1250). Invariant:
// nothing else is guessed or replaced — a byte the encoding does not have, or a U+FFFD already in the
// file (a character lost in an earlier conversion), refuses the whole file, naming its line.
import { ImportError } from './table.ts';

/** The encodings a file may name (WHATWG names; TextDecoder's labels such as `cp1250` also do). */
export const CSV_ENCODINGS = ['utf-8', 'windows-1250', 'windows-1251', 'iso-8859-2'] as const;

/** The line (1-based) of the character at `index`. */
const lineAt = (text: string, index: number) => {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/** A UTF-16 byte order mark. */
const isUtf16 = (bytes: Uint8Array) =>
  bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));

/** A strict decoder for the named encoding; an encoding outside the list refuses the file. */
function decoderFor(named: string | undefined): TextDecoder {
  try {
    const decoder = new TextDecoder(named?.trim() || 'utf-8', { fatal: true });
    if ((CSV_ENCODINGS as readonly string[]).includes(decoder.encoding)) return decoder;
  } catch {
    // an unknown label: refused below
  }
  throw new ImportError(`encoding "${named?.slice(0, 30)}" is not one this import reads (${CSV_ENCODINGS.join(', ')})`);
}

/**
 * `named`: the encoding the request names (none: UTF-8); `hint`: how the sender names one, in the
 * words of its channel (`?encoding=windows-1250`, `--encoding windows-1250`).
 */
export function decodeCsv(bytes: Uint8Array, named: string | undefined, hint: string): string {
  const decoder = decoderFor(named);
  const encoding = decoder.encoding;
  if (encoding === 'utf-8' && isUtf16(bytes))
    throw new ImportError('the file is UTF-16: save it as UTF-8 (CSV UTF-8 in Excel)');
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const lossy = new TextDecoder(encoding).decode(bytes);
    const name = encoding === 'utf-8' ? 'UTF-8' : encoding;
    throw new ImportError(
      `line ${lineAt(lossy, lossy.indexOf('\uFFFD'))} is not ${name}: save the file as UTF-8, or name its encoding (${hint})`,
    );
  }
  const lost = text.indexOf('\uFFFD');
  if (lost !== -1)
    throw new ImportError(
      `line ${lineAt(text, lost)} holds U+FFFD (�), a character lost when the file was converted: export it again as UTF-8`,
    );
  return text;
}

/** The text of a file and the encoding it was read in; `detected`: no encoding was named. */
export interface DecodedCsv {
  text: string;
  encoding: string;
  detected: boolean;
}

/**
 * As `decodeCsv`, but a file without a named encoding is read as UTF-8 when it is valid UTF-8 (a
 * Windows-1250 file of Serbian letters practically never is) and as Windows-1250 otherwise. UTF-16
 * is refused as before; a byte Windows-1250 lacks refuses the file with its line.
 */
export function detectCsv(bytes: Uint8Array, named: string | undefined, hint: string): DecodedCsv {
  if (named?.trim())
    return { text: decodeCsv(bytes, named, hint), encoding: decoderFor(named).encoding, detected: false };
  let utf8 = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = false;
  }
  // UTF-16 (its byte order mark is no UTF-8) is refused by the UTF-8 read, with its own words.
  if (utf8 || isUtf16(bytes)) return { text: decodeCsv(bytes, 'utf-8', hint), encoding: 'utf-8', detected: true };
  return { text: decodeCsv(bytes, 'windows-1250', hint), encoding: 'windows-1250', detected: true };
}
