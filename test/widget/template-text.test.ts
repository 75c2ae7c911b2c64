// The build minifies the text of the css`…` literals (widget/scripts/css-literals.ts): Chromium
// must parse every sheet of the widget to the same rules as the source.
import { expect } from '@open-wc/testing';
import { minifyCssLiterals } from '../../widget/scripts/css-literals.ts';

const MODULES = ['styles', 'help', 'jp-portal.styles', 'jp-register.styles', 'jp-bills.styles', 'lists.styles'];
const literals = (source: string) => [...source.matchAll(/\bcss`([^`]*)`/g)].map((m) => m[1].replace(/\$\{(\w+)\}/g, 'var(--$1)'));
const rules = (text: string) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((r) => r.cssText);
};

describe('minified css literals', () => {
  for (const name of MODULES) {
    it(`${name}.ts: the same rules`, async () => {
      const source = await (await fetch(`/widget/src/${name}.ts`)).text();
      const before = literals(source);
      const after = literals(minifyCssLiterals(source));
      expect(before).not.to.be.empty;
      expect(after).to.have.length(before.length);
      before.forEach((text, i) => {
        expect(after[i].length).to.be.below(text.length);
        expect(rules(after[i])).to.deep.equal(rules(text)).and.not.be.empty;
      });
    });
  }

  it('keeps the space of a descendant combinator before a pseudo-class', () => {
    expect(minifyCssLiterals('css`\n  .jp :is(a, b) > c { color: ${x} ; }\n`')).to.equal('css`.jp :is(a,b)>c{color:${x}}`');
  });
});
