// The installation check's verdicts in words a small agency's webmaster understands: for each
// check what was found and, when it needs fixing, what to do and the exact line to put in. Built
// from the facts doctor-probe.ts gathered (the portal's own setup — mail links, release — is in
// doctor-deploy.ts; jp-doctor.ts puts them in order). Technical names (headers, variables, attributes) are
// placeholders, so the Cyrillic text (transliterated) keeps them as they must be typed.
import { msg, str } from '@lit/localize';
import { toLocale, type Locale } from '../../contract/locales.ts';
import type { Facts, Violation } from './doctor-probe.js';
import { fixLine, isBareHost, rpIdFits, sameSite, siteOf } from './doctor-rules.js';

/** ok; bad: must be fixed; warn: may be right (a test page, an older release that still works); unknown: not checked. */
export type State = 'ok' | 'bad' | 'warn' | 'unknown';
export interface Check {
  id: string;
  title: string;
  state: State;
  found: string;
  fix?: string;
  /** The line to add or change, exactly as it must be written. */
  line?: string;
}

const ALLOWED = 'ALLOWED_ORIGINS';
const RP = 'RP_ID';
const CSP = 'Content-Security-Policy';
const HTTPS = 'https';
const HTTP = 'http';
const API_ATTR = 'api';
const LANG = 'lang';
const HTML_TAG = '<html>';
const SAFARI = 'Safari';
const FIREFOX = 'Firefox';
const DB = 'DATABASE_URL / LIBSQL_URL';
const BROWSERS = 'Chrome 73, Safari 16.4, Firefox 101';

export const notChecked = () => msg('Nije provereno: portal se ne javlja (vidite prvu stavku).');

/** The portal's address on the site's own domain, as the fixes suggest it. */
const suggested = (page: URL) =>
  isBareHost(page.hostname) ? 'https://portal.example.rs' : `https://portal.${siteOf(page.hostname)}`;

export function reach(f: Facts): Check {
  const title = msg('Server portala');
  const a = f.answer;
  const api = f.apiOrigin;
  if (a && f.health === 'down')
    return {
      id: 'api',
      title,
      state: 'bad',
      found: msg(str`Portal na adresi ${api} odgovara, ali ne dolazi do svoje baze podataka.`),
      fix: msg(str`Proverite podešavanje baze (${DB}) i da li baza radi, pa ponovo pokrenite proveru.`),
    };
  if (a) {
    const version = a.version;
    const found = msg(str`Portal na adresi ${api} odgovara (verzija ${version}).`);
    // The server is fine; the connection is the page's CSP's business (its own item below).
    const viaScript = msg(
      'Ova stranica ne dozvoljava vezu sa njim, pa je odgovor pročitan kao skripta (vidite pravila stranice niže).',
    );
    return { id: 'api', title, state: 'ok', found: f.via === 'script' ? `${found} ${viaScript}` : found };
  }
  const found = f.base
    ? msg(str`Portal na adresi ${api} se ne javlja.`)
    : msg(
        str`Element nema atribut ${API_ATTR}, pa portal traži server na adresi ove stranice (${api}), a tamo ga nema.`,
      );
  const blockedHere = f.violations.some((v) => v.directive === 'connect-src');
  if (!f.base && !blockedHere) {
    // No api anywhere: the page's own server was asked (whatever it answered, it is not the
    // portal). The portal's address is where its script came from, when that is another origin.
    const from = f.script ? new URL(f.script.src).origin : '';
    const address = from && from !== f.page.origin ? from : suggested(f.page);
    return {
      id: 'api',
      title,
      state: 'bad',
      found,
      fix: msg(str`Dodajte elementu portala atribut ${API_ATTR} sa adresom servera portala, ovako:`),
      line: `<${f.element} ${API_ATTR}="${address}">`,
    };
  }
  if (f.health === 'unread')
    return {
      id: 'api',
      title,
      state: 'bad',
      found: msg(str`Portal na adresi ${api} odgovara, ali ne zna za ovu proveru: verovatno je starije verzije.`),
      fix: msg('Postavite najnoviju verziju portala na server, pa ponovo pokrenite proveru.'),
    };
  const example = `${API_ATTR}="${suggested(f.page)}"`;
  let fix = msg(
    str`Upišite adresu portala u atribut elementa, npr. ${example}, i proverite da li server portala radi.`,
  );
  if (f.page.protocol === 'https:' && api.startsWith('http:'))
    fix = msg(
      str`Stranica je na ${HTTPS}, a portal na ${HTTP}: pregledači to blokiraju. Upišite adresu portala sa ${HTTPS}.`,
    );
  else if (blockedHere)
    fix = msg('Stranica ne dozvoljava vezu sa portalom: pogledajte šta piše niže, kod pravila stranice.');
  return { id: 'api', title, state: 'bad', found, fix };
}

