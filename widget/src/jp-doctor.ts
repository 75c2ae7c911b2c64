// <jp-doctor>: the installation check a webmaster puts beside the portal on their own page (and
// removes when all is well). It asks the API and the browser whether the portal can work here —
// the API answers, the page's origin is allowed, the login cookie is first-party, the page's CSP
// lets the portal in, the languages agree, passkeys can work, the mails' links lead to this page,
// the page's script is the latest release, the page's CSS leaves the portal's look alone (doctor-look.ts)
// — and says for each what it found
// and what to do, with the exact line to put in. A chunk of its own: never on the login path.
// Whatever the page put inside the tag (e.g. "the portal's script did not load") is shown until
// the check runs, so a blocked script is visible too.
import { css, html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { JpElement, define } from './element.js';
import { base } from './styles.js';
import { border, error, gap, muted, ok, radius } from './tokens.js';
import { apiBase } from './api.js';
import { ANY } from './registry.js';
import { probe, type Facts } from './doctor-probe.js';
import { cookie, language, origin, passkeys, policy, reach, type Check } from './doctor-checks.js';
import { mailLinks, release } from './doctor-deploy.js';
import { look, sampleLook, type Look } from './doctor-look.js';
// A bundling hint, no code used (as in help.ts): reaching the login page's shared modules too keeps
// them in one chunk; without it the login page gets one more file and 144 bytes more gzip.
import './form-controller.js';

const styles = css`
  jp-doctor.jp { --jp-doctor-styled: 1; }
  .jp .jp-doc-list { list-style: none; margin: 0 0 ${gap}; padding: 0; display: grid; gap: .75rem; }
  .jp .jp-doc-item { border: 1px solid ${border}; border-left-width: 6px; border-radius: ${radius}; padding: .75rem; }
  .jp .jp-doc-item.jp-doc-ok { border-left-color: ${ok}; }
  .jp .jp-doc-item.jp-doc-bad { border-left-color: ${error}; }
  .jp .jp-doc-item h3 { margin: 0 0 .25rem; font-size: 1.1rem; display: flex; flex-wrap: wrap; gap: .25rem .5rem; }
  .jp .jp-doc-state { font-weight: 600; font-size: .95rem; }
  .jp .jp-doc-ok .jp-doc-state { color: ${ok}; }
  .jp .jp-doc-bad .jp-doc-state { color: ${error}; }
  .jp .jp-doc-item.jp-doc-warn { border-left-color: #b45309; }
  .jp .jp-doc-unknown .jp-doc-state, .jp .jp-doc-warn .jp-doc-state { color: ${muted}; }
  .jp .jp-doc-item p { margin: 0 0 .5rem; overflow-wrap: anywhere; }
  .jp .jp-doc-item p:last-child { margin: 0; }
  .jp .jp-doc-line { display: block; margin: 0; padding: .5rem; background: #f3f4f6; color: #1a1a1a; border-radius: ${radius};
    font: .9rem/1.4 ui-monospace, Menlo, Consolas, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
`;

/** Every check, in the order a webmaster fixes them (the release's only when the page has a portal script tag). */
function verdicts(f: Facts, seen: Look): Check[] {
  const pinned = release(f);
  return [
    reach(f),
    ...(pinned ? [pinned] : []),
    origin(f),
    mailLinks(f),
    cookie(f),
    ...policy(f),
    look(seen),
    language(f),
    passkeys(f),
  ];
}

/**
 * The installation check for the webmaster: put it beside the portal on the site's page, read what
 * it says, fix what is red, remove it.
 * @attr api - base URL of the worker (default: the ancestor's, else the first portal element's on the page, else the page's origin)
 * @attr lang - sr-Latn (default), sr-Cyrl or en
 */
export class JpDoctor extends JpElement {
  static styles = [base, styles];
  static properties = { facts: { state: true }, running: { state: true } };
  private facts: Facts | undefined = undefined;
  private seen: Look | undefined = undefined;
  // It starts checking as soon as it is on the page.
  private running = true;

  connectedCallback() {
    // The page's fallback text ("if you read this, the script did not load") gives way to the check.
    if (!this.hasUpdated) this.replaceChildren();
    super.connectedCallback();
  }

  firstUpdated() {
    void this.run();
  }

  /** The API the page's widget uses: this element's, its ancestor's, or the first widget element's with one. */
  private get target() {
    if (this.closest('[api]')) return this.api;
    const other = [...document.querySelectorAll(ANY)].find((e) => e.closest('[api]'));
    return other ? apiBase(other) : '';
  }

  private async run() {
    this.running = true;
    try {
      // The look where the portal is on the page (its host's rules there), else beside this check.
      const portal = [...document.querySelectorAll(ANY)].find((e) => e !== this);
      this.seen = sampleLook(portal ?? this);
      this.facts = await probe(this, this.target);
    } finally {
      this.running = false;
    }
  }

  private item(c: Check) {
    const state = {
      ok: msg('U redu'),
      bad: msg('Treba popraviti'),
      warn: msg('Proverite'),
      unknown: msg('Nije provereno'),
    }[c.state];
    const mark = { ok: '✓', bad: '✗', warn: '!', unknown: '–' }[c.state];
    return html`<li class="jp-doc-item jp-doc-${c.state}" data-check=${c.id}>
      <h3><span>${c.title}</span> <span class="jp-doc-state"><span aria-hidden="true">${mark}</span> ${state}</span></h3>
      <p>${c.found}</p>
      ${c.fix ? html`<p><strong>${msg('Šta da uradite:')}</strong> ${c.fix}</p>` : nothing}
      ${c.line ? html`<p><code class="jp-doc-line">${c.line}</code></p>` : nothing}
    </li>`;
  }

  render() {
    const checks = this.facts && this.seen ? verdicts(this.facts, this.seen) : [];
    const bad = checks.filter((c) => c.state === 'bad').length;
    const warn = checks.filter((c) => c.state === 'warn').length;
    const summary = this.running
      ? msg('Provera je u toku…')
      : bad
        ? msg(str`Treba popraviti stavki: ${bad}. Kod svake piše šta da uradite.`)
        : warn
          ? msg(str`Portal će raditi na ovoj stranici. Proverite još stavki: ${warn}.`)
          : msg('Sve je u redu: portal će raditi na ovoj stranici.');
    return html`<h2 tabindex="-1">${msg('Provera ugradnje portala')}</h2>
      <p>${msg('Ova provera je za webmastera sajta: pokazuje da li je portal dobro ugrađen u ovu stranicu. Kada je sve u redu, uklonite je sa stranice.')}</p>
      <p role="status" class="jp-status ${this.running ? '' : bad ? 'jp-bad' : 'jp-good'}">${summary}</p>
      ${checks.length ? html`<ol class="jp-doc-list">${checks.map((c) => this.item(c))}</ol>` : nothing}
      <p><button type="button" aria-busy=${this.running ? 'true' : 'false'} ?disabled=${this.running} @click=${this.run}>
        ${msg('Proverite ponovo')}</button></p>`;
  }
}

define('jp-doctor', JpDoctor);

declare global {
  interface HTMLElementTagNameMap {
    'jp-doctor': JpDoctor;
  }
}
