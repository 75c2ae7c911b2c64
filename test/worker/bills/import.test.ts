import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHarness, ROOT, type Harness } from '../harness.ts';
import { parseBillsCsv, upsertBills, parseAmount, parseDate } from '../../../worker/src/bills/import.ts';
import { ImportError } from '../../../worker/src/csv/table.ts';
import { randomId } from '../../../worker/src/auth/crypto.ts';
import { parseConsumersCsv, upsertConsumers } from '../../../worker/src/consumers/import.ts';
import { seedTownAccounts, townBillsCsv, townConsumersCsv } from '../../bench/town.ts';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const CODE = '^[0-9]{4,10}$';
const HEADER = 'sifra_potrosaca,period,datum_izdavanja,rok_placanja,iznos,dug,racun_primaoca,poziv_na_broj';
const ACCOUNT = '160-0000001234567-29';
const newId = () => randomId(h.deps.randomBytes);
const count = async () => (await h.deps.db.$client.execute('SELECT count(*) AS n FROM bills')).rows[0].n;

describe('bill import', () => {
  it('imports the demo bills, and again changes nothing', async () => {
    const parsed = parseBillsCsv(readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8'), CODE);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(30);
    const first = await upsertBills(h.deps.db, parsed.rows, h.clock.now, newId);
    expect(first.created).toHaveLength(30);
    expect(first.errors).toEqual([]);
    const ids = async () => (await h.deps.db.$client.execute('SELECT id, amount, paid_at FROM bills ORDER BY id')).rows;
    const before = await ids();
    h.clock.advance(1000);
    const again = await upsertBills(h.deps.db, parsed.rows, h.clock.now, newId);
    expect(again.created).toEqual([]);
    expect(again.updated).toBe(30);
    expect(await ids()).toEqual(before);
  });

  it('reports bad rows by line and keeps the good ones', () => {
    const csv = [
      HEADER,
      `104521,2026-11,2026-12-05,2026-12-20,"1860,00","1860,00",${ACCOUNT},26104521202611`,
      `104521,2026-13,2026-12-05,2026-12-20,"1860,00","0",${ACCOUNT},26104521202611`,
      `104522,2026-11,2026-12-05,2026-12-20,"1860,00","0",${ACCOUNT},27104522202611`,
      `104523,2026-11,2026-12-05,2026-11-20,"1860,00","0",${ACCOUNT},26104523202611`,
      `104524,2026-11,2026-12-05,2026-12-20,"-5","0",${ACCOUNT},26104524202611`,
      `104525,2026-11,2026-12-05,2026-12-20,"10","0",160-0000001234567-28,26104525202611`,
      `104521,2026-11,2026-12-05,2026-12-20,"1860,00","1860,00",${ACCOUNT},26104521202611`,
      `104526,2026-11`,
    ].join('\n');
    const { rows, errors } = parseBillsCsv(csv, CODE);
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(errors).toEqual([
      { line: 3, reason: 'invalid period "2026-13" (YYYY-MM)' },
      { line: 4, reason: 'reference fails the model 97 check' },
      { line: 5, reason: 'due date is before the issue date' },
      { line: 6, reason: 'invalid amount' },
      { line: 7, reason: 'payee account: account control digits are wrong' },
      { line: 8, reason: 'bill 104521/2026-11 repeats line 2' },
      { line: 9, reason: 'expected 8 columns, found 2' },
    ]);
  });

  it('reports unknown consumers and writes nothing when the CSV is unreadable', async () => {
    const { rows } = parseBillsCsv(
      `${HEADER}\n999999,2026-11,2026-12-05,2026-12-20,100,0,${ACCOUNT},${'26104521202611'}`,
      CODE,
    );
    const r = await upsertBills(h.deps.db, rows, h.clock.now, newId);
    expect(r.errors).toEqual([{ line: 2, reason: 'unknown consumer code 999999' }]);
    expect(await count()).toBe(0);
    expect(() => parseBillsCsv('sifra_potrosaca,period\n1,2', CODE)).toThrow(ImportError);
    expect(() => parseBillsCsv(`${HEADER}\n"unclosed,2026-11`, CODE)).toThrow(ImportError);
  });

  it('parses Serbian amounts and dates', () => {
    expect(parseAmount('3.596,13')).toBe(359613);
    expect(parseAmount('3596.13')).toBe(359613);
    expect(parseAmount('12')).toBe(1200);
    expect(parseAmount('1,234.5')).toBeNull();
    expect(parseDate('15.11.2026.')).toBe('2026-11-15');
    expect(parseDate('2026-02-30')).toBeNull();
  });
});

describe('a town-sized import', () => {
  it('tells new bills from updated ones across many statements, and queues mail for the new ones only', async () => {
    const t = await makeHarness({ seed: false });
    try {
      const consumers = parseConsumersCsv(townConsumersCsv(1_200), {
        codePattern: '^[0-9]{4,10}$',
        pinPattern: '^[0-9]{4,8}$',
      });
      await upsertConsumers(t.deps.db, t.deps.config.pinKey, consumers.rows, t.clock.now);
      await seedTownAccounts(t.deps.db.$client, 1_200, (i) => i % 2 === 1);
      const rows = (csv: string) => parseBillsCsv(csv, '^[0-9]{4,10}$').rows;
      const id = () => randomId(t.deps.randomBytes);
      const first = await upsertBills(t.deps.db, rows(townBillsCsv(700)), t.clock.now, id);
      expect([first.created.length, first.updated, first.mails.length]).toEqual([700, 0, 350]);
      t.clock.advance(1000);
      const all = await upsertBills(t.deps.db, rows(townBillsCsv(1_200)), t.clock.now, id);
      expect([all.created.length, all.updated, all.mails.length]).toEqual([500, 700, 250]);
      expect(new Set([...first.mails, ...all.mails]).size).toBe(600);
      const count = async (q: string) => Number((await t.deps.db.$client.execute(q)).rows[0][0]);
      expect(await count('SELECT count(*) FROM bills')).toBe(1_200);
      expect(await count("SELECT count(*) FROM outbox WHERE kind = 'bill'")).toBe(600);
      expect(await count('SELECT count(*) FROM bill_mails')).toBe(600);
    } finally {
      await t.close();
    }
  });
});
