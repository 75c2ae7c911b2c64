// Consumers from the billing system's CSV export: every row checked and reported by line,
// the good rows upserted in one batch (one transaction), so a fatal error changes nothing.
// Reading and the PIN digests pause now and then (csv/turns.ts), so a large file holds no one up.
import { consumerSearchKey } from './search-key.ts';
import { sql } from 'drizzle-orm';
import type { Db } from '../ports.ts';
import { pinDigest } from '../auth/pin.ts';
import { tableSteps, type RowError } from '../csv/table.ts';
import { nextTurn, runNow } from '../csv/turns.ts';
import { canonical, type TypedRule } from '../../../contract/typed-code.ts';
import type { UtilityConfig } from '../../../contract/utility-config.ts';

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

/** C0 and C1 controls (a C1 control in a name is a file read in the wrong encoding). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Rows checked between two pauses. */
const ROWS_PER_STEP = 500;
/** PINs digested between two pauses (each an HMAC through WebCrypto, ≈ 30 µs on Node). */
const DIGESTS_PER_STEP = 500;

export interface ConsumerFormats {
  codePattern: string;
  pinPattern: string;
  /** The codes and PINs are stored in the form a resident's typing is brought to (contract/typed-code.ts). */
  codeTyped?: TypedRule;
  pinTyped?: TypedRule;
}

/** The formats of a utility's configuration. */
export const consumerFormats = (u: Pick<UtilityConfig, 'consumerCode' | 'pin'>): ConsumerFormats => ({
  codePattern: u.consumerCode.pattern,
  pinPattern: u.pin.pattern,
  codeTyped: u.consumerCode,
  pinTyped: u.pin,
});

/** The rows of a consumers CSV in steps (see csv/turns.ts); `maxRows` > 0 refuses a file with more rows. */
export function* consumersSteps(text: string, formats: ConsumerFormats, maxRows = 0): Generator<void, ParsedConsumers> {
  const table = yield* tableSteps(text, CONSUMER_COLUMNS, maxRows);
  const codeRe = new RegExp(formats.codePattern);
  const pinRe = new RegExp(formats.pinPattern);
  const seen = new Map<string, number>();
  const out: ParsedConsumers = { rows: [], errors: [...table.errors] };
  for (const [i, r] of table.rows.entries()) {
    if (i > 0 && i % ROWS_PER_STEP === 0) yield;
    const [rawCode, rawPin, name, address] = CONSUMER_COLUMNS.map((c) => r.get(c));
    const code = canonical('consumerCode', rawCode, formats.codeTyped);
    const pin = canonical('pin', rawPin, formats.pinTyped);
    const reason = !codeRe.test(code)
      ? `invalid consumer code "${rawCode.slice(0, 40)}"`
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

/** The rows of a consumers CSV at once (consumersSteps without pauses). */
export function parseConsumersCsv(text: string, formats: ConsumerFormats, maxRows = 0): ParsedConsumers {
  return runNow(consumersSteps(text, formats, maxRows));
}

/**
 * Consumers per INSERT, as one JSON parameter (cheap to build, and SQLite reads it far faster than
 * thousands of bound parameters): 50,000 consumers write in a fraction of a second.
 */
const CONSUMER_CHUNK = 1_000;

export async function upsertConsumers(db: Db, pinKey: string, rows: ConsumerRow[], now: number): Promise<number> {
  if (rows.length === 0) return 0;
  // Digests first: a drizzle query inside an async callback would run as soon as it is returned.
  const digests: string[] = [];
  for (let i = 0; i < rows.length; i += DIGESTS_PER_STEP) {
    if (i > 0) await nextTurn();
    const some = rows.slice(i, i + DIGESTS_PER_STEP);
    digests.push(...(await Promise.all(some.map((r) => pinDigest(pinKey, r.code, r.pin)))));
  }
  const statements = [];
  for (let i = 0; i < rows.length; i += CONSUMER_CHUNK) {
    if (i > 0) await nextTurn();
    const values = rows
      .slice(i, i + CONSUMER_CHUNK)
      .map((r, k) => [r.code, digests[i + k], r.name, r.address, consumerSearchKey(r.name, r.address)]);
    statements.push(
      db.run(sql`INSERT INTO consumers (code, pin_digest, name, address, updated_at, search_key)
      SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
        json_extract(value, '$[3]'), ${now}, json_extract(value, '$[4]')
      FROM json_each(${JSON.stringify(values)}) WHERE true
      ON CONFLICT(code) DO UPDATE SET pin_digest = excluded.pin_digest, name = excluded.name,
        address = excluded.address, updated_at = excluded.updated_at, search_key = excluded.search_key`),
    );
  }
  const [first, ...rest] = statements;
  await db.batch([first, ...rest]);
  return rows.length;
}
