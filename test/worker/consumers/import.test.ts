import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeHarness, ROOT, type Harness } from '../harness.ts';
import { parseConsumersCsv, upsertConsumers, ImportError } from '../../../worker/src/consumers/import.ts';

const FORMATS = { codePattern: '^[0-9]{4,10}$', pinPattern: '^[0-9]{4,8}$' };
const HEADER = 'sifra_potrosaca,pin,ime_prezime,adresa';
let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ seed: false });
});
afterEach(async () => {
  await h.close();
});

const rows = async () =>
  (await h.deps.db.$client.execute('SELECT code, pin_digest, name, address FROM consumers ORDER BY code')).rows;

describe('consumer CSV import', () => {
  it('reads Latin and Cyrillic, a BOM and quoted commas', async () => {
    const csv = `\uFEFF${HEADER}\n1001,1234,Ђорђе Јовановић,"Карађорђева 1, Рума"\n1002,5678,Šarić Željko,"Glavna 2, Ruma"\n`;
    const parsed = parseConsumersCsv(csv, FORMATS);
    expect(parsed.errors).toEqual([]);
    await upsertConsumers(h.deps.db, h.deps.config.pinKey, parsed.rows, h.clock.now);
    expect((await rows()).map((r) => [r.code, r.name, r.address])).toEqual([
      ['1001', 'Ђорђе Јовановић', 'Карађорђева 1, Рума'],
      ['1002', 'Šarić Željko', 'Glavna 2, Ruma'],
    ]);
  });

  it('reports bad rows by line and keeps the good ones', () => {
    const csv = [
      HEADER,
      '1001,1234,Ana,Adresa 1',
      'ab12,1234,Bad Code,Adresa',
      '1003,12,Short Pin,Adresa',
      '1004,1234,,Adresa',
      '1001,9999,Dupla,Adresa',
      '1005,1234',
      '',
      '1006,4321,"Više, redova",Adresa 6',
    ].join('\n');
    const parsed = parseConsumersCsv(csv, FORMATS);
    expect(parsed.rows.map((r) => [r.line, r.code])).toEqual([
      [2, '1001'],
      [9, '1006'],
    ]);
    expect(parsed.errors).toEqual([
      { line: 3, reason: 'invalid consumer code "ab12"' },
      { line: 4, reason: 'invalid PIN format' },
      { line: 5, reason: 'name is empty' },
      { line: 6, reason: 'consumer code 1001 repeats line 2' },
      { line: 7, reason: 'expected 4 columns, found 2' },
    ]);
  });

  it('is idempotent, applies changes, and stores the PIN only as a keyed digest', async () => {
    const once = parseConsumersCsv(`${HEADER}\n1001,1234,Ana,Adresa 1\n`, FORMATS).rows;
    await upsertConsumers(h.deps.db, h.deps.config.pinKey, once, h.clock.now);
    const first = await rows();
    await upsertConsumers(h.deps.db, h.deps.config.pinKey, once, h.clock.now);
    expect(await rows()).toEqual(first);
    expect(String(first[0].pin_digest)).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(h.dbFile).includes(Buffer.from(',1234'))).toBe(false);
    await upsertConsumers(
      h.deps.db,
      h.deps.config.pinKey,
      parseConsumersCsv(`${HEADER}\n1001,9876,Ana Nova,Adresa 2\n`, FORMATS).rows,
      h.clock.now,
    );
    const changed = (await rows())[0];
    expect([changed.name, changed.address]).toEqual(['Ana Nova', 'Adresa 2']);
    expect(changed.pin_digest).not.toBe(first[0].pin_digest);
  });

  it('throws on a fatal error before writing anything', async () => {
    expect(() => parseConsumersCsv('sifra_potrosaca,pin,ime\n1,2,3\n', FORMATS)).toThrow(ImportError);
    expect(() => parseConsumersCsv(`${HEADER}\n1001,1234,"unclosed,Adresa\n`, FORMATS)).toThrow(ImportError);
    expect(() => parseConsumersCsv('', FORMATS)).toThrow(/empty/);
  });
});

describe('npm run consumers:import (CLI)', () => {
  const run = promisify(execFile);
  const cli = async (file: string, db: string) =>
    run(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'worker/node/import-csv.ts'), 'consumers', file],
      {
        cwd: ROOT,
        // The CLI is production unless told otherwise (it would want the production secrets).
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

  it('exits 0 on a good file, 1 with bad rows listed by line, 2 and no change on a fatal error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jp-cli-'));
    const db = join(dir, 'cli.db');
    const good = join(dir, 'good.csv');
    const mixed = join(dir, 'mixed.csv');
    const broken = join(dir, 'broken.csv');
    writeFileSync(good, `${HEADER}\n1001,1234,Ana,Adresa 1\n`);
    writeFileSync(mixed, `${HEADER}\n1002,1234,Bojan,Adresa 2\nxx,1,Loš,Red\n`);
    writeFileSync(broken, 'sifra_potrosaca,pin\n1003,1234\n');
    const a = await cli(good, db);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('imported 1 consumer(s), 0 bad row(s)');
    const b = await cli(mixed, db);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain(`${mixed}:3: invalid consumer code "xx"`);
    const c = await cli(broken, db);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('import failed, nothing changed');
    const h2 = await makeHarness({ seed: false, env: { DATABASE_URL: `file:${db}` } });
    try {
      expect(
        (await h2.deps.db.$client.execute('SELECT code FROM consumers ORDER BY code')).rows.map((r) => r.code),
      ).toEqual(['1001', '1002']);
    } finally {
      await h2.close();
    }
  }, 60_000);
});
