// The installation check's verdicts about the portal's own setup as this page meets it: where the
// mails' links lead (PORTAL_URL, compared with this page — not with the API's origin, which is
// rightly another address) and whether the page's script pins an older release than the latest
// (compared by x.y.z, whatever suffix the release's folder name carries). Each says what was found
// and, when it needs doing, the exact line. Technical names are placeholders, as in doctor-checks.ts.
import { msg, str } from '@lit/localize';
import { scriptTag } from '../../contract/widget-tags.ts';
import type { Facts } from './doctor-probe.js';
import { notChecked, type Check } from './doctor-checks.js';
import { olderRelease, pageAddress, samePage } from './doctor-rules.js';

const PORTAL = 'PORTAL_URL';
const ALIAS = '/widget/jp-portal.js';
const INTEGRITY = 'integrity';
const TAGS = '<link rel="modulepreload"> / <script>';

/** Where the links of the portal's mails (confirmation, new password, bills) lead, against this page. */
export function mailLinks(f: Facts): Check {
  const title = msg('Linkovi iz e-mailova portala');
  const target = f.answer?.portalUrl;
  if (!target) return { id: 'links', title, state: 'unknown', found: notChecked() };
  const here = pageAddress(f.page);
  const line = `${PORTAL}="${here}"`;
  const portal = new URL(target);
  if (samePage(portal, f.page))
    return {
      id: 'links',
      title,
      state: 'ok',
      found: msg(str`Linkovi iz e-mailova (potvrda, nova lozinka, računi) vode na ovu stranicu (${target}).`),
    };
  const api = f.apiOrigin;
  if (portal.origin !== f.page.origin)
    return {
      id: 'links',
      title,
      state: 'bad',
      found: msg(
        str`Linkovi iz e-mailova (potvrda, nova lozinka, računi) vode na ${target}, a portal je na ovoj stranici (${here}): stanovnik bi sa linka stigao na drugi sajt.`,
      ),
      fix: msg(
        str`Upišite adresu stranice sa portalom u ${PORTAL} u podešavanjima servera portala (adresu ove stranice, ne adresu servera ${api}), pa ponovo pokrenite server:`,
      ),
      line,
    };
  return {
    id: 'links',
    title,
    state: 'warn',
    found: msg(str`Linkovi iz e-mailova (potvrda, nova lozinka, računi) vode na ${target}, a ne na ovu stranicu.`),
    fix: msg(str`Ako je ovo stranica sa portalom za stanovnike (a ne probna), upišite njenu adresu u ${PORTAL}:`),
    line,
  };
}

/** The release the page's script pins against the latest; nothing when the page has no portal script tag. */
export function release(f: Facts): Check | undefined {
  const script = f.script;
  if (!script) return undefined;
  const title = msg('Verzija skripte portala');
  if (!script.release)
    return {
      id: 'release',
      title,
      state: 'ok',
      found: msg(str`Stranica učitava ${ALIAS}, koja uvek daje najnoviju verziju (bez ${INTEGRITY}).`),
    };
  const pinned = script.release;
  const latest = f.latest?.entry.split('/')[0] ?? f.answer?.version;
  if (!latest) return { id: 'release', title, state: 'unknown', found: notChecked() };
  if (!olderRelease(pinned, latest))
    return {
      id: 'release',
      title,
      state: 'ok',
      found: msg(str`Stranica učitava najnoviju verziju portala (${pinned}).`),
    };
  const origin = new URL(script.src).origin;
  return {
    id: 'release',
    title,
    state: 'warn',
    found: msg(
      str`Stranica učitava verziju ${pinned}, a najnovija na portalu je ${latest}: ispravke iz novije verzije stanovnici ne dobijaju.`,
    ),
    fix: f.latest
      ? msg(str`Zamenite redove portala na stranici (${TAGS}) ovim redovima:`)
      : msg(str`Zamenite redove portala na stranici (${TAGS}) novom oznakom iz uputstva za ugradnju.`),
    line: f.latest ? scriptTag(f.latest, origin) : undefined,
  };
}
