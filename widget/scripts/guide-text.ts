// The embed guide's words (guide-page.ts assembles the page): the script tag, the look, the
// host page's CSP, the domain and cookie checklist, the installation check and the text for the
// residents — in Serbian Latin and English, every utility-specific word from its configuration.
import type { PrintedAt, UtilityConfig } from '../../contract/utility-config.ts';
import type { WidgetManifest } from './dist-layout.ts';
import type { ElementDoc } from './guide-page.ts';
import { escapeHtml } from '../../contract/html.ts';

export type Lang = 'sr-Latn' | 'en';

export interface GuideContext {
  lang: Lang;
  /** The Serbian or the English words, by the page's language. */
  t: (sr: string, en: string) => string;
  utility: UtilityConfig;
  widget: WidgetManifest;
  elements: ElementDoc[];
  /** The site's registrable domain (stambenoruma.rs) and its origin (https://www.stambenoruma.rs). */
  domain: string;
  siteOrigin: string;
  /** Where the portal belongs: https://portal.<domain>. */
  portalOrigin: string;
  /**
   * The production page (read-only): the snippets keep portalOrigin, the preview only shows the
   * look. Otherwise the page names the server it is opened on (the development guide is served by
   * the portal it describes).
   */
  production: boolean;
}

export const esc = escapeHtml;

/**
 * A block of text to copy with its button. `origin` marks the portal's address in it, which the
 * page replaces with its own (the guide is served by the portal it describes).
 */
export function snippet(id: string, text: string, button: string, origin = false, prose = false): string {
  return `<div class="snippet${prose ? ' prose' : ''}"><pre><code id="${id}"${origin ? ' data-origin-text' : ''}>${esc(text)}</code></pre>
<p class="copy-row"><button type="button" class="copy" data-copy="${id}">${button}</button> <span class="copy-status" role="status"></span></p></div>`;
}

/**
 * Each element in a line of Serbian (the test wants one for every element of the manifest); the
 * English is the manifest's description, i.e. the element's JSDoc.
 */
export const ELEMENT_WORDS: Record<string, string> = {
  'jp-portal':
    'Ceo portal u jednom elementu: prijava, registracija, zaboravljena lozinka, potvrde sa linkova iz poruka i, posle prijave, pregled, računi i podešavanja.',
  'jp-login': 'Prijava: e-mail i lozinka, pristupni ključ ili kod sa e-maila.',
  'jp-login-code': 'Prijava kodom koji stiže na e-mail (adresa, pa šestocifreni kod).',
  'jp-register': 'Registracija sa šifrom potrošača i PIN-om sa računa.',
  'jp-forgot-password': 'Zaboravljena lozinka: šalje link za novu lozinku.',
  'jp-reset-password': 'Nova lozinka sa linka iz poruke (atribut token).',
  'jp-confirm': 'Potvrda registracije ili nove e-mail adrese sa linka iz poruke.',
  'jp-account': 'Nalog posle prijave: pregled duga, računi i podešavanja.',
  'jp-bills': 'Arhiva računa sa uplatnicama, IPS QR kodovima i PDF-om.',
  'jp-settings': 'Podešavanja naloga: e-mail, lozinka, šifre potrošača, uređaji, pristupni ključevi, brisanje naloga.',
  'jp-unsubscribe': 'Računi više ne stižu e-mailom, jednim klikom sa linka iz poruke sa računom (atribut token).',
  'jp-doctor': 'Provera ugradnje za webmastera: stavite ga privremeno pored portala na svojoj stranici.',
};

/** Each CSS custom property in Serbian (the English is the manifest's description). */
export const TOKEN_WORDS: Record<string, string> = {
  '--jp-primary': 'Boja preduzeća: dugmad, linkovi, okvir fokusa',
  '--jp-primary-text': 'Tekst na boji preduzeća',
  '--jp-accent': 'Pozadina okvira sa kontaktom preduzeća',
  '--jp-text': 'Boja teksta',
  '--jp-muted': 'Boja napomena ispod polja',
  '--jp-error': 'Boja grešaka i neispravnih polja',
  '--jp-ok': 'Boja potvrda',
  '--jp-border': 'Boja okvira polja',
  '--jp-bg': 'Pozadina elementa',
  '--jp-radius': 'Zaobljenost uglova elementa, polja i dugmadi',
  '--jp-gap': 'Razmak između polja i blokova',
  '--jp-font': 'Font',
  '--jp-focus': 'Boja okvira fokusa (podrazumevano: boja preduzeća)',
};

