// The bytes of a billing system's CSV as text: UTF-8 unless the request names another encoding
// (older Serbian billing software writes Windows-1250, Cyrillic ones Windows-1251). Invariant:
// nothing is guessed or replaced — a byte the encoding does not have, or a U+FFFD already in the
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
  const utf16 =
    bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (encoding === 'utf-8' && utf16) throw new ImportError('the file is UTF-16: save it as UTF-8 (CSV UTF-8 in Excel)');
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
