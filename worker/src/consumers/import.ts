// Consumers from the billing system's CSV export: every row checked and reported by line,
// the good rows upserted in one batch (one transaction), so a fatal error changes nothing.
import { sql } from 'drizzle-orm';
import type { Db } from '../ports.ts';
import { pinDigest } from '../auth/pin.ts';
import { readTable, type RowError } from '../csv/table.ts';

export { ImportError } from '../csv/table.ts';

export const CONSUMER_COLUMNS = ['sifra_potrosaca', 'pin', 'ime_prezime', 'adresa'] as const;

export interface ConsumerRow {
  line: number;
  code: string;
  pin: string;
  name: string;
  address: string;
}
export interface ParsedConsumers {
  rows: ConsumerRow[];
  errors: RowError[];
}

const CONTROL = /[\u0000-\u001f\u007f]/;

export function parseConsumersCsv(text: string, formats: { codePattern: string; pinPattern: string }): ParsedConsumers {
  const table = readTable(text, CONSUMER_COLUMNS);
  const codeRe = new RegExp(formats.codePattern);
  const pinRe = new RegExp(formats.pinPattern);
  const seen = new Map<string, number>();
  const out: ParsedConsumers = { rows: [], errors: [...table.errors] };
  for (const r of table.rows) {
    const [code, pin, name, address] = CONSUMER_COLUMNS.map((c) => r.get(c));
    const reason = !codeRe.test(code)
      ? `invalid consumer code "${code.slice(0, 40)}"`
      : !pinRe.test(pin)
        ? 'invalid PIN format'
        : !name
          ? 'name is empty'
          : !address
            ? 'address is empty'
            : name.length > 120 || address.length > 200
              ? 'name or address too long'
              : CONTROL.test(name + address)
                ? 'control characters in name or address'
                : seen.has(code)
                  ? `consumer code ${code} repeats line ${seen.get(code)}`
                  : null;
    if (reason) out.errors.push({ line: r.line, reason });
    else {
      seen.set(code, r.line);
      out.rows.push({ line: r.line, code, pin, name, address });
    }
  }
  out.errors.sort((a, b) => a.line - b.line);
  return out;
}

export async function upsertConsumers(db: Db, pinKey: string, rows: ConsumerRow[], now: number): Promise<number> {
  if (rows.length === 0) return 0;
  // Digests first: a drizzle query inside an async callback would run as soon as it is returned.
  const digests = await Promise.all(rows.map((r) => pinDigest(pinKey, r.code, r.pin)));
  const [first, ...rest] = rows.map((r, i) =>
    db.run(sql`INSERT INTO consumers (code, pin_digest, name, address, updated_at)
      VALUES (${r.code}, ${digests[i]}, ${r.name}, ${r.address}, ${now})
      ON CONFLICT(code) DO UPDATE SET pin_digest = excluded.pin_digest, name = excluded.name,
        address = excluded.address, updated_at = excluded.updated_at`),
  );
  await db.batch([first, ...rest]);
  return rows.length;
}
