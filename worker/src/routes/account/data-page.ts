// GET /api/account/export.html: "Vaši podaci" as a page a person reads (ZZPL's right of access) —
// the same records as the JSON for moving the data elsewhere (privacy.ts), in the resident's
// language and script (`?lang=`, else the account's), money, dates and periods in words
// (contract/format.ts). Plain semantic HTML (the API's policy forbids styles and scripts), every
// value escaped. The Cyrillic words are the transliteration of the Latin; names stay as written.
import { escapeHtml as e } from '../../../../contract/html.ts';
import { formatDate, formatMoney, formatPeriod } from '../../../../contract/format.ts';
import { type Locale, toLocale } from '../../../../contract/locales.ts';
import { latinToCyrillic } from '../../../../contract/translit.ts';
import type { DataExport } from '../../../../contract/responses.ts';

const LATIN = {
  title: 'Vaši podaci',
  intro: 'Ovo su podaci koje portal čuva o Vama, na dan',
  controller: 'Rukovalac podacima',
  account: 'Nalog',
  name: 'Ime i prezime',
  email: 'E-mail adresa',
  registered: 'Registrovan',
  confirmed: 'Potvrđen',
  no: 'ne',
  yes: 'da',
  emailBills: 'Računi e-mailom',
  codes: 'Šifre potrošača',
  consents: 'Saglasnosti',
  terms: 'Uslovi korišćenja (verzija)',
  privacy: 'Izjava o privatnosti (verzija)',
  accepted: 'Prihvaćeno',
  sessions: 'Prijave na uređajima',
  device: 'Uređaj',
  since: 'Od',
  lastSeen: 'Poslednji put',
  passkeys: 'Pristupni ključevi (bez tajnih delova)',
  lastUsed: 'Poslednja upotreba',
  never: 'još nije korišćen',
  bills: 'Računi',
  period: 'Mesec',
  code: 'Šifra',
  amount: 'Iznos',
  paid: 'Plaćen',
  none: 'Nema.',
  unknown: 'nepoznat',
  json: 'Isti podaci za prenos u drugi sistem: datoteka moji-podaci.json u Podešavanjima.',
};
type Words = typeof LATIN;

const WORDS: Record<Locale, Words> = {
  'sr-Latn': LATIN,
  'sr-Cyrl': Object.fromEntries(Object.entries(LATIN).map(([k, v]) => [k, latinToCyrillic(v)])) as Words,
  en: {
    title: 'Your data',
    intro: 'This is the data the portal keeps about you, as of',
    controller: 'Controller',
    account: 'Account',
    name: 'Name',
    email: 'E-mail address',
    registered: 'Registered',
    confirmed: 'Confirmed',
    no: 'no',
    yes: 'yes',
    emailBills: 'Bills by e-mail',
    codes: 'Consumer codes',
    consents: 'Consents',
    terms: 'Terms of use (version)',
    privacy: 'Privacy notice (version)',
    accepted: 'Accepted',
    sessions: 'Logins on devices',
    device: 'Device',
    since: 'Since',
    lastSeen: 'Last seen',
    passkeys: 'Passkeys (without their secret parts)',
    lastUsed: 'Last used',
    never: 'not used yet',
    bills: 'Bills',
    period: 'Month',
    code: 'Code',
    amount: 'Amount',
    paid: 'Paid',
    none: 'None.',
    unknown: 'unknown',
    json: 'The same data for moving it to another system: the file moji-podaci.json in Settings.',
  },
};

/** A table of rows (already escaped cells), or "none". */
const table = (w: Words, head: string[], rows: string[][]) =>
  rows.length
    ? `<table><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    : `<p>${e(w.none)}</p>`;

export function dataPage(d: DataExport, lang: unknown, accountLocale: string): string {
  const locale = toLocale(lang, toLocale(accountLocale));
  const w = WORDS[locale];
  const day = (iso: string | null) => (iso ? e(formatDate(iso.slice(0, 10), locale)) : '—');
  const a = d.account;
  const rows: [string, string][] = [
    [w.name, e(a.name)],
    [w.email, e(a.email)],
    [w.registered, day(a.createdAt)],
    [w.confirmed, a.confirmedAt ? day(a.confirmedAt) : e(w.no)],
    [w.emailBills, e(a.emailBills ? w.yes : w.no)],
    [w.codes, e(d.summary.consumerCodes.join(', ') || '—')],
  ];
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(w.title)} — ${e(d.summary.controller)}</title></head>
<body><main>
<h1>${e(w.title)}</h1>
<p>${e(w.intro)} ${day(d.summary.exportedAt)}. ${e(w.controller)}: ${e(d.summary.controller)}.</p>
<h2>${e(w.account)}</h2>
<dl>${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join('')}</dl>
<h2>${e(w.consents)}</h2>
${table(
  w,
  [w.terms, w.privacy, w.accepted],
  d.consents.map((c) => [e(c.termsVersion), e(c.privacyVersion), day(c.acceptedAt)]),
)}
<h2>${e(w.sessions)}</h2>
${table(
  w,
  [w.device, w.since, w.lastSeen],
  d.sessions.map((s) => [e(s.userAgent ?? w.unknown), day(s.createdAt), day(s.lastSeenAt)]),
)}
<h2>${e(w.passkeys)}</h2>
${table(
  w,
  [w.device, w.since, w.lastUsed],
  d.passkeys.map((p) => [e(p.userAgent ?? w.unknown), day(p.createdAt), p.lastUsedAt ? day(p.lastUsedAt) : e(w.never)]),
)}
<h2>${e(w.bills)}</h2>
${table(
  w,
  [w.period, w.code, w.amount, w.paid],
  d.bills.map((b) => [
    e(formatPeriod(b.period, locale)),
    e(b.consumerCode),
    e(formatMoney(b.amount, locale)),
    b.paid ? day(b.paidAt ?? null) : e(w.no),
  ]),
)}
<p>${e(w.json)}</p>
</main></body></html>`;
}
