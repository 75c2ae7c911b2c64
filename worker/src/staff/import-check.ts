// The office's import (Uvoz, docs/office.md): a file read with the billing system's own steps
// (bills/import.ts, consumers/import.ts: the same checks, the same IMPORT_MAX_ROWS) and compared
// with the database, writing nothing — what is new, what would change, what is the same, and
// every bad line with the column to blame. `applyImport` then writes a file that has no bad line
// exactly as /api/admin/{bills,consumers} do (the bill mails queued the same way).
// Invariant: a file is written only whole — `applyImport` takes only a check without errors.
import type { Deps } from '../ports.ts';
import { randomId } from '../auth/crypto.ts';
import { pinDigest } from '../auth/pin.ts';
import { nextTurn, runInTurns } from '../csv/turns.ts';
import type { RowError } from '../csv/table.ts';
import { billsSteps, upsertBills, type BillRow } from '../bills/import.ts';
import { consumerFormats, consumersSteps, upsertConsumers, type ConsumerRow } from '../consumers/import.ts';
import { storedBills, storedConsumers } from '../db/statements/imports.ts';
import type { ImportAnswer, ImportKind, ImportLineError } from '../../../contract/office.ts';

export const IMPORT_KINDS: readonly ImportKind[] = ['bills', 'consumers'];

/** The column each of the parsers' reasons blames (none: the row as a whole, e.g. its column count). */
const COLUMNS: Record<ImportKind, [RegExp, string][]> = {
  bills: [
    [/^(invalid|unknown) consumer code/, 'sifra_potrosaca'],
    [/^payee account:/, 'racun_primaoca'],
    [/^invalid period/, 'period'],
    [/^invalid issue date/, 'datum_izdavanja'],
    [/^(invalid due date|due date is before)/, 'rok_placanja'],
    [/^(invalid amount|iznos out of range)/, 'iznos'],
    [/^(invalid balance|dug out of range)/, 'dug'],
    [/^reference fails/, 'poziv_na_broj'],
    [/^(invalid items|stavke:)/, 'stavke'],
    [/^invalid paid date/, 'placeno'],
  ],
  consumers: [
    [/^invalid consumer code|^consumer code .* repeats line/, 'sifra_potrosaca'],
    [/^invalid PIN/, 'pin'],
    [/^name is empty/, 'ime_prezime'],
    [/^address is empty/, 'adresa'],
  ],
};

export const lineError = (kind: ImportKind, e: RowError): ImportLineError => ({
  line: e.line,
  column: COLUMNS[kind].find(([re]) => re.test(e.reason))?.[1] ?? null,
  reason: e.reason,
});

export interface ImportCheck {
  kind: ImportKind;
  /** Records after the header, good or bad. */
  rows: number;
  created: number;
  changed: number;
  unchanged: number;
  periods: string[];
  /** Every bad line, by line. */
  errors: ImportLineError[];
  bills: BillRow[];
  consumers: ConsumerRow[];
}

/** PINs digested between two pauses, as the import does. */
const DIGESTS_PER_STEP = 500;

/** Reads and compares; throws ImportError for a file that cannot be read at all (its header, its size). */
export async function checkImport(deps: Deps, kind: ImportKind, text: string): Promise<ImportCheck> {
  return kind === 'bills' ? checkBills(deps, text) : checkConsumers(deps, text);
}

async function checkBills(deps: Deps, text: string): Promise<ImportCheck> {
  const { utility, importMaxRows } = deps.config;
  const parsed = await runInTurns(
    billsSteps(text, utility.consumerCode.pattern, utility.payment.model, importMaxRows, utility.consumerCode),
  );
  const known = await storedConsumers(deps.db.$client, [...new Set(parsed.rows.map((r) => r.code))]);
  // As upsertBills reports them: a bill of a consumer the database does not have.
  const unknown = parsed.rows
    .filter((r) => !known.has(r.code))
    .map((r) => ({ line: r.line, reason: `unknown consumer code ${r.code}` }));
  const good = parsed.rows.filter((r) => known.has(r.code));
  const stored = await storedBills(
    deps.db.$client,
    good.map((r) => [r.code, r.period]),
  );
  let created = 0;
  let changed = 0;
  for (const r of good) {
    const s = stored.get(`${r.code}/${r.period}`);
    if (!s) created++;
    else if (
      s.issueDate !== r.issueDate ||
      s.dueDate !== r.dueDate ||
      s.amount !== r.amount ||
      s.balance !== r.balance ||
      s.payeeAccount !== r.payeeAccount ||
      s.reference !== r.reference ||
      s.items !== JSON.stringify(r.items) ||
      s.paidAt !== r.paidAt
    )
      changed++;
  }
  return {
    kind: 'bills',
    rows: parsed.rows.length + parsed.errors.length,
    created,
    changed,
    unchanged: good.length - created - changed,
    periods: [...new Set(parsed.rows.map((r) => r.period))].sort(),
    errors: [...parsed.errors, ...unknown].sort((a, b) => a.line - b.line).map((e) => lineError('bills', e)),
    bills: good,
    consumers: [],
  };
}

async function checkConsumers(deps: Deps, text: string): Promise<ImportCheck> {
  const { utility, importMaxRows, pinKey } = deps.config;
  const formats = consumerFormats(utility);
  const parsed = await runInTurns(consumersSteps(text, formats, importMaxRows));
  const stored = await storedConsumers(
    deps.db.$client,
    parsed.rows.map((r) => r.code),
  );
  const existing = parsed.rows.filter((r) => stored.has(r.code));
  let changed = 0;
  for (let i = 0; i < existing.length; i += DIGESTS_PER_STEP) {
    if (i > 0) await nextTurn();
    const some = existing.slice(i, i + DIGESTS_PER_STEP);
    const digests = await Promise.all(some.map((r) => pinDigest(pinKey, r.code, r.pin)));
    some.forEach((r, k) => {
      const s = stored.get(r.code)!;
      if (s.pinDigest !== digests[k] || s.name !== r.name || s.address !== r.address) changed++;
    });
  }
  return {
    kind: 'consumers',
    rows: parsed.rows.length + parsed.errors.length,
    created: parsed.rows.length - existing.length,
    changed,
    unchanged: existing.length - changed,
    periods: [],
    errors: parsed.errors.map((e) => lineError('consumers', e)),
    bills: [],
    consumers: parsed.rows,
  };
}

/** Writes a checked file without errors as the billing system's import does; the new bills' mails go to the queue after the answer. */
export async function applyImport(deps: Deps, check: ImportCheck): Promise<ImportAnswer> {
  if (check.errors.length) throw new Error('an import with bad lines is never written');
  if (check.kind === 'consumers') {
    const written = await upsertConsumers(deps.db, deps.config.pinKey, check.consumers, deps.now());
    return { kind: 'consumers', created: check.created, updated: written - check.created, mailed: 0, periods: [] };
  }
  const r = await upsertBills(deps.db, check.bills, deps.now(), () => randomId(deps.randomBytes));
  // A consumer that vanished between the check and the write (nothing deletes one today) is only logged.
  if (r.errors.length) deps.log('warn', 'office import: rows skipped after the check', { errors: r.errors.length });
  if (r.mails.length) deps.defer(() => deps.mailQueue.push(r.mails));
  return {
    kind: 'bills',
    created: r.created.length,
    updated: r.updated,
    mailed: r.mails.length,
    periods: check.periods,
  };
}
