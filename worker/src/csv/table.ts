// Reads a CSV export with a header row into named fields, keeping each record's line number.
// Rows with the wrong number of columns are reported, not guessed at. The text is parsed in pieces
// cut between records, with a pause after each (see turns.ts), so a large file never holds the
// event loop; a file with more rows than allowed is refused as soon as the row past the cap is read.
import { parse } from 'csv-parse/sync';
import { runNow } from './turns.ts';

export class ImportError extends Error {}

export interface TableRow {
  line: number;
  get(column: string): string;
}
export interface RowError {
  line: number;
  reason: string;
}
export interface Table {
  rows: TableRow[];
  errors: RowError[];
  columns: string[];
}

/** Characters parsed between two pauses: a few milliseconds of work. */
const PIECE = 16 * 1024;

/** Where the piece from `start` ends: after the first newline at least PIECE on that is outside quotes. */
function pieceEnd(text: string, start: number): number {
  if (text.length - start <= PIECE) return text.length;
  let quoted = false;
  let from = start;
  for (let nl = text.indexOf('\n', start + PIECE); nl !== -1; nl = text.indexOf('\n', nl + 1)) {
    for (let q = text.indexOf('"', from); q !== -1 && q < nl; q = text.indexOf('"', q + 1)) quoted = !quoted;
    if (!quoted) return nl + 1;
    from = nl;
  }
  return text.length;
}

const newlines = (piece: string) => {
  let n = 0;
  for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) n++;
  return n;
};

/** The table in steps (a pause after each piece); `maxRows` > 0 caps the records after the header. */
export function* tableSteps(text: string, required: readonly string[], maxRows = 0): Generator<void, Table> {
  let columns: string[] | undefined;
  const rows: TableRow[] = [];
  const errors: RowError[] = [];
  let records = 0;
  // Lines before the piece being read: its records' line numbers (and a parse error's) count on from there.
  let before = 0;
  for (let start = 0; start < text.length; ) {
    const end = pieceEnd(text, start);
    const piece = text.slice(start, end);
    let parsed: { record: string[]; info: { lines: number } }[];
    try {
      parsed = parse(piece, {
        bom: true,
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
      }) as unknown as typeof parsed;
    } catch (e) {
      const message = (e as Error).message.replace(/\bline (\d+)/g, (_, n) => `line ${before + Number(n)}`);
      throw new ImportError(`CSV cannot be read: ${message}`);
    }
    for (const { record, info } of parsed) {
      const line = before + info.lines;
      if (!columns) {
        columns = record.map((h) => h.toLowerCase());
        const missing = required.filter((c) => !columns?.includes(c));
        if (missing.length)
          throw new ImportError(`CSV header lacks column(s): ${missing.join(', ')} (expected ${required.join(',')})`);
        continue;
      }
      if (maxRows > 0 && ++records > maxRows)
        throw new ImportError(`more than ${maxRows} rows in one file, at most ${maxRows}: send the file in parts`);
      if (record.length !== columns.length) {
        errors.push({ line, reason: `expected ${columns.length} columns, found ${record.length}` });
        continue;
      }
      const names = columns;
      rows.push({ line, get: (c) => (record[names.indexOf(c)] ?? '').normalize('NFC') });
    }
    before += newlines(piece);
    start = end;
    if (start < text.length) yield;
  }
  if (!columns) throw new ImportError('CSV is empty');
  return { rows, errors, columns };
}

/** The whole table at once. */
export function readTable(text: string, required: readonly string[], maxRows = 0): Table {
  return runNow(tableSteps(text, required, maxRows));
}
