// What a bill mail says: which consumer code and address the bill is for, the figures in words of
// the locale (subject included), the IPS QR code shown inside the mail (a cid: inline part) and
// attached, the PDF attached, the unsubscribe link as words in the HTML and whole in the text, and
// the utility's contact at the end, in the mail's script.
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { decode as decodePng } from 'fast-png';
import { renderBillMail } from '../../../worker/src/bills/bill-mail-content.ts';
import { paymentSlip } from '../../../worker/src/bills/view.ts';
import { strayLatin } from '../../../contract/translit.ts';
import { SAMPLE, SAMPLE_PDF, sampleBill, sampleDeps } from '../../support/mail-samples.ts';
import type { Locale } from '../../../contract/locales.ts';

const deps = sampleDeps();
const render = (locale: Locale, name = SAMPLE.name) =>
  renderBillMail(deps, sampleBill(), { id: 'acc-1', name, locale }, SAMPLE.consumer);

function decodeQr(base64: string): string | undefined {
  const png = decodePng(Buffer.from(base64, 'base64'));
  const rgba = new Uint8ClampedArray(png.width * png.height * 4);
  for (let i = 0; i < png.width * png.height; i++) rgba.set([png.data[i], png.data[i], png.data[i], 255], i * 4);
  return jsQR(rgba, png.width, png.height)?.data;
}

/** The text the reader sees in the HTML (tags and hidden preheader out). */
const visible = (html: string) =>
  html
    .replace(/<div style="display:none[^>]*>.*?<\/div>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&');

describe('which flat the bill is for', () => {
  it.each([
    ['sr-Latn', 'Šifra potrošača: 104521', `Adresa: ${SAMPLE.consumer.address}`],
    ['sr-Cyrl', 'Шифра потрошача: 104521', 'Адреса: Булевар Др. Зорана Ђинђића 112/14, 22400 Рума'],
    ['en', 'Consumer code: 104521', `Address: ${SAMPLE.consumer.address}`],
  ] as const)('%s: the consumer code and address, in the text and the HTML', async (locale, code, address) => {
    const m = await render(locale);
    expect(m.text).toContain(`${code}\n${address}\n`);
    for (const line of [code, address]) {
      const [label, value] = line.split(': ');
      expect(visible(m.html)).toContain(label);
      expect(visible(m.html)).toContain(value);
    }
  });
});

describe('human formats, subject included', () => {
  it.each([
    [
      'sr-Latn',
      'Račun za novembar 2026. — JP Stambeno Ruma',
      'Za uplatu ovom uplatnicom: 1.860,00 din.',
      'Rok plaćanja: 20. 12. 2026.',
    ],
    [
      'sr-Cyrl',
      'Рачун за новембар 2026. — ЈП Стамбено Рума',
      'За уплату овом уплатницом: 1.860,00 дин.',
      'Рок плаћања: 20. 12. 2026.',
    ],
    [
      'en',
      'Your bill for November 2026 — JP Stambeno Ruma',
      'To pay with this slip: RSD 1,860.00',
      'Due date: 20 Dec 2026',
    ],
  ] as const)('%s', async (locale, subject, amount, due) => {
    const m = await render(locale);
    expect(m.subject).toBe(subject);
    expect(m.text).toContain(`${amount}\n${due}\n`);
    expect(visible(m.html)).toContain(amount.split(': ')[1]);
    expect(visible(m.html)).toContain(due.split(': ')[1]);
    // The inbox line after the subject says what is owed and by when.
    expect(m.html).toMatch(new RegExp(`display:none[^>]*>${amount.replace(/[.()]/g, '\\$&')} · `));
    for (const part of [m.subject, m.text.split('\n').slice(0, 8).join('\n')]) expect(part).not.toMatch(/\d{4}-\d{2}/);
  });
});

describe('the IPS QR code', () => {
  it('is shown inside the HTML from an inline part, attached as well, next to the PDF', async () => {
    const m = await render('sr-Latn');
    const inline = m.attachments!.filter((a) => a.contentId);
    expect(inline).toHaveLength(1);
    expect(m.html).toContain(`<img src="cid:${inline[0].contentId}"`);
    expect(m.html).not.toContain('data:image');
    const attached = m.attachments!.find((a) => a.filename === 'ips-qr-2026-11.png')!;
    expect(attached.contentId).toBeUndefined();
    expect(inline[0].content).toBe(attached.content);
    const { ipsQr } = paymentSlip(deps.config, sampleBill(), SAMPLE.consumer);
    expect(decodeQr(inline[0].content)).toBe(ipsQr);
    const pdf = m.attachments!.find((a) => a.type === 'application/pdf')!;
    expect(pdf.filename).toBe('racun-104521-2026-11.pdf');
    expect(Buffer.from(pdf.content, 'base64')).toEqual(Buffer.from(SAMPLE_PDF));
  });

  it.each(['sr-Latn', 'sr-Cyrl', 'en'] as const)('has words for those who cannot see it (%s)', async (locale) => {
    const m = await render(locale);
    const alt = /<img [^>]*alt="([^"]+)"/.exec(m.html)![1];
    expect(alt).toMatch(/(IPS|ИПС) QR/);
    if (locale === 'sr-Cyrl') expect(strayLatin(alt)).toEqual([]);
  });
});