/** Where the code and PIN are printed, as the registration's hints say it (bill-figure.ts); the demo's manual too. */
export const WHERE: Record<PrintedAt, [string, string]> = {
  'top-left': ['u gornjem levom uglu računa', 'in the top left corner of the bill'],
  'top-right': [
    'u gornjem desnom uglu računa, ispod adrese potrošača',
    "in the top right corner, under the consumer's address",
  ],
  'bottom-left': ['u donjem levom uglu računa', 'in the bottom left corner of the bill'],
  'bottom-right': ['u donjem desnom uglu računa', 'in the bottom right corner of the bill'],
  'back-top-left': ['na poleđini računa, u gornjem levom uglu', 'on the back of the bill, in the top left corner'],
  'back-top-right': ['na poleđini računa, u gornjem desnom uglu', 'on the back of the bill, in the top right corner'],
  'back-bottom-left': ['na poleđini računa, u donjem levom uglu', 'on the back of the bill, in the bottom left corner'],
  'back-bottom-right': [
    'na poleđini računa, u donjem desnom uglu',
    'on the back of the bill, in the bottom right corner',
  ],
};

/** The short text a utility publishes for its residents (plain text, to copy). */
export function residentText(c: GuideContext): string {
  const u = c.utility;
  const where = (w: PrintedAt) => c.t(...WHERE[w]);
  const k = u.contact;
  const hours = c.lang === 'en' ? k.hours.en : k.hours['sr-Latn'];
  const manual = new URL(u.manual.href, u.website).href;
  const sr = [
    `Portal za korisnike — ${u.name}`,
    `Na portalu vidite svoje račune i dug i plaćate ih IPS QR kodom. Za registraciju su Vam potrebni šifra potrošača i PIN sa papirnog računa: šifra potrošača je ${where(u.consumerCode.printedAt)} (na primer ${u.consumerCode.example}), a PIN ${where(u.pin.printedAt)} (na primer ${u.pin.example}).`,
    'Pristupni ključ: posle prve prijave u „Podešavanjima“ napravite pristupni ključ i prijavljujte se otiskom prsta, licem ili PIN-om telefona, bez lozinke.',
    'Kod na e-mail: na formi za prijavu izaberite „Pošaljite mi kod za prijavu“ i upišite šestocifreni kod koji stigne na Vašu e-mail adresu (važi 10 minuta).',
    `Pomoć: ${k.phone}, ${k.email}, ${k.address}, ${hours}. Uputstvo: ${manual}`,
  ];
  const en = [
    `Resident portal — ${u.name}`,
    `See your bills and what you owe, and pay them with the IPS QR code. To register you need the consumer code and the PIN from your paper bill: the consumer code is ${where(u.consumerCode.printedAt)} (for example ${u.consumerCode.example}), the PIN ${where(u.pin.printedAt)} (for example ${u.pin.example}).`,
    'Passkey: after your first login, make a passkey under “Settings” and log in with your fingerprint, face or phone PIN, without a password.',
    'Code by e-mail: on the login form choose “Send me a login code” and type the 6-digit code that arrives at your e-mail address (valid 10 minutes).',
    `Help: ${k.phone}, ${k.email}, ${k.address}, ${hours}. Manual: ${manual}`,
  ];
  return (c.lang === 'en' ? en : sr).join('\n\n');
}

const section = (id: string, title: string, body: string) =>
  `<section class="block" id="${id}" aria-labelledby="h-${id}">\n<h2 id="h-${id}">${title}</h2>\n${body}\n</section>`;

