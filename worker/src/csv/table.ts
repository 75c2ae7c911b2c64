// Reads a CSV export with a header row into named fields, keeping each record's line number.
// Rows with the wrong number of columns are reported, not guessed at.
import { parse } from 'csv-parse/sync';

export class ImportError extends Error {}

export interface TableRow {
  line: number;
  get(column: string): string;
}
export interface RowError {
  line: number;
  reason: string;
}

export function readTable(
  text: string,
  required: readonly string[],
): { rows: TableRow[]; errors: RowError[]; columns: string[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (e) {
    throw new ImportError(`CSV cannot be read: ${(e as Error).message}`);
  }
  if (records.length === 0) throw new ImportError('CSV is empty');
  const columns = records[0].record.map((h) => h.toLowerCase());
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length)
    throw new ImportError(`CSV header lacks column(s): ${missing.join(', ')} (expected ${required.join(',')})`);
  const rows: TableRow[] = [];
  const errors: RowError[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.length !== columns.length) {
      errors.push({ line: info.lines, reason: `expected ${columns.length} columns, found ${record.length}` });
      continue;
    }
    rows.push({ line: info.lines, get: (c) => (record[columns.indexOf(c)] ?? '').normalize('NFC') });
  }
  return { rows, errors, columns };
}
