// <jp-bills>: figures in words in each locale (contract/format.ts); the 12-month chart with the
// same figures as a table; a bill's page phone first (the amount and due date, the IPS QR code and
// its PNG to save, then the slip with copy buttons — "✓ Kopirano" shown beside each and
// announced —, the items last), everything in the page's script.
import { expect, html, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-bills.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { answer, axeViolations, settle, until, buttonByText, billPage } from './helpers.ts';
import { CONSUMER, DETAIL, HISTORY, NOV, bill } from './account-fixtures.ts';
import { lastMonths } from '../../widget/src/jp-bills-chart.ts';
import { COPIED_SHOWN_MS } from '../../widget/src/copy-button.ts';

const routes = (consumer = { ...CONSUMER, balance: 12345.5 }) =>
  answer({
    'GET /api/account/consumers': () => ({ status: 200, body: { consumers: [consumer] } }),
    'GET /api/bills': () => ({
      status: 200,
      body: { bills: HISTORY.slice().reverse(), page: 1, pageSize: 12, total: 3 },
    }),
    ...billPage(DETAIL),
  });
const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ');
const open = async (el: Element) => {
  el.querySelector<HTMLButtonElement>(`[data-bill="${DETAIL.id}"]`)!.click();
  await until(() => !!el.querySelector('.jp-pay'));
};

describe('<jp-bills>', () => {
  beforeEach(() => setLocale('sr-Latn'));

  it('names the month of each bill and writes amounts and dates the Serbian way', async () => {
    routes();
    const el = await mount(html`<jp-bills></jp-bills>`);
    await until(() => !!el.querySelector('[data-bill]'));
    expect(text(el))
      .to.contain('Račun za novembar 2026.')
      .and.contain('1.860,00 din.')
      .and.contain('Rok: 20. 12. 2999.')
      .and.contain('Plaćeno')
      .and.contain('Nije plaćeno');
  });

  it('in Cyrillic', async () => {
    routes();
    const el = await mount(html`<jp-bills lang="sr-Cyrl"></jp-bills>`);
    await until(() => (el.textContent ?? '').includes('Рачун за новембар'));
    expect(text(el)).to.contain('Рачун за новембар 2026.').and.contain('1.860,00 дин.').and.contain('20. 12. 2999.');
  });

  it('in English', async () => {
    routes();
    const el = await mount(html`<jp-bills lang="en"></jp-bills>`);
    await until(() => (el.textContent ?? '').includes('Bill for'));
    expect(text(el)).to.contain('Bill for November 2026').and.contain('RSD 1,860.00').and.contain('20 Dec 2999');
  });

  it('draws 12 months above the list, unpaid ones apart, with a table of the same figures; axe-clean', async () => {
    routes();
    const el = await mount(html`<jp-bills></jp-bills>`);
    await until(() => !!el.querySelector('.jp-chart'));
    const chart = el.querySelector('.jp-chart')!;
    expect(
      chart.compareDocumentPosition(el.querySelector('.jp-bill-list')!) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).to.not.equal(0);
    const labels = [...chart.querySelectorAll('svg text.jp-axis')].slice(1).map((t) => t.textContent);
    // Every other month, the latest always: the words fit a 320 px phone.
    expect(labels).to.deep.equal(['jan', 'mar', 'maj', 'jul', 'sep', 'nov']);
    expect(chart.querySelectorAll('rect.jp-bar-paid')).to.have.length(2);
    expect(chart.querySelectorAll('rect.jp-bar-open')).to.have.length(1);
    expect(chart.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    const rows = [...chart.querySelectorAll('tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent).join(' '),
    );
    expect(rows).to.deep.equal([
      'novembar 2026. 1.860,00 din. Nije plaćeno',
      'oktobar 2026. 1.845,00 din. Plaćeno',
      'septembar 2026. 1.830,00 din. Plaćeno',
    ]);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('the chart months run across a year: the 12 ending at the latest bill', () => {
    expect(lastMonths('2026-02')).to.deep.equal([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  it('marks an overdue bill in words', async () => {
    answer({
      'GET /api/account/consumers': () => ({ status: 200, body: { consumers: [CONSUMER] } }),
      'GET /api/bills': () => ({
        status: 200,
        body: { bills: [bill('2026-07', 1800, false)], page: 1, pageSize: 12, total: 1 },
      }),
    });
    const el = await mount(html`<jp-bills></jp-bills>`);
    await until(() => !!el.querySelector('[data-bill]'));
    expect(el.querySelector('.jp-bill-list .jp-overdue')!.textContent).to.equal('Nije plaćeno, rok je prošao');
  });

  it("a bill's page: copy buttons show '✓ Kopirano' beside them and announce it, the QR code to scan and to save, axe-clean", async () => {
    routes();
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (t: string) => void copied.push(t) },
    });
    const el = await mount(html`<jp-bills></jp-bills>`);
    await until(() => !!el.querySelector('[data-bill]'));
    await open(el);
    expect(el.querySelector('h3')!.textContent).to.equal('Račun za novembar 2026.');
    expect(document.activeElement === el.querySelector('h3')).to.equal(true);
    const fields = ['Primalac', 'Račun primaoca', 'Iznos', 'Model', 'Poziv na broj', 'Šifra plaćanja', 'Svrha uplate'];
    const copies = [...el.querySelectorAll<HTMLButtonElement>('button.jp-copy')];
    expect(copies.map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(
      fields.map((f) => `Kopirajte ${f}`),
    );
    const live = el.querySelector('.jp-copied')!;
    expect(live.getAttribute('role')).to.equal('status');
    // Each copy is shown beside its button and announced (emptied first, then said a moment later).
    for (const [i, b] of copies.entries()) {
      const mark = b.nextElementSibling as HTMLElement;
      expect(mark.textContent).to.equal('');
      b.click();
      await until(() => live.textContent === `Kopirano: ${fields[i]}`, `"Kopirano: ${fields[i]}" announced`);
      expect(mark.textContent).to.equal('✓ Kopirano');
      expect(mark.getAttribute('aria-hidden')).to.equal('true');
      expect(mark.getBoundingClientRect().width).to.be.greaterThan(0);
    }
    expect(copied).to.deep.equal([
      'JP Stambeno Ruma, Ruma',
      '160-0000001234567-29',
      '1860,00',
      '97',
      '26104521202611',
      '189',
      'Račun za novembar 2026.',
    ]);
    expect(el.querySelector('svg.jp-qr')!.getAttribute('aria-label')).to.equal('IPS QR kod za plaćanje');
    const png = [...el.querySelectorAll('a')].find((a) => a.textContent === 'Preuzmite QR kod')!;
    expect(png.getAttribute('href')).to.equal(`/api/bills/${DETAIL.id}/qr.png`);
    expect(png.getAttribute('download')).to.equal('ips-qr-104521-2026-11.png');
    expect(await axeViolations(el)).to.deep.equal([]);
    // The arrow is seen, not read: the button's name is "Nazad na račune".
    const back = buttonByText(el, '← Nazad na račune');
    expect(back.querySelector('[aria-hidden=true]')!.textContent).to.equal('←');
    back.click();
    await settle();
    expect(el.querySelector('.jp-pay')).to.equal(null);
  });

  it('the mark "✓ Kopirano" goes after a few seconds; a failed copy is shown and said', async () => {
    routes();
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async () => Promise.reject(new Error('denied')) },
    });
    const execCommand = document.execCommand;
    document.execCommand = () => false;
    const el = await mount(html`<jp-bills></jp-bills>`);
    await until(() => !!el.querySelector('[data-bill]'));
    await open(el);
    const button = el.querySelector<HTMLButtonElement>('button.jp-copy')!;
    const mark = button.nextElementSibling!;
    try {
      button.click();
      const failed = 'Kopiranje nije uspelo. Prepišite podatak.';
      await until(() => el.querySelector('.jp-copied')!.textContent === failed);
      expect(mark.textContent).to.equal(failed);
    } finally {
      document.execCommand = execCommand;
    }
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => {} } });
    button.click();
    await until(() => mark.textContent === '✓ Kopirano');
    await until(() => mark.textContent === '', 'the mark gone after a few seconds', COPIED_SHOWN_MS + 2000);
  });

  it('phone first: the amount and due date, then the QR code, then "ili prepišite podatke" and the slip, the items last', async () => {
    routes();
    const el = await mount(html`<jp-bills></jp-bills>`);
    await until(() => !!el.querySelector('[data-bill]'));
    await open(el);
    const order = ['h3', '.jp-to-pay', 'svg.jp-qr', 'a.jp-button', '.jp-or-copy', '.jp-slip', '.jp-items'].map(
      (s) => el.querySelector(s)!,
    );
    for (const [i, node] of order.slice(1).entries())
      expect(order[i].compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(text(el.querySelector('.jp-to-pay')!)).to.equal('Za uplatu 1.860,00 din., rok 20. 12. 2999.');
    expect(text(el.querySelector('.jp-or-copy')!)).to.equal('ili prepišite podatke');
  });

  it('one amount to pay: "Za uplatu ovom uplatnicom" is the slip\'s; older unpaid bills are a line of their own leading to each', async () => {
    const oct = bill('2026-10', 1845, false);
    const detail = { ...DETAIL, balance: 3705, older: { bills: [oct], total: 1845 } };
    answer({
      'GET /api/account/consumers': () => ({ status: 200, body: { consumers: [CONSUMER] } }),
      'GET /api/bills': () => ({ status: 200, body: { bills: [NOV, oct], page: 1, pageSize: 12, total: 2 } }),
      ...billPage(detail),
      ...billPage({ ...DETAIL, ...oct, toPay: 1845 }),
    });
    const el = await mount(html`<jp-bills></jp-bills>`);
    await until(() => !!el.querySelector(`[data-bill="${DETAIL.id}"]`));
    await open(el);
    const page = text(el);
    expect(text(el.querySelector('.jp-to-pay')!)).to.equal('Za uplatu 1.860,00 din., rok 20. 12. 2999.');
    // The older debt is said before the QR code.
    expect(
      el.querySelector('.jp-older')!.compareDocumentPosition(el.querySelector('svg.jp-qr')!) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).to.not.equal(0);
    expect(page)
      .to.contain('Iznos računa')
      .and.contain('Dug iz ranijih računa: 1.845,00 din. Ova uplatnica')
      .and.not.contain('din..')
      .and.not.contain('3.705,00')
      .and.not.contain('Ukupno za uplatu');
    // The slip's amount is the same figure.
    expect(text(el.querySelector('.jp-pay')!)).to.contain('1.860,00 din.');
    expect(await axeViolations(el)).to.deep.equal([]);
    buttonByText(el.querySelector('.jp-older')!, 'Račun za oktobar 2026.').click();
    await until(() => text(el).includes('Račun za oktobar 2026.') && !el.querySelector('.jp-older'));
    expect(text(el.querySelector('.jp-to-pay')!)).to.equal('Za uplatu 1.845,00 din., rok 20. 10. 2026.');
  });

  it("in Cyrillic the bill's items, payee, purpose and payer are in Cyrillic too", async () => {
    routes();
    const el = await mount(html`<jp-bills lang="sr-Cyrl"></jp-bills>`);
    await until(() => !!el.querySelector('[data-bill]') && (el.textContent ?? '').includes('Рачун'));
    await open(el);
    expect(text(el))
      .to.contain('Одржавање зграде')
      .and.contain('Чишћење заједничких просторија')
      .and.contain('ЈП Стамбено Рума, Рума')
      .and.contain('Рачун за новембар 2026.')
      .and.contain('Милица Јовановић, Главна 12, 22400 Рума')
      .and.not.contain('Održavanje');
  });
});
