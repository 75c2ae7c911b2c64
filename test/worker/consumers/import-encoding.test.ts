// A CSV that is not UTF-8 (Windows-1250, as older Serbian billing software writes) is refused with
// its line and a hint, or read in the encoding the request names; nothing is ever stored as U+FFFD.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeHarness, ROOT, snapshot, type Harness } from '../harness.ts';
import { model97CheckDigits } from '../../../worker/src/bills/ips-qr.ts';
import { win1250 } from '../../support/win1250.ts';

let h: Harness;
const TOKEN = 'admin-token-for-tests-0123456789abcdef';
beforeEach(async () => {
  h = await makeHarness({ seed: false, env: { ADMIN_TOKEN: TOKEN } });
});
afterEach(async () => {
  await h.close();
});

const NAME = 'Đorđe Čačić-Šćekić Žužić';
const ADDRESS = 'Ćirila i Metodija 5, Ruma';
const CONSUMERS = `sifra_potrosaca,pin,ime_prezime,adresa\n1001,1234,Ana,Glavna 1\n1002,5678,${NAME},"${ADDRESS}"\n`;

const push = (what: 'consumers' | 'bills', body: Uint8Array | string, query = '', contentType = 'text/csv') =>
  Promise.resolve(
    h.app.request(`/api/admin/${what}${query}`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${TOKEN}`, 'x-test-ip': '192.0.2.40' },
      body: body as BodyInit,
    }),
  ).then(async (r) => ({ status: r.status, body: await r.json() }));
const stored = async () =>
  (await h.deps.db.$client.execute('SELECT code, name, address FROM consumers ORDER BY code')).rows.map((r) => [
    r.code,
    r.name,
    r.address,
  ]);

describe('consumers import in another encoding', () => {
  it('refuses Windows-1250 bytes with the line and a hint to save as UTF-8, writing nothing', async () => {
    const before = await snapshot(h);
    const r = await push('consumers', win1250(CONSUMERS));
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('import_failed');
    expect(r.body.error.fields.file).toMatch(/line 3\b/);
    expect(r.body.error.fields.file).toMatch(/UTF-8/);
    expect(r.body.error.fields.file).toContain('?encoding=windows-1250');
    expect(await snapshot(h)).toBe(before);
  });

  it('reads Windows-1250 when the request names it (?encoding= or the charset), č ć š ž đ stored right', async () => {
    const r = await push('consumers', win1250(CONSUMERS), '?encoding=windows-1250');
    expect(r).toEqual({ status: 200, body: { imported: 2, errors: [] } });
    expect(await stored()).toEqual([
      ['1001', 'Ana', 'Glavna 1'],
      ['1002', NAME, ADDRESS],
    ]);
    const again = CONSUMERS.replace('Ana', 'Ana Šarić');
    const c = await push('consumers', win1250(again), '', 'text/csv; charset=windows-1250');
    expect(c).toEqual({ status: 200, body: { imported: 2, errors: [] } });
    expect((await stored())[0][1]).toBe('Ana Šarić');
    expect(JSON.stringify(await snapshot(h))).not.toContain('\uFFFD');
  });

  it('refuses an encoding it does not read, and a file that already holds U+FFFD, by line', async () => {
    const before = await snapshot(h);
    const unknown = await push('consumers', CONSUMERS, '?encoding=ebcdic');
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields.file).toMatch(/encoding/);
    const lost = await push('consumers', CONSUMERS.replace(NAME, 'Ђор\uFFFDе'));
    expect(lost.status).toBe(422);
    expect(lost.body.error.fields.file).toMatch(/line 3\b/);
    expect(await snapshot(h)).toBe(before);
  });
});

describe('bills import in another encoding', () => {
  const reference = `${model97CheckDigits('1001202611')}1001202611`;
  const bills = (items: string) =>
    'sifra_potrosaca,period,datum_izdavanja,rok_placanja,iznos,dug,racun_primaoca,poziv_na_broj,stavke\n' +
    `1001,2026-11,2026-12-05,2026-12-20,"1860,00","1860,00",160-0000001234567-29,${reference},"${items}"\n`;

  it('refuses Windows-1250 bytes by line, and reads them with ?encoding=windows-1250', async () => {
    await push('consumers', CONSUMERS);
    const csv = bills('Održavanje zgrade=1100,00;Čišćenje=450,00;Odnošenje smeća=310,00');
    const before = await snapshot(h);
    const refused = await push('bills', win1250(csv));
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields.file).toMatch(/line 2\b.*UTF-8/);
    expect(await snapshot(h)).toBe(before);
    const r = await push('bills', win1250(csv), '?encoding=windows-1250');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ imported: 1, errors: [] });
    const items = (await h.deps.db.$client.execute('SELECT items FROM bills')).rows[0].items;
    expect(JSON.parse(String(items)).map((i: { description: string }) => i.description)).toEqual([
      'Održavanje zgrade',
      'Čišćenje',
      'Odnošenje smeća',
    ]);
  });
});

describe('npm run consumers:import -- --encoding', () => {
  const run = promisify(execFile);
  const cli = async (args: string[], db: string) =>
    run(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'worker/node/import-csv.ts'), 'consumers', ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          APP_ENV: 'development',
          DATABASE_URL: `file:${db}`,
          FILES_DIR: join(tmpdir(), 'jp-files'),
        },
      },
    ).then(
      (r) => ({ code: 0, ...r }),
      (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
    );

  it('refuses a Windows-1250 file by line with the option to name it, and reads it with the option', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jp-cli-'));
    const db = join(dir, 'cli.db');
    const file = join(dir, 'potrosaci.csv');
    writeFileSync(file, win1250(CONSUMERS));
    const refused = await cli([file], db);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/import failed, nothing changed: line 3\b.*UTF-8/);
    expect(refused.stderr).toContain('--encoding windows-1250');
    const read = await cli(['--encoding', 'windows-1250', file], db);
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('imported 2 consumer(s), 0 bad row(s)');
    const h2 = await makeHarness({ seed: false, env: { DATABASE_URL: `file:${db}` } });
    try {
      expect(
        (await h2.deps.db.$client.execute('SELECT name, address FROM consumers WHERE code = 1002')).rows.map((r) => [
          r.name,
          r.address,
        ]),
      ).toEqual([[NAME, ADDRESS]]);
    } finally {
      await h2.close();
    }
  }, 60_000);
});
