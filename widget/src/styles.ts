// The elements render into the light DOM (so password managers and Safari's save prompt see
// the real <form> and inputs). Their CSS is one constructable stylesheet adopted by the
// document: no <style> element and no style attribute, so a strict CSP (style-src 'self') holds.
import { css } from 'lit';

const sheet = css`
  :where(.jp) {
    --jp-primary: #0b5394; --jp-primary-text: #fff; --jp-text: #1a1a1a; --jp-muted: #4a4a4a;
    --jp-error: #b00020; --jp-ok: #1e6b2e; --jp-border: #6b6b6b; --jp-bg: #fff; --jp-accent: #e8f0fa;
    --jp-radius: 6px; --jp-gap: 1rem; --jp-font: system-ui, 'Segoe UI', Roboto, Arial, sans-serif;
  }
  .jp { all: revert; display: block; box-sizing: border-box; max-width: 34rem; margin: 0 auto; padding: var(--jp-gap);
    font: 1rem/1.5 var(--jp-font); color: var(--jp-text); background: var(--jp-bg); border-radius: var(--jp-radius); }
  .jp *, .jp *::before, .jp *::after { box-sizing: border-box; }
  /* The host site's own rules must not restyle the widget. */
  .jp :is(h2, h3, h4, p, label, table, th, td, li, input, button, a, dl, dt, dd, summary, strong, div, footer) {
    font-family: inherit; text-transform: none; letter-spacing: normal; text-shadow: none; float: none; }
  .jp .jp { padding: 0; max-width: none; margin: 0; }
  .jp h2 { font-size: 1.5rem; margin: 0 0 .5rem; color: var(--jp-text); }
  .jp p { margin: 0 0 var(--jp-gap); }
  .jp .jp-brand { font-weight: 700; font-size: 1.25rem; color: var(--jp-primary); margin-bottom: var(--jp-gap); }
  .jp form { display: grid; gap: var(--jp-gap); margin: 0; }
  .jp .jp-field { display: grid; gap: .25rem; }
  .jp label { font-weight: 600; }
  .jp input[type=email], .jp input[type=password], .jp input[type=text] {
    font: inherit; width: 100%; padding: .6rem .7rem; border: 1px solid var(--jp-border); border-radius: var(--jp-radius);
    background: #fff; color: var(--jp-text); min-height: 2.75rem; }
  .jp input[aria-invalid=true] { border-color: var(--jp-error); border-width: 2px; }
  .jp .jp-check { display: flex; gap: .5rem; align-items: flex-start; font-weight: 400; }
  .jp .jp-check input { width: 1.5rem; height: 1.5rem; margin: 0; flex: none; }
  .jp .jp-check label { font-weight: 400; }
  .jp .jp-error { color: var(--jp-error); font-size: .95rem; margin: 0; }
  .jp .jp-hint { color: var(--jp-muted); font-size: .9rem; margin: 0; }
  .jp button { font: inherit; font-weight: 600; padding: .7rem 1rem; min-height: 2.75rem; border-radius: var(--jp-radius);
    border: 2px solid var(--jp-primary); background: var(--jp-primary); color: var(--jp-primary-text); cursor: pointer; }
  .jp button.jp-secondary { background: #fff; color: var(--jp-primary); }
  .jp button[aria-busy=true] { opacity: .75; cursor: progress; }
  .jp a, .jp .jp-link { color: var(--jp-primary); text-decoration: underline; background: none; border: 0; padding: 0; min-height: 0; font-weight: 400; cursor: pointer; }
  /* WCAG 2.2 target size: every link is at least 24px tall. */
  .jp a { display: inline-block; min-height: 24px; padding-block: 2px; }
  .jp :focus-visible { outline: 3px solid #f4b400; outline-offset: 2px; }
  .jp .jp-row { display: flex; flex-wrap: wrap; gap: .5rem 1rem; justify-content: space-between; align-items: center; }
  .jp .jp-status { margin: 0; padding: .75rem; border-radius: var(--jp-radius); }
  .jp .jp-status:empty { display: none; }
  .jp .jp-status.jp-bad { background: #fdecee; color: var(--jp-error); }
  .jp .jp-status.jp-good { background: #e7f4ea; color: var(--jp-ok); }
  .jp .jp-help { background: var(--jp-accent); padding: .75rem 1rem; border-radius: var(--jp-radius); }
  .jp .jp-help summary { cursor: pointer; font-weight: 600; }
  .jp .jp-bill-figure { max-width: 100%; height: auto; display: block; margin: .5rem 0; }
  .jp footer { margin-top: calc(var(--jp-gap) * 1.5); display: flex; flex-wrap: wrap; gap: .5rem 1rem; font-size: .9rem; }
  .jp dl { margin: 0 0 var(--jp-gap); }
  .jp dt { font-weight: 600; }
  .jp dd { margin: 0 0 .5rem; overflow-wrap: anywhere; }
  .jp .jp-switch { display: flex; gap: .5rem; justify-content: flex-end; font-size: .9rem; }
  .jp .jp-switch button { padding: .2rem .5rem; min-height: 2rem; font-weight: 400; background: #fff; color: var(--jp-primary); border-width: 1px; }
  .jp .jp-switch button[aria-pressed=true] { background: var(--jp-primary); color: var(--jp-primary-text); }
  .jp h3 { font-size: 1.25rem; margin: var(--jp-gap) 0 .5rem; }
  .jp h4 { font-size: 1.05rem; margin: var(--jp-gap) 0 .5rem; }
  .jp .jp-bills { list-style: none; margin: 0 0 var(--jp-gap); padding: 0; }
  .jp .jp-bills li { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: .5rem 0; border-bottom: 1px solid #d0d0d0; }
  .jp .jp-bills li > :first-child { flex: 1 1 100%; text-align: left; font-weight: 600; }
  .jp .jp-paid { color: var(--jp-ok); } .jp .jp-unpaid { color: var(--jp-error); font-weight: 600; }
  .jp .jp-items { width: 100%; border-collapse: collapse; margin-bottom: var(--jp-gap); }
  .jp .jp-items th, .jp .jp-items td { text-align: left; padding: .3rem .25rem; border-bottom: 1px solid #d0d0d0; }
  .jp .jp-items td:last-child { text-align: right; white-space: nowrap; }
  .jp .jp-qr { width: 220px; max-width: 100%; height: auto; display: block; margin: 0 0 var(--jp-gap); }
  .jp button:disabled { opacity: .5; cursor: not-allowed; }
  .jp .jp-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

let adopted = false;
export function adoptStyles(): void {
  if (adopted || typeof document === 'undefined') return;
  adopted = true;
  const s = sheet.styleSheet;
  if (s) document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
}
