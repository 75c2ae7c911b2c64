// <jp-doctor>: the installation check's verdicts from the API's diagnosis and the browser, with a
// mocked fetch (the real second-origin page is test/e2e/doctor.test.ts): all green; the origin not
// allowed (the exact ALLOWED_ORIGINS line, without the list in production); another site for the
// cookie; an RP ID that does not fit; the API not there, older, or without its database; a CSP
// violation named with its directive and line; the page's and the portal's language; the api
// taken from the page's portal, and "add api=" with the line when no element has one; the mails'
// links (PORTAL_URL) against this page, not the API's origin; a pinned release older than the
// latest, with the lines to paste; words in English too; axe-clean.
import { expect, fixture as mount, fixtureCleanup, html } from '@open-wc/testing';
import '../../widget/src/index.ts';
import '../../widget/src/jp-doctor.ts';
import { setLocale } from '../../widget/src/localize.ts';
import type { DiagnoseAnswer } from '../../contract/responses.ts';
import { scriptTag, type TagManifest } from '../../contract/widget-tags.ts';
import { axeViolations, until } from './helpers.ts';

type Reply = Response | 'network';
let urls: string[] = [];

function api(routes: { diagnose?: () => Reply; health?: () => Reply; manifest?: () => Reply }) {
  urls = [];
  window.fetch = async (input: RequestInfo | URL) => {
    const url = new URL(String(input), location.href);
    urls.push(url.href);
    const route = url.pathname.endsWith('/api/diagnose')
      ? routes.diagnose
      : url.pathname.endsWith('/api/health')
        ? routes.health
        : url.pathname.endsWith('/widget/integrity.json')
          ? routes.manifest
          : undefined;
    const reply = route?.() ?? new Response('{"error":{"code":"not_found"}}', { status: 404 });
    if (reply === 'network') throw new TypeError('Failed to fetch');
    return reply;
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const diagnosis = (over: Partial<DiagnoseAnswer> = {}): DiagnoseAnswer => ({
  origin: location.origin,
  originAllowed: true,
  allowedOrigins: [location.origin],
  fetchSite: 'same-origin',
  apiOrigin: location.origin,
  portalUrl: location.href,
  rpId: location.hostname,
  cookie: { name: 'jp_session', secure: false, sameSite: 'Lax', httpOnly: true },
  version: '0.1.0',
  production: false,
  ...over,
});

interface Item {
  state: string;
  text: string;
  line: string | null;
}

async function check(template = html`<jp-doctor>Provera se nije pokrenula.</jp-doctor>`) {
  fixtureCleanup(); // one check on the page at a time: the first widget element decides the locale
  const root = await mount(template);
  const el = (root.localName === 'jp-doctor' ? root : root.querySelector('jp-doctor')) as HTMLElement;
  await until(() => !!el.querySelector('button[aria-busy="false"]') && !!el.querySelector('[data-check]'));
  const items: Record<string, Item> = {};
  for (const li of el.querySelectorAll<HTMLElement>('[data-check]'))
    items[li.dataset.check!] = {
      state: li.className.match(/jp-doc-(ok|bad|warn|unknown)/)![1],
      text: li.textContent!.replace(/\s+/g, ' ').trim(),
      line: li.querySelector('.jp-doc-line')?.textContent ?? null,
    };
  return { el, items, status: el.querySelector('[role=status]')!.textContent!.trim() };
}

/** A portal script tag on the page, of a type the browser does not run (nothing is fetched). */
function pinned(src: string) {
  const script = document.createElement('script');
  script.type = 'text/x-not-run';
  script.src = src;
  document.head.append(script);
  return script;
}

const manifest = (release: string): TagManifest => ({
  entry: `${release}/jp-portal.js`,
  integrity: 'sha384-entry',
  files: { [`${release}/jp-portal.js`]: 'sha384-entry', [`${release}/chunks/chunk-A.js`]: 'sha384-a' },
  preload: [`${release}/chunks/chunk-A.js`],
});

const states = (items: Record<string, Item>) => Object.fromEntries(Object.entries(items).map(([k, v]) => [k, v.state]));

describe('<jp-doctor>', () => {
  beforeEach(async () => {
    localStorage.clear();
    document.documentElement.lang = 'sr-Latn';
    await setLocale('sr-Latn');
  });

  it('is all green when the API answers and allows the page, replacing the page’s fallback text; axe-clean', async () => {
    api({ diagnose: () => json(diagnosis()), health: () => json({ status: 'ok' }) });
    const { el, items, status } = await check();
    expect(el.textContent).not.to.contain('Provera se nije pokrenula');
    expect(states(items)).to.deep.equal({
      api: 'ok',
      origin: 'ok',
      links: 'ok',
      cookie: 'ok',
      csp: 'ok',
      look: 'ok',
      lang: 'ok',
      passkeys: 'ok',
    });
    expect(status).to.equal('Sve je u redu: portal će raditi na ovoj stranici.');
    expect(items.links.text).to.contain(`vode na ovu stranicu (${location.href}).`);
    expect(items.api.text).to.contain(`Portal na adresi ${location.origin} odgovara (verzija 0.1.0).`);
    expect(items.lang.text).to.contain('Jezik stranice i portala se slažu: srpski, latinica.');
    // The page's own origin goes along: a same-origin request carries no Origin header.
    expect(urls[0]).to.equal(`${location.origin}/api/diagnose?origin=${encodeURIComponent(location.origin)}`);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('names an origin that is not allowed with the whole ALLOWED_ORIGINS line, and only its own origin in production', async () => {
    api({
      diagnose: () => json(diagnosis({ originAllowed: false, allowedOrigins: ['https://www.stambenoruma.rs'] })),
      health: () => json({ status: 'ok' }),
    });
    const { items, status } = await check();
    expect(items.origin.state).to.equal('bad');
    expect(items.origin.text).to.contain(
      `Adresa ove stranice (${location.origin}) nije na spisku ALLOWED_ORIGINS portala`,
    );
    expect(items.origin.text).to.contain('Šta da uradite: Dodajte je u ALLOWED_ORIGINS');
    expect(items.origin.line).to.equal(`ALLOWED_ORIGINS="https://www.stambenoruma.rs,${location.origin}"`);
    expect(status).to.equal('Treba popraviti stavki: 1. Kod svake piše šta da uradite.');

    const { allowedOrigins: _, ...production } = diagnosis({ originAllowed: false, production: true });
    api({ diagnose: () => json(production) });
    const again = await check();
    expect(again.items.origin.line).to.equal(`ALLOWED_ORIGINS="…,${location.origin}"`);
  });

  it('says the cookie is third-party when the browser calls the API cross-site, and where to put the API', async () => {
    api({ diagnose: () => json(diagnosis({ fetchSite: 'cross-site' })), health: () => json({ status: 'ok' }) });
    const { items } = await check();
    expect(items.cookie.state).to.equal('bad');
    expect(items.cookie.text).to.contain('nisu na istom domenu: Safari i Firefox tada odbacuju kolačić prijave');
    expect(items.cookie.text).to.contain('Postavite portal na poddomen sajta');
    expect(items.cookie.line).to.equal('api="https://portal.example.rs"');
  });

  it('says passkeys cannot work when the RP ID is not the page’s host or a parent of it', async () => {
    api({ diagnose: () => json(diagnosis({ rpId: 'stambenoruma.rs' })), health: () => json({ status: 'ok' }) });
    const { items } = await check();
    expect(items.passkeys.state).to.equal('bad');
    expect(items.passkeys.text).to.contain(
      `važe za stambenoruma.rs, a stranica je na ${location.hostname}: ovde ne mogu da rade.`,
    );
  });

  it('says the API is not there, where it looked, and leaves what depends on it unchecked', async () => {
    api({ diagnose: () => 'network', health: () => 'network' });
    const { items, status } = await check();
    expect(states(items)).to.deep.equal({
      api: 'bad',
      origin: 'unknown',
      links: 'unknown',
      cookie: 'ok',
      csp: 'ok',
      look: 'ok',
      lang: 'ok',
      passkeys: 'unknown',
    });
    expect(items.api.text).to.contain(
      `Element nema atribut api, pa portal traži server na adresi ove stranice (${location.origin}), a tamo ga nema.`,
    );
    expect(items.api.text).to.contain('Dodajte elementu portala atribut api sa adresom servera portala');
    expect(items.api.line).to.equal('<jp-portal api="https://portal.example.rs">');
    expect(items.origin.text).to.contain('Nije provereno: portal se ne javlja');
    expect(status).to.equal('Treba popraviti stavki: 1. Kod svake piše šta da uradite.');
  });

  it('says "add api=" with the line to paste when no element has api and the page’s own server answers', async () => {
    // The site's own server answers (its 404 page), but it is not the portal: not an "older portal".
    api({ health: () => json({ status: 'ok' }) });
    const script = pinned('https://portal.stambenoruma.rs/widget/0.1.0-3f9a0c2e/jp-portal.js');
    try {
      const { items } = await check();
      expect(items.api.state).to.equal('bad');
      expect(items.api.text).to.contain('Element nema atribut api');
      expect(items.api.text).not.to.contain('starije verzije');
      // The portal's address is where the page's portal script comes from.
      expect(items.api.line).to.equal('<jp-portal api="https://portal.stambenoruma.rs">');
    } finally {
      script.remove();
    }
  });

  it('tells an older API (no diagnosis, but it answers) and a database that is down', async () => {
    api({ health: () => json({ status: 'ok' }) });
    const old = await check(html`<div api=${location.origin}><jp-doctor></jp-doctor></div>`);
    expect(old.items.api.state).to.equal('bad');
    expect(old.items.api.text).to.contain('ne zna za ovu proveru: verovatno je starije verzije');

    api({ diagnose: () => json(diagnosis()), health: () => json({ error: { code: 'service_unavailable' } }, 503) });
    const down = await check();
    expect(down.items.api.state).to.equal('bad');
    expect(down.items.api.text).to.contain('ne dolazi do svoje baze podataka');
  });

  it('names the CSP directive that blocked the connection and the directive as it must read', async () => {
    const policy = "default-src 'self'; script-src 'self' https://cdn.example; img-src 'self'";
    api({
      diagnose: () => {
        document.dispatchEvent(
          new SecurityPolicyViolationEvent('securitypolicyviolation', {
            blockedURI: `${location.origin}/api/diagnose?origin=x`,
            effectiveDirective: 'connect-src',
            violatedDirective: 'connect-src',
            originalPolicy: policy,
            disposition: 'enforce',
            statusCode: 200,
          }),
        );
        return 'network';
      },
      health: () => 'network',
    });
    const { items } = await check();
    expect(items['csp-connect-src'].state).to.equal('bad');
    expect(items['csp-connect-src'].text).to.contain(
      `Pravilo connect-src na ovoj stranici ne dozvoljava vezu sa portalom (${location.origin}).`,
    );
    // connect-src fell back to default-src: the new directive keeps what default-src allowed.
    expect(items['csp-connect-src'].line).to.equal(`connect-src 'self' ${location.origin}`);
    expect(items.api.text).to.contain('Stranica ne dozvoljava vezu sa portalom');
  });

  it('says what the portal shows when the page has no language, another one, or the visitor chose', async () => {
    api({ diagnose: () => json(diagnosis()), health: () => json({ status: 'ok' }) });
    document.documentElement.removeAttribute('lang');
    const none = await check();
    expect(none.items.lang.state).to.equal('bad');
    expect(none.items.lang.line).to.equal('<html lang="sr-Latn">');

    document.documentElement.lang = 'hu';
    const other = await check();
    expect(other.items.lang.state).to.equal('bad');
    expect(other.items.lang.text).to.contain(
      'Stranica je na jeziku hu, koji portal nema; portal će biti na jeziku: srpski, latinica.',
    );
    expect(other.items.lang.line).to.equal('<jp-portal lang="sr-Latn">');

    document.documentElement.lang = 'sr-Latn';
    localStorage.setItem('jp-portal-locale', 'sr-Cyrl');
    const chosen = await check();
    await until(() => chosen.el.querySelector('h2')!.textContent === 'Провера уградње портала');
    expect(chosen.el.querySelector('[data-check="lang"]')!.textContent).to.contain('изабрано у овом прегледачу');
    expect(chosen.el.querySelector('[data-check="lang"]')!.className).to.contain('jp-doc-ok');
  });

  it('asks the API the page’s portal uses, and speaks English', async () => {
    api({ diagnose: () => json(diagnosis()), health: () => json({ status: 'ok' }) });
    await setLocale('en');
    const { items } = await check(
      html`<div><jp-unsubscribe api="https://portal.example.rs" lang="en"></jp-unsubscribe><jp-doctor></jp-doctor></div>`,
    );
    expect(urls[0]).to.match(/^https:\/\/portal\.example\.rs\/api\/diagnose\?origin=/);
    expect(items.origin.text).to.contain("is on the portal's ALLOWED_ORIGINS list");
  });

  it('says where the mails’ links lead: another site is to fix, another page of this site to check', async () => {
    const here = `${location.origin}${location.pathname}`;
    api({
      diagnose: () => json(diagnosis({ portalUrl: 'https://www.stambenoruma.rs/portal' })),
      health: () => json({ status: 'ok' }),
    });
    const other = await check();
    expect(other.items.links.state).to.equal('bad');
    expect(other.items.links.text).to.contain(
      `vode na https://www.stambenoruma.rs/portal, a portal je na ovoj stranici (${here}): stanovnik bi sa linka stigao na drugi sajt.`,
    );
    expect(other.items.links.line).to.equal(`PORTAL_URL="${here}"`);
    expect(other.status).to.equal('Treba popraviti stavki: 1. Kod svake piše šta da uradite.');

    api({
      diagnose: () => json(diagnosis({ portalUrl: `${location.origin}/portal/` })),
      health: () => json({ status: 'ok' }),
    });
    const test = await check();
    expect(test.items.links.state).to.equal('warn');
    expect(test.items.links.text).to.contain('Ako je ovo stranica sa portalom za stanovnike (a ne probna)');
    expect(test.items.links.line).to.equal(`PORTAL_URL="${here}"`);
    expect(test.status).to.equal('Portal će raditi na ovoj stranici. Proverite još stavki: 1.');
    expect(await axeViolations(test.el)).to.deep.equal([]);
  });

  it('takes the API on another origin than this page for what it is: the mails still lead here', async () => {
    api({
      diagnose: () => json(diagnosis({ apiOrigin: 'https://portal.example.rs', portalUrl: location.href })),
      health: () => json({ status: 'ok' }),
    });
    const { items } = await check(html`<div api="https://portal.example.rs"><jp-doctor></jp-doctor></div>`);
    expect(items.links.state).to.equal('ok');
  });

  it('says a pinned release is older than the latest and gives the lines to paste, comparing x.y.z only', async () => {
    const portal = 'https://portal.example.rs';
    const script = pinned(`${portal}/widget/0.1.0-3f9a0c2e/jp-portal.js`);
    try {
      api({
        diagnose: () => json(diagnosis({ version: '0.10.0' })),
        health: () => json({ status: 'ok' }),
        manifest: () => json(manifest('0.10.0-0badc0de')),
      });
      const old = await check(html`<div api=${portal}><jp-doctor></jp-doctor></div>`);
      expect(Object.keys(old.items).slice(0, 2)).to.deep.equal(['api', 'release']);
      expect(old.items.release.state).to.equal('warn');
      expect(old.items.release.text).to.contain(
        'Stranica učitava verziju 0.1.0-3f9a0c2e, a najnovija na portalu je 0.10.0-0badc0de',
      );
      expect(old.items.release.line).to.equal(scriptTag(manifest('0.10.0-0badc0de'), portal));
      expect(urls).to.include(`${portal}/widget/integrity.json`);

      // The same version built for another configuration is not older.
      api({
        diagnose: () => json(diagnosis()),
        health: () => json({ status: 'ok' }),
        manifest: () => json(manifest('0.1.0-ffffffff')),
      });
      const same = await check(html`<div api=${portal}><jp-doctor></jp-doctor></div>`);
      expect(same.items.release.state).to.equal('ok');
      expect(same.items.release.text).to.contain('najnoviju verziju portala (0.1.0-3f9a0c2e)');

      // Without the manifest, the API's own version decides, and the guide gives the tag.
      api({ diagnose: () => json(diagnosis({ version: '0.2.0' })), health: () => json({ status: 'ok' }) });
      const bare = await check(html`<div api=${portal}><jp-doctor></jp-doctor></div>`);
      expect(bare.items.release.state).to.equal('warn');
      expect(bare.items.release.line).to.equal(null);
    } finally {
      script.remove();
    }
    const alias = pinned('https://portal.example.rs/widget/jp-portal.js');
    try {
      api({ diagnose: () => json(diagnosis()), health: () => json({ status: 'ok' }) });
      const { items } = await check(html`<div api=${portal}><jp-doctor></jp-doctor></div>`);
      expect(items.release.state).to.equal('ok');
      expect(items.release.text).to.contain('/widget/jp-portal.js, koja uvek daje najnoviju verziju');
    } finally {
      alias.remove();
    }
  });
});
