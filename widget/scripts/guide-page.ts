// The embed guide for the utility's webmaster (/ugradnja.html, English /ugradnja.en.html), written
// at build time: every element with its attributes, events and CSS custom properties comes from
// custom-elements.json, the script tag from the build's integrity.json, the name, colours and
// contact from the utility's configuration — nothing is typed twice, so the page cannot drift.
// The live parts (copy buttons, theme editor, the portal's own address) are demo/ugradnja.js: the
// page has no inline script or style, as the demo's CSP wants. Two variants: development (beside
// the demo: its links, a live preview, the snippets naming the server it is opened on) and
// production (read-only: the production API address, the preview only shows the look, no link to
// the demo pages or their dev mailbox; its scripts and styles copied beside it).
import { workersLinks } from '../../worker/scripts/wrangler-config.ts';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { UtilityConfig } from '../../contract/utility-config.ts';
import { ROOT, type WidgetManifest, scriptTag } from './dist-layout.ts';
import { ELEMENT_WORDS, type GuideContext, type Lang, TOKEN_WORDS, esc, proseSections } from './guide-text.ts';

export const GUIDE_PAGES: Record<Lang, string> = { 'sr-Latn': 'ugradnja.html', en: 'ugradnja.en.html' };
export type GuideMode = 'development' | 'production';
/** What the pages load beside them (from demo/), copied next to the production pages. */
export const GUIDE_ASSETS = ['site.css', 'ugradnja.css', 'ugradnja.js'];

interface Named {
  name: string;
  description?: string;
  default?: string;
  type?: { text: string };
}
export interface ElementDoc {
  tagName: string;
  description: string;
  attributes: Named[];
  events: Named[];
  cssProperties: Named[];
}

/** The custom elements of a custom-elements.json, in the manifest's order. */
export function manifestElements(manifest: {
  modules: { declarations?: (Partial<ElementDoc> & { customElement?: boolean })[] }[];
}): ElementDoc[] {
  return manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => ({
      tagName: d.tagName as string,
      description: d.description ?? '',
      attributes: d.attributes ?? [],
      events: d.events ?? [],
      cssProperties: d.cssProperties ?? [],
    }));
}

/** `code` in a manifest's description as <code>. */
const prose = (s: string) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

/** What an element is for: Serbian words on the Serbian page, the manifest's description otherwise. */
function summary(c: GuideContext, e: ElementDoc): string {
  const sr = c.lang === 'sr-Latn' && ELEMENT_WORDS[e.tagName];
  if (sr) return `<p>${esc(sr)}</p>`;
  return e.description ? `<p lang="en">${prose(e.description)}</p>` : '';
}

/** A token's meaning: Serbian words on the Serbian page, the manifest's description otherwise. */
function meaning(c: GuideContext, p: Named): string {
  const sr = c.lang === 'sr-Latn' && TOKEN_WORDS[p.name];
  return sr ? esc(sr) : `<span lang="en">${prose(p.description ?? '')}</span>`;
}

function list(c: GuideContext, kind: string, items: Named[], title: [string, string], none: [string, string]) {
  const head = `<h4>${c.t(...title)}</h4>`;
  if (!items.length) return `${head}<p class="none">${c.t(...none)}</p>`;
  const rows = items.map((i) => {
    const type = i.type ? ` <code class="type">${esc(i.type.text)}</code>` : '';
    const desc = i.description ? `<dd lang="en">${prose(i.description)}</dd>` : '';
    return `<div data-kind="${kind}"><dt><code class="name">${esc(i.name)}</code>${type}</dt>${desc}</div>`;
  });
  return `${head}<dl class="ref">${rows.join('')}</dl>`;
}

function elementSection(c: GuideContext, e: ElementDoc): string {
  const props = e.cssProperties
    .map(
      (p) =>
        `<li data-kind="css-property"><a href="#css-${esc(p.name.slice(2))}"><code class="name">${esc(p.name)}</code></a></li>`,
    )
    .join('');
  return `<section class="element" id="${esc(e.tagName)}" data-tag="${esc(e.tagName)}" aria-labelledby="h-${esc(e.tagName)}">
<h3 id="h-${esc(e.tagName)}"><code>&lt;${esc(e.tagName)}&gt;</code></h3>
${summary(c, e)}
${list(c, 'attribute', e.attributes, ['Atributi', 'Attributes'], ['Nema sopstvenih atributa (api i lang kao svaki element).', 'No attributes of its own (api and lang as every element).'])}
${list(c, 'event', e.events, ['Događaji', 'Events'], ['Ne šalje događaje.', 'Fires no events.'])}
<h4>${c.t('CSS promenljive', 'CSS custom properties')}</h4>
<ul class="props">${props}</ul>
</section>`;
}

