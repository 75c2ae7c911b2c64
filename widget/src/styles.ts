// The elements render into the light DOM (so password managers and Safari's save prompt see
// the real <form> and inputs). Their CSS is constructable stylesheets adopted by the element's
// root (the document, or a shadow root the page put it in): no <style> element and no style
// attribute, so a strict CSP (style-src 'self') holds. Every rule is scoped under `.jp`.
//
// The host page's stylesheet cannot reach in (docs/embedding.md, "The host's CSS"): every
// declaration is adopted as `!important` inside the cascade layer `jp` (adoptStyles), and the
// first rules put each element of the widget back to the browser's own style (`all: revert`) and
// the outermost to initial values (nothing inherited from the host's containers). An important
// declaration in a layer outranks every normal declaration and every unlayered important one,
// whatever the host's selector (`#content a`, `button { all: unset }`). So: no `!important` in the
// sources, and our own rules order themselves by specificity and source order as usual. The
// shapes inside an <svg> are left out of the reset: reverting them would drop their presentation
// attributes (fill, x, width); the <svg> itself is reset and sized by these rules.
import { css, type CSSResult } from 'lit';
import { primary, primaryText, text, muted, error, ok, border, bg, radius, gap, font, focus } from './tokens.js';

/** What every view uses: the reset against the site's CSS, fields, buttons, links, status. */
export const base = css`
  .jp :where(:not(svg *)), .jp ::before, .jp ::after { all: revert; }
  .jp:where(:not(.jp *)) { all: initial; }
  .jp { display: block; max-width: 34rem; margin: 0 auto; padding: ${gap};
    font: 1rem/1.5 ${font}; color: ${text}; background: ${bg}; border-radius: ${radius}; text-align: left; }
  .jp, .jp *, .jp ::before, .jp ::after { box-sizing: border-box; }
  /* The hidden attribute is a presentational hint in Chromium, which the reset drops. */
  .jp [hidden] { display: none; }
  .jp .jp { padding: 0; max-width: none; margin: 0; }
  .jp h2 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 .5rem; color: ${text}; }
  .jp h3 { font-size: 1.25rem; margin: ${gap} 0 .5rem; color: ${text}; }
  .jp h4 { font-size: 1.05rem; margin: ${gap} 0 .5rem; color: ${text}; }
  .jp p { margin: 0 0 ${gap}; }
  .jp form { display: grid; gap: ${gap}; margin: 0; }
  .jp .jp-field { display: grid; gap: .25rem; margin: 0; }
  .jp label { font-weight: 600; color: ${text}; }
  .jp :is(input[type=email], input[type=password], input[type=text]) {
    font: inherit; width: 100%; max-width: none; height: auto; margin: 0; padding: .6rem .7rem; min-height: 2.75rem;
    border: 1px solid ${border}; border-radius: ${radius}; background: #fff; color: #1a1a1a; box-shadow: none; }
  .jp .jp-password { display: flex; flex-wrap: wrap; gap: .5rem; }
  .jp .jp-password input { flex: 1 1 11rem; }
  .jp .jp-password .jp-show { flex: none; font-weight: 400; padding: .5rem .75rem; }
  .jp input[aria-invalid=true] { border-color: ${error}; border-width: 2px; }
  .jp .jp-check { display: flex; gap: .5rem; align-items: flex-start; }
  .jp .jp-check input { width: 1.5rem; height: 1.5rem; margin: 0; flex: none; accent-color: ${primary}; }
  .jp .jp-check label { font-weight: 400; }
  .jp .jp-error { color: ${error}; font-size: .95rem; margin: 0; }
  .jp .jp-hint { color: ${muted}; font-size: .9rem; margin: 0; }
  .jp button { font: inherit; font-weight: 600; line-height: 1.3; padding: .7rem 1rem; min-height: 2.75rem; width: auto; margin: 0;
    border-radius: ${radius}; border: 2px solid ${primary}; background: ${primary}; color: ${primaryText}; cursor: pointer; }
  .jp button.jp-secondary { background: #fff; color: ${primary}; }
  .jp .jp-show[aria-pressed=true] { background: ${primary}; color: ${primaryText}; }
  .jp button[aria-busy=true] { opacity: .75; cursor: progress; }
  .jp button:disabled { opacity: .5; cursor: not-allowed; }
  .jp a, .jp .jp-link { color: ${primary}; text-decoration: underline; background: none; border: 0; padding: 0; min-height: 0; font-weight: 400; cursor: pointer; }
  /* WCAG 2.2 target size: every link is at least 24px tall. */
  .jp a { display: inline-block; min-height: 24px; padding-block: 2px; }
  .jp :focus-visible { outline: 3px solid ${focus}; outline-offset: 2px; }
  .jp .jp-row { display: flex; flex-wrap: wrap; gap: .5rem 1rem; justify-content: space-between; align-items: center; }
  .jp .jp-status { margin: 0; padding: .75rem; border-radius: ${radius}; }
  .jp .jp-status:empty { display: none; }
  .jp .jp-status.jp-bad { background: #fdecee; color: ${error}; }
  .jp .jp-status.jp-good { background: #e7f4ea; color: ${ok}; }
`;

const layered = new WeakMap<CSSResult, CSSStyleSheet>();

/** Adopts an element's sheets (as the header says: important, in the layer `jp`) into the root it lives in, once. */
export function adoptStyles(el: Element, styles: CSSResult[]): void {
  const root = el.getRootNode();
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  const missing = styles
    .map((s) => {
      let sheet = layered.get(s);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        // Each declaration is the text before a `;` or `}` with a colon in it (a selector ends at `{`).
        sheet.replaceSync(`@layer jp{${s.cssText.replace(/[^{};]*:[^{};]*(?=[;}])/g, '$&!important')}}`);
        layered.set(s, sheet);
      }
      return sheet;
    })
    .filter((s) => !root.adoptedStyleSheets.includes(s));
  if (missing.length) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...missing];
}
