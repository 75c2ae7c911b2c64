// <jp-office>'s administrator tabs against the fake staff API (jp-office-fake.ts, typed by
// contract/office.ts): Uvoz — a preview with errors shows them by line and column and offers no
// confirmation; a clean preview is confirmed with the same file, and the bill run of its period is
// polled until done (the fake's answers in turn), the failed mails sent again; polling stops when
// the tab is left. Zaposleni — the list, an invitation's link shown once, disabling behind a
// reason (never oneself). Pregled — the figures and the 12 weeks as a chart with its table.
// Dnevnik — the filters reach the request's query and the CSV link. Axe clean; English.
import { expect, html, fixture as mount } from '@open-wc/testing';
import '../../widget/src/office/jp-office.ts';
import { setLocale } from '../../widget/src/localize.ts';
import type * as O from '../../contract/office.ts';
import { OfficeRun } from '../../widget/src/office/office-run.ts';
import { axeViolations, until } from './helpers.ts';
import {
  ADMIN,
  CLERK,
  T,
  answer,
  button,
  byLabel,
  calls,
  idle,
  el,
  inTurn,
  me,
  openTab,
  shows,
  text,
} from './jp-office-fake.ts';

const BILLS = 'sifra_potrosaca;period;iznos\n104521;2026-11;1860,00\n';
const preview = (over: Partial<O.ImportPreviewAnswer> = {}): O.ImportPreviewAnswer => ({
  kind: 'bills',
  encoding: 'windows-1250',
  encodingDetected: true,
  rows: 3,
  created: 2,
  changed: 1,
  unchanged: 0,
  periods: ['2026-11'],
  errors: [],
  ...over,
});
const progress = (over: Partial<O.RunProgressAnswer> = {}): O.RunProgressAnswer => ({
  period: '2026-11',
  bills: 5,
  queued: 0,
  sent: 3,
  failed: 0,
  cancelled: 0,
  undeliverable: 0,
  paper: 2,
  done: true,
  ...over,
});
const ok = <A>(body: A) => ({ status: 200 as const, body });

