// Bills from the billing system's CSV export. Each row checked and reported by line (every amount
// within ±MAX_AMOUNT); the good rows are upserted per consumer code + period in one batch (all or
// nothing). Checking and building the statements pause now and then (csv/turns.ts).
import { sql, inArray } from 'drizzle-orm';
import type { Db } from '../ports.ts';
import { consumers } from '../db/schema.ts';
import { tableSteps, type RowError } from '../csv/table.ts';
import { nextTurn, runNow } from '../csv/turns.ts';
import { normalizeAccount, type IpsError } from './ips-qr.ts';
import { isValidReference, type ReferenceModel } from '../../../contract/payment-reference.ts';
import { canonical, type TypedRule } from '../../../contract/typed-code.ts';

export const BILL_COLUMNS = [
  'sifra_potrosaca',
  'period',
  'datum_izdavanja',
  'rok_placanja',
  'iznos',
  'dug',
  'racun_primaoca',
  'poziv_na_broj',
] as const;

export interface BillItem {
  description: string;
  amount: number;
}
export interface BillRow {
  line: number;
  code: string;
  period: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  balance: number;
  payeeAccount: string;
  reference: string;
  items: BillItem[];
  paidAt: string | null;
}

/**
 * The largest amount of a bill, a balance or an item, in para (either sign): 999.999.999,99 RSD.
 * Far above any household's bill, and far below what breaks: the IPS QR's amount holds at most
 * 999.999.999.999,99 (`RSD` and 15 digits, ips-qr.ts), so a total of even 1,000 unpaid bills still
 * fits one slip, and sums of 90,000 bills stay exact integers (Number.MAX_SAFE_INTEGER ≈ 9·10^15).
 */
export const MAX_AMOUNT = 99_999_999_999;
const MAX_AMOUNT_WORDS = '999.999.999,99';

/** "3.596,13", "3596,13" or "3596.13" → para (integer, read digit by digit); null when not an amount. */
export function parseAmount(raw: string): number | null {
  const s = raw.replace(/\s/g, '');
  const normalized = s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s;
  const m = normalized.match(/^(-?)(\d+)(?:\.(\d{1,2}))?$/);
  if (!m) return null;
  const para = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -para : para;
}

const outOfRange = (what: string, signed = true) =>
  `${what} out of range (${signed ? `between -${MAX_AMOUNT_WORDS} and` : 'at most'} ${MAX_AMOUNT_WORDS} RSD)`;

/** "2026-11-15" or "15.11.2026." → "2026-11-15"; null when not a real date. */
export function parseDate(raw: string): string | null {
  const isoMatch = raw.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const srMatch = raw.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/);
  const [y, mo, d] = isoMatch ? isoMatch.slice(1) : srMatch ? [srMatch[3], srMatch[2], srMatch[1]] : [];
  if (!y) return null;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

function parseItems(raw: string): BillItem[] | null {
  if (!raw) return [];
  const items: BillItem[] = [];
  for (const part of raw
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    const amount = eq > 0 ? parseAmount(part.slice(eq + 1)) : null;
    const description = part.slice(0, eq).trim();
    if (amount === null || !description || description.length > 80) return null;
    items.push({ description, amount });
  }
  return items;
}

/** Rows checked between two pauses. */
const ROWS_PER_STEP = 500;

/**
 * The rows of a bills CSV in steps (see csv/turns.ts); `model` is the utility's reference model
 * (each reference is checked under it); `maxRows` > 0 refuses a file with more rows; `codeTyped`:
 * each code in its canonical form, as residents' typing is stored (contract/typed-code.ts).
 */
