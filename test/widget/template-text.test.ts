// The build minifies the static text of the Lit templates (widget/scripts/template-text.ts):
// Chromium must parse every sheet of the widget to the same rules as the source, and markup
// must keep its words and the spaces between them.
import { expect, fixture as mount } from '@open-wc/testing';
import { html } from 'lit';
import { minifyCss, collapseMarkup, minifyParts } from '../../widget/scripts/template-text.ts';

const MODULES = ['styles', 'help', 'jp-portal.styles', 'jp-register.styles', 'jp-bills.styles', 'lists.styles'];
/** Each css`…` literal's static parts (the sheets have no nested templates). */
const literals = (source: string) => [...source.matchAll(/\bcss`([^`]*)`/g)].map((m) => m[1].split(/\$\{\w+\}/));
const sheet = (parts: string[]) => parts.map((p, i) => (i ? `var(--x${i})${p}` : p)).join('');
const rules = (text: string) => {
  const s = new CSSStyleSheet();
  s.replaceSync(text);
  return [...s.cssRules].map((r) => r.cssText);
};

describe('minified template text', () => {
  for (const name of MODULES) {
    it(`${name}.ts: the same CSS rules`, async () => {
      const source = await (await fetch(`/widget/src/${name}.ts`)).text();
      const found = literals(source);
      expect(found).not.to.be.empty;
      for (const parts of found) {
        const before = sheet(parts);
        const after = sheet(minifyParts('css', parts));
        expect(after.length).to.be.below(before.length);
        expect(rules(after)).to.deep.equal(rules(before)).and.not.be.empty;
      }
    });
  }

  it('keeps the space of a descendant combinator before a pseudo-class', () => {
    expect(minifyCss('\n  .jp :is(a, b) > c { color: red ; }\n')).to.equal(' .jp :is(a,b)>c{color:red}');
    expect(minifyParts('css', ['\n  .jp { margin: 0 ', '; }\n'])).to.deep.equal(['.jp{margin:0 ', '}']);
  });

  it('markup: the indentation goes, the words and the spaces between them stay', async () => {
    const source = '\n      <p>Nemate nalog?\n        <a href="#">Kreirajte nalog</a></p>\n      <p>A  B</p>\n    ';
    expect(collapseMarkup(source)).to.equal('\n<p>Nemate nalog?\n<a href="#">Kreirajte nalog</a></p>\n<p>A  B</p>\n');
    const strings = (s: string) => Object.assign([s], { raw: [s] }) as unknown as TemplateStringsArray;
    const before = await mount(html`<div>${html(strings(source))}</div>`);
    const after = await mount(html`<div>${html(strings(collapseMarkup(source)))}</div>`);
    // innerText on purpose: it is the rendered text (textContent would keep the whitespace the minifier takes out).
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is compared
    expect((after as HTMLElement).innerText).to.equal((before as HTMLElement).innerText);
  });
});