describe('wording', () => {
  it('opens with "Poštovani", sends the bill, names the apps\' „IPS skeniraj“ (Latin in Cyrillic too)', async () => {
    const latn = await render('sr-Latn');
    expect(latn.text).toMatch(/^Poštovani[ ,]/);
    expect(latn.text).toContain('šaljemo Vam račun za');
    expect(latn.text).toContain('„IPS skeniraj“');
    expect(latn.text).not.toContain('Poštovani/a');
    const cyrl = await render('sr-Cyrl');
    expect(cyrl.text).toMatch(/^Поштовани[ ,]/);
    expect(cyrl.text).toContain('„IPS skeniraj“');
    expect(cyrl.text).toContain('IPS QR код');
  });
});

describe('links', () => {
  it('the portal as a button; unsubscribing as words in the HTML, its long address whole on a line of its own in the text', async () => {
    const m = await render('sr-Latn');
    const stop = /^(https:\/\/\S+\?unsubscribe=[\w-]+\.[\w-]+\.[\w-]+#jezik=sr-Latn)$/m.exec(m.text)![1];
    expect(stop.length).toBeGreaterThan(200);
    expect(m.html).toContain(`href="${stop}"`);
    expect(visible(m.html)).not.toContain(stop);
    expect(visible(m.html)).toContain('Isključite račune e-mailom');
    expect(visible(m.html)).toContain('Otvorite portal');
    // The portal's address under its button wraps anywhere on a narrow screen.
    expect(m.html).toMatch(/<a href="https:\/\/www\.stambenoruma\.rs\/[^"]*" style="[^"]*word-break:break-all/);
    expect(m.headers?.['List-Unsubscribe']).toMatch(
      /^<https:\/\/portal\.stambenoruma\.rs\/api\/email-bills\/unsubscribe\?token=/,
    );
  });
});

describe("the utility's contact ends every bill mail", () => {
  it.each([
    [
      'sr-Latn',
      [
        'Telefon: 022 000 000',
        'E-mail: info@stambenoruma.rs',
        'Adresa: Ruma, Glavna 1',
        'Radno vreme: radnim danom od 7 do 15 časova',
      ],
    ],
    [
      'sr-Cyrl',
      [
        'Телефон: 022 000 000',
        'Имејл: info@stambenoruma.rs',
        'Адреса: Рума, Главна 1',
        'Радно време: радним даном од 7 до 15 часова',
      ],
    ],
    [
      'en',
      [
        'Phone: 022 000 000',
        'E-mail: info@stambenoruma.rs',
        'Address: Ruma, Glavna 1',
        'Office hours: working days, 7 a.m. to 3 p.m.',
      ],
    ],
  ] as const)('%s', async (locale, lines) => {
    const m = await render(locale);
    expect(m.text.trimEnd().endsWith(lines.join('\n'))).toBe(true);
    expect(m.html).toContain('href="tel:+38122000000"');
    expect(m.html).toContain('href="mailto:info@stambenoruma.rs"');
    for (const l of lines) expect(visible(m.html).replace(/\s+/g, ' ')).toContain(l.replace(': ', ': '));
  });
});

describe('Cyrillic', () => {
  it('leaves no Latin but the name, addresses and links, and writes "имејл"', async () => {
    const m = await render('sr-Cyrl');
    expect(strayLatin(m.text.replaceAll(SAMPLE.name, ''))).toEqual([]);
    expect(strayLatin(visible(m.html).replaceAll(SAMPLE.name, ''))).toEqual([]);
    expect(m.text).toContain('имејлом');
    expect(m.text + m.html).not.toMatch(/е-маил/i);
    expect(m.text).not.toMatch(/[нл]ј|дж/);
  });
});