/** Chooses a file in the Uvoz form and asks for its preview. */
async function previewFile(content: string) {
  const input = byLabel('Datoteka (CSV iz sistema za obračun)');
  const files = new DataTransfer();
  files.items.add(new File([content], 'racuni.csv', { type: 'text/csv' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
  button('Pregledajte datoteku').click();
  await shows('Pregled datoteke');
}
const run = () => el().querySelector('jpo-run')!;

beforeEach(() => {
  OfficeRun.interval = 20;
});
afterEach(async () => {
  OfficeRun.interval = 2000;
  await setLocale('sr-Latn');
});

describe('jp-office, administrator', () => {
  it('Uvoz: a file with errors shows them by line and column and cannot be imported', async () => {
    answer({
      'GET /api/staff/me': me(ADMIN),
      'POST /api/staff/imports/preview': () =>
        ok(
          preview({
            errors: [
              { line: 4, column: 'iznos', reason: 'not an amount: 18,6,0' },
              { line: 7, column: null, reason: 'unknown consumer code 999999' },
            ],
          }),
        ),
    });
    await openTab(ADMIN, 'Uvoz');
    await previewFile(BILLS);
    const sent = calls.find((c) => c.path === '/api/staff/imports/preview')!;
    expect(sent.search).to.equal('?kind=bills');
    expect(sent.contentType).to.equal('text/csv');
    expect(sent.body).to.deep.equal({ file: BILLS });
    expect(text()).to.include('windows-1250 (prepoznata)');
    expect(text()).to.include('Periodi 2026-11');
    expect(text()).to.include('Red 4, kolona iznos not an amount: 18,6,0');
    expect(text()).to.include('Red 7 unknown consumer code 999999');
    expect(text()).to.include('Ispravite datoteku i izaberite je ponovo');
    expect(button('Potvrdite uvoz')).to.equal(undefined);
    expect(calls.some((c) => c.path === '/api/staff/imports')).to.equal(false);
    await idle();
    expect(await axeViolations(el())).to.deep.equal([]);
  });

  it('Uvoz: a clean file confirmed, its run polled until done, the failed sent again', async () => {
    answer({
      'GET /api/staff/me': me(ADMIN),
      'POST /api/staff/imports/preview': () => ok(preview()),
      'POST /api/staff/imports': () =>
        ok<O.ImportAnswer>({ kind: 'bills', created: 2, updated: 1, mailed: 3, periods: ['2026-10', '2026-11'] }),
      'GET /api/staff/runs': inTurn(
        ok(progress({ queued: 3, sent: 0, done: false })),
        ok(progress({ queued: 1, sent: 2, done: false })),
        ok(progress({ queued: 0, sent: 2, failed: 1, done: true })),
        ok(progress({ queued: 1, sent: 2, failed: 0, done: false })),
        ok(progress({ queued: 0, sent: 3, failed: 0, done: true })),
      ),
      'POST /api/staff/runs/2026-11/retry': () => ok({ retried: 1 }),
    });
    await openTab(ADMIN, 'Uvoz');
    await previewFile(BILLS);
    expect(text()).to.include('Novih 2');
    expect(text()).to.include('Izmenjenih 1');
    button('Potvrdite uvoz').click();
    await shows('Uvoz je izvršen: novih 2, izmenjenih 1; računa poslatih u red za slanje e-poštom: 3.');
    const imported = calls.find((c) => c.path === '/api/staff/imports')!;
    expect(imported.search).to.equal('?kind=bills');
    expect(imported.body).to.deep.equal({ file: BILLS });
    expect(button('Potvrdite uvoz')).to.equal(undefined);

    // The newest period's run, asked for until done, then no more.
    await shows('Slanje za 2026-11 je završeno.');
    const runs = () => calls.filter((c) => c.path === '/api/staff/runs');
    expect(runs().map((c) => c.search)).to.deep.equal(Array(3).fill('?period=2026-11'));
    expect(run().polling).to.equal(false);
    expect(text()).to.include('Poslato 2');
    expect(text()).to.include('Neuspelo 1');
    expect(text()).to.include('Na papiru 2');
    const bar = el().querySelector('progress')!;
    expect([bar.value, bar.max]).to.deep.equal([3, 3]);
    await idle();
    expect(await axeViolations(el())).to.deep.equal([]);

    button('Pošaljite ponovo neuspele').click();
    await shows('Ponovo u redu za slanje: 1');
    await until(() => runs().length === 5 && !run().polling, 'polled again until done');
    expect(text()).to.include('Poslato 3');
    expect(button('Pošaljite ponovo neuspele')).to.equal(undefined);

    // Another file of the same period: its run is watched afresh.
    button('Pregledajte datoteku').click();
    await until(() => button('Potvrdite uvoz'), 'the preview again');
    button('Potvrdite uvoz').click();
    await until(() => runs().length === 6 && !run().polling, 'the same period watched again');
  });

  it('Uvoz: a file refused at the import (bad lines found after its preview) shows its lines and no confirmation', async () => {
    answer({
      'GET /api/staff/me': me(ADMIN),
      'POST /api/staff/imports/preview': () => ok(preview()),
      'POST /api/staff/imports': () => ({
        status: 422,
        body: {
          error: {
            code: 'import_failed',
            fields: {
              file: '1 bad line(s), nothing imported — line 2: unknown consumer code 104599',
              lines: [{ line: 2, column: 'sifra_potrosaca', reason: 'unknown consumer code 104599' }],
            } as never,
          },
        },
      }),
    });
    await openTab(ADMIN, 'Uvoz');
    await previewFile(BILLS);
    button('Potvrdite uvoz').click();
    await shows('Uvoz nije izvršen, ništa nije upisano: 1 bad line(s)');
    expect(text()).to.include('Red 2, kolona sifra_potrosaca unknown consumer code 104599');
    expect(button('Potvrdite uvoz')).to.equal(undefined);
    expect(calls.some((c) => c.path === '/api/staff/runs')).to.equal(false);
  });

  it("Uvoz: any period's run watched without an import; leaving the tab stops the polling", async () => {
    answer({
      'GET /api/staff/me': me(ADMIN),
      'GET /api/staff/runs': (_b, url) =>
        ok(progress({ period: url.searchParams.get('period')!, queued: 4, done: false })),
    });
    await openTab(ADMIN, 'Uvoz');
    byLabel('Obračunski period slanja').value = '2026-10';
    button('Pratite slanje').click();
    await shows('Slanje za 2026-10 je u toku.');
    await until(() => calls.filter((c) => c.path === '/api/staff/runs').length >= 2, 'polled twice');
    const watcher = run();
    expect(watcher.polling).to.equal(true);
    button('Štampa').click();
    await until(() => !run(), 'Uvoz left');
    expect(watcher.polling).to.equal(false);
  });

  it('Uvoz: a connection lost mid-run is said and the watch goes on', async () => {
    answer({
      'GET /api/staff/me': me(ADMIN),
      'GET /api/staff/runs': inTurn(ok(progress({ queued: 2, done: false })), ok(progress())),
    });
    const fake = window.fetch;
    let lost = false;
    window.fetch = (input, init) => {
      if (!lost && String(input).includes('/runs')) {
        lost = true;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return fake(input, init);
    };
    await openTab(ADMIN, 'Uvoz');
    byLabel('Obračunski period slanja').value = '2026-11';
    button('Pratite slanje').click();
    await shows('Server nije dostupan.');
    await shows('Slanje za 2026-11 je završeno.');
    expect(text()).to.not.include('Server nije dostupan.');
    expect(run().polling).to.equal(false);
  });

  it('Zaposleni: the list, an invitation whose link is shown once, disabling behind a reason', async () => {
    let disabled: number | null = null;
    const members = () =>
      ok({
        staff: [
          { ...ADMIN, createdAt: T, disabledAt: null, passkeys: 2 },
          { ...CLERK, createdAt: T, disabledAt: disabled, passkeys: 1 },
        ],
      });
    answer({
      'GET /api/staff/me': me(ADMIN),
      'GET /api/staff/members': members,
      'POST /api/staff/invitations': () => ({
        status: 201,
        body: { status: 'invited', link: 'https://portal.test/kancelarija/#poziv=abc', expiresAt: T },
      }),
      'POST /api/staff/members/s1/disable': () => {
        disabled = T;
        return ok<O.OfficeStatusAnswer>({ status: 'disabled' });
      },
    });
    await openTab(ADMIN, 'Zaposleni');
    await shows('Sanja Šalter');
    expect(text()).to.include('sanja@jp.rs');
    expect(text()).to.include('šalter');
    // Oneself cannot be disabled: one button, the clerk's.
    expect([...el().querySelectorAll('button')].filter((b) => b.textContent === 'Isključite').length).to.equal(1);
    await idle();
    expect(await axeViolations(el())).to.deep.equal([]);

    byLabel('E-mail adresa').value = 'novi@jp.rs';
    byLabel('Ime i prezime').value = 'Novi Službenik';
    byLabel('Uloga').value = 'administrator';
    button('Pošaljite poziv').click();
    await shows('Poziv je poslat na novi@jp.rs');
    expect(calls.find((c) => c.path === '/api/staff/invitations')!.body).to.deep.equal({
      email: 'novi@jp.rs',
      name: 'Novi Službenik',
      role: 'administrator',
    });
    expect(byLabel('Pozivni link').value).to.equal('https://portal.test/kancelarija/#poziv=abc');
    expect(text()).to.include('poslat je i e-poštom');
    expect(button('Kopirajte link')).to.not.equal(undefined);
    await idle();
    expect(await axeViolations(el())).to.deep.equal([]);
    // Shown once: gone when the tab is left and opened again.
    button('Pregled').click();
    button('Zaposleni').click();
    await shows('Sanja Šalter');
    expect(text()).to.not.include('#poziv=abc');

    button('Isključite').click();
    await until(() => document.activeElement?.id === 'jpo-disable-reason', 'the reason field focused');
    byLabel('Razlog isključivanja').value = 'x';
    button('Potvrdite isključivanje').click();
    await shows('Navedite razlog');
    expect(calls.some((c) => c.path.endsWith('/disable'))).to.equal(false);
    byLabel('Razlog isključivanja').value = 'Prešla u drugu službu';
    button('Potvrdite isključivanje').click();
    await shows('Sanja Šalter je isključen/a');
    expect(calls.find((c) => c.path.endsWith('/disable'))!.body).to.deep.equal({ reason: 'Prešla u drugu službu' });
    expect(button('Isključite')).to.equal(undefined);
  });

  it('Pregled: the figures, and the 12 weeks as a chart with its table', async () => {
    const weeks = Array.from({ length: 12 }, (_, i) => ({
      week: `2026-W${String(38 + i).padStart(2, '0')}`,
      registrations: i + 2,
      confirmed: i,
      logins: 10 * i,
    }));
    answer({
      'GET /api/staff/me': me(ADMIN),
      'GET /api/staff/overview': () =>
        ok({
          weeks,
          consumers: 40,
          registered: 10,
          emailBills: 8,
          accountsWithPasskey: 3,
          accounts: 12,
          undeliverable: 2,
          lockedCodes: 1,
        }),
    });
    await openTab(ADMIN, 'Pregled');
    await shows('Registrovani potrošači');
    expect(text()).to.include('10 od 40 potrošača');
    expect(text()).to.include('8 od 40 potrošača');
    expect(text()).to.include('3 od 12 potvrđenih naloga');
    expect(text()).to.include('Adrese koje ne primaju poštu 2');
    expect(text()).to.include('Zaključane šifre potrošača 1');
    const chart = el().querySelector('svg[role=img]')!;
    expect(chart.querySelectorAll('rect').length).to.equal(24);
    expect(el().querySelectorAll('tbody tr').length).to.equal(12);
    expect(text()).to.include('2026-W49 13 11 110');
    await idle();
    expect(await axeViolations(el())).to.deep.equal([]);
  });

  it("Dnevnik: the filters reach the request's query and the CSV link", async () => {
    answer({
      'GET /api/staff/me': me(ADMIN),
      'GET /api/staff/members': () =>
        ok({
          staff: [
            { ...CLERK, createdAt: T, disabledAt: null, passkeys: 1 },
            { ...ADMIN, createdAt: T, disabledAt: null, passkeys: 1 },
          ],
        }),
      'GET /api/staff/audit': () => ok({ entries: [] }),
    });
    await openTab(ADMIN, 'Dnevnik');
    await until(() => byLabel('Zaposleni').options.length === 3, 'the staff in the filter');
    byLabel('Od dana').value = '2026-12-01';
    byLabel('Do dana').value = '2026-12-07';
    byLabel('Radnja').value = 'consumer.pin_unlocked';
    byLabel('Zaposleni').value = 's1';
    byLabel('Šifra potrošača').value = ' 104521 ';
    button('Primenite filtere').click();
    await until(() => calls.filter((c) => c.path === '/api/staff/audit').length === 2, 'the filtered request');
    const q = new URLSearchParams(calls.at(-1)!.search);
    // The staff member's local days, the second one whole.
    expect(Object.fromEntries(q)).to.deep.equal({
      from: String(new Date(2026, 11, 1).getTime()),
      to: String(new Date(2026, 11, 8).getTime()),
      action: 'consumer.pin_unlocked',
      staff: 's1',
      consumer: '104521',
    });
    const csv = new URL(el().querySelector<HTMLAnchorElement>('a[download]')!.href);
    expect(Object.fromEntries(csv.searchParams)).to.deep.equal({ ...Object.fromEntries(q), format: 'csv' });
    await until(() => !el().querySelector('[aria-busy=true]'), 'the answer shown');
    expect(text()).to.include('Nema unosa.');
    await idle();
    expect(await axeViolations(el())).to.deep.equal([]);
    button('Poništite filtere').click();
    await until(() => calls.at(-1)!.search === '', 'the unfiltered request');
    expect(el().querySelector<HTMLAnchorElement>('a[download]')!.getAttribute('href')).to.equal(
      '/api/staff/audit?format=csv',
    );
  });

  it('in English and in Cyrillic', async () => {
    answer({
      'GET /api/staff/me': me(ADMIN),
      'GET /api/staff/overview': () => ({ status: 403, body: { error: { code: 'forbidden' } } }),
    });
    await mount(html`<jp-office lang="en"></jp-office>`);
    await until(() => text().includes('Import'), 'English');
    button('Import').click();
    await shows('Preview the file');
    expect(text()).to.include('Watch the sending');
    button('Staff').click();
    await shows('Invite a staff member');
    button('Overview').click();
    await shows('You are not allowed to do this.');
    await setLocale('sr-Cyrl');
    await shows('Преглед');
  });
});