export function* billsSteps(
  text: string,
  codePattern: string,
  model: ReferenceModel = '97',
  maxRows = 0,
  codeTyped: TypedRule = {},
): Generator<void, { rows: BillRow[]; errors: RowError[] }> {
  const table = yield* tableSteps(text, BILL_COLUMNS, maxRows);
  const codeRe = new RegExp(codePattern);
  const errors = [...table.errors];
  const rows: BillRow[] = [];
  const seen = new Map<string, number>();
  for (const [i, r] of table.rows.entries()) {
    if (i > 0 && i % ROWS_PER_STEP === 0) yield;
    const code = canonical('consumerCode', r.get('sifra_potrosaca'), codeTyped);
    const period = r.get('period');
    const issueDate = parseDate(r.get('datum_izdavanja'));
    const dueDate = parseDate(r.get('rok_placanja'));
    const amount = parseAmount(r.get('iznos'));
    const balance = parseAmount(r.get('dug'));
    // The reference without the model number: with its check digits under 97 (dashes dropped), as written under 00.
    const reference = r.get('poziv_na_broj').replace(model === '97' ? /[\s-]/g : /\s/g, '');
    const items = parseItems(table.columns.includes('stavke') ? r.get('stavke') : '');
    const paidRaw = table.columns.includes('placeno') ? r.get('placeno') : '';
    const paidAt = paidRaw === '' || /^ne$/i.test(paidRaw) ? null : parseDate(paidRaw);
    let payeeAccount = '';
    let reason: string | null = null;
    try {
      payeeAccount = normalizeAccount(r.get('racun_primaoca'));
    } catch (e) {
      reason = `payee account: ${(e as IpsError).message}`;
    }
    const key = `${code}/${period}`;
    reason ??= !codeRe.test(code)
      ? `invalid consumer code "${code.slice(0, 40)}"`
      : !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)
        ? `invalid period "${period.slice(0, 20)}" (YYYY-MM)`
        : !issueDate
          ? 'invalid issue date'
          : !dueDate
            ? 'invalid due date'
            : dueDate < issueDate
              ? 'due date is before the issue date'
              : amount === null || amount <= 0
                ? 'invalid amount'
                : amount > MAX_AMOUNT
                  ? outOfRange('iznos', false)
                  : balance === null
                    ? 'invalid balance'
                    : Math.abs(balance) > MAX_AMOUNT
                      ? outOfRange('dug')
                      : !isValidReference(model, reference)
                        ? `reference fails the model ${model} check`
                        : items === null
                          ? 'invalid items (description=amount;…)'
                          : items.some((item) => Math.abs(item.amount) > MAX_AMOUNT)
                            ? outOfRange('stavke: an amount')
                            : paidRaw !== '' && !/^ne$/i.test(paidRaw) && !paidAt
                              ? 'invalid paid date'
                              : seen.has(key)
                                ? `bill ${key} repeats line ${seen.get(key)}`
                                : null;
    if (reason) errors.push({ line: r.line, reason });
    else {
      seen.set(key, r.line);
      rows.push({
        line: r.line,
        code,
        period,
        issueDate: issueDate!,
        dueDate: dueDate!,
        amount: amount!,
        balance: balance!,
        payeeAccount,
        reference,
        items: items!,
        paidAt,
      });
    }
  }
  return { rows, errors: errors.sort((a, b) => a.line - b.line) };
}

/** The rows of a bills CSV at once (billsSteps without pauses). */
export function parseBillsCsv(
  text: string,
  codePattern: string,
  model: ReferenceModel = '97',
  maxRows = 0,
  codeTyped: TypedRule = {},
) {
  return runNow(billsSteps(text, codePattern, model, maxRows, codeTyped));
}

/** Ids per statement (one JSON parameter each, far below any statement limit). */
const MAIL_CHUNK = 2_000;
/** Bills per INSERT, as one JSON parameter (cheap to build; SQLite reads it far faster than bound parameters). */
const BILL_CHUNK = 1_000;

/**
 * Upserts the rows whose consumer exists; the others are reported. In the same transaction each
 * new unpaid bill gets its mail in the outbox for every account that takes e-mail bills, as a
 * reference rendered when it is sent: a crash right after the import cannot lose a mail, and the
 * mail's id (`billMailId`) lets no bill be queued twice to one account. Returns the ids of the new
 * bills and of their mails. The statements are built in steps (a turn for everyone else between
 * chunks) and written in one batch (all or nothing).
 */