export function proseSections(c: GuideContext, parts: { tag: string; editor: string; tokens: string }): string {
  const { t, utility: u, portalOrigin: portal, siteOrigin: site, domain } = c;
  // The development page puts the server it is opened on in place of portalOrigin (ugradnja.js).
  const here = c.production ? `<code>${portal}</code>` : `<span class="origin-here"><code>${portal}</code></span>`;
  const preview = c.production
    ? `<p class="hint" id="pregled-napomena">${t('Pregled samo pokazuje izgled: ovde se niko ne prijavljuje.', 'The preview only shows the look: nobody logs in here.')}</p>
<div class="preview" id="preview" role="region" aria-labelledby="h-pregled" aria-describedby="pregled-napomena" inert><jp-portal switch></jp-portal></div>`
    : '<div class="preview" id="preview" role="region" aria-labelledby="h-pregled"><jp-portal switch></jp-portal></div>';
  const doctor = t(
    '<jp-doctor>Ako vidite ovaj tekst, skripta portala nije učitana: pogledajte konzolu pregledača.</jp-doctor>',
    "<jp-doctor>If you see this text, the portal's script did not load: see the browser's console.</jp-doctor>",
  );
  const csp = [
    `script-src 'self' ${portal};`,
    `connect-src 'self' ${portal};`,
    "style-src 'self';",
    "img-src 'self';",
  ].join('\n');
  const intro = `<h1>${t('Ugradnja portala za korisnike', 'Embedding the resident portal')}</h1>
<p>${t(
    `Za webmastera sajta ${esc(u.name)}: portal se ugrađuje jednom oznakom <code>&lt;script&gt;</code> i jednim elementom, na bilo koju stranicu (i u CMS, kao „HTML blok“).`,
    `For the webmaster of ${esc(u.name)}'s site: the portal goes into any page (a CMS's “HTML block” too) as one <code>&lt;script&gt;</code> tag and one element.`,
  )}</p>
<nav aria-label="${t('Sadržaj', 'Contents')}"><ol>
<li><a href="#oznaka">${t('Oznaka za kopiranje', 'The tag to copy')}</a></li>
<li><a href="#izgled">${t('Izgled: pregled i boje', 'Look: preview and colours')}</a></li>
<li><a href="#csp">${t('Pravila stranice (CSP)', "The page's policy (CSP)")}</a></li>
<li><a href="#domen">${t('Domen i kolačići', 'Domain and cookies')}</a></li>
<li><a href="#provera">${t('Provera ugradnje', 'The installation check')}</a></li>
<li><a href="#korisnici">${t('Šta reći korisnicima', 'What to tell residents')}</a></li>
<li><a href="#elementi">${t('Elementi', 'Elements')}</a></li>
</ol></nav>`;
  const tag = section(
    'oznaka',
    t('1. Oznaka za kopiranje', '1. The tag to copy'),
    `<p>${t(
      'Nalepite sve linije u stranicu na kojoj portal treba da stoji. Izdanje u adresi se ne menja, a <code>integrity</code> (Subresource Integrity) brani da se izvrši ijedan izmenjen bajt; <code>crossorigin="anonymous"</code> je obavezan uz njega. Redovi <code>&lt;link rel="modulepreload"&gt;</code> traže delove prijave odjednom, pa se prijava na telefonu pojavi brže; bez njih portal radi isto, samo sporije.',
      'Paste all the lines into the page that should hold the portal. The address with the release never changes and <code>integrity</code> (Subresource Integrity) stops a single changed byte from running; <code>crossorigin="anonymous"</code> is required with it. The <code>&lt;link rel="modulepreload"&gt;</code> lines fetch the login\'s parts at once, so the login shows sooner on a phone; without them the portal works the same, only slower.',
    )}</p>
${snippet('snippet-tag', parts.tag, t('Kopirajte oznaku', 'Copy the tag'), !c.production)}
<p>${t('Izdanje', 'Release')} <code>${esc(c.widget.release)}</code> (${t('fascikla u adresi', 'the folder in the address')} <code>/widget/${esc(c.widget.release)}/</code>). ${t(
      `Adresa u oznaci je adresa ovog portala, ${here}; atribut <code>api</code> kaže elementu gde je API. Umesto <code>&lt;jp-portal&gt;</code> može i samo jedan pogled (npr. <code>&lt;jp-login&gt;</code>, <code>&lt;jp-register&gt;</code>), vidite <a href="#elementi">elemente</a>.`,
      `The address in the tag is this portal's, ${here}; the <code>api</code> attribute tells the element where the API is. Instead of <code>&lt;jp-portal&gt;</code> a single view will do (e.g. <code>&lt;jp-login&gt;</code>, <code>&lt;jp-register&gt;</code>), see the <a href="#elementi">elements</a>.`,
    )}</p>
<p>${t(
      'Novo izdanje: zamenite sve linije novom oznakom iz ovog uputstva (izdanje u adresama i <code>integrity</code> se menjaju zajedno). Adresa <code>/widget/jp-portal.js</code> bez izdanja uvek daje najnovije, ali bez <code>integrity</code>.',
      'A new release: replace all the lines with the new tag from this guide (the release in the addresses and the <code>integrity</code> change together). The address <code>/widget/jp-portal.js</code> without a release always gives the latest, but without <code>integrity</code>.',
    )}</p>`,
  );
  const look = section(
    'izgled',
    t('2. Izgled: pregled i boje', '2. Look: preview and colours'),
    `<p>${t(
      `Portal već nosi boje preduzeća ${esc(u.name)}. Promenite ih ovde: pregled ispod se menja odmah, a CSS za Vaš sajt (u Vašu CSS datoteku, ne u <code>style</code> atribut) je ispod izbora.`,
      `The portal already wears ${esc(u.name)}'s colours. Change them here: the preview below follows at once, and the CSS for your site (for your CSS file, not a <code>style</code> attribute) is under the choices.`,
    )}</p>