export function origin(f: Facts): Check {
  const title = msg('Dozvoljena adresa stranice');
  const a = f.answer;
  if (!a || a.originAllowed === null) return { id: 'origin', title, state: 'unknown', found: notChecked() };
  const seen = a.origin ?? f.page.origin;
  if (a.originAllowed)
    return {
      id: 'origin',
      title,
      state: 'ok',
      found: msg(str`Adresa ove stranice (${seen}) je na spisku ${ALLOWED} portala.`),
    };
  const list = a.allowedOrigins ? [...a.allowedOrigins, seen].join(',') : `…,${seen}`;
  return {
    id: 'origin',
    title,
    state: 'bad',
    found: msg(
      str`Adresa ove stranice (${seen}) nije na spisku ${ALLOWED} portala, pa pregledač ne pušta odgovore portala do stranice.`,
    ),
    fix: msg(
      str`Dodajte je u ${ALLOWED} u podešavanjima servera portala (adrese se odvajaju zarezom, bez kose crte na kraju), pa ponovo pokrenite server.`,
    ),
    line: `${ALLOWED}="${list}"`,
  };
}

export function cookie(f: Facts): Check {
  const title = msg('Kolačić prijave');
  const site = f.answer?.fetchSite;
  const api = new URL(f.apiOrigin);
  const same = site ? site === 'same-origin' || site === 'same-site' : sameSite(f.page, api);
  const apiHost = api.host;
  const pageHost = f.page.host;
  if (same)
    return {
      id: 'cookie',
      title,
      state: 'ok',
      found: msg(
        str`Portal (${apiHost}) i stranica (${pageHost}) su na istom sajtu, pa pregledači čuvaju prijavu stanovnika.`,
      ),
    };
  const address = suggested(f.page);
  return {
    id: 'cookie',
    title,
    state: 'bad',
    found: msg(
      str`Portal (${apiHost}) i stranica (${pageHost}) nisu na istom domenu: ${SAFARI} i ${FIREFOX} tada odbacuju kolačić prijave i stanovnik ne može da ostane prijavljen.`,
    ),
    fix: msg(str`Postavite portal na poddomen sajta, npr. ${address}, i tu adresu upišite u atribut ${API_ATTR}.`),
    line: `${API_ATTR}="${address}"`,
  };
}

function blocked(f: Facts, directive: string, list: Violation[]): Check {
  // What was blocked, without the query: the API's address for a connection, the file for a script.
  const url = new URL(list[0].blocked, location.href);
  const what = directive.startsWith('connect-src') ? url.origin : `${url.origin}${url.pathname}`;
  const line = fixLine(list[0].policy, directive, f.apiOrigin);
  const found = directive.startsWith('connect-src')
    ? msg(str`Pravilo ${directive} na ovoj stranici ne dozvoljava vezu sa portalom (${what}).`)
    : directive.startsWith('script-src')
      ? msg(str`Pravilo ${directive} na ovoj stranici ne dozvoljava skripte portala (${what}).`)
      : msg(str`Pravilo ${directive} na ovoj stranici blokira ${what}.`);
  return {
    id: `csp-${directive}`,
    title: msg(str`Pravila stranice (${CSP})`),
    state: 'bad',
    found,
    fix: msg(str`U zaglavlju ${CSP} stranice izmenite (ili dodajte) ovo pravilo da glasi:`),
    line,
  };
}

