// The installation check's look: whether the host page's stylesheet reaches the widget. A hidden
// sample of the widget's element kinds (a paragraph, a link, a form with a label and a button, a
// heading, a list) is put where the portal is in the page, so the host's rules match it as they
// match the portal; each sampled property is compared with what the widget's own rules give it,
// and a difference names the host's rule that sets it (the last readable one that matches). The
// widget's rules outrank the host's (styles.ts); what can still reach in is a host rule in an
// earlier cascade layer marked important, or the page's root font size (rem, on purpose: the
// browser's text size applies through it), which is a warning.
import { msg, str } from '@lit/localize';
import { primary } from './tokens.js';
import type { Check } from './doctor-checks.js';

/** A sampled property that differs from what the widget's rules give it. */
export interface Leak {
  sample: string;
  property: string;
  found: string;
  expected: string;
  /** The host's rule that sets it, with its stylesheet, when the page's sheets can be read. */
  rule?: string;
}

export interface Look {
  leaks: Leak[];
  /** The root font size the page gives the widget, and the browser's own ('medium'), in px. */
  rootSize: number;
  mediumSize: number;
}

const TRANSPARENT = 'rgba(0, 0, 0, 0)';

/** Builds an element with children, without markup (a page's Trusted Types policy allows this). */
function el(tag: string, cls = '', ...children: (Element | string)[]): HTMLElement {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.append(...children);
  return e;
}

/** The host's rule that sets `property` on `target` (the last matching one in the readable sheets). */
export function hostRule(target: Element, property: string): string | undefined {
  let found: string | undefined;
  const visit = (rules: CSSRuleList, where: string) => {
    for (const r of Array.from(rules)) {
      if (r instanceof CSSStyleRule) {
        const value = r.style.getPropertyValue(property) || r.style.getPropertyValue('all');
        try {
          if (value && target.matches(r.selectorText)) {
            const important = r.style.getPropertyPriority(property) ? ' !important' : '';
            found = `${r.selectorText} { ${property}: ${value}${important} } (${where})`;
          }
        } catch {
          // A selector this browser cannot match (a prefixed pseudo-class): not the one.
        }
      }
      if ('cssRules' in r) visit((r as CSSGroupingRule).cssRules, where);
    }
  };
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      visit(sheet.cssRules, sheet.href ?? '<style>');
    } catch {
      // Another origin's stylesheet without CORS: its rules cannot be read.
    }
  }
  return found;
}

/** Samples the widget's look where `near` is in the page (its parent holds the sample for a moment). */
export function sampleLook(near: Element): Look {
  const link = el('a');
  link.setAttribute('href', '#');
  link.append('a');
  const samples = {
    p: el('p', '', 'a'),
    a: link,
    form: el('form', '', el('label', '', 'a'), el('button', '', 'a')),
    h2: el('h2', '', 'a'),
    li: el('li', '', 'a'),
  };
  const root = el('div', 'jp', samples.p, el('p', '', samples.a), samples.form, samples.h2, el('ul', '', samples.li));
  // The brand colour and the browser's text size as the page resolves them, set inline and important.
  const colour = el('span');
  colour.style.setProperty('color', primary.cssText, 'important');
  const medium = el('span');
  medium.style.setProperty('font-size', 'medium', 'important');
  const holder = el('div', '', root, colour, medium);
  holder.style.setProperty('display', 'none', 'important');
  (near.parentElement ?? document.body).append(holder);
  try {
    const cs = (e: Element) => getComputedStyle(e);
    const brand = cs(colour).color;
    const rootSize = cs(root).fontSize;
    const expect: [keyof typeof samples, string, string][] = [
      ['a', 'color', brand],
      ['p', 'text-indent', '0px'],
      ['p', 'text-align', 'left'],
      ['form', 'background-color', TRANSPARENT],
      ['form', 'border-top-style', 'none'],
      ['form', 'padding-top', '0px'],
      ['h2', 'border-bottom-style', 'none'],
      ['li', 'list-style-type', 'disc'],
    ];
    const leaks: Leak[] = [];
    for (const [sample, property, expected] of expect) {
      const found = cs(samples[sample]).getPropertyValue(property);
      if (found !== expected)
        leaks.push({ sample, property, found, expected, rule: hostRule(samples[sample], property) });
    }
    const label = samples.form.firstElementChild as Element;
    const button = samples.form.lastElementChild as Element;
    const pairs: [string, Element, string, string][] = [
      ['label', label, 'font-size', rootSize],
      ['button', button, 'background-color', brand],
    ];
    for (const [sample, target, property, expected] of pairs) {
      const found = cs(target).getPropertyValue(property);
      if (found !== expected) leaks.push({ sample, property, found, expected, rule: hostRule(target, property) });
    }
    return { leaks, rootSize: Number.parseFloat(rootSize), mediumSize: Number.parseFloat(cs(medium).fontSize) };
  } finally {
    holder.remove();
  }
}

/** The look's verdict: the first leak with its rule, or the page's smaller root font size. */
export function look({ leaks, rootSize, mediumSize }: Look): Check {
  const title = msg('Izgled portala');
  const [first] = leaks;
  if (first) {
    const what = `${first.sample} ${first.property}: ${first.found} (${first.expected})`;
    const rule = first.rule ?? '';
    return {
      id: 'look',
      title,
      state: 'bad',
      found: rule
        ? msg(str`Pravilo stranice menja izgled portala: ${what}, pravilo ${rule}.`)
        : msg(str`Nešto na stranici menja izgled portala: ${what}.`),
      fix: msg('Uklonite to pravilo ili ga ograničite na delove stranice van portala, pa ponovo pokrenite proveru.'),
    };
  }
  if (rootSize < mediumSize - 0.5) {
    const sizes = `${rootSize}px / ${mediumSize}px`;
    const line = 'html { font-size: 100%; }';
    return {
      id: 'look',
      title,
      state: 'warn',
      found: msg(
        str`Stranica smanjuje osnovnu veličinu slova (${sizes}), pa je i tekst portala sitniji nego u pregledaču.`,
      ),
      fix: msg('Ako to nije namerno, vratite osnovnu veličinu na onu koju je izabrao posetilac:'),
      line,
    };
  }
  return {
    id: 'look',
    title,
    state: 'ok',
    found: msg('Pravila stranice ne menjaju izgled portala (linkovi, tekst, obrasci, naslovi, liste i dugmad).'),
  };
}