<div class="look">${parts.editor}
<div class="preview-wrap"><h3 id="h-pregled">${t('Pregled', 'Preview')}</h3>${preview}</div></div>
<h3>${t('CSS za kopiranje', 'CSS to copy')}</h3>
${snippet('snippet-css', '', t('Kopirajte CSS', 'Copy the CSS'))}
${parts.tokens}`,
  );
  const policy = section(
    'csp',
    t('3. Pravila stranice (Content-Security-Policy)', "3. The page's policy (Content-Security-Policy)"),
    `<p>${t(
      "Ako Vaš sajt šalje zaglavlje <code>Content-Security-Policy</code>, dodajte adresu portala ovim pravilima (<code>'self'</code> stoji za ono što sajt već dozvoljava):",
      "If your site sends a <code>Content-Security-Policy</code> header, add the portal's address to these directives (<code>'self'</code> stands for what the site already allows):",
    )}</p>
${snippet('snippet-csp', csp, t('Kopirajte pravila', 'Copy the directives'), !c.production)}
<ul>
<li><code>script-src</code>: ${t("skripta i njeni delovi koji se učitavaju po potrebi dolaze sa portala; <code>'unsafe-inline'</code> i <code>'unsafe-eval'</code> nisu potrebni.", "the script and the parts it loads on demand come from the portal; neither <code>'unsafe-inline'</code> nor <code>'unsafe-eval'</code> is needed.")}</li>
<li><code>connect-src</code>: ${t('pozivi API-ja (prijava, računi) idu na portal.', 'the API calls (login, bills) go to the portal.')}</li>
<li><code>style-src</code>: ${t("ništa sa portala: stilovi su „constructable stylesheets“, bez <code>&lt;style&gt;</code> i bez <code>style</code> atributa, pa <code>'unsafe-inline'</code> nije potreban.", "nothing from the portal: the styles are constructable stylesheets, no <code>&lt;style&gt;</code> and no <code>style</code> attribute, so <code>'unsafe-inline'</code> is not needed.")}</li>
<li><code>img-src</code>: ${t('ništa sa portala: QR kod se crta kao SVG u stranici, a PDF i PNG su linkovi za preuzimanje.', 'nothing from the portal: the QR code is drawn as SVG in the page, and the PDF and PNG are download links.')}</li>
</ul>
<p>${t('Ova stranica radi baš pod takvim pravilima.', 'This page itself runs under such a policy.')}</p>`,
  );
  const cookies = section(
    'domen',
    t('4. Domen i kolačići', '4. Domain and cookies'),
    `<ol class="checklist">
<li>${t(
      `<strong>API na <code>portal.${esc(domain)}</code></strong>, na domenu sajta (${esc(site)}). Kolačić prijave je tada kolačić prve strane („first-party“): pregledači koji blokiraju kolačiće trećih strana (Safari, Firefox, Chrome) ne odjavljuju korisnike. Na drugom domenu (npr. <code>*.workers.dev</code>) prijava u njima ne bi trajala.`,
      `<strong>The API on <code>portal.${esc(domain)}</code></strong>, on the site's own domain (${esc(site)}). The login cookie is then first-party: browsers that block third-party cookies (Safari, Firefox, Chrome) keep residents logged in. On another domain (e.g. <code>*.workers.dev</code>) a login would not last in them.`,
    )}</li>
<li>${t(
      '<strong>SameSite=Lax</strong>, HttpOnly, <code>__Host-</code>: kolačić ide uz pozive widgeta jer su sajt i portal isti „site“; <code>SameSite=None</code> nije potreban. Sve preko HTTPS-a.',
      "<strong>SameSite=Lax</strong>, HttpOnly, <code>__Host-</code>: the cookie goes with the widget's calls because the site and the portal are the same site; <code>SameSite=None</code> is not needed. All over HTTPS.",
    )}</li>
<li>${t(
      `<strong><code>ALLOWED_ORIGINS</code></strong>: svaka adresa stranice sa portalom, tačno (šema, host, port, bez kose crte na kraju), npr. <code>${esc(site)}</code>. Pozive sa drugih adresa portal odbija.`,
      `<strong><code>ALLOWED_ORIGINS</code></strong>: every origin of a page holding the portal, exactly (scheme, host, port, no trailing slash), e.g. <code>${esc(site)}</code>. The portal refuses calls from any other.`,
    )}</li>