/** Every token once (the union of the elements' CSS custom properties), with its default. */
export function allTokens(elements: ElementDoc[]): Named[] {
  const seen = new Map<string, Named>();
  for (const e of elements) for (const p of e.cssProperties) if (!seen.has(p.name)) seen.set(p.name, p);
  return [...seen.values()];
}

// The configuration's colours are the widget's defaults (tokens.ts): they start the editor.
const configured = (u: UtilityConfig): Record<string, string> => ({
  '--jp-primary': u.colors.primary,
  '--jp-primary-text': u.colors.primaryText,
  '--jp-accent': u.colors.accent,
});
/** A token's default under this configuration (one that follows another names that one's colour). */
const defaultOf = (p: Named, start: Record<string, string>) =>
  start[p.name] ??
  (p.default ?? '').replace(/var\((--[\w-]+), #[0-9a-f]{3,6}\)/i, (m, lead) =>
    start[lead] ? `var(${lead}, ${start[lead]})` : m,
  );
const hex6 = (v: string) => (/^#[0-9a-f]{3}$/i.test(v) ? `#${[...v.slice(1)].map((x) => x + x).join('')}` : v);
// Suggestions for --jp-font. Not `inherit`: a custom property set to inherit takes its parent's
// value, which no ancestor defines, so var(--jp-font, …) used its fallback, never the site's font.
const FONTS = ['Georgia, serif', "Verdana, 'Segoe UI', sans-serif", "'Trebuchet MS', Arial, sans-serif"];

function control(c: GuideContext, p: Named, start: Record<string, string>): string {
  const id = `tok-${p.name.slice(2)}`;
  const value = defaultOf(p, start);
  const base = `id="${id}" data-token="${esc(p.name)}"`;
  const label = `<label for="${id}">${meaning(c, p)} <code>${esc(p.name)}</code></label>`;
  let input: string;
  const follows = /^var\((--[\w-]+),\s*(#[0-9a-f]{3,6})\)$/i.exec(value);
  const length = /^(\d*\.?\d+)(px|rem|em)$/.exec(value);
  if (/^#[0-9a-f]{3,6}$/i.test(value)) input = `<input type="color" ${base} value="${hex6(value)}">`;
  else if (follows)
    input = `<input type="color" ${base} data-follows="${follows[1]}" value="${hex6(start[follows[1]] ?? follows[2])}">`;
  else if (length) {
    const step = length[2] === 'px' ? '1' : '0.125';
    input = `<span class="length"><input type="number" ${base} min="0" max="${length[2] === 'px' ? 32 : 4}" step="${step}" value="${length[1]}" data-unit="${length[2]}"> ${length[2]}</span>`;
  } else {
    // The font: the site's own stack, typed as its CSS writes font-family, or a suggestion.
    const options = [value, ...FONTS.filter((f) => f !== value)].map((f) => `<option value="${esc(f)}">`).join('');
    const hint = c.t(
      'Upišite fontove Vašeg sajta kako ih piše njegov CSS (<code>font-family</code>), npr. <code>"Open Sans", Arial, sans-serif</code>, ili izaberite ponuđene.',
      'Type your site\'s fonts as its CSS writes them (<code>font-family</code>), e.g. <code>"Open Sans", Arial, sans-serif</code>, or pick a suggestion.',
    );
    input = `<input type="text" ${base} value="${esc(value)}" list="${id}-list" spellcheck="false" autocomplete="off" aria-describedby="${id}-hint"><datalist id="${id}-list">${options}</datalist><p class="hint" id="${id}-hint">${hint}</p>`;
  }
  return `<div class="control">${label}${input}</div>`;
}

export function themeEditor(c: GuideContext, tokens: Named[]): string {
  const start = configured(c.utility);
  const defaults = Object.fromEntries(tokens.map((p) => [p.name, hex6(defaultOf(p, start))]));
  return `<form class="theme" id="theme" data-defaults="${esc(JSON.stringify(defaults))}" data-selector="${esc(c.elements.map((e) => e.tagName).join(', '))}">
<fieldset><legend>${c.t('Izgled portala', "The portal's look")}</legend>
${tokens.map((p) => control(c, p, start)).join('\n')}
<p><button type="reset">${c.t('Vratite podrazumevani izgled', 'Back to the default look')}</button></p>
</fieldset></form>`;
}

export function tokensTable(c: GuideContext, tokens: Named[]): string {
  const start = configured(c.utility);
  const rows = tokens
    .map(
      (p) =>
        `<tr id="css-${esc(p.name.slice(2))}" data-kind="token"><th scope="row"><code class="name">${esc(p.name)}</code></th><td>${meaning(c, p)}</td><td><code>${esc(defaultOf(p, start))}</code></td></tr>`,
    )
    .join('\n');
  return `<div class="table-wrap"><table><caption>${c.t('CSS promenljive svih elemenata', 'The CSS custom properties of every element')}</caption>
<thead><tr><th scope="col">${c.t('Promenljiva', 'Property')}</th><th scope="col">${c.t('Značenje', 'Meaning')}</th><th scope="col">${c.t('Podrazumevano', 'Default')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

export function renderGuide(
  lang: Lang,
  utility: UtilityConfig,
  widget: WidgetManifest,
  elements: ElementDoc[],
  mode: GuideMode = 'development',
) {
  const website = new URL(utility.website);
  const domain = website.hostname.replace(/^www\./, '');
  const c: GuideContext = {
    lang,
    t: (sr, en) => (lang === 'en' ? en : sr),
    utility,
    widget,
    elements,
    domain,
    siteOrigin: website.origin,
    // The API's address as the Workers build derives it (the same that npm run build prints).
    portalOrigin: workersLinks(utility.website).API_URL,
    production: mode === 'production',
  };
  const tokens = allTokens(elements);
  const other = lang === 'en' ? 'sr-Latn' : 'en';
  const tag = `${scriptTag(widget, c.portalOrigin)}\n<jp-portal api="${c.portalOrigin}" switch></jp-portal>`;
  const s = proseSections(c, { tag, editor: themeEditor(c, tokens), tokens: tokensTable(c, tokens) });
  const reference = elements.map((e) => elementSection(c, e)).join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${c.t('Ugradnja portala', 'Embedding the portal')} — ${esc(utility.name)}</title>
  <link rel="icon" href="data:,">
  <link rel="alternate" hreflang="${other}" href="/${GUIDE_PAGES[other]}">
  <link rel="stylesheet" href="/site.css">
  <link rel="stylesheet" href="/ugradnja.css">
  <script type="module" src="/widget/jp-portal.js"></script>
  <script type="module" src="/ugradnja.js"></script>
</head>
<body>
  <header class="site"><a href="${c.production ? esc(utility.website) : '/'}">${esc(utility.name)}</a></header>
  <nav class="menu" aria-label="${c.t('Glavni meni', 'Main menu')}"><ul>
    ${c.production ? '' : `<li><a href="/">${c.t('Portal za korisnike', 'Resident portal')}</a></li><li><a href="/elements.html">${c.t('Elementi (demo)', 'Elements (demo)')}</a></li>`}
    <li><a href="/${GUIDE_PAGES[lang]}" aria-current="page">${c.t('Ugradnja (za webmastere)', 'Embedding (for webmasters)')}</a></li>
    <li><a href="/${GUIDE_PAGES[other]}" lang="${other}" hreflang="${other}">${other === 'en' ? 'English' : 'Srpski'}</a></li>
  </ul></nav>
  <main class="site guide" data-origin="${c.portalOrigin}"${c.production ? ' data-production' : ''} data-copied="${c.t('Kopirano.', 'Copied.')}" data-copy-failed="${c.t('Kopiranje nije uspelo: tekst je izabran, pritisnite Ctrl+C.', 'Could not copy: the text is selected, press Ctrl+C.')}">
${s}
<section class="block" id="elementi" aria-labelledby="h-elementi">
<h2 id="h-elementi">${c.t('Elementi: atributi, događaji, CSS promenljive', 'Elements: attributes, events, CSS custom properties')}</h2>
<p>${c.t('Napravljeno iz <code>custom-elements.json</code> pri svakoj izradi (<code>npm run build</code>). Opisi su na engleskom, kao u manifestu. Svaki element prima i <code>api</code> i <code>lang</code>, ili ih nasleđuje od pretka.', 'Generated from <code>custom-elements.json</code> by every build (<code>npm run build</code>). Every element also takes <code>api</code> and <code>lang</code>, or inherits them from an ancestor.')}</p>
${reference}
</section>
  </main>
  <footer class="site">${esc(utility.name)} · ${esc(utility.city)} · ${esc(utility.contact.phone)} · ${esc(utility.contact.email)}</footer>
</body>
</html>
`;
}

/**
 * Writes both pages into `dir` (<root>/guide/<mode> for Node, dist/site for the Workers site, which
 * is production); the production pages get their scripts and styles beside them (the demo is not served there).
 */
export function writeGuide(dir: string, utility: UtilityConfig, widget: WidgetManifest, mode: GuideMode): string[] {
  const manifest = JSON.parse(readFileSync(resolve(ROOT, 'custom-elements.json'), 'utf8'));
  const elements = manifestElements(manifest);
  if (!elements.length) throw new Error('custom-elements.json lists no element: run the whole `npm run build`');
  mkdirSync(dir, { recursive: true });
  if (mode === 'production') for (const f of GUIDE_ASSETS) copyFileSync(resolve(ROOT, 'demo', f), resolve(dir, f));
  return (Object.keys(GUIDE_PAGES) as Lang[]).map((lang) => {
    const file = resolve(dir, GUIDE_PAGES[lang]);
    writeFileSync(file, renderGuide(lang, utility, widget, elements, mode));
    return file;
  });
}
