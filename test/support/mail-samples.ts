// Test support: every mail the portal sends — each account mail kind and the bill mail, in every
// locale — rendered by the real templates with realistic worst cases: 43-character tokens, a
// long portal address, a long e-mail address, a ~250-character unsubscribe link, a long name.
// The bill's PDF comes from the file store (as when the billing system sends one), so the
// samples do not depend on the PDF renderer.
import { LOCALES, type Locale } from '../../contract/locales.ts';
import { loadConfig } from '../../worker/src/config.ts';
import { testUtility } from './utility.ts';
import { PRODUCTION_ENV } from './production-env.ts';
import { composeMail } from '../../worker/src/mail/compose.ts';
import { MAIL_KINDS, type MailKind, type RenderedMail } from '../../worker/src/mail/templates.ts';
import { tokenLink } from '../../worker/src/auth/tokens.ts';
import { renderBillMail, type Bill } from '../../worker/src/bills/bill-mail-content.ts';
import type { Deps } from '../../worker/src/ports.ts';

export const SAMPLE = {
  name: 'Milica Jovanović-Stanković',
  newEmail: 'milica.jovanovic.stankovic.racuni@primer-dugackog-domena.example.com',
  token: 'Zq3vX9kLmN2pR7sT1uW4yB6cD8eF0gH5jK3nP9qS2tV',
  code: '048215',
  consumer: { name: 'Milica Jovanović', address: 'Bulevar Dr. Zorana Đinđića 112/14, 22400 Ruma' },
};

export const sampleBill = (over: Partial<Bill> = {}): Bill => ({
  id: 'bill-1',
  consumerCode: '104521',
  period: '2026-11',
  issueDate: '2026-12-05',
  dueDate: '2026-12-20',
  amount: 186000,
  balance: 186000,
  payeeAccount: '160000000123456729',
  reference: '26104521202611',
  items: JSON.stringify([{ description: 'Održavanje zgrade', amount: 110000 }]),
  paidAt: null,
  pdfKey: 'bills/104521-2026-11.pdf',
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

export const SAMPLE_PDF = new TextEncoder().encode('%PDF-1.4\n%sample\n');

export function sampleDeps(): Deps {
  const config = loadConfig(
    {
      ...PRODUCTION_ENV,
      PORTAL_URL: 'https://www.stambenoruma.rs/usluge/portal-za-korisnike/',
      API_URL: 'https://portal.stambenoruma.rs',
    },
    testUtility,
  );
  return {
    config,
    files: { get: async () => SAMPLE_PDF, put: async () => {} },
    fonts: async () => {
      throw new Error('the samples take the PDF from the file store');
    },
  } as unknown as Deps;
}

export interface SampleMail {
  /** "confirm-sr-Latn", "bill-en", … */
  id: string;
  kind: MailKind | 'bill';
  locale: Locale;
  mail: RenderedMail;
}

const LINKS: Partial<Record<MailKind, 'confirm' | 'reset' | 'email'>> = {
  confirm: 'confirm',
  reset: 'reset',
  email_change: 'email',
};

export async function sampleMails(deps = sampleDeps()): Promise<SampleMail[]> {
  const out: SampleMail[] = [];
  for (const locale of LOCALES) {
    for (const kind of MAIL_KINDS) {
      const purpose = LINKS[kind];
      const link = purpose ? tokenLink(deps, purpose, SAMPLE.token) : undefined;
      const mail = composeMail(deps, kind, locale, SAMPLE.name, link, SAMPLE.newEmail, SAMPLE.code);
      out.push({ id: `${kind}-${locale}`, kind, locale, mail });
    }
    const mail = await renderBillMail(
      deps,
      sampleBill(),
      { id: 'a3f9c2e17b4d4e0f9a1c2b3d4e5f6a7b', name: SAMPLE.name, locale },
      SAMPLE.consumer,
    );
    out.push({ id: `bill-${locale}`, kind: 'bill', locale, mail });
  }
  return out;
}

/** The HTML as a mail client shows it: each `cid:` image replaced by its inline part. */
export function htmlAsShown(mail: RenderedMail): string {
  let html = mail.html;
  for (const a of mail.attachments ?? [])
    if (a.contentId) html = html.replaceAll(`cid:${a.contentId}`, `data:${a.type};base64,${a.content}`);
  return html;
}
