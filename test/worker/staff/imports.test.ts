// The office's Uvoz: the preview reads a file with the billing system's own checks and compares it
// with the database, writing nothing (new, changed and unchanged rows, the periods, each bad line
// with its column; UTF-8 or windows-1250 detected); the import is all or nothing — a file with a
// bad line is 422 naming it and changes no table, the fixed file is written and its mails queued.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, confirmedAccount, makeHarness, snapshot, type Harness } from '../harness.ts';
import { softAuthenticator } from '../../support/soft-authenticator.ts';
import { ingestBills } from '../../../worker/src/bills/ingest.ts';
import { staffMember } from './steps.ts';
import { dataSnapshot, lastAudit, officeCall, win1250 } from './office-steps.ts';

let h: Harness;
let admin: { cookie: string; id: string };
beforeEach(async () => {
  h = await makeHarness();
  admin = await staffMember(h, softAuthenticator(), 'admin@komunalac.rs', 'administrator');
});
afterEach(async () => {
  await h.close();
});

const [BILLS_HEADER, ...BILL_ROWS] = readFileSync(join(ROOT, 'demo/bills.csv'), 'utf8').trim().split('\n');
const billsOf = (period: string) => BILL_ROWS.filter((r) => r.split(',')[1] === period);
const billsCsv = (rows: string[]) => `${[BILLS_HEADER, ...rows].join('\n')}\n`;
/** November's bills with a due date that is not one on line 3 and an unknown consumer on line 5. */
const badNovember = () =>
  billsOf('2026-11').map((r, i) =>
    i === 1 ? r.replace(',2026-12-20,', ',sutra,') : i === 3 ? r.replace(/^104524,/, '999999,') : r,
  );
const BAD_NOVEMBER_ERRORS = [
  { line: 3, column: 'rok_placanja', reason: 'invalid due date' },
  { line: 5, column: 'sifra_potrosaca', reason: 'unknown consumer code 999999' },
];

const preview = (kind: string, csv: Uint8Array | string, query = '') =>
  officeCall(h, 'POST', `/api/staff/imports/preview?kind=${kind}${query}`, admin.cookie, { csv });
const importFile = (kind: string, csv: Uint8Array | string) =>
  officeCall(h, 'POST', `/api/staff/imports?kind=${kind}`, admin.cookie, { csv });

describe('the preview', () => {
  it('counts new, changed and unchanged bills against the database, and writes nothing', async () => {
    await ingestBills(h.deps, billsCsv(billsOf('2026-09')));
    // September again with one amount changed, and October new.
    const september = billsOf('2026-09').map((r) =>
      r.startsWith('104522,') ? r.replace('"1872,00"', '"1900,00"') : r,
    );
    const before = await dataSnapshot(h);
    const r = await preview('bills', billsCsv([...september, ...billsOf('2026-10')]));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      kind: 'bills',
      encoding: 'utf-8',
      encodingDetected: true,
      rows: 20,
      created: 10,
      changed: 1,
      unchanged: 9,
      periods: ['2026-09', '2026-10'],
      errors: [],
    });
    expect(await dataSnapshot(h)).toBe(before);
    expect(await lastAudit(h)).toMatchObject({
      action: 'import.previewed',
      staff_id: admin.id,
      detail: { kind: 'bills', encoding: 'utf-8', rows: 20, errors: 0 },
    });
  });

  it('detects a windows-1250 bills file: its items read with their letters when imported', async () => {
    const november = billsCsv(billsOf('2026-11'));
    expect(november).toContain('Čišćenje');
    const r = await preview('bills', win1250(november));
    expect(r.body).toMatchObject({
      encoding: 'windows-1250',
      encodingDetected: true,
      rows: 10,
      created: 10,
      errors: [],
    });
    expect((await importFile('bills', win1250(november))).body).toMatchObject({ created: 10 });
    const items = await h.deps.db.$client.execute(
      "SELECT items FROM bills WHERE consumer_code = '104521' AND period = '2026-11'",
    );
    expect(String(items.rows[0].items)).toContain('Čišćenje zajedničkih prostorija');
  });

  it('names each bad line of a bills file with its column', async () => {
    const r = await preview('bills', billsCsv(badNovember()));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ rows: 10, created: 8, changed: 0, unchanged: 0, periods: ['2026-11'] });
    expect(r.body.errors).toEqual(BAD_NOVEMBER_ERRORS);
    expect((await lastAudit(h)).detail).toMatchObject({ errors: 2 });
  });

  it('detects a windows-1250 consumers file, compares names, addresses and PINs, or reads the encoding named', async () => {
    const csv = [
      'sifra_potrosaca,pin,ime_prezime,adresa',
      '104524,5502,Nikola Đorđević,"Veljka Dugoševića 41, 22400 Ruma"', // the same
      '104523,1168,Jelena Nikolić-Šarić,"Železnička 27, 22400 Ruma"', // a new name
      '104525,1111,Ljiljana Šarić,"Vojvode Putnika 8, 22400 Ruma"', // a new PIN
      '2001,1234,Čedomir Ćirić,"Žarka Zrenjanina 3, 22400 Ruma"', // a new consumer
    ].join('\r\n');
    const before = await dataSnapshot(h);
    const detected = await preview('consumers', win1250(csv));
    expect(detected.body).toEqual({
      kind: 'consumers',
      encoding: 'windows-1250',
      encodingDetected: true,
      rows: 4,
      created: 1,
      changed: 2,
      unchanged: 1,
      periods: [],
      errors: [],
    });
    const named = await preview('consumers', win1250(csv), '&encoding=windows-1250');
    expect(named.body).toMatchObject({ encoding: 'windows-1250', encodingDetected: false, created: 1, changed: 2 });
    // The same file in UTF-8 is detected as such, with the same counts.
    expect((await preview('consumers', csv)).body).toMatchObject({ encoding: 'utf-8', created: 1, changed: 2 });
    // Named wrongly, it is refused with its line.
    const wrong = await preview('consumers', win1250(csv), '&encoding=utf-8');
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({
      code: 'import_failed',
      fields: { file: expect.stringMatching(/^line 2 /) },
    });
    expect(await dataSnapshot(h)).toBe(before);
  });

  it('names each bad line of a consumers file with its column', async () => {
    const csv = [
      'sifra_potrosaca,pin,ime_prezime,adresa',
      '104521,ab12,Milica Jovanović,"Glavna 12, 22400 Ruma"',
      '2002,1234,,"Glavna 1, 22400 Ruma"',
      '2003,1234,Ana,Glavna 2,višak',
      '2004,1234,Ana,"Glavna 3, 22400 Ruma"',
    ].join('\n');
    const r = await preview('consumers', csv);
    expect(r.body).toMatchObject({ rows: 4, created: 1, changed: 0, unchanged: 0 });
    expect(r.body.errors).toEqual([
      { line: 2, column: 'pin', reason: 'invalid PIN format' },
      { line: 3, column: 'ime_prezime', reason: 'name is empty' },
      { line: 4, column: null, reason: 'expected 4 columns, found 5' },
    ]);
  });

  it('takes a file larger than the office’s 16 KiB (up to the billing system’s 8 MiB), only as text/csv, and a kind', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `${3000 + i},1234,Potrošač ${i},"Ulica ${i}, 22400 Ruma"`);
    const big = ['sifra_potrosaca,pin,ime_prezime,adresa', ...rows].join('\n');
    expect(big.length).toBeGreaterThan(16 * 1024);
    expect((await preview('consumers', big)).body).toMatchObject({ rows: 1500, created: 1500 });
    const huge = new Uint8Array(8 * 1024 * 1024 + 1).fill(0x41);
    expect((await preview('consumers', huge)).status).toBe(413);
    const json = await officeCall(h, 'POST', '/api/staff/imports/preview?kind=consumers', admin.cookie, {
      csv: big,
      type: 'application/json',
    });
    expect(json.status).toBe(415);
    const noKind = await preview('racuni', big);
    expect(noKind.status).toBe(422);
    expect(noKind.body.error).toEqual({ code: 'validation_failed', fields: { kind: 'invalid_format' } });
    const noHeader = await preview('bills', 'a,b\n1,2\n');
    expect(noHeader.status).toBe(422);
    expect(noHeader.body.error.code).toBe('import_failed');
  });
});