<li>${t(
      `<strong><code>RP_ID=${esc(domain)}</code></strong> za pristupne ključeve: ključ važi za domen i sve njegove poddomene (<code>www.</code>, <code>portal.</code>). Podesite ga pre prvog ključa: promena kasnije poništava napravljene ključeve.`,
      `<strong><code>RP_ID=${esc(domain)}</code></strong> for passkeys: a passkey holds for the domain and its subdomains (<code>www.</code>, <code>portal.</code>). Set it before the first passkey: changing it later orphans the passkeys made.`,
    )}</li>
<li>${t(
      '<strong><code>PORTAL_URL</code></strong>: adresa stranice sa <code>&lt;jp-portal&gt;</code>; linkovi iz poruka (potvrda, nova lozinka) vode na nju.',
      '<strong><code>PORTAL_URL</code></strong>: the address of the page with <code>&lt;jp-portal&gt;</code>; the links in mails (confirmation, new password) lead there.',
    )}</li>
</ol>`,
  );
  const check = section(
    'provera',
    t('5. Provera ugradnje', '5. The installation check'),
    `<p>${t(
      'Element <a href="#jp-doctor"><code>&lt;jp-doctor&gt;</code></a>, stavljen privremeno pored portala na Vašoj stranici, proverava da li se API javlja, da li stranica učitava najnoviju verziju, da li je adresa stranice u <code>ALLOWED_ORIGINS</code>, da li linkovi iz e-mailova (<code>PORTAL_URL</code>) vode na ovu stranicu, da li je kolačić prve strane, da li CSP pušta portal i da li se jezici slažu — svaku stavku rečima i sa ispravkom.',
      'The <a href="#jp-doctor"><code>&lt;jp-doctor&gt;</code></a> element, put beside the portal on your page for a while, checks whether the API answers, the page loads the latest version, the page\'s origin is in <code>ALLOWED_ORIGINS</code>, the links in mails (<code>PORTAL_URL</code>) lead to this page, the cookie is first-party, the CSP lets the portal in and the languages agree — each in words, with the fix.',
    )}</p>
<p>${t(
      'Nalepite ovaj red ispod portala, otvorite stranicu, popravite šta je crveno, pa ga uklonite. Tekst u njemu se vidi samo ako se skripta portala nije učitala.',
      "Paste this line under the portal, open the page, fix what is red, then remove it. Its text shows only when the portal's script did not load.",
    )}</p>
${snippet('snippet-doctor', doctor, t('Kopirajte proveru', 'Copy the check'))}
<h3>${t('Pošta: SPF, DKIM i DMARC', 'Mail: SPF, DKIM and DMARC')}</h3>
<p>${t(
      'Provera radi u pregledaču i ne može da čita DNS. Da računi ne bi završavali u neželjenoj pošti, domen pošiljaoca mora imati SPF, DKIM i DMARC zapise za način slanja koji koristite; proverite ih iz komandne linije:',
      "The check runs in the browser and cannot read DNS. So that bills do not end up in spam, the sender's domain needs SPF, DKIM and DMARC records for the way you send; check them from a command line:",
    )}</p>
<div class="snippet"><pre><code>dig +short TXT ${esc(domain)}
dig +short TXT _dmarc.${esc(domain)}
dig +short TXT &lt;selector&gt;._domainkey.${esc(domain)}</code></pre></div>
<p>${t(
      'Prvi treba da sadrži <code>v=spf1</code> sa „include“ Vašeg servisa za slanje, drugi <code>v=DMARC1</code>, treći <code>v=DKIM1</code>. Koji zapisi su potrebni za Cloudflare Email Service, MailChannels i Vaš SMTP server piše u <code>docs/deployment.md</code> (odeljak „Deliverability“).',
      'The first should hold <code>v=spf1</code> with your sending service\'s include, the second <code>v=DMARC1</code>, the third <code>v=DKIM1</code>. Which records Cloudflare Email Service, MailChannels and your SMTP server need is in <code>docs/deployment.md</code> (section "Deliverability").',
    )}</p>`,
  );
  const residents = section(
    'korisnici',
    t('6. Šta reći korisnicima', '6. What to tell residents'),
    `<p>${t('Kratak tekst za Vaš sajt, oglasnu tablu ili poleđinu računa:', 'A short text for your site, notice board or the back of the bill:')}</p>
${snippet('snippet-residents', residentText(c), t('Kopirajte tekst', 'Copy the text'), false, true)}
<p><a href="${esc(u.manual.href)}">${t('Uputstvo za korisnike', "The residents' manual")}</a></p>`,
  );
  return [intro, tag, look, policy, cookies, check, residents].join('\n');
}