export async function upsertBills(db: Db, rows: BillRow[], now: number, newId: () => string) {
  const codes = [...new Set(rows.map((r) => r.code))];
  const known = new Set<string>();
  for (let i = 0; i < codes.length; i += MAIL_CHUNK) {
    if (i > 0) await nextTurn();
    const some = sql`(SELECT value FROM json_each(${JSON.stringify(codes.slice(i, i + MAIL_CHUNK))}))`;
    for (const c of await db.select({ code: consumers.code }).from(consumers).where(inArray(consumers.code, some)))
      known.add(c.code);
  }
  const errors: RowError[] = rows
    .filter((r) => !known.has(r.code))
    .map((r) => ({ line: r.line, reason: `unknown consumer code ${r.code}` }));
  const good = rows.filter((r) => known.has(r.code));
  if (good.length === 0) return { created: [] as string[], mails: [] as string[], updated: 0, errors };
  // A bill is new when the row kept the id this run proposed for it. Many rows per statement: a
  // town's month is tens of statements, not tens of thousands.
  const proposed: string[] = [];
  const statements: ReturnType<typeof db.all<{ id: string; code: string; period: string }>>[] = [];
  for (let i = 0; i < good.length; i += BILL_CHUNK) {
    if (i > 0) await nextTurn();
    for (let k = i; k < Math.min(good.length, i + BILL_CHUNK); k++) proposed.push(newId());
    const values = good
      .slice(i, i + BILL_CHUNK)
      .map((r, k) => [
        proposed[i + k],
        r.code,
        r.period,
        r.issueDate,
        r.dueDate,
        r.amount,
        r.balance,
        r.payeeAccount,
        r.reference,
        JSON.stringify(r.items),
        r.paidAt,
      ]);
    const field = (n: number) => sql.raw(`json_extract(value, '$[${n}]')`);
    statements.push(
      db.all(sql`INSERT INTO bills (id, consumer_code, period, issue_date, due_date, amount, balance, payee_account, reference, items, paid_at, created_at, updated_at)
      SELECT ${sql.join(
        Array.from({ length: 11 }, (_, n) => field(n)),
        sql`, `,
      )}, ${now}, ${now}
      FROM json_each(${JSON.stringify(values)}) WHERE true
      ON CONFLICT(consumer_code, period) DO UPDATE SET issue_date = excluded.issue_date, due_date = excluded.due_date,
        amount = excluded.amount, balance = excluded.balance, payee_account = excluded.payee_account, reference = excluded.reference,
        items = excluded.items, paid_at = excluded.paid_at, updated_at = excluded.updated_at
      RETURNING id, consumer_code AS code, period`),
    );
  }
  // Only a bill this run created carries a proposed id; the id is billMailId's (schema.ts).
  const mails: ReturnType<typeof db.all<{ id: string }>>[] = [];
  for (let i = 0; i < proposed.length; i += MAIL_CHUNK) {
    const targets = sql`FROM bills b
      JOIN account_consumers ac ON ac.consumer_code = b.consumer_code
      JOIN accounts a ON a.id = ac.account_id AND a.email_bills = 1 AND a.confirmed_at IS NOT NULL AND a.undeliverable_at IS NULL
      WHERE b.id IN (SELECT value FROM json_each(${JSON.stringify(proposed.slice(i, i + MAIL_CHUNK))})) AND b.paid_at IS NULL`;
    mails.push(
      db.all<{
        id: string;
      }>(sql`INSERT INTO outbox (id, kind, to_address, subject, text_body, html_body, ref, status, attempts, next_attempt_at, lease_until, created_at)
        SELECT 'bill:' || b.id || ':' || a.id, 'bill', a.email, '', '', '', json_object('bill', b.id, 'account', a.id), 'pending', 0, ${now}, 0, ${now}
        ${targets}
        ON CONFLICT DO NOTHING RETURNING id`),
      db.all<{ id: string }>(sql`INSERT INTO bill_mails (bill_id, account_id, outbox_id, created_at)
        SELECT b.id, a.id, 'bill:' || b.id || ':' || a.id, ${now} ${targets}
        ON CONFLICT DO NOTHING RETURNING bill_id AS id`),
    );
  }
  const results = (await db.batch([...statements, ...mails] as unknown as [
    (typeof statements)[0],
    ...typeof statements,
  ])) as unknown as { id: string; code?: string; period?: string }[][];
  const kept = new Map(
    results.slice(0, statements.length).flatMap((rows) => rows.map((b) => [`${b.code}/${b.period}`, b.id])),
  );
  const created = good
    .map((r, i) => (kept.get(`${r.code}/${r.period}`) === proposed[i] ? proposed[i] : null))
    .filter((id) => id !== null);
  const queued = results
    .slice(statements.length)
    .filter((_, i) => i % 2 === 0)
    .flatMap((r) => r.map((m) => m.id));
  return { created, mails: queued, updated: good.length - created.length, errors };
}