export function policy(f: Facts): Check[] {
  const title = msg(str`Pravila stranice (${CSP})`);
  const byDirective = new Map<string, Violation[]>();
  for (const v of f.violations) byDirective.set(v.directive, [...(byDirective.get(v.directive) ?? []), v]);
  const checks = [...byDirective].map(([d, list]) => blocked(f, d, list));
  // No event came (another browser, or the event was missed), but only the connection failed.
  if (!byDirective.has('connect-src') && f.fetchFailed && f.via === 'script')
    checks.push({
      id: 'csp-connect-src',
      title,
      state: 'bad',
      found: msg('Stranica ne dozvoljava vezu sa portalom, a skripte portala dozvoljava.'),
      fix: msg(str`U zaglavlju ${CSP} stranice izmenite (ili dodajte) ovo pravilo da glasi:`),
      line: `connect-src 'self' ${f.apiOrigin}`,
    });
  if (!f.styled)
    checks.push({
      id: 'styles',
      title,
      state: 'bad',
      found: msg('Izgled portala nije primenjen: ovaj pregledač je verovatno prestar.'),
      fix: msg(str`Portal traži ${BROWSERS} ili novije.`),
    });
  if (checks.length) return checks;
  return [
    {
      id: 'csp',
      title,
      state: 'ok',
      found: msg(
        'Pravila stranice ne blokiraju ništa od portala: skripte se učitavaju, veza je dozvoljena, izgled je primenjen.',
      ),
    },
  ];
}

function localeName(l: Locale): string {
  return l === 'sr-Cyrl' ? msg('srpski, ćirilica') : l === 'en' ? msg('engleski') : msg('srpski, latinica');
}

export function language(f: Facts): Check {
  const title = msg('Jezik stranice i portala');
  const { page, shown, by } = f.lang;
  const name = localeName(shown);
  const known = page ? toLocale(page, 'en') === toLocale(page, 'sr-Latn') : false;
  const htmlLine = `<html lang="${shown}">`;
  if (by === 'element')
    return {
      id: 'lang',
      title,
      state: 'ok',
      found: msg(str`Portal je na jeziku: ${name} (tako kaže njegov atribut ${LANG}).`),
    };
  if (by === 'remembered') {
    const pageName = known ? localeName(toLocale(page)) : page;
    return {
      id: 'lang',
      title,
      state: 'ok',
      found: msg(
        str`Portal je na jeziku: ${name}, jer je to izabrano u ovom pregledaču. Ostali posetioci dobijaju jezik stranice (${pageName}).`,
      ),
    };
  }
  if (by === 'ancestor' || (known && toLocale(page) === shown))
    return { id: 'lang', title, state: 'ok', found: msg(str`Jezik stranice i portala se slažu: ${name}.`) };
  if (!page)
    return {
      id: 'lang',
      title,
      state: 'bad',
      found: msg(str`Stranica nema atribut ${LANG}; portal je na jeziku: ${name}.`),
      fix: msg(str`Upišite jezik stranice u ${HTML_TAG}, da čitači ekrana izgovaraju tekst pravilno:`),
      line: htmlLine,
    };
  const portalLine = `<jp-portal lang="${shown}">`;
  return {
    id: 'lang',
    title,
    state: 'bad',
    found: msg(str`Stranica je na jeziku ${page}, koji portal nema; portal će biti na jeziku: ${name}.`),
    fix: msg(str`Dodajte elementu portala atribut ${LANG}, da čitači ekrana znaju na kom je jeziku:`),
    line: portalLine,
  };
}

export function passkeys(f: Facts): Check {
  const title = msg('Pristupni ključevi');
  const host = f.page.hostname;
  if (!f.secure)
    return {
      id: 'passkeys',
      title,
      state: 'bad',
      found: msg(str`Stranica nije otvorena preko ${HTTPS}, pa pregledač ovde ne dozvoljava pristupne ključeve.`),
      fix: msg(str`Objavite stranicu preko ${HTTPS}.`),
    };
  if (!f.answer) return { id: 'passkeys', title, state: 'unknown', found: notChecked() };
  const rpId = f.answer.rpId;
  if (rpIdFits(rpId, host))
    return {
      id: 'passkeys',
      title,
      state: 'ok',
      found: msg(str`Pristupni ključevi portala važe za ${rpId}, pa rade i na ${host}.`),
    };
  const site = siteOf(host);
  return {
    id: 'passkeys',
    title,
    state: 'bad',
    found: msg(str`Pristupni ključevi portala važe za ${rpId}, a stranica je na ${host}: ovde ne mogu da rade.`),
    fix: isBareHost(host)
      ? msg('Pristupni ključevi rade samo na stranici sa imenom domena: otvorite je preko imena, ne IP adrese.')
      : msg(str`Podesite ${RP} na domen sajta (ključevi napravljeni pod starim ${RP} tada prestaju da važe):`),
    line: isBareHost(host) ? undefined : `${RP}="${site}"`,
  };
}