describe('the import, all or nothing', () => {
  it('refuses a file with a bad line, naming every one, and changes no table', async () => {
    const before = await snapshot(h);
    const r = await importFile('bills', billsCsv(badNovember()));
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('import_failed');
    expect(r.body.error.fields.lines).toEqual(BAD_NOVEMBER_ERRORS);
    expect(r.body.error.fields.file).toMatch(/^2 bad line\(s\), nothing imported — line 3: invalid due date/);
    expect(await snapshot(h)).toBe(before);
  });

  it('imports the fixed file as the billing system’s import does, its mails queued', async () => {
    await confirmedAccount(h); // 104521, e-mail bills
    const r = await importFile('bills', billsCsv(billsOf('2026-11')));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ kind: 'bills', created: 10, updated: 0, mailed: 1, periods: ['2026-11'] });
    const stored = await h.deps.db.$client.execute("SELECT count(*) AS n FROM bills WHERE period = '2026-11'");
    expect(Number(stored.rows[0].n)).toBe(10);
    const mails = (await h.outbox()).filter((m) => m.kind === 'bill');
    expect(mails.map((m) => [m.to, m.status])).toEqual([['milica@example.com', 'sent']]);
    expect(await lastAudit(h)).toMatchObject({
      action: 'import.done',
      staff_id: admin.id,
      detail: { kind: 'bills', rows: 10, created: 10, updated: 0, mailed: 1, periods: ['2026-11'] },
    });
    // Again: nothing new, nothing mailed twice.
    expect((await importFile('bills', billsCsv(billsOf('2026-11')))).body).toMatchObject({
      created: 0,
      updated: 10,
      mailed: 0,
    });
  });

  it('imports consumers: the new ones created, the others updated', async () => {
    const csv = [
      'sifra_potrosaca,pin,ime_prezime,adresa',
      '104523,1168,Jelena Nikolić-Šarić,"Železnička 27, 22400 Ruma"',
      '2001,1234,Čedomir Ćirić,"Žarka Zrenjanina 3, 22400 Ruma"',
    ].join('\n');
    const r = await importFile('consumers', win1250(csv));
    expect(r.body).toEqual({ kind: 'consumers', created: 1, updated: 1, mailed: 0, periods: [] });
    const rows = await h.deps.db.$client.execute(
      "SELECT code, name FROM consumers WHERE code IN ('104523', '2001') ORDER BY code",
    );
    expect(rows.rows.map((x) => [x.code, x.name])).toEqual([
      ['104523', 'Jelena Nikolić-Šarić'],
      ['2001', 'Čedomir Ćirić'],
    ]);
    // What was imported now previews as unchanged.
    expect((await preview('consumers', csv)).body).toMatchObject({ created: 0, changed: 0, unchanged: 2 });
  });
});
