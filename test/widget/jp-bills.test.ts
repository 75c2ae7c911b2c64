// <jp-bills>: figures in words, as the mails and PDFs write them (contract/format.ts), in each locale.
import { expect, html, fixture as mount } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-bills.ts';
import { setLocale } from '../../widget/src/localize.ts';
import { answer, frames } from './helpers.ts';

const BILL = {
  id: 'b'.repeat(32),
  consumerCode: '104521',
  period: '2026-11',
  issueDate: '2026-12-05',
  dueDate: '2026-12-20',
  amount: 1860,
  balance: 1860,
  paid: false,
  paidAt: null,
};

describe('<jp-bills>', () => {
  beforeEach(() => {
    answer({
      'GET /api/account/consumers': () => ({
        status: 200,
        body: {
          consumers: [
            {
              code: '104521',
              name: 'Milica',
              address: 'Glavna 12',
              balance: 12345.5,
              lastPeriod: '2026-11',
              unpaidBills: 1,
            },
          ],
        },
      }),
      'GET /api/bills': () => ({ status: 200, body: { bills: [BILL], page: 1, pageSize: 12, total: 1 } }),
    });
    return setLocale('sr-Latn');
  });

  it('names the month of each bill and writes amounts and dates the Serbian way', async () => {
    const el = await mount(html`<jp-bills></jp-bills>`);
    await frames();
    const text = el.textContent!.replace(/\s+/g, ' ');
    expect(text)
      .to.contain('12.345,50 din.')
      .and.contain('Račun za novembar 2026.')
      .and.contain('1.860,00 din.')
      .and.contain('Rok: 20. 12. 2026.');
  });

  it('in Cyrillic', async () => {
    const el = await mount(html`<jp-bills lang="sr-Cyrl"></jp-bills>`);
    await frames();
    expect(el.textContent!.replace(/\s+/g, ' '))
      .to.contain('Рачун за новембар 2026.')
      .and.contain('1.860,00 дин.')
      .and.contain('20. 12. 2026.');
  });

  it('in English', async () => {
    const el = await mount(html`<jp-bills lang="en"></jp-bills>`);
    await frames();
    expect(el.textContent!.replace(/\s+/g, ' '))
      .to.contain('Bill for November 2026')
      .and.contain('RSD 1,860.00')
      .and.contain('20 Dec 2026');
  });
});
